package tui

import (
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// BenchmarkKeyPress measures one key press through the root model at
// 120x40 on the default instrument (52 questions): Update, the message its
// command returns, and View, as the program does for each key. DESIGN.md
// section 10 budgets it at under 1 ms.
//
//   - move: the highlight down and up on a question screen.
//   - answer: a level key, which answers, writes the draft and shows the
//     next question, then back to the question with the left arrow. The
//     draft write goes to a saver that keeps nothing: the figure is the
//     model's own cost (snapshot included), not the disk's; a real write
//     with its fsync adds about a millisecond to the answering key.
//
// Run with: go test -run '^$' -bench BenchmarkKeyPress ./internal/tui/
func BenchmarkKeyPress(b *testing.B) {
	for _, bc := range []struct {
		name string
		keys []string
	}{
		{"move", []string{"down", "up"}},
		{"answer", []string{"2", "left"}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			m := benchModel(120, 40)
			keys := make([]tea.KeyPressMsg, len(bc.keys))
			for i, k := range bc.keys {
				keys[i] = press(k)
			}
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				m = benchKey(m, keys[i%len(keys)])
				i++
			}
			if m.screen != screenQuestion {
				b.Fatalf("the benchmark left the question screen for %s", m.screen)
			}
		})
	}
}

// benchModel is the model on the first question of the default instrument
// at w x h, in colour, with a draft saver that writes nothing.
func benchModel(w, h int) Model {
	q := questionnaire.Default()
	a := assessment.New(q, assessment.Organisation{Name: "Agence Exemple", Type: "agency"},
		assessment.Respondent{Name: "A. Lead", Role: "Head of digital"}, testDate, "en", "dgmaturity bench")
	m := New(Options{Questionnaire: q, Assessment: a, DraftPath: "/nonexistent/draft.json", Now: fixedNow})
	m.saver.save = func(string, *assessment.Assessment) error { return nil }
	next, _ := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return next.(Model)
}

// benchKey applies one key as the program would: Update, then the message
// of its command (the save's report), then View.
func benchKey(m Model, k tea.KeyPressMsg) Model {
	next, cmd := m.Update(k)
	m = next.(Model)
	if cmd != nil {
		if msg := cmd(); msg != nil {
			next, _ = m.Update(msg)
			m = next.(Model)
		}
	}
	_ = m.View()
	return m
}
