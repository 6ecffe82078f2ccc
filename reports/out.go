package reports

import (
	"bufio"
	"fmt"
)

// out is the buffered writer every report renderer embeds, with its verbs:
// p for a formatted piece, ln for a whole line, para for a paragraph and
// section for a section's heading and opening paragraphs.
type out struct{ w *bufio.Writer }

func (o out) p(format string, args ...any) { fmt.Fprintf(o.w, format, args...) }
func (o out) ln(s string)                  { o.w.WriteString(s); o.w.WriteByte('\n') }

// para writes s as a paragraph: the line, then a blank one.
func (o out) para(s string) { o.ln(s); o.ln("") }

// section opens a section of a Markdown report: its "## " heading, then
// the paragraphs that open it.
func (o out) section(heading string, paras ...string) {
	o.para("## " + heading)
	for _, s := range paras {
		o.para(s)
	}
}
