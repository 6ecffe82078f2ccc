package e2e

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// TestEarlierReleaseDraftCarried resumes, in the built binary, a draft of
// the first release: the start screen lists it with its release, the
// dialog offers to finish it there or to carry its answers, and 2 carries
// them into a new draft of the newest release (the old one stays until
// the new assessment is finished).
func TestEarlierReleaseDraftCarried(t *testing.T) {
	t.Parallel()
	all := questionnaire.Releases()
	old, cur := all[0], all[len(all)-1]
	if old.Version == cur.Version {
		t.Skip("only one release")
	}
	home, state, out := t.TempDir(), t.TempDir(), t.TempDir()
	d := assessment.New(old, assessment.Organisation{Name: orgName, Type: "municipality"}, assessment.Respondent{Name: "A. Lead"}, "2025-06-01", "en", "dgmaturity 0.9")
	for _, qu := range old.Questions[:len(old.Questions)-1] {
		a := assessment.Lvl(2)
		a.Comment = "as in 2025"
		d.Answers[qu.ID] = a
	}
	oldPath, err := assessment.SaveDraft(filepath.Join(state, "dgmaturity"), d)
	if err != nil {
		t.Fatal(err)
	}
	s := startSession(t, testEnv(home, state), time.Now().Add(30*time.Second), "--out", out)
	s.waitText("> Release "+old.Version+" (", "): "+orgName)
	s.press(keyEnter)
	s.waitText("Finish it in release "+old.Version, "Carry its answers into release "+cur.Version)
	s.press("2")
	carried, _ := assessment.Carry(d.Answers, old, cur)
	s.waitText("answers carried into " + cur.Version)
	s.press("\x03")
	if code := s.wait(); code != 130 {
		t.Fatalf("exit code %d after ctrl+c, want 130; screen:\n%s", code, s.Screen())
	}
	drafts, _ := draftFiles(t, state)
	if len(drafts) != 2 {
		t.Fatalf("drafts %v, want the old one and the new one", drafts)
	}
	newPath := drafts[0]
	if newPath == oldPath {
		newPath = drafts[1]
	}
	a, _, err := assessment.Load(newPath, cur)
	if err != nil {
		t.Fatal(err)
	}
	if a.Questionnaire.Version != cur.Version {
		t.Errorf("the new draft names release %s, want %s", a.Questionnaire.Version, cur.Version)
	}
	if diff := cmp.Diff(carried, a.Answers); diff != "" {
		t.Errorf("new draft answers (-Carry +draft):\n%s", diff)
	}
}
