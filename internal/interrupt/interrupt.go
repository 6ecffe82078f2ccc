// Package interrupt catches ctrl+c (SIGINT) for the whole life of the
// process, from its first instants: the package imports only the standard
// library's context, os and os/signal, so that it is initialised among
// the first packages (Go initialises a package as soon as its imports
// are, in import-path order), long before the libraries whose
// initialisation takes most of the start (syntax highlighting, HTML
// policies). Until then Go's default handler ends the process at once on
// ctrl+c, before anything is read or written.
//
// Catching is never stopped: a ctrl+c cancels Context and nothing else,
// so that the process ends where the program decides (exit 130 at a
// checkpoint, or the run's own outcome once its work is done), never in
// the middle of a write.
package interrupt

import (
	"context"
	"os"
	"os/signal"
)

// ctx is cancelled by the first ctrl+c; its stop function is dropped on
// purpose: catching lasts until the process exits.
var ctx, _ = signal.NotifyContext(context.Background(), os.Interrupt)

// Context returns the context that the first ctrl+c cancels.
func Context() context.Context { return ctx }
