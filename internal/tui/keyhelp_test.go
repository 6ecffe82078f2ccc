package tui

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/publish"
	"github.com/dgmaturity/dgmaturity/internal/scoring"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// TestQuitOnTheTargetsStepAsks: q on the targets step opens the quit
// dialog, which must be on the screen (it was not drawn: the keys then
// did nothing visible but y and n).
func TestQuitOnTheTargetsStepAsks(t *testing.T) {
	m := newQuestionModel(t, 80, 24, true)
	m = send(t, m, presses("1", "2", "0", "1", "f", "q")...)
	if m.screen != screenTargets || m.overlay != overlayQuit {
		t.Fatalf("screen %s, overlay %d; want the quit dialog on the targets step", m.screen, m.overlay)
	}
	got := screenText(m)
	for _, want := range []string{m.p.T("tui.quit.title"), "y yes", "n/esc no"} {
		if !strings.Contains(got, want) {
			t.Errorf("the targets step lacks %q:\n%s", want, got)
		}
	}
	m = send(t, m, press("n"))
	if m.overlay != overlayNone || !strings.Contains(screenText(m), "s skip") {
		t.Errorf("n did not close the dialog:\n%s", screenText(m))
	}
}

// helpState is a screen or dialog whose key help is checked: the models
// in it, made anew for every key (a model shares slices with its copies),
// of which one must respond to a key ("3" changes no target already at
// 3), and their help.
type helpState struct {
	name   string
	models func() []tea.Model
	help   func(tea.Model) bindings
}

// state is a helpState of models that Update cannot change in place.
func state(name string, help func(tea.Model) bindings, models ...tea.Model) helpState {
	return helpState{name, func() []tea.Model { return models }, help}
}

// TestKeyHelpShowsOnlyHandledKeys walks the key help of every screen and
// dialog, short and full, and presses every key of every binding shown:
// each must do something (change the screen or return a command) other
// than saying that the key does nothing. The help is built from the
// KeyMap bindings the updates match, so it cannot promise a key that
// the screen ignores.
func TestKeyHelpShowsOnlyHandledKeys(t *testing.T) {
	for _, st := range helpStates(t) {
		seen := 0
		for _, b := range shownBindings(st.help(st.models()[0])) {
			for _, k := range b.Keys() {
				msg := keyPress(t, k)
				if !key.Matches(msg, b) {
					t.Fatalf("%s: the key press built for %q does not match its binding", st.name, k)
				}
				seen++
				if !anyResponds(st.models(), msg) {
					t.Errorf("%s: the help shows %q (%s %s), but the screen ignores it", st.name, k, b.Help().Key, b.Help().Desc)
				}
			}
		}
		if seen == 0 {
			t.Errorf("%s: no key help", st.name)
		}
	}
}

// shownBindings are the enabled bindings of the short and the full help.
func shownBindings(h bindings) []key.Binding {
	var out []key.Binding
	for _, b := range slices.Concat(append([][]key.Binding{h.ShortHelp()}, h.FullHelp()...)...) {
		if b.Enabled() {
			out = append(out, b)
		}
	}
	return out
}

// anyResponds reports whether msg, sent to one of the models, returns a
// command or changes the screen, other than with a notice that the key
// does nothing.
func anyResponds(models []tea.Model, msg tea.KeyPressMsg) bool {
	for _, m := range models {
		before := m.View().Content
		after, cmd := m.Update(msg)
		if text := noticeOf(after); text != "" && isUnknownKey(modelOf(after), text, msg) {
			continue
		}
		if cmd != nil || after.View().Content != before {
			return true
		}
	}
	return false
}

// modelOf is the assessment model of a Model or a Participant.
func modelOf(m tea.Model) Model {
	if p, ok := m.(Participant); ok {
		return p.m
	}
	return m.(Model)
}

// noticeOf is the notice line's text.
func noticeOf(m tea.Model) string { return modelOf(m).notice.text }

// isUnknownKey reports whether text is a screen's "this key does nothing"
// notice for msg.
func isUnknownKey(m Model, text string, msg tea.KeyPressMsg) bool {
	for _, id := range []string{"tui.question.unknown_key", "tui.review.unknown_key", "tui.results.unknown_key", "tui.resume.unknown_key", "tui.release.unknown_key"} {
		if text == m.p.T(id, "Key", keyLabel(msg)) {
			return true
		}
	}
	return false
}

// keyPress is the key press a terminal sends for the key named k, as
// key.Binding names keys.
func keyPress(t *testing.T, k string) tea.KeyPressMsg {
	t.Helper()
	named := map[string]tea.KeyPressMsg{
		"pgup": {Code: tea.KeyPgUp}, "home": {Code: tea.KeyHome}, "end": {Code: tea.KeyEnd},
		"space": {Code: tea.KeySpace, Text: " "},
	}
	msg, ok := named[k]
	if !ok {
		msg = press(k)
	}
	if msg.String() != k {
		t.Fatalf("the key press built for %q reads %q", k, msg.String())
	}
	return msg
}

