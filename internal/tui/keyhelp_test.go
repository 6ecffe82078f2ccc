package tui

import (
	"strings"
	"testing"
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
