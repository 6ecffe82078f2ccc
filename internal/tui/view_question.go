package tui

import (
	"cmp"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"

	"github.com/dgmaturity/dgmaturity/internal/locale"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// compactHelp reports whether the key help is cut to the keys a user
// needs first: in windows under 30 lines every line goes to the question,
// and "?" lists every key.
func (m Model) compactHelp() bool { return m.height < 30 }

// viewQuestion draws the question screen with its dialog, if one is open,
// and the area sidebar on wide terminals.
func (m Model) viewQuestion() string {
	w := m.mainWidth()
	var main string
	keys := m.keyHelp()
	switch m.overlay {
	case overlayHelp:
		main = m.helpView.View()
	case overlayAreas:
		main = m.viewAreaPicker(w)
	case overlayQuit:
		main = m.viewQuitDialog(w)
	case overlayReplace:
		main = m.viewReplaceDialog(w)
	case overlaySaveFailed:
		main = m.viewSaveFailed(w)
	default: // the question, with the comment or reason field if open
		main = m.viewQuestionBody(w, m.bodyHeight(keys))
	}
	body := indent(main, 1)
	if m.hasSidebar() {
		body = sideBySide(body, w+2, m.viewSidebar())
	}
	right := m.p.T("tui.question.position", "ID", m.question().ID, "N", m.current+1, "Total", len(m.q.Questions))
	return m.frame(body, m.styles.Subtle.Render(right), keys)
}

// viewQuestionBody draws the question in at most h lines: the question and
// every level statement in full, and a status line with the answer given
// and the progress; then, as room allows, the blank line before the
// levels, the area and principle tags, the progress bars, more blank
// lines and why the question matters. Where even the question and the
// levels do not fit (an adapted instrument with long statements, or a
// text field open), each level takes one line and the highlighted one is
// shown in full below.
func (m Model) viewQuestionBody(w, h int) string {
	qu := m.question()
	if m.overlay == overlayComment || m.overlay == overlayNA {
		return m.compactBody(w, h, m.inputBox(w))
	}
	text := m.styles.Question.Render(wrap(qu.Text, w))
	levels := strings.Join(m.levelRowsFull(qu, w), "\n")
	status := m.statusLine(w)
	used := lineCount([]string{text, levels, status})
	if used > h {
		return m.compactBody(w, h, "")
	}
	tags := m.tags(qu, w)
	progress := m.progressLine(w)
	why := ""
	if qu.Help != "" {
		why = m.styles.Heading.Render(m.p.T("tui.question.why")) + "\n" + m.styles.Subtle.Render(wrap(qu.Help, w))
	}
	// The optional parts, in the order they are given room.
	fits := func(n int) bool {
		if used+n <= h {
			used += n
			return true
		}
		return false
	}
	gapLevels := fits(1)
	showTags := fits(lineCount([]string{tags}))
	gapTags := showTags && fits(1)
	showProgress := fits(1)
	gapStatus := fits(1)
	showWhy := why != "" && fits(1+lineCount([]string{why}))

	var b strings.Builder
	if showTags {
		b.WriteString(tags + "\n")
		if gapTags {
			b.WriteString("\n")
		}
	}
	b.WriteString(text + "\n")
	if gapLevels {
		b.WriteString("\n")
	}
	b.WriteString(levels + "\n")
	if gapStatus {
		b.WriteString("\n")
	}
	b.WriteString(status)
	if showProgress {
		b.WriteString("\n" + progress)
	}
	if showWhy {
		b.WriteString("\n\n" + why)
	}
	return b.String()
}

// compactBody is the question with one line per level and, below, the
// highlighted level in full (or middle, an open text field), in h lines.
// When space is short the blank lines between the parts go first, then
// the end of the level text.
func (m Model) compactBody(w, h int, middle string) string {
	qu := m.question()
	tags := truncate(m.tagLine(qu), w)
	text := m.styles.Question.Render(wrap(qu.Text, w))
	levels := strings.Join(m.levelRows(qu, w), "\n")
	answer := m.statusLine(w)
	middleLines := lineCount([]string{middle})
	if middle == "" {
		middleLines = 2
	}
	fixed := lineCount([]string{tags, text, levels, answer})
	gaps := max(0, min(4, h-fixed-middleLines))
	if middle == "" {
		middle = m.statementBox(qu, w, h-fixed-gaps)
	}
	sep := func(keep bool) string {
		if keep {
			return "\n\n"
		}
		return "\n"
	}
	return tags + sep(gaps >= 3) + text + sep(gaps >= 4) + levels + sep(gaps >= 2) +
		middle + sep(gaps >= 1) + answer
}

// lineCount counts the lines of the joined strings.
func lineCount(parts []string) int {
	n := 0
	for _, p := range parts {
		n += strings.Count(p, "\n") + 1
	}
	return n
}

// tagList is the question's area and principles as labels.
func (m Model) tagList(qu *questionnaire.Question) []string {
	var parts []string
	if a, ok := m.q.Area(qu.Area); ok {
		parts = append(parts, m.tag(m.p.T("tui.question.area", "Area", cmp.Or(a.Short, a.Title))))
	}
	for _, id := range qu.Principles {
		if p, ok := m.q.Principle(id); ok {
			parts = append(parts, m.tag(p.ID+" "+cmp.Or(p.Short, p.Title)))
		} else {
			parts = append(parts, m.tag(id))
		}
	}
	return parts
}

// tagLine is the labels on one line.
func (m Model) tagLine(qu *questionnaire.Question) string {
	return strings.Join(m.tagList(qu), " ")
}

// tags renders the labels in lines of width w, each label whole.
func (m Model) tags(qu *questionnaire.Question, w int) string {
	var lines []string
	line := ""
	for _, t := range m.tagList(qu) {
		switch {
		case line == "":
			line = t
		case lipgloss.Width(line)+1+lipgloss.Width(t) <= w:
			line += " " + t
		default:
			lines = append(lines, line)
			line = t
		}
	}
	lines = append(lines, truncate(line, w))
	return strings.Join(lines, "\n")
}

// tag renders one label: brackets without colour, a coloured chip with it.
func (m Model) tag(s string) string {
	if m.styles.Plain {
		return "[" + s + "]"
	}
	return m.styles.Tag.Render(" " + s + " ")
}

// levelRows renders the five levels on one line each: marker, number,
// scale name, a check mark on the level given as the answer, and the start
// of the statement.
func (m Model) levelRows(qu *questionnaire.Question, w int) []string {
	prefix, _ := m.levelPrefixes(qu)
	rows := make([]string, len(qu.Levels))
	for l, text := range qu.Levels {
		rows[l] = m.levelStyle(l, truncate(prefix[l]+text, w), w)
	}
	return rows
}

// levelRowsFull renders the five levels, each statement in full after
// its number and scale name, wrapped under a hanging indent that keeps the
// numbers in a column: "> 2✓ Developing: The strategy ...". The cursor
// marker is ">", the level given as the answer has a check mark.
func (m Model) levelRowsFull(qu *questionnaire.Question, w int) []string {
	const hang = 5
	given := m.givenLevel()
	rows := make([]string, len(qu.Levels))
	for l, text := range qu.Levels {
		check := " "
		if l == given {
			check = "✓"
		}
		lead := fmt.Sprintf("%s%d%s ", marker(l == m.cursor), l, check)
		lines := strings.Split(wrap(m.q.LevelName(l)+m.colon()+text, w-hang), "\n")
		for i := range lines {
			if i == 0 {
				lines[i] = m.levelStyle(l, lead+lines[i], w)
			} else {
				lines[i] = m.levelStyle(l, strings.Repeat(" ", hang)+lines[i], w)
			}
		}
		rows[l] = strings.Join(lines, "\n")
	}
	return rows
}

// givenLevel is the level answered to the current question, or -1.
func (m Model) givenLevel() int {
	if a := m.answer(m.current); a.Level != nil {
		return *a.Level
	}
	return -1
}

// levelStyle styles one line of level l: the highlighted level stands out
// across the full width, the answered one is marked.
func (m Model) levelStyle(l int, line string, w int) string {
	switch {
	case l == m.cursor:
		return m.styles.Selected.Render(padRight(line, w))
	case l == m.givenLevel():
		return m.styles.Chosen.Render(line)
	}
	return m.styles.Row.Render(line)
}

// statementBox shows the full text of the highlighted level in at most h
// lines.
func (m Model) statementBox(qu *questionnaire.Question, w, h int) string {
	if m.cursor == noLevel {
		return m.statementFrame(m.styles.Subtle.Render(truncate(m.p.T("tui.question.no_level"), w-2)))
	}
	if m.cursor >= len(qu.Levels) {
		return ""
	}
	head := m.styles.Heading.Render(m.p.T("tui.question.level_head", "Level", m.cursor, "Name", m.q.LevelName(m.cursor)))
	text := wrap(qu.Levels[m.cursor], w-2)
	lines := append([]string{head}, strings.Split(text, "\n")...)
	if h < 1 {
		h = 1
	}
	if len(lines) > h {
		lines = lines[:h]
		lines[h-1] = truncate(lines[h-1], w-4) + " …"
	}
	return m.statementFrame(strings.Join(lines, "\n"))
}

// statementFrame draws the bar left of the level text or text field. The
// bar is rendered once and put before each line: far cheaper than a
// bordered style, which measures every line on every key press.
func (m Model) statementFrame(s string) string {
	return prefixLines(s, m.styles.Statement.Render(m.styles.StatementBar)+" ")
}

// inputBox shows the open comment or reason field.
func (m Model) inputBox(w int) string {
	title := m.p.T("tui.question.comment_title", "ID", m.question().ID)
	if m.overlay == overlayNA {
		title = m.p.T("tui.question.na_title")
	}
	lines := []string{m.styles.Heading.Render(wrapText(title, w-2)), m.input.View()}
	if m.input.Err != nil {
		lines = append(lines, m.styles.Error.Render(wrapText(m.input.Err.Error(), w-2)))
	}
	return m.statementFrame(strings.Join(lines, "\n"))
}

// statusLine says what the question's answer is, with the start of the
// comment, and on the right the progress, which is never cut.
func (m Model) statusLine(w int) string {
	a := m.answer(m.current)
	var s string
	switch {
	case a.Level != nil:
		s = m.p.T("tui.question.your_answer", "Answer", m.describe(a))
	case a.DontKnow:
		s = m.p.T("tui.question.your_answer", "Answer", m.p.T("tui.answer.dont_know"))
	case a.NA != "":
		s = m.p.T("tui.question.your_answer", "Answer", m.p.T("tui.answer.na_because", "Reason", oneLine(a.NA)))
	default:
		s = m.p.T("tui.question.not_answered")
	}
	if a.Comment != "" {
		s += " · " + m.p.T("tui.question.comment_inline", "Comment", oneLine(a.Comment))
	}
	done, total := m.progress()
	right := m.p.N("tui.progress.answered", done, "Total", total)
	return spread(s, m.styles.Subtle.Render(right), w)
}

// colon is ": " as the screen's language writes it: French puts a no-break
// space before the colon.
func (m Model) colon() string {
	if m.p.Tag() == locale.French {
		return "\u00a0: "
	}
	return ": "
}

// oneLine folds line breaks into spaces.
func oneLine(s string) string { return strings.Join(splitWords(s), " ") }

// progressLine shows the overall progress and that of the question's area.
func (m Model) progressLine(w int) string {
	done, total := m.progress()
	s := m.p.T("tui.progress.overall") + " " + m.countBar(done, total, 16)
	if a, ok := m.q.Area(m.question().Area); ok {
		ad, at := m.areaProgress(a.ID)
		s += "   " + cmp.Or(a.Short, a.Title) + " " + m.countBar(ad, at, 12)
	}
	return truncate(s, w)
}

// viewSidebar lists the four areas with their completion.
func (m Model) viewSidebar() string {
	inner := sidebarWidth - 2 // border and padding
	var b strings.Builder
	b.WriteString(m.styles.Heading.Render(m.p.T("tui.sidebar.areas")) + "\n\n")
	cur := m.question().Area
	for _, a := range m.q.Areas {
		done, total := m.areaProgress(a.ID)
		count := fmt.Sprintf("%d/%d", done, total)
		name := truncate(cmp.Or(a.Short, a.Title), inner-2-len(count)-1)
		line := spread(marker(a.ID == cur)+name, count, inner)
		if a.ID == cur {
			line = m.styles.Question.Render(line)
		}
		b.WriteString(line + "\n")
		pct := 0.0
		if total > 0 {
			pct = 100 * float64(done) / float64(total)
		}
		b.WriteString("  " + m.bar(pct, inner-2) + "\n")
	}
	done, total := m.progress()
	dk := 0
	for i := range m.q.Questions {
		if m.answer(i).DontKnow {
			dk++
		}
	}
	b.WriteString("\n" + m.p.T("tui.sidebar.answered", "Count", done, "Total", total) + "\n" + m.p.T("tui.sidebar.dont_know", "Count", dk))
	return prefixLines(b.String(), m.styles.Sidebar.Render(m.styles.SidebarBar)+" ")
}

// helpText explains the question (why it matters, what counts as
// evidence, its area and principles) and lists every key, for the help
// overlay's viewport.
func (m Model) helpText(w int) string {
	qu := m.question()
	var b strings.Builder
	b.WriteString(m.styles.Heading.Render(m.p.T("tui.help.title", "ID", qu.ID)) + "\n\n")
	if qu.Help != "" {
		b.WriteString(m.styles.Question.Render(m.p.T("tui.question.why")) + "\n")
		b.WriteString(wrap(qu.Help, w) + "\n\n")
	}
	if qu.Evidence != "" {
		b.WriteString(m.styles.Question.Render(m.p.T("tui.help.evidence")) + "\n")
		b.WriteString(wrap(qu.Evidence, w) + "\n\n")
	}
	b.WriteString(m.styles.Question.Render(m.p.T("tui.help.area_principles")) + "\n")
	b.WriteString(m.tags(qu, w) + "\n\n")
	b.WriteString(m.styles.Question.Render(m.p.T("tui.help.keys")) + "\n")
	b.WriteString(m.keyTable(m.keys.questionHelp(qu.NA, false).FullHelp(), w))
	b.WriteString("\n\n" + wrap(m.p.T("tui.help.quit_note"), w))
	return b.String()
}

// viewAreaPicker lists the areas to jump to, their titles in full.
func (m Model) viewAreaPicker(w int) string {
	bw := w
	inner := bw - 4
	var rows []string
	for i, a := range m.q.Areas {
		done, total := m.areaProgress(a.ID)
		count := m.p.N("tui.progress.answered", done, "Total", total)
		mw := lipgloss.Width(marker(false))
		if mw+lipgloss.Width(a.Title)+1+lipgloss.Width(count) > inner {
			// A long title (French, German) is wrapped, never cut; the
			// count drops its word to leave the title more room.
			count = fmt.Sprintf("%d/%d", done, total)
		}
		title := strings.Split(wrap(a.Title, inner-mw-1-lipgloss.Width(count)), "\n")
		line := spread(marker(i == m.areaCursor)+title[0], count, inner)
		for _, l := range title[1:] {
			line += "\n" + padRight(strings.Repeat(" ", mw)+l, inner)
		}
		if i == m.areaCursor {
			line = m.styles.Selected.Render(line)
		}
		rows = append(rows, line)
	}
	s := m.styles.Heading.Render(m.p.T("tui.areas.title")) + "\n\n" + strings.Join(rows, "\n") +
		"\n\n" + m.styles.Subtle.Render(wrap(m.p.T("tui.areas.note"), inner))
	return "\n" + m.styles.Overlay.Width(bw).Render(s)
}

// viewQuitDialog asks whether to quit and says where the answers are.
func (m Model) viewQuitDialog(w int) string {
	bw := min(w, 70)
	inner := bw - 4
	var where string
	switch p := m.saver.Path(); {
	case m.saveErr != nil && !m.draftsOff:
		where = wrapText(m.p.T("tui.quit.not_saved", "Error", m.saveErr.Error()), inner)
	case p != "":
		where = m.p.T("tui.quit.in_draft") + "\n" + wrapPath(p, inner) + "\n" + m.p.T("tui.quit.resume_hint")
	case m.saver.enabled():
		where = m.p.T("tui.quit.in_folder") + "\n" + wrapPath(m.opts.StateDir, inner) + "\n" + m.p.T("tui.quit.resume_hint")
	default:
		where = m.p.T("tui.quit.drafts_off")
	}
	s := m.styles.Heading.Render(m.p.T("tui.quit.title")) + "\n\n" + where + "\n\n" + m.p.T("tui.quit.keys")
	return "\n" + m.styles.Overlay.Width(bw).Render(s)
}

// viewReplaceDialog asks whether to replace "not applicable" and its reason.
func (m Model) viewReplaceDialog(w int) string {
	bw := min(w, 76)
	inner := bw - 4
	a := m.answer(m.current)
	text := m.p.T("tui.replace.body", "ID", m.question().ID, "Reason", oneLine(a.NA), "Answer", m.describe(m.pending))
	s := m.styles.Heading.Render(m.p.T("tui.replace.title")) + "\n\n" + wrapText(text, inner) + "\n\n" + m.p.T("tui.replace.keys")
	return "\n" + m.styles.Overlay.Width(bw).Render(s)
}

// levelPrefixes returns, for each level, "> 1  Initial       ✓ ": the
// cursor marker, the number, the scale name padded to the longest, and a
// check mark on the level given as the answer; and their common width.
func (m Model) levelPrefixes(qu *questionnaire.Question) ([]string, int) {
	nameW := 0
	for l := range qu.Levels {
		nameW = max(nameW, lipgloss.Width(m.q.LevelName(l)))
	}
	given := m.givenLevel()
	prefix := make([]string, len(qu.Levels))
	for l := range qu.Levels {
		check := "  "
		if l == given {
			check = "✓ "
		}
		prefix[l] = fmt.Sprintf("%s%d  %s %s", marker(l == m.cursor), l, padRight(m.q.LevelName(l), nameW), check)
	}
	return prefix, 2 + 1 + 2 + nameW + 1 + 2
}

// keyTable lists bindings as "key  what it does", in two columns where
// the width allows, every binding whole (bubbles' full help cuts the
// columns that do not fit).
func (m Model) keyTable(groups [][]key.Binding, w int) string {
	var rows []string
	keyW := 0
	for _, g := range groups {
		for _, b := range g {
			keyW = max(keyW, lipgloss.Width(b.Help().Key))
		}
	}
	for _, g := range groups {
		for _, b := range g {
			if b.Help().Key == "" {
				continue
			}
			rows = append(rows, m.styles.Help.FullKey.Render(padRight(b.Help().Key, keyW))+"  "+m.styles.Help.FullDesc.Render(b.Help().Desc))
		}
	}
	colW := 0
	for _, r := range rows {
		colW = max(colW, lipgloss.Width(r))
	}
	if 2*colW+3 > w {
		return strings.Join(rows, "\n")
	}
	half := (len(rows) + 1) / 2
	return sideBySide(strings.Join(rows[:half], "\n"), colW+3, strings.Join(rows[half:], "\n"))
}
