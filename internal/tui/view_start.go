package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"

	"github.com/dgmaturity/dgmaturity/internal/input"
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
	b.WriteString(m.styles.Heading.Render("Your assessments") + "\n")
	b.WriteString(wrap("Continue where you left off, reopen a finished assessment to change answers, or start a new one. Drafts (with your comments) stay here until you delete them with x.", w) + "\n\n")
	if m.overlay == overlayDelete && m.resumeCursor < len(m.drafts) {
		d := m.drafts[m.resumeCursor]
		b.WriteString(m.styles.Error.Render(wrapText("Delete the draft of "+input.Quote(d.Organisation)+" ("+d.Path+")? Its answers and comments are removed; files already written to an output folder stay. y delete · n keep", w)) + "\n\n")
	}
	rows := make([]string, 0, len(m.drafts)+1)
	for i, d := range m.drafts {
		when := d.Modified.Local().Format("2 Jan 2006 15:04")
		// The progress first: a long organisation name is what gets cut.
		text := fmt.Sprintf("Resume (%d of %d answered, saved %s): %s", d.Answered, d.Total, when, input.Quote(d.Organisation))
		switch {
		case !d.Compatible:
			text = fmt.Sprintf("Made with another questionnaire, cannot be opened here (saved %s): %s", when, input.Quote(d.Organisation))
		case d.Complete:
			text = fmt.Sprintf("Reopen (finished, saved %s): %s", when, input.Quote(d.Organisation))
		}
		rows = append(rows, m.row(text, i == m.resumeCursor, w))
	}
	rows = append(rows, m.row("Start a new assessment", m.resumeCursor == len(m.drafts), w))
	listHeight := m.height - 10
	start, end := window(m.resumeCursor, len(rows), listHeight)
	b.WriteString(strings.Join(rows[start:end], "\n"))
	keys := m.keys.resumeHelp()
	if m.overlay == overlayDelete {
		keys = m.keys.confirmHelp()
	}
	return m.frame(indent(b.String(), 1), "", keys)
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
	leave := key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "leave (nothing is saved yet)"))
	return m.frame(indent(m.form.View(), 1), "", bindings{short: append(m.form.KeyBinds(), leave, short(m.keys.Interrupt, "ctrl+c", "quit"))})
}

// capitalise upper-cases the first letter of an error message for display.
func capitalise(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}
