package workshop_test

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/dgmaturity/dgmaturity/internal/workshop"
)

// press sends one key to the facilitator's model.
func press(f workshop.Facilitator, k tea.KeyPressMsg) workshop.Facilitator {
	m, _ := f.Update(k)
	return m.(workshop.Facilitator)
}

func keyRune(r rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: r, Text: string(r)} }

func TestFacilitatorScreen(t *testing.T) {
	f := start(t, nil)
	ada := f.join("Ada", "Lead")
	bob := f.join("Bob", "")
	ada.Type("40")
	bob.Type("14")
	f.waitState("answers", func(s workshop.State) bool { return answered(s, "Ada") == 2 && answered(s, "Bob") == 2 })

	m := workshop.NewFacilitator(f.w, f.srv, workshop.FacilitatorInfo{Join: "ssh -p 2222 join@127.0.0.1", Code: f.code, Fingerprint: "SHA256:x", Dir: f.dir})
	mm, _ := m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	m = mm.(workshop.Facilitator)
	view := m.View().Content
	for _, want := range []string{f.code, "ssh -p 2222 join@127.0.0.1", "SHA256:x", "2 joined · 2 connected", "Agenda (2)"} {
		if !strings.Contains(view, want) {
			t.Errorf("the screen lacks %q:\n%s", want, view)
		}
	}
	q0, q1 := f.q.Questions[0].ID, f.q.Questions[1].ID
	if !strings.Contains(view, q0+"    0:0  1:1  2:0  3:0  4:1") {
		t.Errorf("the distribution of %s is not shown:\n%s", q0, view)
	}

	// The agenda: q1 (0 and 4 apart) before q0 (1 and 4).
	m = press(m, tea.KeyPressMsg{Code: tea.KeyTab})
	view = m.View().Content
	if i, j := strings.Index(view, "> "+"  "+q1), strings.Index(view, q0+" "); i < 0 || j < 0 || i > j {
		t.Errorf("the agenda does not start with %s (widest) before %s:\n%s", q1, q0, view)
	}
	// Reveal the first agenda question, then hide it.
	m = press(m, keyRune('v'))
	if got := f.w.State().Revealed; got != q1 {
		t.Fatalf("revealed %q; want %q", got, q1)
	}
	if !bob.WaitFor("For discussion: "+q1, wait) {
		t.Fatal("the reveal did not reach a participant")
	}
	m = press(m, keyRune('v'))
	if got := f.w.State().Revealed; got != "" {
		t.Fatalf("revealed %q after hiding", got)
	}

	// People.
	m = press(m, tea.KeyPressMsg{Code: tea.KeyTab})
	view = m.View().Content
	if !strings.Contains(view, "Ada (Lead)") || !strings.Contains(view, fmt.Sprintf("2/%d", len(f.q.Questions))) {
		t.Errorf("the people tab does not show Ada's progress:\n%s", view)
	}

	// Close asks first; another key goes back; y closes.
	m = press(m, keyRune('c'))
	if !strings.Contains(m.View().Content, "Close the workshop now?") {
		t.Fatal("close did not ask")
	}
	m = press(m, keyRune('n'))
	if strings.Contains(m.View().Content, "Close the workshop now?") {
		t.Fatal("another key did not go back")
	}
	m = press(m, keyRune('c'))
	mm, cmd := m.Update(keyRune('y'))
	m = mm.(workshop.Facilitator)
	if m.Outcome() != workshop.OutcomeClose || cmd == nil {
		t.Fatalf("y did not close: outcome %v", m.Outcome())
	}
	if _, ok := cmd().(tea.QuitMsg); !ok {
		t.Fatal("closing does not quit the screen")
	}
}
