package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// question returns the question shown.
func (m Model) question() *questionnaire.Question { return &m.q.Questions[m.current] }

// answer returns the answer to the question at index i.
func (m Model) answer(i int) assessment.Answer { return m.a.Answers[m.q.Questions[i].ID] }

// startQuestions opens the question screen at the first unanswered
// question (or the first one when all are answered).
func (m *Model) startQuestions() {
	m.screen = screenQuestion
	m.overlay = overlayNone
	if m.a.Answers == nil {
		m.a.Answers = map[string]assessment.Answer{}
	}
	first := 0
	if i, ok := m.nextUnanswered(-1); ok {
		first = i
	}
	m.goTo(first)
}

// goTo shows question i with the highlight on its answered level.
func (m *Model) goTo(i int) {
	m.current = i
	m.cursor = 0
	if a := m.answer(i); a.Level != nil {
		m.cursor = *a.Level
	}
}

// nextUnanswered finds the first unanswered question after index from,
// wrapping around.
func (m Model) nextUnanswered(from int) (int, bool) {
	n := len(m.q.Questions)
	for k := 1; k <= n; k++ {
		i := (from + k + n) % n
		if !m.answer(i).Answered() {
			return i, true
		}
	}
	return 0, false
}

// updateQuestion handles the question screen and its dialogs.
func (m Model) updateQuestion(msg tea.Msg) (tea.Model, tea.Cmd) {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		if m.overlay == overlayComment || m.overlay == overlayNA {
			var cmd tea.Cmd
			m.input, cmd = m.input.Update(msg)
			return m, cmd
		}
		return m, nil
	}
	if !m.notice.isErr {
		m.notice = notice{}
	}
	switch m.overlay {
	case overlayHelp:
		return m.keyHelpOverlay(kp)
	case overlayComment, overlayNA:
		return m.keyInput(kp)
	case overlayAreas:
		return m.keyAreas(kp)
	case overlayQuit:
		return m.keyQuit(kp)
	}
	return m.keyQuestion(kp)
}

// keyQuestion handles a key on the question itself.
func (m Model) keyQuestion(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit, k.ForceQuit):
		m.overlay = overlayQuit
	case key.Matches(msg, k.Up):
		m.cursor = max(questionnaire.MinLevel, m.cursor-1)
	case key.Matches(msg, k.Down):
		m.cursor = min(questionnaire.MaxLevel, m.cursor+1)
	case key.Matches(msg, k.Pick):
		return m.pickLevel(m.cursor)
	case key.Matches(msg, k.Level):
		return m.pickLevel(int(msg.Code - '0'))
	case key.Matches(msg, k.DontKnow):
		cmd := m.setAnswer(assessment.Answer{DontKnow: true})
		m.notice = notice{text: "Saved " + m.question().ID + ": don't know."}
		m.advance()
		return m, cmd
	case key.Matches(msg, k.NA):
		if !m.question().NA {
			m.notice = notice{text: m.question().ID + " applies to every organisation: it cannot be marked not applicable."}
			return m, nil
		}
		return m.openInput(overlayNA, m.answer(m.current).NA)
	case key.Matches(msg, k.Comment):
		return m.openInput(overlayComment, m.answer(m.current).Comment)
	case key.Matches(msg, k.Next):
		if m.current == len(m.q.Questions)-1 {
			m.notice = notice{text: "This is the last question. Press r to review and finish."}
		} else {
			m.goTo(m.current + 1)
		}
	case key.Matches(msg, k.Prev):
		if m.current == 0 {
			m.notice = notice{text: "This is the first question."}
		} else {
			m.goTo(m.current - 1)
		}
	case key.Matches(msg, k.Unanswered):
		if i, ok := m.nextUnanswered(m.current); ok {
			m.goTo(i)
		} else {
			m.notice = notice{text: "Every question has an answer. Press r to review and finish."}
		}
	case key.Matches(msg, k.Area):
		m.overlay = overlayAreas
		m.areaCursor = m.areaIndex(m.question().Area)
	case key.Matches(msg, k.Review):
		m.openReview()
	case key.Matches(msg, k.Help):
		m.overlay = overlayHelp
	}
	return m, nil
}

// pickLevel answers the question with a level, saves and moves on.
func (m Model) pickLevel(level int) (tea.Model, tea.Cmd) {
	if level < questionnaire.MinLevel || level > questionnaire.MaxLevel {
		return m, nil
	}
	cmd := m.setAnswer(assessment.Lvl(level))
	m.notice = notice{text: fmt.Sprintf("Saved %s: %d %s.", m.question().ID, level, m.q.LevelName(level))}
	m.advance()
	return m, cmd
}

// setAnswer stores ans for the question shown, keeping its comment, and
// returns the command that saves the draft.
func (m *Model) setAnswer(ans assessment.Answer) tea.Cmd {
	id := m.question().ID
	ans.Comment = m.a.Answers[id].Comment
	m.a.Answers[id] = ans
	return m.saveCmd()
}

