// Package exit owns the command line's exit contract: the exit codes and
// the kinds of error that choose them. Errors are typed where they arise
// (a flag or argument check, a refused output, a bad file, ctrl+c) and
// cmd/dgmaturity maps them to a code in one place with Code; no caller
// matches an error's text.
package exit

import (
	"context"
	"errors"
	"fmt"
)

// The exit codes of dgmaturity.
const (
	// OK: the work is done.
	OK = 0
	// Failure: the run failed while working (a disk full, a file that
	// vanished); retrying may help.
	Failure = 1
	// Usage: the command line or an input file is wrong; nothing was
	// written. Fix the command or the file and run again.
	Usage = 2
	// Interrupted: the user stopped the run (ctrl+c, SIGINT), as shells
	// report a process ended by SIGINT (128+2).
	Interrupted = 130
)

// ErrInterrupted is returned when the user stops a run with ctrl+c; it
// exits with Interrupted.
var ErrInterrupted = errors.New("interrupted")

// UsageError is a command line used wrongly: an unknown command or flag, a
// missing argument, flags that cannot go together, an output that would
// overwrite an input. It exits with Usage.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// ExitCode returns Usage.
func (e *UsageError) ExitCode() int { return Usage }

// Usagef returns a *UsageError with a formatted message.
func Usagef(format string, args ...any) error {
	return &UsageError{Msg: fmt.Sprintf(format, args...)}
}

// Coder is an error that chooses its own exit code; input's file errors
// implement it (bad input exits with Usage, like bad usage).
type Coder interface {
	error
	ExitCode() int
}

// Code maps the outcome of a run to its exit code: nil is OK; ctrl+c
// (ErrInterrupted, or the run's context cancelled) is Interrupted; an error
// that is or wraps a Coder takes its code; anything else is Failure.
func Code(err error) int {
	var c Coder
	switch {
	case err == nil:
		return OK
	case errors.Is(err, ErrInterrupted), errors.Is(err, context.Canceled):
		return Interrupted
	case errors.As(err, &c):
		return c.ExitCode()
	}
	return Failure
}

// IsUsage reports whether err exits with Usage (bad usage or bad input).
func IsUsage(err error) bool { return Code(err) == Usage }
