package tui

import (
	"cmp"
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/dgmaturity/dgmaturity/internal/scoring"
)

// viewResults draws the results: the stage on top, then the summary or
// the report preview in the scrollable viewport.
func (m Model) viewResults() string {
	w := m.width - 2
	var b strings.Builder
	b.WriteString(truncate(m.stageLine(), w) + "\n")
	summary, report := "  "+m.p.T("tui.results.tab_summary")+"  ", "  "+m.p.T("tui.results.tab_report")+"  "
	if m.pane == paneSummary {
		summary = m.styles.Selected.Render("[ " + m.p.T("tui.results.tab_summary") + " ]")
	} else {
		report = m.styles.Selected.Render("[ " + m.p.T("tui.results.tab_report") + " ]")
	}
	pos := m.p.Percent(m.viewport.ScrollPercent())
	pos = strings.Repeat(" ", max(0, lipgloss.Width(m.p.Percent(1))-lipgloss.Width(pos))) + pos
	b.WriteString(spread(summary+" "+report, m.styles.Subtle.Render(m.p.T("tui.results.tab_switches")+" · "+pos), w) + "\n")
	b.WriteString(m.styles.Rule.Render(strings.Repeat("─", w)) + "\n")
	b.WriteString(m.viewport.View())
	return m.page(b.String(), "tui.results.title", m.keyHelp())
}

// stageLine says the stage and the overall score in words and numbers.
func (m Model) stageLine() string {
	r := m.result
	if r == nil {
		return m.p.T("tui.results.finished")
	}
	if r.StageLevel < 0 {
		return m.styles.Heading.Render(m.p.T("tui.results.no_stage")) + m.p.T("tui.results.no_stage_why")
	}
	line := m.styles.Heading.Render(m.p.T("tui.results.stage", "Stage", r.Stage)) +
		m.p.T("tui.results.stage_rest", "Level", r.StageLevel, "Score", m.scoreText(r.Overall))
	if p := m.progressText(m.paths.Progress); p != "" {
		line += " (" + p + ")"
	}
	// The answers are counted on the summary, in the review's words.
	return line
}

// scoreText prints a score with one decimal in the screen's language,
// "n/a" (or its translation) when undefined, and a '*' where it rests on
// little evidence (the summary explains the mark).
func (m Model) scoreText(s scoring.Measure) string {
	if !s.Defined {
		return m.p.T("tui.results.undefined")
	}
	t := m.p.Number(s.Value, 1)
	if s.LowEvidence {
		t += "*"
	}
	return t
}

// summaryContent is the summary pane: written files, area and principle
// bars, and the top recommendations.
func (m Model) summaryContent(w int) string {
	r := m.result
	if r == nil {
		return ""
	}
	var b strings.Builder
	b.WriteString(m.styles.Heading.Render(m.p.T("tui.results.answers")) + "\n  " + m.counts() + "\n\n")
	b.WriteString(m.summaryFiles(w))
	b.WriteString(m.summaryAreas(r, w))
	b.WriteString(m.summaryPrinciples(r, w))
	b.WriteString(m.summaryMatches(r, w))
	if len(r.DontKnow) > 0 || len(r.Unanswered) > 0 {
		fmt.Fprintf(&b, "\n%s\n  %s\n", m.styles.Heading.Render(m.p.T("tui.results.gaps")),
			m.p.T("tui.results.gaps_body", "DontKnow", len(r.DontKnow), "Unanswered", len(r.Unanswered)))
	}
	b.WriteString("\n" + m.styles.Subtle.Render(wrap(m.p.T("tui.results.keys_hint"), w)))
	return b.String()
}

// summaryFiles lists the files written, "" when none were (a workshop
// participant's session).
func (m Model) summaryFiles(w int) string {
	if m.paths.Assessment == "" {
		return ""
	}
	var b strings.Builder
	b.WriteString(m.styles.Heading.Render(m.p.T("tui.results.files")) + "\n")
	files := []struct{ label, path string }{
		{m.p.T("tui.results.file_report"), m.paths.Report}, {m.p.T("tui.results.file_html"), m.paths.HTML},
		{m.p.T("tui.results.file_chart"), m.paths.Chart}, {m.p.T("tui.results.file_assessment"), m.paths.Assessment},
	}
	lw := 11 // the labels' column: the widest label in the language
	for _, f := range files {
		if f.path != "" {
			lw = max(lw, lipgloss.Width(f.label))
		}
	}
	for _, f := range files {
		if f.path != "" {
			// Paths are wrapped after a slash, never cut: the file name is
			// what the user needs.
			b.WriteString("  " + padRight(f.label, lw) + " " + indentRest(wrapPath(f.path, w-lw-3), lw+3) + "\n")
		}
	}
	return b.String() + "\n"
}