// advance moves to the next question after an answer; after the last one
// it opens the review.
func (m *Model) advance() {
	if m.current < len(m.q.Questions)-1 {
		m.goTo(m.current + 1)
		return
	}
	m.openReview()
}

// openInput opens the comment or reason field with its current text.
func (m Model) openInput(o overlay, value string) (tea.Model, tea.Cmd) {
	m.overlay = o
	m.input.Reset()
	m.input.Err = nil
	m.input.SetValue(value)
	m.input.CursorEnd()
	m.input.Prompt = "> "
	m.input.Placeholder = "a few words"
	if o == overlayNA {
		m.input.Placeholder = "why it does not apply"
	}
	return m, m.input.Focus()
}

// keyInput handles a key while the comment or reason field is open.
func (m Model) keyInput(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.ForceQuit):
		m.input.Blur()
		m.overlay = overlayQuit
		return m, nil
	case key.Matches(msg, m.keys.Cancel):
		m.input.Blur()
		m.overlay = overlayNone
		return m, nil
	case key.Matches(msg, m.keys.Save):
		text := strings.TrimSpace(m.input.Value())
		id := m.question().ID
		if m.overlay == overlayNA {
			if text == "" {
				m.input.Err = errRequiredReason
				return m, nil
			}
			m.input.Blur()
			m.overlay = overlayNone
			cmd := m.setAnswer(assessment.Answer{NA: text})
			m.notice = notice{text: "Saved " + id + ": not applicable."}
			m.advance()
			return m, cmd
		}
		m.input.Blur()
		m.overlay = overlayNone
		ans := m.a.Answers[id]
		ans.Comment = text
		m.a.Answers[id] = ans
		if text == "" {
			m.notice = notice{text: "Comment on " + id + " removed."}
		} else {
			m.notice = notice{text: "Comment on " + id + " saved."}
		}
		return m, m.saveCmd()
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	m.input.Err = nil
	return m, cmd
}

// errRequiredReason is shown when "not applicable" is given without a
// reason.
var errRequiredReason = reasonError{}

// reasonError says that the reason for "not applicable" is required.
type reasonError struct{}

// Error implements error.
func (reasonError) Error() string {
	return "a reason is required: say why the question does not apply to your organisation"
}

// keyHelpOverlay handles a key while the help is shown.
func (m Model) keyHelpOverlay(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Help, m.keys.Back):
		m.overlay = overlayNone
	case key.Matches(msg, m.keys.Quit, m.keys.ForceQuit):
		m.overlay = overlayQuit
	}
	return m, nil
}

// keyAreas handles a key in the area picker.
func (m Model) keyAreas(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	n := len(m.q.Areas)
	switch {
	case key.Matches(msg, m.keys.Back, m.keys.Area):
		m.overlay = overlayNone
	case key.Matches(msg, m.keys.ForceQuit, m.keys.Quit):
		m.overlay = overlayQuit
	case key.Matches(msg, m.keys.Up):
		m.areaCursor = (m.areaCursor + n - 1) % n
	case key.Matches(msg, m.keys.Down):
		m.areaCursor = (m.areaCursor + 1) % n
	case key.Matches(msg, m.keys.Pick):
		m.overlay = overlayNone
		m.goTo(m.areaStart(m.q.Areas[m.areaCursor].ID))
	}
	return m, nil
}

// areaStart is where a jump to an area lands: its first unanswered
// question, or its first question when all are answered.
func (m Model) areaStart(area string) int {
	idx := m.q.AreaQuestions(area)
	for _, i := range idx {
		if !m.answer(i).Answered() {
			return i
		}
	}
	if len(idx) > 0 {
		return idx[0]
	}
	return m.current
}

// areaIndex is the position of the area in q.Areas, or 0.
func (m Model) areaIndex(id string) int {
	for i, a := range m.q.Areas {
		if a.ID == id {
			return i
		}
	}
	return 0
}

// keyQuit handles the quit confirmation.
func (m Model) keyQuit(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Confirm, m.keys.ForceQuit):
		// Run writes the newest state once more after the program ends, so
		// a save still queued cannot be lost.
		return m, tea.Quit
	case key.Matches(msg, m.keys.Deny):
		m.overlay = overlayNone
	}
	return m, nil
}

// areaProgress counts the answered questions of an area.
func (m Model) areaProgress(area string) (done, total int) {
	idx := m.q.AreaQuestions(area)
	for _, i := range idx {
		if m.answer(i).Answered() {
			done++
		}
	}
	return done, len(idx)
}

// progress counts the answered questions.
func (m Model) progress() (done, total int) {
	for i := range m.q.Questions {
		if m.answer(i).Answered() {
			done++
		}
	}
	return done, len(m.q.Questions)
}
