package input

import (
	"github.com/dgmaturity/dgmaturity/internal/exit"
	"github.com/dgmaturity/dgmaturity/internal/locale"
)

// Refusal is bad usage said as a message, so that it reads in the run's
// language: an output that must not be written (an input, a folder, a
// file where a folder is meant), a previous assessment dated after this
// one. It exits with exit.Usage, like *UsageError, whose text is fixed
// when it is made; a Refusal is made where no printer is at hand (the
// publish package) and said by Describe.
type Refusal struct{ Msg Msg }

// Refuse returns a *Refusal with the message id and its data as name,
// value pairs (paths quoted by the caller, never translated).
func Refuse(id string, kv ...any) error { return &Refusal{Msg: M(id, kv...)} }

// Error returns the refusal in English.
func (r *Refusal) Error() string { return r.Msg.String() }

// In returns the refusal in p's language (English for a nil p).
func (r *Refusal) In(p *locale.Printer) string { return r.Msg.In(p) }

// ExitCode makes a refusal exit with exit.Usage.
func (r *Refusal) ExitCode() int { return exit.Usage }