// helpStates are every screen and dialog with a key help, at 80x24 (the
// question screen's short help is compact there) and 100x40.
func helpStates(t *testing.T) []helpState {
	t.Helper()
	model := func(m tea.Model) bindings { return m.(Model).keyHelp() }
	q80 := newQuestionModel(t, 80, 24, true)
	q100 := newQuestionModel(t, 100, 40, true)
	at := func(m Model, f func(*Model)) tea.Model { f(&m); return m }
	states := []helpState{state("question, compact", model, q80), state("question", model, q100)}
	for _, o := range []overlay{overlayQuit, overlayReplace, overlaySaveFailed, overlayAreas} {
		states = append(states, state(fmt.Sprintf("question, overlay %d", o), model, at(q100, func(m *Model) {
			m.overlay, m.pending = o, assessment.Lvl(2)
		})))
	}
	states = append(states, state("help overlay", model, at(q80, func(m *Model) {
		m.openHelp()
		m.helpView.SetYOffset(2)
	})))
	for _, o := range []overlay{overlayComment, overlayNA} {
		mm, _ := q100.openInput(o, "text")
		states = append(states, state(fmt.Sprintf("question, field %d", o), model, mm))
	}
	// The results' summary is longer than the window at 80x24: it scrolls.
	states = append(states, state("results", model, at(q80, func(m *Model) {
		m.screen, m.result, m.report = screenResults, scoring.ScoreAssessment(m.q, m.a, 0), "# Report\n\nText."
		m.paths = publish.Paths{Report: "out/r.md", Chart: "out/r.svg", Assessment: "out/r.json"}
		m.layoutViewport()
		m.viewport.SetYOffset(1)
	})))
	states = append(states, reviewStates(t, q100)...)
	states = append(states, startStates(t)...)
	return append(states, participantStates(t)...)
}

// reviewStates are the review and targets screens and their dialogs,
// from the question screen q.
func reviewStates(t *testing.T, q Model) []helpState {
	t.Helper()
	model := func(m tea.Model) bindings { return m.(Model).keyHelp() }
	at := func(m Model, f func(*Model)) tea.Model { f(&m); return m }
	r := q
	r.enterReview()
	r.reviewCursor = 1
	states := []helpState{state("review", model, r)}
	for _, o := range []overlay{overlayQuit, overlayFinish, overlaySaveFailed} {
		states = append(states, state(fmt.Sprintf("review, overlay %d", o), model, at(r, func(m *Model) { m.overlay = o })))
	}
	folder, _ := r.openFolder()
	states = append(states, state("review, folder", model, folder))
	targets := func(cursor int, levels ...int) tea.Model {
		tm, _ := r.startTargets()
		m := tm.(Model)
		m.tg.cursor, m.tg.levels = cursor, levels
		return m
	}
	return append(states,
		helpState{"targets", func() []tea.Model { return []tea.Model{targets(0, 3, 3), targets(1, 1, 1)} }, model},
		state("targets, quit", model, at(targets(0, 3, 3).(Model), func(m *Model) { m.overlay = overlayQuit })))
}

// startStates are the list of drafts, its dialogs and the start form.
func startStates(t *testing.T) []helpState {
	t.Helper()
	model := func(m tea.Model) bindings { return m.(Model).keyHelp() }
	q := testQuestionnaire()
	m := New(Options{Questionnaire: q, OutDir: "out", Tool: "dgmaturity test", Now: fixedNow, NoColor: true, Organisation: "Agence Exemple"})
	m = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	form := m
	old := assessment.QuestionnaireRef{ID: q.ID, Version: "0.9.0"}
	m.screen, m.form = screenResume, nil
	m.drafts = []assessment.DraftInfo{
		{Path: "a.json", Organisation: "Agence Exemple", Compatible: true, Answered: 1, Total: 4, Modified: fixedNow()},
		{Path: "b.json", Organisation: "Agence Exemple", Questionnaire: old, Answered: 1, Total: 4, Modified: fixedNow()},
	}
	m.releases = map[string]*questionnaire.Questionnaire{"b.json": q}
	del, rel := m, m
	del.overlay = overlayDelete
	rel.resumeCursor, rel.overlay = 1, overlayRelease
	return []helpState{
		state("resume", model, m), state("resume, delete", model, del),
		state("resume, earlier release", model, rel), state("form", model, form),
	}
}

// participantStates are a workshop participant's join screen, a reveal,
// and the quit dialog once joined.
func participantStates(t *testing.T) []helpState {
	t.Helper()
	help := func(m tea.Model) bindings { return m.(Participant).keyHelp() }
	q := testQuestionnaire()
	p := NewParticipant(ParticipantOptions{Questionnaire: q, Organisation: "Agence Exemple", Tool: "dgmaturity test", NoColor: true,
		Join: func(string, string) (*assessment.Assessment, string, error) { return testAssessment(q), "", nil }})
	pm, _ := p.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	p = pm.(Participant)
	reveal := p
	reveal.reveal = &Reveal{QuestionID: "CTX-01", Text: q.Questions[0].Text, Levels: []int{1, 0, 2, 0, 0}, Participants: 3}
	jm, _ := p.afterJoin(joinedMsg{a: testAssessment(q), path: filepath.Join(t.TempDir(), "d.json")})
	quit := jm.(Participant)
	quit.m.overlay = overlayQuit
	return []helpState{state("join", help, p), state("reveal", help, reveal), state("workshop, quit", help, quit)}
}
