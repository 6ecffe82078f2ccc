package tui

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/internal/publish"
	"github.com/dgmaturity/dgmaturity/questionnaire"
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
	return m.p.N("tui.progress.answered_long", done, "Total", total) + " · " + m.p.T("tui.review.count_dk", "Count", dk) + " · " + m.p.T("tui.review.count_na", "Count", na)
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
	b.WriteString(m.styles.Heading.Render(m.p.T("tui.review.title")) + "  " + m.counts() + "\n")
	b.WriteString(m.p.T("tui.progress.overall") + " " + m.countBar(done, total, 20) + "\n")
	b.WriteString(wrapText(m.p.T("tui.review.files_go", "Folder", m.outDirLabel()), w) + "\n")
	if m.publishErr != nil {
		reason := m.publishReason()
		msg := m.p.T("tui.review.publish_failed", "Error", reason) + " " + m.p.T("tui.review.kept_in_draft")
		if m.saver.Path() == "" {
			msg = m.p.T("tui.review.publish_failed", "Error", reason)
		}
		b.WriteString(m.styles.Error.Render(wrapText(msg, w)) + "\n")
	}
	b.WriteString("\n")

	keys := m.keyHelp()
	switch m.overlay {
	case overlayQuit:
		b.WriteString(m.viewQuitDialog(w))
		return m.frame(indent(b.String(), 1), "", keys)
	case overlayFinish:
		b.WriteString(m.viewFinishDialog(w))
		return m.frame(indent(b.String(), 1), "", keys)
	case overlaySaveFailed:
		b.WriteString(m.viewSaveFailed(w))
		return m.frame(indent(b.String(), 1), "", keys)
	case overlayFolder:
		lines := []string{m.styles.Heading.Render(m.p.T("tui.folder.title")), m.input.View()}
		if m.input.Err != nil {
			lines = append(lines, m.styles.Error.Render(wrapText(m.input.Err.Error(), w-2)))
		}
		b.WriteString(m.statementFrame(strings.Join(lines, "\n")))
		return m.frame(indent(b.String(), 1), "", keys)
	}

	gaps := len(m.gaps())
	gapTab, allTab := "  "+m.p.T("tui.review.tab_gaps", "Count", gaps)+"  ", "  "+m.p.T("tui.review.tab_all", "Count", total)+"  "
	if m.reviewAll {
		allTab = m.styles.Selected.Render("[ " + strings.TrimSpace(allTab) + " ]")
	} else {
		gapTab = m.styles.Selected.Render("[ " + strings.TrimSpace(gapTab) + " ]")
	}
	b.WriteString(gapTab + " " + allTab + "\n")

	rows := m.reviewRows()
	if len(rows) == 0 {
		b.WriteString(wrapText(m.p.T("tui.review.no_gaps")+" "+m.finishHint()+" "+m.p.T("tui.review.tab_hint"), w))
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
		what = m.p.T("tui.answer.dont_know")
	case a.NA != "":
		what = m.p.T("tui.review.na_row", "Reason", oneLine(a.NA))
	default:
		what = m.p.T("tui.answer.unanswered")
	}
	text := oneLine(qu.Text)
	if a.Comment != "" {
		text = "“" + oneLine(a.Comment) + "”"
	}
	if a.NA != "" {
		return fmt.Sprintf("%-8s %s", qu.ID, what)
	}
	return fmt.Sprintf("%-8s %s  %s", qu.ID, padRight(what, m.answerWidth()), text)
}

// viewFinishDialog asks whether to finish although questions are missing.
func (m Model) viewFinishDialog(w int) string {
	bw := min(w, 70)
	inner := bw - 4
	n := m.unanswered()
	text := m.p.N("tui.finish.body", n)
	s := m.styles.Heading.Render(m.p.T("tui.finish.title")) + "\n\n" + wrap(text, inner) + "\n\n" + m.p.T("tui.finish.keys")
	return m.styles.Overlay.Width(bw).Render(s)
}

// outDirLabel names the output folder for people: as given, with "./"
// before a relative one so that it reads as a folder.
func (m Model) outDirLabel() string {
	d := m.outDir
	switch {
	case d == "" || d == ".":
		return m.p.T("tui.folder.current")
	case strings.HasPrefix(d, "/") || strings.HasPrefix(d, "./") || strings.HasPrefix(d, "../") || strings.HasPrefix(d, "~"):
		return d
	}
	return "./" + d
}

// answerWidth is the width of the review's answer column: the widest way
// of saying an answer in the screen's language ("2 En développement"),
// at least 14 cells.
func (m Model) answerWidth() int {
	w := max(14, lipgloss.Width(m.p.T("tui.answer.dont_know")), lipgloss.Width(m.p.T("tui.answer.unanswered")))
	for l := questionnaire.MinLevel; l <= questionnaire.MaxLevel; l++ {
		w = max(w, lipgloss.Width(fmt.Sprintf("%d %s", l, m.q.LevelName(l))))
	}
	return w
}

// publishReason is why the files were not written, in the run's language
// where it is a refusal; a failure's "write results:" is left out, as the
// screen says so already.
func (m Model) publishReason() string {
	err := m.publishErr
	if f, ok := errors.AsType[*publish.Failure](err); ok {
		err = f.Err
	}
	return input.Describe(err, m.p)
}
