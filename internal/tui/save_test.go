package tui

import (
	"testing"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
)

// TestAnswerIsOnDiskWhenUpdateReturns checks that an answer is in the
// draft file as soon as Update returns, before its command runs: the
// screen moves to the next question (the confirmation) right after
// Update, and a kill at that moment must not lose the answer. Writing in
// the command lost confirmed answers under disk load (e2e kill tests).
func TestAnswerIsOnDiskWhenUpdateReturns(t *testing.T) {
	m := newQuestionModel(t, 80, 24, false)
	next, _ := m.Update(press("3")) // the command is deliberately not run
	m = next.(Model)
	if m.current != 1 {
		t.Fatalf("question %d shown after answering, want 1", m.current)
	}
	if m.DraftPath() == "" {
		t.Fatal("no draft written when Update returned")
	}
	a, _, err := assessment.Load(m.DraftPath(), m.q)
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Answers["CTX-01"]; got.Level == nil || *got.Level != 3 {
		t.Errorf("draft answer to CTX-01 = %+v, want level 3", got)
	}
}
