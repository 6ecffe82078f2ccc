package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/internal/locale"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// question returns the question shown.
func (m Model) question() *questionnaire.Question { return &m.q.Questions[m.current] }

// answer returns the answer to the question at index i.
func (m Model) answer(i int) assessment.Answer { return m.a.Answers[m.q.Questions[i].ID] }

// startQuestions opens the question screen where the user left off: the
// first unanswered question after the last answered one (in the order of
// the questionnaire, wrapping round), so that a user who skipped a question
// and went on is not sent back to it. With every question answered it
// opens the review.
func (m *Model) startQuestions() {
	m.screen = screenQuestion
	m.overlay = overlayNone
	if m.a.Answers == nil {
		m.a.Answers = map[string]assessment.Answer{}
	}
	last := -1
	for i := range m.q.Questions {
		if m.answer(i).Answered() {
			last = i
		}
	}
	i, ok := m.nextUnanswered(last)
	if !ok {
		m.goTo(0)
		m.enterReview()
		return
	}
	m.goTo(i)
}

// noLevel is the cursor of a question without a level: nothing is
// highlighted, so that enter cannot record a level the user did not choose.
const noLevel = -1

// goTo shows question i with the highlight on its answered level, or on
// none.
func (m *Model) goTo(i int) {
	m.current = i
	m.cursor = noLevel
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
		return m.forwardToField(msg)
	}
	m.clearNotice()
	switch m.overlay {
	case overlayHelp:
		return m.keyHelpOverlay(kp)
	case overlayComment, overlayNA:
		return m.keyInput(kp)
	case overlayAreas:
		return m.keyAreas(kp)
	case overlayQuit:
		return m.keyQuit(kp)
	case overlayReplace:
		return m.keyReplace(kp)
	case overlaySaveFailed:
		return m.keySaveFailed(kp)
	}
	return m.keyQuestion(kp)
}

// interrupt is ctrl+c: stop at once. Every answer is already in the
// draft (Run writes the newest state once more); the command line exits
// with 130.
func (m Model) interrupt() (tea.Model, tea.Cmd) {
	m.interrupted = true
	return m, tea.Interrupt
}

// keyQuestion handles a key on the question itself.
func (m Model) keyQuestion(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit):
		m.overlay = overlayQuit
	case key.Matches(msg, k.Up):
		if m.cursor == noLevel {
			m.cursor = questionnaire.MaxLevel
		} else {
			m.cursor = max(questionnaire.MinLevel, m.cursor-1)
		}
	case key.Matches(msg, k.Down):
		m.cursor = min(questionnaire.MaxLevel, m.cursor+1)
	case key.Matches(msg, k.Pick):
		if m.cursor == noLevel {
			m.notice = notice{text: m.p.T("tui.question.nothing_chosen")}
			return m, nil
		}
		return m.answerWith(assessment.Lvl(m.cursor))
	case key.Matches(msg, k.Level):
		return m.answerWith(assessment.Lvl(int(msg.Code - '0')))
	case key.Matches(msg, k.DontKnow):
		return m.answerWith(assessment.Answer{DontKnow: true})
	case key.Matches(msg, k.Back) && m.returnToReview:
		m.openReview()
	case key.Matches(msg, k.NA):
		if !m.question().NA {
			m.notice = notice{text: m.p.T("tui.question.na_not_allowed", "ID", m.question().ID)}
			return m, nil
		}
		return m.openInput(overlayNA, m.answer(m.current).NA)
	case key.Matches(msg, k.Comment):
		return m.openInput(overlayComment, m.answer(m.current).Comment)
	case key.Matches(msg, k.Next):
		m.returnToReview = false // browsing on: answers no longer lead back
		if m.current == len(m.q.Questions)-1 {
			m.notice = notice{text: m.p.T("tui.question.last")}
		} else {
			m.goTo(m.current + 1)
		}
	case key.Matches(msg, k.Prev):
		m.returnToReview = false
		if m.current == 0 {
			m.notice = notice{text: m.p.T("tui.question.first")}
		} else {
			m.goTo(m.current - 1)
		}
	case key.Matches(msg, k.Unanswered):
		m.returnToReview = false
		if i, ok := m.nextUnanswered(m.current); ok {
			m.goTo(i)
		} else {
			m.notice = notice{text: m.p.T("tui.question.all_answered")}
		}
	case key.Matches(msg, k.Area):
		m.overlay = overlayAreas
		m.areaCursor = m.areaIndex(m.question().Area)
	case key.Matches(msg, k.Review):
		m.enterReview()
	case key.Matches(msg, k.Help):
		m.openHelp()
	case key.Matches(msg, k.Back):
		// Nothing to close: esc on the question does nothing, and says so.
		m.notice = notice{text: m.p.T("tui.question.nothing_to_close")}
	default:
		m.notice = notice{text: m.p.T("tui.question.unknown_key", "Key", keyLabel(msg))}
	}
	return m, nil
}

