package cli

import (
	"bytes"
	"io"
	"os"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// fang renders --help; these helpers make its output fit the terminal.
// Fang wraps the long description to the terminal width (at most 120) but
// keeps our line breaks, and prints flag descriptions on one line, which
// the terminal then breaks mid-word; piped, it pads every line to 120
// columns. So the long texts are written as paragraphs (reflow), flag
// descriptions are wrapped to the room left beside the flag names, and
// help written to something other than a terminal loses its padding.

// helpWidth is the width fang renders help to: the terminal's, at most 120;
// 120 when standard output is not a terminal (fang's own rule).
func helpWidth() int {
	w, _, err := term.GetSize(os.Stdout.Fd())
	if err != nil || w <= 0 {
		return 120
	}
	return min(w, 120)
}

// fitHelp reflows every command's long text into paragraphs and wraps
// each flag's description to the narrowest room any command's help leaves
// it beside the flag names (a persistent flag is one object shown by every
// command).
//
// The commands' one-line summaries are wrapped too when wrapShorts is set:
// only for help shown on a terminal, because completion scripts and the
// man page read them as single lines.
func fitHelp(root *cobra.Command, w int, wrapShorts bool) {
	room := map[*pflag.Flag]int{}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.Long = reflow(c.Long)
		r := flagRoom(c, w)
		if wrapShorts {
			for _, sc := range c.Commands() {
				if ansi.StringWidth(sc.Short) > r && r >= 20 {
					sc.Short = ansi.Wordwrap(sc.Short, r, "")
				}
			}
		}
		note := func(f *pflag.Flag) {
			if old, ok := room[f]; !ok || r < old {
				room[f] = r
			}
		}
		c.LocalFlags().VisitAll(note)
		c.InheritedFlags().VisitAll(note)
		for _, sc := range c.Commands() {
			walk(sc)
		}
	}
	walk(root)
	for f, r := range room {
		wrapUsage(f, r)
	}
}

// reflow joins the lines of each paragraph of s into one, so that help
// wraps them at the terminal's width; lines that start with a space or a
// dash (examples, lists) keep their own line.
func reflow(s string) string {
	lines := strings.Split(s, "\n")
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			prev := lines[i-1]
			keep := l == "" || prev == "" || strings.HasPrefix(l, " ") || strings.HasPrefix(l, "-") || strings.HasPrefix(l, "\t")
			if keep {
				b.WriteString("\n")
			} else {
				b.WriteString(" ")
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

// flagRoom is the width fang leaves for flag descriptions in c's help at
// width w: 4 spaces of indent, the key column (at least 10, the widest
// flag or subcommand plus 2), and a cell of margin.
func flagRoom(c *cobra.Command, w int) int {
	keyW := 0
	measure := func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		k := len("--" + f.Name)
		if f.Shorthand != "" {
			k += len("-" + f.Shorthand + " ")
		}
		keyW = max(keyW, k)
	}
	c.LocalFlags().VisitAll(measure)
	c.InheritedFlags().VisitAll(measure)
	for _, sc := range c.Commands() {
		if sc.IsAvailableCommand() {
			keyW = max(keyW, ansi.StringWidth(sc.Use)+len(" [--flags]"))
		}
	}
	return w - 4 - max(10, keyW+2) - 1
}

// wrapUsage wraps f's description to room cells, leaving room on the last
// line for the default value fang appends; too narrow a room (a tiny
// terminal) leaves it as it is.
func wrapUsage(f *pflag.Flag, room int) {
	if room < 20 || strings.Contains(f.Usage, "\n") {
		return
	}
	def := ""
	if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" && f.DefValue != "[]" {
		def = " (" + f.DefValue + ")"
	}
	if ansi.StringWidth(f.Usage+def) <= room {
		return
	}
	lines := strings.Split(ansi.Wordwrap(f.Usage, room, ""), "\n")
	if last := lines[len(lines)-1]; ansi.StringWidth(last+def) > room {
		lines = append(lines, "") // the default goes on a line of its own
	}
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], " ")
	}
	f.Usage = strings.Join(lines, "\n")
}

// trimWriter removes the spaces at the end of every line it forwards: help
// written to a file or a pipe carries no padding.
type trimWriter struct {
	w    io.Writer
	line []byte
}

// Write implements io.Writer; a line is forwarded once it is complete.
func (t *trimWriter) Write(p []byte) (int, error) {
	t.line = append(t.line, p...)
	for {
		i := bytes.IndexByte(t.line, '\n')
		if i < 0 {
			return len(p), nil
		}
		out := append(bytes.TrimRight(t.line[:i], " "), '\n')
		if _, err := t.w.Write(out); err != nil {
			return 0, err
		}
		t.line = t.line[i+1:]
	}
}

// helpOut is where cobra and fang write help and the version: the
// standard output itself on a terminal, else through a trimWriter.
func helpOut(w io.Writer) io.Writer {
	if isTerminal(w) {
		return w
	}
	return &trimWriter{w: w}
}

// termWidth is helpWidth; tests replace it.
var termWidth = helpWidth
