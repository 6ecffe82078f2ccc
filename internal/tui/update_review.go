package tui

import (
	"errors"
	"io/fs"
	"os"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/internal/publish"
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
	m.returnToReview = false
	m.reviewCursor = min(m.reviewCursor, max(0, len(m.reviewRows())-1))
}

// enterReview opens the review from the questions: on the gaps, or on
// every answer when there is no gap left to show. (Coming back from a
// question opened in the review keeps the list it was opened from.)
func (m *Model) enterReview() {
	m.reviewAll = len(m.gaps()) == 0
	m.reviewCursor = 0
	m.openReview()
}

// reviewRows are the question indexes the review lists: the gaps, or
// every question.
func (m Model) reviewRows() []int {
	if m.reviewAll {
		rows := make([]int, len(m.q.Questions))
		for i := range rows {
			rows[i] = i
		}
		return rows
	}
	gs := m.gaps()
	rows := make([]int, len(gs))
	for i, g := range gs {
		rows[i] = g.index
	}
	return rows
}

// updateReview handles the review screen: change an answer, switch
// between the gaps and every answer, choose the output folder, or finish.
func (m Model) updateReview(msg tea.Msg) (tea.Model, tea.Cmd) {
	if msg, ok := msg.(folderCheckedMsg); ok {
		return m.folderChecked(msg)
	}
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m.forwardToField(msg)
	}
	m.clearNotice()
	k := m.keys
	switch m.overlay {
	case overlayQuit:
		return m.keyQuit(kp)
	case overlaySaveFailed:
		return m.keySaveFailed(kp)
	case overlayFolder:
		return m.keyFolder(kp)
	case overlayFinish:
		switch {
		case key.Matches(kp, k.Confirm):
			return m.startTargets()
		case key.Matches(kp, k.Deny):
			m.overlay = overlayNone
		}
		return m, nil
	}
	rows := m.reviewRows()
	switch {
	case key.Matches(kp, k.Quit):
		m.overlay = overlayQuit
	case key.Matches(kp, k.Up):
		m.reviewCursor = max(0, m.reviewCursor-1)
	case key.Matches(kp, k.Down):
		m.reviewCursor = min(max(0, len(rows)-1), m.reviewCursor+1)
	case key.Matches(kp, k.PageUp, k.Top):
		m.reviewCursor = 0
	case key.Matches(kp, k.PageDown, k.Bottom):
		m.reviewCursor = max(0, len(rows)-1)
	case key.Matches(kp, k.Pick):
		if m.reviewCursor < len(rows) {
			m.screen = screenQuestion
			m.goTo(rows[m.reviewCursor])
			m.returnToReview = true
		}
	case key.Matches(kp, k.Switch):
		m.reviewAll = !m.reviewAll
		m.reviewCursor = 0
	case key.Matches(kp, k.Folder):
		return m.openFolder()
	case key.Matches(kp, k.Finish):
		if m.unanswered() > 0 {
			m.overlay = overlayFinish
			return m, nil
		}
		return m.startTargets()
	case key.Matches(kp, k.Back, k.Review, k.Prev):
		m.screen = screenQuestion
	default:
		m.notice = notice{text: m.p.T("tui.review.unknown_key", "Key", keyLabel(kp))}
	}
	return m, nil
}

// openFolder asks for another output folder.
func (m Model) openFolder() (tea.Model, tea.Cmd) {
	return m.openField(overlayFolder, m.outDir, m.p.T("tui.folder.placeholder"))
}

// keyFolder handles a key while the output folder is typed.
func (m Model) keyFolder(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	return m.editField(msg, Model.saveFolder)
}

// saveFolder checks a typed output folder: empty or against the text
// policy, the field says why at once; otherwise a command looks on disk
// (folderChecked takes the answer), so that a file's name is refused now
// rather than when the files are written.
func (m Model) saveFolder(dir string) (tea.Model, tea.Cmd) {
	if dir == "" {
		m.input.Err = textError(m.p.T("tui.folder.empty", "Folder", m.outDirLabel()))
		return m, nil
	}
	if reason := textProblem(m.p, dir, input.SingleLine); reason != "" {
		m.input.Err = textError(m.p.T("tui.text.the_folder") + " " + reason + ".")
		return m, nil
	}
	return m, func() tea.Msg { return folderCheckedMsg{Dir: dir, Err: publish.CheckFolder(dir)} }
}

