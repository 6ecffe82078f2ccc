package tui

import (
	"fmt"
	"path/filepath"
	"strings"
	"unicode"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dgmaturity/dgmaturity/internal/scoring"
)

// frame lays out a screen: a header line with the title on the left and
// right on the right, a rule, the body (clipped to the space left), and at
// the bottom the notice and the key help. The result is exactly the
// window's height, so the help always sits on the last line.
func (m Model) frame(body, right string, keys help.KeyMap) string {
	w := m.width
	title := m.styles.Title.Render("dgmaturity")
	if m.a != nil && m.a.Organisation.Name != "" {
		title += m.styles.Subtle.Render(" · " + m.a.Organisation.Name)
	}
	header := spread(" "+title, right+" ", w)
	rule := m.styles.Rule.Render(strings.Repeat("─", w))

	var footer []string
	if m.notice.text != "" {
		st := m.styles.Notice
		if m.notice.isErr {
			st = m.styles.Error
		}
		footer = append(footer, indent(st.Render(ansi.Truncate(m.notice.text, w-2, "…")), 1))
	}
	footer = append(footer, rule)
	for _, l := range m.helpLines(keys.ShortHelp(), w-2) {
		footer = append(footer, " "+l)
	}

	bodyHeight := m.height - 2 - len(footer) // header and rule on top
	lines := []string{header, rule}
	lines = append(lines, fitLines(body, bodyHeight, w)...)
	lines = append(lines, footer...)
	return strings.Join(lines, "\n")
}

// page frames the body of a whole screen, indented by a column, with the
// screen's name (a message id) on the right of the header.
func (m Model) page(body, title string, keys help.KeyMap) string {
	return m.frame(indent(body, 1), m.styles.Subtle.Render(m.p.T(title)), keys)
}

// intro is the heading of a screen (a message id) and its introduction,
// wrapped to w.
func (m Model) intro(title, text string, w int) string {
	return m.styles.Heading.Render(m.p.T(title)) + "\n\n" + wrap(text, w) + "\n\n"
}

// bodyHeight is the number of lines frame leaves for the body with this
// key help.
func (m Model) bodyHeight(keys help.KeyMap) int {
	h := m.height - 2 - 1 - len(helpRows(keys.ShortHelp(), lipgloss.Width(m.help.ShortSeparator), m.width-2))
	if m.notice.text != "" {
		h--
	}
	return h
}

// helpRows packs the enabled bindings into rows no wider than w: every
// key stays visible, none is cut off behind an ellipsis.
func helpRows(bs []key.Binding, sep, w int) [][]key.Binding {
	var rows [][]key.Binding
	var cur []key.Binding
	width := 0
	for _, b := range bs {
		if !b.Enabled() {
			continue
		}
		bw := ansi.StringWidth(b.Help().Key) + 1 + ansi.StringWidth(b.Help().Desc)
		if len(cur) > 0 && width+sep+bw > w {
			rows = append(rows, cur)
			cur, width = nil, 0
		}
		if len(cur) > 0 {
			width += sep
		}
		cur = append(cur, b)
		width += bw
	}
	if len(cur) > 0 || len(rows) == 0 {
		rows = append(rows, cur)
	}
	return rows
}

// helpLines renders the short key help in as many lines as the width
// needs.
func (m Model) helpLines(bs []key.Binding, w int) []string {
	rows := helpRows(bs, lipgloss.Width(m.help.ShortSeparator), w)
	lines := make([]string, len(rows))
	for i, r := range rows {
		lines[i] = m.help.ShortHelpView(r)
	}
	return lines
}

// spread puts left and right on one line of width w, right-aligned, cutting
// left short where both do not fit.
func spread(left, right string, w int) string {
	rw := lipgloss.Width(right)
	left = ansi.Truncate(left, max(0, w-rw-1), "…")
	gap := max(1, w-lipgloss.Width(left)-rw)
	return left + strings.Repeat(" ", gap) + right
}

