package tui

import (
	"fmt"
	"strings"
)

// counts is the one wording of how much is answered, used by the review
// and the results: "46 of 48 answered · 4 don't know · 1 not applicable".
func (m Model) counts() string {
	done, total := m.progress()
	dk, na := 0, 0
	for i := range m.q.Questions {
		a := m.answer(i)
		switch {
		case a.DontKnow:
			dk++
		case a.NA != "":
			na++
		}
	}
	return fmt.Sprintf("%d of %d answered · %d don't know · %d not applicable", done, total, dk, na)
}

// viewReview lists the gaps (unanswered or "don't know") or every answer,
// says where the files will go, and offers to finish.
func (m Model) viewReview() string {
	w := m.width - 2
	if !m.hasSidebar() {
		w = m.mainWidth()
	}
	done, total := m.progress()
	var b strings.Builder
	b.WriteString(m.styles.Heading.Render("Review") + "  " + m.counts() + "\n")
	b.WriteString("Overall " + m.countBar(done, total, 20) + "\n")
	b.WriteString(wrapText("Files go to "+m.outDirLabel()+" (o to change).", w) + "\n")
	if m.publishErr != nil {
		msg := "Could not write the files: " + m.publishErr.Error() + "\nPress o to choose another folder, then f to finish. Your answers are kept in the draft."
		if m.saver.Path() == "" {
			msg = "Could not write the files: " + m.publishErr.Error() + "\nPress o to choose another folder, then f to finish."
		}
		b.WriteString(m.styles.Error.Render(wrapText(msg, w)) + "\n")
	}
	b.WriteString("\n")

	keys := m.keys.reviewHelp()
	switch m.overlay {
	case overlayQuit:
		b.WriteString(m.viewQuitDialog(w))
		return m.frame(indent(b.String(), 1), "", m.keys.confirmHelp())
	case overlayFinish:
		b.WriteString(m.viewFinishDialog(w))
		return m.frame(indent(b.String(), 1), "", m.keys.confirmHelp())
	case overlaySaveFailed:
		b.WriteString(m.viewSaveFailed(w))
		return m.frame(indent(b.String(), 1), "", m.keys.saveFailedHelp())
	case overlayFolder:
		lines := []string{m.styles.Heading.Render("Output folder for the report, the chart and the assessment file"), m.input.View()}
		if m.input.Err != nil {
			lines = append(lines, m.styles.Error.Render(wrapText(m.input.Err.Error(), w-2)))
		}
		b.WriteString(m.statementFrame(strings.Join(lines, "\n")))
		return m.frame(indent(b.String(), 1), "", m.keys.inputHelp())
	}

	gaps := len(m.gaps())
	gapTab, allTab := fmt.Sprintf("  Gaps (%d)  ", gaps), fmt.Sprintf("  All answers (%d)  ", total)
	if m.reviewAll {
		allTab = m.styles.Selected.Render("[ " + strings.TrimSpace(allTab) + " ]")
	} else {
		gapTab = m.styles.Selected.Render("[ " + strings.TrimSpace(gapTab) + " ]")
	}
	b.WriteString(gapTab + " " + allTab + "\n")

	rows := m.reviewRows()
	if len(rows) == 0 {
		b.WriteString(wrapText("Every question has an answer and none is \"don't know\". "+m.finishHint()+" Tab lists every answer.", w))
		return m.frame(indent(b.String(), 1), "", keys)
	}
	// Rows left: the body less what is written above.
	h := m.bodyHeight(keys) - strings.Count(b.String(), "\n")
	start, end := window(m.reviewCursor, len(rows), h)
	for i := start; i < end; i++ {
		b.WriteString(m.row(m.reviewRow(rows[i]), i == m.reviewCursor, w))
		if i < end-1 {
			b.WriteString("\n")
		}
	}
	return m.frame(indent(b.String(), 1), "", keys)
}

// reviewRow is one line of the review: the question id, its answer (or
// gap) and its comment, else the start of the question.
func (m Model) reviewRow(i int) string {
	qu := m.q.Questions[i]
	a := m.answer(i)
	var what string
	switch {
	case a.Level != nil:
		what = m.describe(a)
	case a.DontKnow:
		what = "don't know"
	case a.NA != "":
		what = "n/a: " + oneLine(a.NA)
	default:
		what = "unanswered"
	}
	text := oneLine(qu.Text)
	if a.Comment != "" {
		text = "“" + oneLine(a.Comment) + "”"
	}
	if a.NA != "" {
		return fmt.Sprintf("%-8s %s", qu.ID, what)
	}
	return fmt.Sprintf("%-8s %-14s  %s", qu.ID, what, text)
}

// viewFinishDialog asks whether to finish although questions are missing.
func (m Model) viewFinishDialog(w int) string {
	bw := min(w, 70)
	inner := bw - 4
	n := m.unanswered()
	verb := "have"
	if n == 1 {
		verb = "has"
	}
	text := fmt.Sprintf("%s %s no answer. You can finish anyway: the report lists the unanswered questions, and the scores rest on the answers given.",
		plural(n, "question", "questions"), verb)
	s := m.styles.Heading.Render("Finish with gaps?") + "\n\n" + wrap(text, inner) + "\n\n" + "y finish · n go back"
	return m.styles.Overlay.Width(bw).Render(s)
}

// outDirLabel names the output folder for people: as given, with "./"
// before a relative one so that it reads as a folder.
func (m Model) outDirLabel() string {
	d := m.outDir
	switch {
	case d == "" || d == ".":
		return "the current folder"
	case strings.HasPrefix(d, "/") || strings.HasPrefix(d, "./") || strings.HasPrefix(d, "../") || strings.HasPrefix(d, "~"):
		return d
	}
	return "./" + d
}