// folderCheckedMsg says whether a typed output folder can take the files:
// Err is a refusal when it is a file or lies below one.
type folderCheckedMsg struct {
	Dir string
	Err error
}

// folderChecked makes the checked folder the output folder, or keeps the
// field open with the reason. An answer about text since changed is
// dropped: enter checks the new text.
func (m Model) folderChecked(msg folderCheckedMsg) (tea.Model, tea.Cmd) {
	if m.overlay != overlayFolder || strings.TrimSpace(m.input.Value()) != msg.Dir {
		return m, nil
	}
	if msg.Err != nil {
		m.input.Err = textError(input.Describe(msg.Err, m.p))
		return m, nil
	}
	m.closeField()
	m.outDir = msg.Dir
	m.publishErr = nil
	m.notice = notice{text: m.p.T("tui.folder.set", "Folder", m.outDirLabel())}
	return m, nil
}

// unanswered counts the questions without any answer.
func (m Model) unanswered() int {
	done, total := m.progress()
	return total - done
}

// publishedMsg reports the end of publish: the files written with the
// scores and the report's Markdown for the preview, and the finished
// assessment.
type publishedMsg struct {
	Paths      publish.Paths
	Assessment *assessment.Assessment
	// SaveErr is set when the draft could not be marked complete: the
	// files are written, but the draft will be offered for resuming.
	SaveErr error
	// OldErr is set when the draft of an earlier release whose answers
	// were carried could not be removed.
	OldErr error
	Err    error
}

// finish writes the files and marks the draft complete.
func (m Model) finish() (tea.Model, tea.Cmd) {
	m.overlay = overlayNone
	m.screen = screenFinishing
	m.seq++
	seq, snap, sv := m.seq, cloneAssessment(m.a), m.saver
	q, out, tool, pub, old := m.q, m.outDir, m.opts.Tool, m.opts.Publish, m.carriedFrom
	return m, func() tea.Msg {
		paths, err := pub(out, q, snap, tool)
		if err != nil {
			return publishedMsg{Err: err}
		}
		msg := publishedMsg{Paths: paths, Assessment: snap}
		// The draft, marked complete, is no longer offered for resuming.
		snap.Complete = true
		if _, _, err := sv.write(seq, snap); err != nil {
			msg.SaveErr = err
		}
		// The earlier release's draft was kept until now, when its answers
		// are in a finished assessment.
		if old != "" {
			if err := os.Remove(old); err != nil && !errors.Is(err, fs.ErrNotExist) {
				msg.OldErr = err
			}
		}
		return msg
	}
}

// updateFinishing waits for the files to be written.
func (m Model) updateFinishing(msg tea.Msg) (tea.Model, tea.Cmd) {
	if msg, ok := msg.(publishedMsg); ok {
		if msg.Err != nil {
			// The review shows the reason in full and offers another folder.
			m.screen = screenReview
			m.publishErr = msg.Err
			return m, nil
		}
		m.publishErr = nil
		m.a = msg.Assessment
		m.paths, m.published = msg.Paths, true
		m.result, m.report = msg.Paths.Result, string(msg.Paths.Markdown)
		m.notice = notice{}
		if msg.SaveErr != nil {
			m.notice = notice{text: m.p.T("tui.results.draft_not_marked", "Error", msg.SaveErr.Error()), isErr: true}
		}
		if msg.OldErr != nil {
			m.notice = notice{text: m.p.T("tui.results.old_draft_kept", "Error", msg.OldErr.Error()), isErr: true}
		} else {
			m.carriedFrom = ""
		}
		m.screen = screenResults
		m.pane = paneSummary
		m.layoutViewport()
		return m, m.renderPreviewCmd()
	}
	// ctrl+c while the files are written stops (Model.Update); Run still
	// saves the draft.
	return m, nil
}
