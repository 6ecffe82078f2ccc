package workshop

import (
	"slices"

	tea "charm.land/bubbletea/v2"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/tui"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// ParticipantStatus is one participant as the facilitator sees them.
type ParticipantStatus struct {
	Name, Role string
	// Answered counts the questions answered (level, don't know or N/A)
	// out of Total.
	Answered, Total int
	// Connected is true while the participant's session runs; Finished
	// once they have finished their assessment.
	Connected, Finished bool
}

// Distribution counts the answers to one question.
type Distribution struct {
	// Levels counts the answers per level, index 0 for level 0.
	Levels []int
	// DontKnow and NA count the other answers.
	DontKnow, NA int
}

// Answered is the number of answers counted.
func (d Distribution) Answered() int {
	n := d.DontKnow + d.NA
	for _, c := range d.Levels {
		n += c
	}
	return n
}

// QuestionStatus is the room's answers to one question.
type QuestionStatus struct {
	// Index is the question's place in the questionnaire.
	Index int
	ID    string
	Dist  Distribution
	// Min and Max are the lowest and highest levels given, -1 when
	// nobody gave a level.
	Min, Max int
}

// Gap is how many levels apart the participants are (0 without levels).
func (q QuestionStatus) Gap() int {
	if q.Min < 0 {
		return 0
	}
	return q.Max - q.Min
}

// AgendaGap is the disagreement from which a question is on the agenda:
// participants two or more levels apart, as in the workshop report.
const AgendaGap = 2

// State is what the facilitator's screen shows.
type State struct {
	Participants []ParticipantStatus
	// Questions are in questionnaire order.
	Questions []QuestionStatus
	// Agenda holds the questions on which participants are AgendaGap or
	// more levels apart, widest first (then in questionnaire order).
	Agenda []QuestionStatus
	// Revealed is the id of the question shown to everyone, or "".
	Revealed string
	// Closed is true once the workshop is closed.
	Closed bool
}

// State returns a snapshot of the workshop.
func (w *Workshop) State() State {
	w.mu.Lock()
	defer w.mu.Unlock()
	st := State{Revealed: w.revealed, Closed: w.closed}
	total := len(w.q.Questions)
	for _, p := range w.people {
		n := 0
		for id, a := range p.answers {
			if a.Answered() && w.q.QuestionIndex(id) >= 0 {
				n++
			}
		}
		st.Participants = append(st.Participants, ParticipantStatus{
			Name: p.name, Role: p.role, Answered: n, Total: total,
			Connected: p.session != nil, Finished: p.finished,
		})
	}
	st.Questions = make([]QuestionStatus, total)
	for i := range w.q.Questions {
		st.Questions[i] = w.questionLocked(i)
	}
	for _, qs := range st.Questions {
		if qs.Gap() >= AgendaGap {
			st.Agenda = append(st.Agenda, qs)
		}
	}
	slices.SortStableFunc(st.Agenda, func(a, b QuestionStatus) int { return b.Gap() - a.Gap() })
	return st
}

// questionLocked counts the answers to question i; mu is held.
func (w *Workshop) questionLocked(i int) QuestionStatus {
	id := w.q.Questions[i].ID
	qs := QuestionStatus{Index: i, ID: id, Min: -1, Max: -1,
		Dist: Distribution{Levels: make([]int, questionnaire.MaxLevel-questionnaire.MinLevel+1)}}
	for _, p := range w.people {
		a := p.answers[id]
		switch {
		case a.Level != nil:
			l := *a.Level
			if l < questionnaire.MinLevel || l > questionnaire.MaxLevel {
				continue
			}
			qs.Dist.Levels[l-questionnaire.MinLevel]++
			if qs.Min < 0 || l < qs.Min {
				qs.Min = l
			}
			qs.Max = max(qs.Max, l)
		case a.DontKnow:
			qs.Dist.DontKnow++
		case a.NA != "":
			qs.Dist.NA++
		}
	}
	return qs
}

// Reveal shows the anonymous distribution of the answers to question id
// on every participant's screen, and keeps it up to date as answers come
// in; "" takes it away.
func (w *Workshop) Reveal(id string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if id != "" && w.q.QuestionIndex(id) < 0 {
		return
	}
	w.revealed = id
	msg := w.revealMsgLocked()
	for s := range w.sessions {
		s.send(msg)
	}
	w.notify()
}

// revealMsgLocked is the message for the current reveal; mu is held.
func (w *Workshop) revealMsgLocked() tea.Msg {
	if w.revealed == "" {
		return tui.RevealMsg{}
	}
	i := w.q.QuestionIndex(w.revealed)
	qs := w.questionLocked(i)
	return tui.RevealMsg{Reveal: &tui.Reveal{
		QuestionID: qs.ID, Text: w.q.Questions[i].Text,
		Levels: qs.Dist.Levels, DontKnow: qs.Dist.DontKnow, NA: qs.Dist.NA,
		Participants: len(w.people),
	}}
}

// sendRevealLocked updates everyone's reveal after p answered the
// revealed question; mu is held.
func (w *Workshop) sendRevealLocked(p *person) {
	if w.revealed == "" {
		return
	}
	if _, ok := p.answers[w.revealed]; !ok {
		return
	}
	msg := w.revealMsgLocked()
	for s := range w.sessions {
		s.send(msg)
	}
}

// answersOf returns a copy of the answers of each participant, in order of
// joining (tests and the benchmark compare them with the files).
func (w *Workshop) answersOf() map[string]map[string]assessment.Answer {
	w.mu.Lock()
	defer w.mu.Unlock()
	out := make(map[string]map[string]assessment.Answer, len(w.people))
	for _, p := range w.people {
		out[p.name] = p.answers
	}
	return out
}
