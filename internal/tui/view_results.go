package tui

import (
	"fmt"
	"strings"

	"github.com/dgmaturity/dgmaturity/internal/scoring"
)

// viewResults draws the results: the stage on top, then the summary or
// the report preview in the scrollable viewport.
func (m Model) viewResults() string {
	w := m.width - 2
	var b strings.Builder
	b.WriteString(truncate(m.stageLine(), w) + "\n")
	summary, report := "  Summary  ", "  Report preview  "
	if m.pane == paneSummary {
		summary = m.styles.Selected.Render("[ Summary ]")
	} else {
		report = m.styles.Selected.Render("[ Report preview ]")
	}
	pos := fmt.Sprintf("%3.0f%%", 100*m.viewport.ScrollPercent())
	b.WriteString(spread(summary+" "+report, m.styles.Subtle.Render("tab switches · "+pos), w) + "\n")
	b.WriteString(m.styles.Rule.Render(strings.Repeat("─", w)) + "\n")
	b.WriteString(m.viewport.View())
	return m.frame(indent(b.String(), 1), m.styles.Subtle.Render("Results"), m.keys.resultsHelp())
}

// stageLine says the stage and the overall score in words and numbers.
func (m Model) stageLine() string {
	r := m.result
	if r == nil {
		return "The assessment is finished."
	}
	if r.StageLevel < 0 {
		return m.styles.Heading.Render("No stage") + ": no question was answered with a level."
	}
	line := m.styles.Heading.Render("Stage: "+r.Stage) +
		fmt.Sprintf(" (level %d of 4) · overall score %s / 100", r.StageLevel, scoreText(r.Overall))
	if p := progressText(m.paths.Progress); p != "" {
		line += " (" + p + ")"
	}
	// The answers are counted on the summary, in the review's words.
	return line
}

// scoreText prints a score with one decimal, "n/a" when undefined, and a
// '*' where it rests on little evidence (the summary explains the mark).
func scoreText(s scoring.Measure) string {
	if !s.Defined {
		return "n/a"
	}
	t := fmt.Sprintf("%.1f", s.Value)
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
	h := m.styles.Heading.Render

	b.WriteString(h("Answers") + "\n  " + m.counts() + "\n\n")
	if m.paths.Assessment != "" { // a workshop participant's session writes none
		b.WriteString(h("Files written") + "\n")
		for _, f := range []struct{ label, path string }{
			{"Report", m.paths.Report}, {"HTML report", m.paths.HTML}, {"Chart", m.paths.Chart}, {"Assessment", m.paths.Assessment},
		} {
			if f.path != "" {
				// Paths are wrapped after a slash, never cut: the file name is
				// what the user needs.
				b.WriteString(fmt.Sprintf("  %-11s ", f.label) + indentRest(wrapPath(f.path, w-14), 14) + "\n")
			}
		}
		b.WriteString("\n")
	}

	b.WriteString(h("Areas") + "\n")
	labelW := 0
	for _, a := range m.q.Areas {
		labelW = max(labelW, len([]rune(shortOr(a.Short, a.Title))))
	}
	labelW = min(labelW, 24)
	for _, s := range r.Areas {
		label := s.ID
		if a, ok := m.q.Area(s.ID); ok {
			label = shortOr(a.Short, a.Title)
		}
		b.WriteString(m.scoreRow(label, labelW, s, 20, w) + "\n")
	}

	b.WriteString("\n" + h("Principles") + "\n")
	rows := make([]string, 0, len(r.Principles))
	pw := 0
	for _, p := range m.q.Principles {
		pw = max(pw, len([]rune(p.ID+" "+shortOr(p.Short, p.Title))))
	}
	pw = min(pw, 30)
	// Two columns where they fit: label, bar of 10, score.
	colW := 2 + pw + 2 + 10 + 1 + 6
	twoCols := w >= 2*colW+2
	barW := 20
	if twoCols {
		barW = 10
	}
	for _, s := range r.Principles {
		label := s.ID
		if p, ok := m.q.Principle(s.ID); ok {
			label = p.ID + " " + shortOr(p.Short, p.Title)
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
		b.WriteString(m.styles.Subtle.Render(wrap("* low evidence: the score rests on less than half of its questions' weight (the rest is unanswered or don't know).", w)) + "\n")
	}

	if len(r.Matches) > 0 && r.BeyondTargets() {
		b.WriteString("\n" + h("Beyond your targets") + "\n")
		b.WriteString(wrap("  Every question meets its target. Next steps for the lowest questions:", w) + "\n")
	} else {
		b.WriteString("\n" + h("Top recommendations") + "\n")
	}
	if len(r.Matches) == 0 {
		b.WriteString("  No recommendation of the catalogue matches these answers.\n")
	}
	top := r.Matches[:min(3, len(r.Matches))]
	idW := 0
	for _, mt := range top {
		idW = max(idW, len(mt.Recommendation.ID))
	}
	for i, mt := range top {
		line := fmt.Sprintf("  %d. %-6s  %-*s  %s", i+1, mt.Band, idW, mt.Recommendation.ID, mt.Recommendation.Title)
		b.WriteString(wrapHanging(line, w, 15+idW) + "\n")
	}
	if n := len(r.Matches); n > 3 {
		fmt.Fprintf(&b, "  …and %d more in the report.\n", n-3)
	}
	if len(r.DontKnow) > 0 || len(r.Unanswered) > 0 {
		fmt.Fprintf(&b, "\n%s\n  %d don't know, %d unanswered: the report lists them as knowledge gaps.\n",
			h("Gaps"), len(r.DontKnow), len(r.Unanswered))
	}
	b.WriteString("\n" + m.styles.Subtle.Render("Press tab for the report preview, r to go back to the review, q to quit."))
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
	line := "  " + padRight(truncate(label, labelW), labelW) + "  " + m.bar(v, barW) + " " + scoreText(s)
	return truncate(line, w)
}

// wrapHanging wraps s to width w, indenting continuation lines by n.
func wrapHanging(s string, w, n int) string {
	lines := strings.Split(wrap(s, w), "\n")
	if len(lines) == 1 {
		return s
	}
	rest := wrap(strings.Join(strings.Fields(strings.Join(lines[1:], " ")), " "), w-n)
	return lines[0] + "\n" + indent(rest, n)
}

// indentRest indents every line of s but the first by n spaces.
func indentRest(s string, n int) string {
	return strings.ReplaceAll(s, "\n", "\n"+strings.Repeat(" ", n))
}