// keyLabel names a key press for a message.
func keyLabel(msg tea.KeyPressMsg) string {
	if msg.Text != "" && msg.Text != " " {
		return `"` + input.Quote(msg.Text) + `"`
	}
	return msg.String()
}

// answerWith gives the question shown the answer ans (a level or "don't
// know"). Over "not applicable" it asks first: the reason would be lost.
func (m Model) answerWith(ans assessment.Answer) (tea.Model, tea.Cmd) {
	if ans.Level != nil && (*ans.Level < questionnaire.MinLevel || *ans.Level > questionnaire.MaxLevel) {
		return m, nil
	}
	if old := m.answer(m.current); old.NA != "" {
		m.pending = ans
		m.overlay = overlayReplace
		return m, nil
	}
	return m.commitAnswer(ans)
}

// commitAnswer stores ans, saves, says so and moves on.
func (m Model) commitAnswer(ans assessment.Answer) (tea.Model, tea.Cmd) {
	cmd := m.setAnswer(ans)
	m.notice = notice{text: m.p.T("tui.question.saved", "ID", m.question().ID, "Answer", m.describe(ans))}
	m.advance()
	return m, cmd
}

// describe says an answer in words: "2 Developing", "don't know".
func (m Model) describe(a assessment.Answer) string {
	switch {
	case a.Level != nil:
		return fmt.Sprintf("%d %s", *a.Level, m.q.LevelName(*a.Level))
	case a.DontKnow:
		return m.p.T("tui.answer.dont_know")
	case a.NA != "":
		return m.p.T("tui.answer.na")
	}
	return m.p.T("tui.answer.none")
}

// keyReplace handles the question whether to replace "not applicable".
func (m Model) keyReplace(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Confirm):
		m.overlay = overlayNone
		return m.commitAnswer(m.pending)
	case key.Matches(msg, m.keys.Deny):
		m.overlay = overlayNone
		m.notice = notice{text: m.p.T("tui.replace.kept", "ID", m.question().ID)}
	}
	return m, nil
}

// setAnswer stores ans for the question shown, keeping its comment, and
// returns the command that saves the draft.
func (m *Model) setAnswer(ans assessment.Answer) tea.Cmd {
	id := m.question().ID
	ans.Comment = m.a.Answers[id].Comment
	m.a.Answers[id] = ans
	return m.saveCmd()
}

// advance moves on after an answer: back to the review when the question
// was opened from it; else to the next question of the same area; after
// an area's last question, to the next unanswered question (the next
// area's questions may be answered already); with none left, the review.
func (m *Model) advance() {
	if m.returnToReview {
		m.openReview()
		return
	}
	next := m.current + 1
	if next < len(m.q.Questions) && m.q.Questions[next].Area == m.question().Area {
		m.goTo(next)
		return
	}
	if i, ok := m.nextUnanswered(m.current); ok {
		m.goTo(i)
		return
	}
	m.enterReview()
}

// openInput opens the comment or reason field with its current text.
func (m Model) openInput(o overlay, value string) (tea.Model, tea.Cmd) {
	placeholder := m.p.T("tui.question.comment_placeholder")
	if o == overlayNA {
		placeholder = m.p.T("tui.question.na_placeholder")
	}
	return m.openField(o, value, placeholder)
}

// keyInput handles a key while the comment or reason field is open.
func (m Model) keyInput(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	return m.editField(msg, Model.saveInput)
}

