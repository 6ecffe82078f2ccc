// Package input reads the files users hand to dgmaturity: it enforces size
// limits, strips a byte-order mark, refuses invalid UTF-8, decodes YAML and
// JSON strictly, and reports every problem as an *Error that names the file,
// the line and the field. Errors of this package mean "bad input" (exit 2).
package input

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/dgmaturity/dgmaturity/internal/exit"
	"github.com/dgmaturity/dgmaturity/internal/locale"
)

// Error is a problem with a user's input: the file, the line (0 when not
// known), the field path (e.g. "questions[3].area") and the reason.
type Error struct {
	File  string
	Line  int
	Field string
	// Msg is the reason as a message, shown in the reader's language (In).
	Msg Msg
	// Reason is the reason as plain text, the same in every language; it
	// is shown only when Msg has no ID (a reason not yet made a message).
	Reason string
}

// Error formats as "file:line: field: reason", leaving out what is unknown,
// with the reason in English.
func (e *Error) Error() string { return e.In(nil) }

// In formats the error as Error does, with the reason in p's language
// (English for a nil p). The file name is shown through QuotePath: it
// comes from outside (a folder's listing) and must not drive the terminal
// that shows the error; the field path is never translated.
func (e *Error) In(p *locale.Printer) string {
	var b strings.Builder
	if e.File != "" {
		b.WriteString(QuotePath(e.File))
		if e.Line > 0 {
			fmt.Fprintf(&b, ":%d", e.Line)
		}
		b.WriteString(": ")
	}
	if e.Field != "" {
		b.WriteString(e.Field)
		b.WriteString(": ")
	}
	b.WriteString(e.Why(p))
	return b.String()
}

// Why returns the reason alone in p's language (English for a nil p).
func (e *Error) Why(p *locale.Printer) string {
	if e.Msg.ID != "" {
		return e.Msg.In(p)
	}
	return e.Reason
}

// Errors is a list of input problems found in one pass, so that a user can
// fix them all at once.
type Errors []*Error

// Error joins the problems, one per line.
func (es Errors) Error() string { return es.In(nil) }

// In joins the problems, one per line, in p's language (English for a nil
// p).
func (es Errors) In(p *locale.Printer) string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.In(p)
	}
	return strings.Join(lines, "\n")
}

// Err returns nil for an empty list, a single *Error for one problem and the
// list otherwise.
func (es Errors) Err() error {
	switch len(es) {
	case 0:
		return nil
	case 1:
		return es[0]
	}
	return es
}

// UsageError is a command line used wrongly (unknown flag, missing
// argument): the exit package's kind, named here too because readers and
// publish return it next to *Error.
type UsageError = exit.UsageError

// ExitCode makes bad input exit like bad usage (exit.Usage).
func (e *Error) ExitCode() int { return exit.Usage }

// ExitCode makes a list of input problems exit with exit.Usage.
func (es Errors) ExitCode() int { return exit.Usage }

// IsBad reports whether err is a bad-input or bad-usage error, which the
// command line maps to exit code 2.
func IsBad(err error) bool { return exit.IsUsage(err) }

// MiB is a mebibyte, for size limits.
const MiB = 1 << 20

// ReadFile reads a user's file of at most limit bytes and checks it with
// Check. Only regular files are read: a pipe would block and a device such
// as /dev/zero never ends, so both are refused unopened.
func ReadFile(path string, limit int64) ([]byte, error) {
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() && !st.IsDir() {
		return nil, &Error{File: path, Msg: M("input.file.not_regular")}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{File: path, Msg: describeOpen(err)}
	}
	defer f.Close()
	fileSize := int64(0)
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, &Error{File: path, Msg: M("input.file.folder")}
	} else if err == nil {
		fileSize = st.Size()
	}
	// One buffer of the file's size (plus one byte, to see it end), not
	// io.ReadAll's doubling: compare reads thousands of files.
	buf := bytes.NewBuffer(make([]byte, 0, min(fileSize, limit)+bytes.MinRead))
	_, err = buf.ReadFrom(io.LimitReader(f, limit+1))
	data := buf.Bytes()
	if err != nil {
		return nil, &Error{File: path, Msg: M("input.file.unreadable", "Detail", err.Error())}
	}
	if int64(len(data)) > limit {
		return nil, &Error{File: path, Msg: TooLarge(limit)}
	}
	return Check(path, data)
}

// Check refuses empty data and invalid UTF-8 (naming the line of the first
// bad byte) and strips a UTF-8 byte-order mark, so that files saved on
// Windows read like any other.
func Check(name string, data []byte) ([]byte, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &Error{File: name, Msg: M("input.file.empty")}
	}
	if !utf8.Valid(data) {
		line := 1
		for i := 0; i < len(data); {
			r, n := utf8.DecodeRune(data[i:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			if data[i] == '\n' {
				line++
			}
			i += n
		}
		return nil, &Error{File: name, Line: line, Msg: M("input.file.not_utf8")}
	}
	return data, nil
}

func describeOpen(err error) Msg {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return M("input.file.not_found")
	case errors.Is(err, os.ErrPermission):
		return M("input.file.permission")
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	// The system's own words, in the system's language.
	return M("input.file.open_failed", "Detail", err.Error())
}

// TooLarge is the reason for a file over the size limit of limit bytes.
func TooLarge(limit int64) Msg {
	if limit%MiB == 0 {
		return M("input.file.too_large_mib", "Size", limit/MiB)
	}
	return MN("input.file.too_large_bytes", int(limit))
}
