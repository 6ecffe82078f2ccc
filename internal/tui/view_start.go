package tui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
)

// viewTooSmall is the polite message shown below the minimum size.
func (m Model) viewTooSmall() string {
	msg := fmt.Sprintf("dgmaturity needs at least %dx%d; this window is %dx%d. Enlarge it or use --accessible.", minWidth, minHeight, m.width, m.height)
	hint := "ctrl+c quits; every answer given so far is kept in the draft."
	w := max(10, m.width-2)
	s := wrap(msg, w) + "\n\n" + wrap(hint, w)
	return indent(s, 1)
}

// viewResume offers the unfinished drafts, newest first, or a new
// assessment.
func (m Model) viewResume() string {
	w := m.width - 2
	var b strings.Builder
	b.WriteString(m.styles.Heading.Render("Unfinished assessments") + "\n")
	b.WriteString(wrap("Continue where you left off, or start a new assessment. Drafts are kept until an assessment is finished.", w) + "\n\n")
	rows := make([]string, 0, len(m.drafts)+1)
	for i, d := range m.drafts {
		when := d.Modified.Local().Format("2 Jan 2006 15:04")
		text := fmt.Sprintf("Resume %s: %d of %d answered, last saved %s", d.Organisation, d.Answered, d.Total, when)
		if !d.Compatible {
			text = fmt.Sprintf("%s (saved %s): made with another questionnaire, cannot be resumed here", d.Organisation, when)
		}
		rows = append(rows, m.row(text, i == m.resumeCursor, w))
	}
	rows = append(rows, m.row("Start a new assessment", m.resumeCursor == len(m.drafts), w))
	listHeight := m.height - 10
	start, end := window(m.resumeCursor, len(rows), listHeight)
	b.WriteString(strings.Join(rows[start:end], "\n"))
	return m.frame(indent(b.String(), 1), "", m.keys.resumeHelp())
}

// row renders one selectable list row: the '>' marker and the selected
// style for the highlighted one.
func (m Model) row(text string, selected bool, w int) string {
	line := marker(selected) + text
	if lipgloss.Width(line) > w {
		line = truncate(line, w)
	}
	if selected {
		return m.styles.Selected.Render(padRight(line, w))
	}
	return m.styles.Row.Render(line)
}

// viewForm shows the start form.
func (m Model) viewForm() string {
	if m.form == nil {
		return m.frame("", "", bindings{})
	}
	if errs := m.form.Errors(); len(errs) > 0 {
		m.notice = notice{text: capitalise(errs[0].Error()) + ".", isErr: true}
	}
	return m.frame(indent(m.form.View(), 1), "", bindings{short: m.form.KeyBinds()})
}

// capitalise upper-cases the first letter of an error message for display.
func capitalise(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}