// saveInput stores the comment, or answers "not applicable" with the
// reason, once the text follows the text policy.
func (m Model) saveInput(text string) (tea.Model, tea.Cmd) {
	id := m.question().ID
	// What is saved must read back: the same text policy as the readers
	// of drafts and assessment files.
	if reason := textProblem(m.p, text, input.Multiline); reason != "" {
		m.input.Err = textError(m.p.T("tui.text.the_text") + " " + reason + ".")
		return m, nil
	}
	if m.overlay == overlayNA {
		if text == "" {
			m.input.Err = textError(m.p.T("tui.question.reason_required"))
			return m, nil
		}
		m.closeField()
		return m.commitAnswer(assessment.Answer{NA: text})
	}
	m.closeField()
	ans := m.a.Answers[id]
	ans.Comment = text
	m.a.Answers[id] = ans
	if text == "" {
		m.notice = notice{text: m.p.T("tui.question.comment_removed", "ID", id)}
	} else {
		m.notice = notice{text: m.p.T("tui.question.comment_saved", "ID", id)}
	}
	return m, m.saveCmd()
}

// openField opens the text field of dialog o on value.
func (m Model) openField(o overlay, value, placeholder string) (tea.Model, tea.Cmd) {
	m.overlay = o
	m.input.Reset()
	m.input.Err = nil
	m.input.SetValue(value)
	m.input.CursorEnd()
	m.input.Prompt = "> "
	m.input.Placeholder = placeholder
	return m, m.input.Focus()
}

// editField handles a key in an open text field: Cancel closes it, Save
// hands the trimmed text to save (which closes the field, or sets
// input.Err to say why not), and every other key edits the text.
func (m Model) editField(msg tea.KeyPressMsg, save func(Model, string) (tea.Model, tea.Cmd)) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Cancel):
		m.closeField()
		return m, nil
	case key.Matches(msg, m.keys.Save):
		return save(m, strings.TrimSpace(m.input.Value()))
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	m.input.Err = nil
	return m, cmd
}

// forwardToField passes a message other than a key (the cursor's blink)
// to the text field, when one is open.
func (m Model) forwardToField(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch m.overlay {
	case overlayComment, overlayNA, overlayFolder:
		var cmd tea.Cmd
		m.input, cmd = m.input.Update(msg)
		return m, cmd
	}
	return m, nil
}

// clearNotice takes the last confirmation away when a key is pressed; an
// error stays until it is dealt with.
func (m *Model) clearNotice() {
	if !m.notice.isErr {
		m.notice = notice{}
	}
}

// closeField closes the text field's dialog.
func (m *Model) closeField() {
	m.input.Blur()
	m.overlay = overlayNone
}

// textError says why a typed text was refused, in the screen's language.
type textError string

// Error implements error.
func (e textError) Error() string { return string(e) }

// textProblem is input.CheckText in p's language: "" when s follows the
// text policy, else the reason, naming the refused character by its code.
func textProblem(p *locale.Printer, s string, mode input.TextMode) string {
	r, bad := input.BadRune(s, mode)
	if !bad {
		return ""
	}
	if p.Tag() == locale.English {
		return input.CheckText(s, mode) // the policy's own words, naming the character
	}
	return p.T("tui.text.bad_char", "Code", fmt.Sprintf("U+%04X", r))
}

// keyHelpOverlay handles a key while the help is shown: it scrolls.
func (m Model) keyHelpOverlay(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Help, m.keys.Back):
		m.overlay = overlayNone
	case key.Matches(msg, m.keys.Quit):
		m.overlay = overlayQuit
	default:
		scroll(&m.helpView, m.keys, msg)
	}
	return m, nil
}

// keyAreas handles a key in the area picker.
func (m Model) keyAreas(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	n := len(m.q.Areas)
	switch {
	case key.Matches(msg, m.keys.Back, m.keys.Area):
		m.overlay = overlayNone
	case key.Matches(msg, m.keys.Quit):
		m.overlay = overlayQuit
	case key.Matches(msg, m.keys.Up):
		m.areaCursor = (m.areaCursor + n - 1) % n
	case key.Matches(msg, m.keys.Down):
		m.areaCursor = (m.areaCursor + 1) % n
	case key.Matches(msg, m.keys.Pick):
		m.overlay = overlayNone
		m.returnToReview = false
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
	case key.Matches(msg, m.keys.Confirm):
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
