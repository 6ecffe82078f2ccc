package tui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/dgmaturity/dgmaturity/internal/input"
)

// viewTooSmall is the polite message shown below the minimum size.
func (m Model) viewTooSmall() string {
	msg := m.p.T("tui.small.message", "MinWidth", minWidth, "MinHeight", minHeight, "Width", m.width, "Height", m.height)
	hint := m.p.T("tui.small.hint")
	w := max(10, m.width-2)
	s := wrap(msg, w) + "\n\n" + wrap(hint, w)
	return indent(s, 1)
}

// viewResume offers the unfinished drafts, newest first, or a new
// assessment.
func (m Model) viewResume() string {
	w := m.width - 2
	var b strings.Builder
	b.WriteString(m.styles.Heading.Render(m.p.T("tui.resume.title")) + "\n")
	b.WriteString(wrap(m.p.T("tui.resume.intro"), w) + "\n\n")
	if m.overlay == overlayDelete && m.resumeCursor < len(m.drafts) {
		d := m.drafts[m.resumeCursor]
		b.WriteString(m.styles.Error.Render(wrapText(m.p.T("tui.resume.delete_confirm", "Organisation", input.Quote(d.Organisation), "Path", d.Path), w)) + "\n\n")
	}
	if m.overlay == overlayRelease && m.resumeCursor < len(m.drafts) {
		return m.frame(indent(m.viewRelease(w), 1), "", m.keyHelp())
	}
	rows := make([]string, 0, len(m.drafts)+1)
	for i, d := range m.drafts {
		when := m.p.Date(d.Modified.Local()) + " " + d.Modified.Local().Format("15:04")
		// The progress first: a long organisation name is what gets cut.
		text := m.p.N("tui.resume.draft", d.Answered, "Total", d.Total, "When", when, "Organisation", input.Quote(d.Organisation))
		switch {
		case m.draftRelease(d) != nil:
			text = m.p.N("tui.resume.earlier_release", d.Answered, "Version", d.Questionnaire.Version, "When", when, "Organisation", input.Quote(d.Organisation))
		case !d.Compatible:
			text = m.p.T("tui.resume.incompatible", "When", when, "Organisation", input.Quote(d.Organisation))
		case d.Complete:
			text = m.p.T("tui.resume.finished", "When", when, "Organisation", input.Quote(d.Organisation))
		}
		rows = append(rows, m.row(text, i == m.resumeCursor, w))
	}
	rows = append(rows, m.row(m.p.T("tui.resume.new"), m.resumeCursor == len(m.drafts), w))
	listHeight := m.height - 10
	start, end := window(m.resumeCursor, len(rows), listHeight)
	b.WriteString(strings.Join(rows[start:end], "\n"))
	return m.frame(indent(b.String(), 1), "", m.keyHelp())
}

// viewRelease asks what to do with the highlighted draft, made with an
// earlier release: finish it there, or carry its answers into the
// release in use.
func (m Model) viewRelease(w int) string {
	d := m.drafts[m.resumeCursor]
	rel := m.draftRelease(d)
	if rel == nil {
		return ""
	}
	old, cur := rel.Version, m.base.Version
	var b strings.Builder
	b.WriteString(m.styles.Heading.Render(m.p.T("tui.release.title", "Old", old)) + "\n")
	b.WriteString(wrapText(m.p.T("tui.release.intro", "Organisation", input.Quote(d.Organisation), "Old", old, "New", cur), w) + "\n\n")
	choices := []struct{ title, detail string }{
		{m.p.T("tui.release.finish", "Old", old), m.p.T("tui.release.finish_detail", "Old", old)},
		{m.p.T("tui.release.carry", "New", cur), m.p.T("tui.release.carry_detail", "Old", old, "New", cur)},
	}
	for i, c := range choices {
		b.WriteString(m.row(fmt.Sprintf("%d  %s", i+1, c.title), i == m.releaseCursor, w) + "\n")
		b.WriteString(indent(m.styles.Row.Render(wrapText(c.detail, w-5)), 5) + "\n\n")
	}
	return b.String()
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
	return m.frame(indent(m.form.View(), 1), "", m.keyHelp())
}

// capitalise upper-cases the first letter of an error message for display.
func capitalise(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}
