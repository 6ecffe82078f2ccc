package reports

import (
	"bufio"
	"fmt"
)

// out is the buffered writer every report renderer embeds, with its two
// verbs: p for a formatted piece, ln for a whole line.
type out struct{ w *bufio.Writer }

func (o out) p(format string, args ...any) { fmt.Fprintf(o.w, format, args...) }
func (o out) ln(s string)                  { o.w.WriteString(s); o.w.WriteByte('\n') }
