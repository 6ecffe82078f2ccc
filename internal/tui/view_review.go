package tui

import (
	"fmt"
	"strings"
)

// viewReview lists what is unanswered or "don't know", and offers to finish.
func (m Model) viewReview() string {
	w := m.mainWidth()
	if m.hasSidebar() {
		w = m.width - 2
	}
	gs := m.gaps()
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
	var b strings.Builder
	b.WriteString(m.styles.Heading.Render("Review") + "\n")
	fmt.Fprintf(&b, "%d of %d answered · %d don't know · %d not applicable\n", done, total, dk, na)
	b.WriteString("Overall " + m.countBar(done, total, 20) + "\n\n")

	keys := m.keys.reviewHelp()
	switch m.overlay {
	case overlayQuit:
		b.WriteString(m.viewQuitDialog(w))
		return m.frame(indent(b.String(), 1), "", m.keys.confirmHelp())
	case overlayFinish:
		b.WriteString(m.viewFinishDialog(w))
		return m.frame(indent(b.String(), 1), "", m.keys.confirmHelp())
	}

	if len(gs) == 0 {
		b.WriteString(wrap("Every question has an answer and none is \"don't know\". "+m.finishHint(), w))
		return m.frame(indent(b.String(), 1), "", keys)
	}
	b.WriteString(wrap("These questions are unanswered or \"don't know\". Press enter to go to one; press f to finish anyway: gaps are listed in the report.", w) + "\n\n")
	// Rows left: the body less what is written above.
	h := m.bodyHeight(keys) - strings.Count(b.String(), "\n")
	start, end := window(m.reviewCursor, len(gs), h)
	for i := start; i < end; i++ {
		g := gs[i]
		qu := m.q.Questions[g.index]
		kind := "unanswered"
		if g.dontKnow {
			kind = "don't know"
		}
		text := fmt.Sprintf("%-8s %-10s  %s", qu.ID, kind, oneLine(qu.Text))
		b.WriteString(m.row(text, i == m.reviewCursor, w))
		if i < end-1 {
			b.WriteString("\n")
		}
	}
	return m.frame(indent(b.String(), 1), "", keys)
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

// outDirLabel names the output folder for people.
func (m Model) outDirLabel() string {
	if m.opts.OutDir == "" || m.opts.OutDir == "." {
		return "the current folder"
	}
	return m.opts.OutDir
}