// fitLines splits s into exactly h lines no wider than w: lines beyond h
// are dropped (the last one kept says so), missing ones are empty.
func fitLines(s string, h, w int) []string {
	if h <= 0 {
		return nil
	}
	var lines []string
	if s != "" {
		lines = strings.Split(s, "\n")
	}
	for i, l := range lines {
		if lipgloss.Width(l) > w {
			lines[i] = ansi.Truncate(l, w, "…")
		}
	}
	if len(lines) > h {
		lines = lines[:h]
		lines[h-1] = " …"
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return lines
}

// wrap word-wraps s to width w, breaking words longer than a line.
func wrap(s string, w int) string {
	if w <= 0 {
		return s
	}
	// ansi.Wrap breaks at the narrow no-break space French puts before
	// ? ! ; (leaving "?" alone on a line) but not at the no-break space:
	// one cell wide on a terminal either way.
	return ansi.Wrap(strings.ReplaceAll(s, "\u202f", "\u00a0"), w, "")
}

// splitWords splits s at its spaces, but not at no-break spaces (French
// typography ties "?" and ":" to the word before).
func splitWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) && r != '\u00a0' && r != '\u202f' && r != '\u2007'
	})
}

// wrapPath wraps a file path to width w, breaking only after the system's
// path separator (a backslash on Windows) where it can, so that the file
// name stays whole; a part longer than a line is cut hard.
func wrapPath(p string, w int) string {
	if w <= 0 {
		return p
	}
	var lines []string
	line := ""
	for _, part := range strings.SplitAfter(p, string(filepath.Separator)) {
		if line != "" && ansi.StringWidth(line+part) > w {
			lines = append(lines, line)
			line = ""
		}
		line += part
		for ansi.StringWidth(line) > w {
			lines = append(lines, ansi.Cut(line, 0, w))
			line = ansi.Cut(line, w, ansi.StringWidth(line))
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// indent puts n spaces before every line of s.
func indent(s string, n int) string { return prefixLines(s, strings.Repeat(" ", n)) }

// prefixLines puts prefix before every line of s.
func prefixLines(s, prefix string) string {
	return prefix + strings.ReplaceAll(s, "\n", "\n"+prefix)
}

// padRight pads s with spaces to width w (ANSI-aware).
func padRight(s string, w int) string {
	if d := w - lipgloss.Width(s); d > 0 {
		return s + strings.Repeat(" ", d)
	}
	return s
}

// sideBySide joins a left column of width lw and a right column, line by
// line.
func sideBySide(left string, lw int, right string) string {
	ls, rs := strings.Split(left, "\n"), strings.Split(right, "\n")
	n := max(len(ls), len(rs))
	out := make([]string, n)
	for i := range n {
		var l, r string
		if i < len(ls) {
			l = ls[i]
		}
		if i < len(rs) {
			r = rs[i]
		}
		lwid := ansi.StringWidth(l)
		if lwid > lw {
			l, lwid = ansi.Truncate(l, lw, "…"), lw
		}
		out[i] = l + strings.Repeat(" ", lw-lwid) + r
	}
	return strings.Join(out, "\n")
}

// window returns the range [start, end) of n list rows to show in h lines
// so that the cursor row is visible.
func window(cursor, n, h int) (start, end int) {
	if h <= 0 {
		return 0, 0
	}
	if n <= h {
		return 0, n
	}
	start = min(max(0, cursor-h/2), n-h)
	return start, start + h
}

// bar renders a text bar for a 0..100 value followed by nothing: callers
// always print the number beside it, so the bar is never the only cue.
func (m Model) bar(value float64, width int) string {
	return m.styles.Bar.Render(scoring.Bar(value, width))
}

// countBar renders done of total as a bar with "done/total" beside it.
func (m Model) countBar(done, total, width int) string {
	pct := 0.0
	if total > 0 {
		pct = 100 * float64(done) / float64(total)
	}
	return fmt.Sprintf("%s %d/%d", m.bar(pct, width), done, total)
}

// marker is the text cue of the highlighted row: colour is never the
// only one.
func marker(selected bool) string {
	if selected {
		return "> "
	}
	return "  "
}

// truncate cuts s to width w with an ellipsis.
func truncate(s string, w int) string { return ansi.Truncate(s, w, "…") }

// sidebarWidth is the width of the area sidebar, border included.
const sidebarWidth = 30

// hasSidebar reports whether the window is wide enough for the sidebar.
func (m Model) hasSidebar() bool { return m.width >= sidebarMinWidth }

// mainWidth is the width of the main column: the window less a margin on
// each side, and less the sidebar where there is one.
func (m Model) mainWidth() int {
	if m.hasSidebar() {
		return m.width - 2 - sidebarWidth - 1
	}
	return m.width - 2
}

// lipglossWidth is the width of s in cells, ANSI sequences ignored.
func lipglossWidth(s string) int { return lipgloss.Width(s) }
