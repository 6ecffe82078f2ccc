package tui

import (
	"fmt"
	"os"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/publish"
	"github.com/dgmaturity/dgmaturity/internal/scoring"
)

// gap is a question the review lists: unanswered or "don't know".
type gap struct {
	index    int // into q.Questions
	dontKnow bool
}

// gaps lists the unanswered and "don't know" questions in order.
func (m Model) gaps() []gap {
	var gs []gap
	for i := range m.q.Questions {
		switch a := m.answer(i); {
		case !a.Answered():
			gs = append(gs, gap{index: i})
		case a.DontKnow:
			gs = append(gs, gap{index: i, dontKnow: true})
		}
	}
	return gs
}

// openReview shows the review screen.
func (m *Model) openReview() {
	m.screen = screenReview
	m.overlay = overlayNone
	m.reviewCursor = 0
}

// updateReview handles the review screen: go back to a gap, or finish.
func (m Model) updateReview(msg tea.Msg) (tea.Model, tea.Cmd) {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	if !m.notice.isErr {
		m.notice = notice{}
	}
	k := m.keys
	switch m.overlay {
	case overlayQuit:
		return m.keyQuit(kp)
	case overlayFinish:
		switch {
		case key.Matches(kp, k.Confirm):
			return m.startTargets()
		case key.Matches(kp, k.Deny):
			m.overlay = overlayNone
		case key.Matches(kp, k.ForceQuit):
			m.overlay = overlayQuit
		}
		return m, nil
	}
	gs := m.gaps()
	switch {
	case key.Matches(kp, k.Quit, k.ForceQuit):
		m.overlay = overlayQuit
	case key.Matches(kp, k.Up):
		m.reviewCursor = max(0, m.reviewCursor-1)
	case key.Matches(kp, k.Down):
		m.reviewCursor = min(max(0, len(gs)-1), m.reviewCursor+1)
	case key.Matches(kp, k.Pick):
		if m.reviewCursor < len(gs) {
			m.screen = screenQuestion
			m.goTo(gs[m.reviewCursor].index)
		}
	case key.Matches(kp, k.Finish):
		if m.unanswered() > 0 {
			m.overlay = overlayFinish
			return m, nil
		}
		return m.startTargets()
	case key.Matches(kp, k.Back, k.Review, k.Prev):
		m.screen = screenQuestion
	}
	return m, nil
}

// unanswered counts the questions without any answer.
func (m Model) unanswered() int {
	done, total := m.progress()
	return total - done
}

// publishedMsg reports the end of publish: the files written, the finished
// assessment, its scores and the report's Markdown for the preview.
type publishedMsg struct {
	Paths      publish.Paths
	Assessment *assessment.Assessment
	Result     *scoring.Result
	Report     string
	// SaveErr is set when the draft could not be marked complete: the
	// files are written, but the draft will be offered for resuming.
	SaveErr error
	Err     error
}

// finish writes the files and marks the draft complete.
func (m Model) finish() (tea.Model, tea.Cmd) {
	m.overlay = overlayNone
	m.screen = screenFinishing
	m.seq++
	seq, snap, sv := m.seq, cloneAssessment(m.a), m.saver
	q, out, tool, pub := m.q, m.opts.OutDir, m.opts.Tool, m.opts.Publish
	return m, func() tea.Msg {
		paths, err := pub(out, q, snap, tool)
		if err != nil {
			return publishedMsg{Err: err}
		}
		msg := publishedMsg{Paths: paths, Assessment: snap, Result: scoring.ScoreAssessment(q, snap, 0)}
		if data, err := os.ReadFile(paths.Report); err == nil {
			msg.Report = string(data)
		}
		// The draft, marked complete, is no longer offered for resuming.
		snap.Complete = true
		if _, _, err := sv.write(seq, snap); err != nil {
			msg.SaveErr = err
		}
		return msg
	}
}

// updateFinishing waits for the files to be written.
func (m Model) updateFinishing(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case publishedMsg:
		if msg.Err != nil {
			m.screen = screenReview
			m.notice = notice{text: fmt.Sprintf("Could not write the report: %v. Your answers are safe in the draft.", msg.Err), isErr: true}
			return m, nil
		}
		m.a = msg.Assessment
		m.paths, m.published = msg.Paths, true
		m.result, m.report = msg.Result, msg.Report
		m.notice = notice{}
		if msg.SaveErr != nil {
			m.notice = notice{text: "The report is written, but the draft could not be marked finished: " + msg.SaveErr.Error(), isErr: true}
		}
		m.screen = screenResults
		m.pane = paneSummary
		m.layoutViewport()
		return m, m.renderPreviewCmd()
	case tea.KeyPressMsg:
		if key.Matches(msg, m.keys.ForceQuit) {
			// The files are being written; Run still saves the draft.
			return m, tea.Quit
		}
	}
	return m, nil
}