// summaryAreas is the heading and one score bar per area.
func (m Model) summaryAreas(r *scoring.Result, w int) string {
	var b strings.Builder
	b.WriteString(m.styles.Heading.Render(m.p.T("tui.sidebar.areas")) + "\n")
	labelW := 0
	for _, a := range m.q.Areas {
		labelW = max(labelW, len([]rune(cmp.Or(a.Short, a.Title))))
	}
	// Up to the room the bar and the score leave: French and German
	// names are longer than English ones.
	labelW = min(labelW, max(24, w-31))
	for _, s := range r.Areas {
		label := s.ID
		if a, ok := m.q.Area(s.ID); ok {
			label = cmp.Or(a.Short, a.Title)
		}
		b.WriteString(m.scoreRow(label, labelW, s, 20, w) + "\n")
	}
	return b.String()
}

// summaryPrinciples is the heading and one score bar per principle, in
// two columns where they fit, and the note on low evidence.
func (m Model) summaryPrinciples(r *scoring.Result, w int) string {
	var b strings.Builder
	b.WriteString("\n" + m.styles.Heading.Render(m.p.T("tui.results.principles")) + "\n")
	rows := make([]string, 0, len(r.Principles))
	pw := 0
	for _, p := range m.q.Principles {
		pw = max(pw, len([]rune(p.ID+" "+cmp.Or(p.Short, p.Title))))
	}
	// Two columns where they fit: label, bar of 10, score; else one
	// column whose labels take the room the bar and the score leave.
	colW := 2 + min(pw, 30) + 2 + 10 + 1 + 6
	twoCols := w >= 2*colW+2
	barW := 20
	if twoCols {
		barW, pw = 10, min(pw, 30)
	} else {
		pw = min(pw, max(30, w-31))
	}
	for _, s := range r.Principles {
		label := s.ID
		if p, ok := m.q.Principle(s.ID); ok {
			label = p.ID + " " + cmp.Or(p.Short, p.Title)
		}
		rows = append(rows, m.scoreRow(label, pw, s, barW, w))
	}
	if twoCols {
		half := (len(rows) + 1) / 2
		left, right := strings.Join(rows[:half], "\n"), strings.Join(rows[half:], "\n")
		b.WriteString(sideBySide(left, colW+2, right) + "\n")
	} else {
		b.WriteString(strings.Join(rows, "\n") + "\n")
	}
	if hasLowEvidence(r) {
		b.WriteString(m.styles.Subtle.Render(wrap(m.p.T("tui.results.low_evidence"), w)) + "\n")
	}
	return b.String()
}

// summaryMatches is the heading and the top three recommendations, or
// the steps beyond the targets when every target is met.
func (m Model) summaryMatches(r *scoring.Result, w int) string {
	var b strings.Builder
	h := m.styles.Heading.Render
	if len(r.Matches) > 0 && r.BeyondTargets() {
		b.WriteString("\n" + h(m.p.T("tui.results.beyond")) + "\n")
		b.WriteString(indent(wrap(m.p.T("tui.results.beyond_note"), w-2), 2) + "\n")
	} else {
		b.WriteString("\n" + h(m.p.T("tui.results.top")) + "\n")
	}
	if len(r.Matches) == 0 {
		b.WriteString("  " + m.p.T("tui.results.no_match") + "\n")
	}
	top := r.Matches[:min(3, len(r.Matches))]
	idW := 0
	for _, mt := range top {
		idW = max(idW, len(mt.Recommendation.ID))
	}
	bandW := 0
	for _, band := range []string{scoring.BandHigh, scoring.BandMedium, scoring.BandLow} {
		bandW = max(bandW, lipgloss.Width(m.p.T("tui.band."+strings.ToLower(band))))
	}
	for i, mt := range top {
		line := fmt.Sprintf("  %d. %s  %-*s  %s", i+1, padRight(m.p.T("tui.band."+strings.ToLower(mt.Band)), bandW), idW, mt.Recommendation.ID, mt.Recommendation.Title)
		b.WriteString(wrapHanging(line, w, 9+bandW+idW) + "\n")
	}
	if n := len(r.Matches); n > 3 {
		b.WriteString("  " + m.p.N("tui.results.more", n-3) + "\n")
	}
	return b.String()
}

// hasLowEvidence reports whether any area or principle score is marked.
func hasLowEvidence(r *scoring.Result) bool {
	for _, list := range [][]scoring.Measure{r.Areas, r.Principles} {
		for _, s := range list {
			if s.Defined && s.LowEvidence {
				return true
			}
		}
	}
	return false
}

// scoreRow renders "label  bar  value" in width w.
func (m Model) scoreRow(label string, labelW int, s scoring.Measure, barW, w int) string {
	v := 0.0
	if s.Defined {
		v = s.Value
	}
	line := "  " + padRight(truncate(label, labelW), labelW) + "  " + m.bar(v, barW) + " " + m.scoreText(s)
	return truncate(line, w)
}

// wrapHanging wraps s to width w, indenting continuation lines by n.
func wrapHanging(s string, w, n int) string {
	lines := strings.Split(wrap(s, w), "\n")
	if len(lines) == 1 {
		return s
	}
	rest := wrap(strings.Join(splitWords(strings.Join(lines[1:], " ")), " "), w-n)
	return lines[0] + "\n" + indent(rest, n)
}

// indentRest indents every line of s but the first by n spaces.
func indentRest(s string, n int) string {
	return strings.ReplaceAll(s, "\n", "\n"+strings.Repeat(" ", n))
}
