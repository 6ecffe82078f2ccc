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
)

// Error is a problem with a user's input: the file, the line (0 when not
// known), the field path (e.g. "questions[3].area") and the reason.
type Error struct {
	File   string
	Line   int
	Field  string
	Reason string
}

// Error formats as "file:line: field: reason", leaving out what is unknown.
// The file name is shown through QuotePath: it comes from outside (a
// folder's listing) and must not drive the terminal that shows the error.
func (e *Error) Error() string {
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
	b.WriteString(e.Reason)
	return b.String()
}

// Errors is a list of input problems found in one pass, so that a user can
// fix them all at once.
type Errors []*Error

// Error joins the problems, one per line.
func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
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

// UsageError is a command line used wrongly (unknown flag, missing argument).
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// IsBad reports whether err is a bad-input or bad-usage error, which the
// command line maps to exit code 2.
func IsBad(err error) bool {
	var e *Error
	var es Errors
	var u *UsageError
	return errors.As(err, &e) || errors.As(err, &es) || errors.As(err, &u)
}

// MiB is a mebibyte, for size limits.
const MiB = 1 << 20

// ReadFile reads a user's file of at most limit bytes and checks it with
// Check. Only regular files are read: a pipe would block and a device such
// as /dev/zero never ends, so both are refused unopened.
func ReadFile(path string, limit int64) ([]byte, error) {
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() && !st.IsDir() {
		return nil, &Error{File: path, Reason: "is not a regular file (a device, pipe or socket)"}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, &Error{File: path, Reason: describeOpen(err)}
	}
	defer f.Close()
	fileSize := int64(0)
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, &Error{File: path, Reason: "is a folder, not a file"}
	} else if err == nil {
		fileSize = st.Size()
	}
	// One buffer of the file's size (plus one byte, to see it end), not
	// io.ReadAll's doubling: compare reads thousands of files.
	buf := bytes.NewBuffer(make([]byte, 0, min(fileSize, limit)+bytes.MinRead))
	_, err = buf.ReadFrom(io.LimitReader(f, limit+1))
	data := buf.Bytes()
	if err != nil {
		return nil, &Error{File: path, Reason: "cannot be read: " + err.Error()}
	}
	if int64(len(data)) > limit {
		return nil, &Error{File: path, Reason: fmt.Sprintf("is larger than the %s limit", size(limit))}
	}
	return Check(path, data)
}

// Check refuses empty data and invalid UTF-8 (naming the line of the first
// bad byte) and strips a UTF-8 byte-order mark, so that files saved on
// Windows read like any other.
func Check(name string, data []byte) ([]byte, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &Error{File: name, Reason: "is empty"}
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
		return nil, &Error{File: name, Line: line, Reason: "is not valid UTF-8 text"}
	}
	return data, nil
}

func describeOpen(err error) string {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "no such file"
	case errors.Is(err, os.ErrPermission):
		return "permission denied"
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

func size(n int64) string {
	if n%MiB == 0 {
		return fmt.Sprintf("%d MiB", n/MiB)
	}
	return fmt.Sprintf("%d bytes", n)
}
