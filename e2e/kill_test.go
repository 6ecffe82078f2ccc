package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// TestKillAndResume answers the first questions in a pseudo-terminal,
// kills the process with SIGKILL the moment the screen confirms the last
// answer (the next question is shown), and starts again with the same
// state folder: the draft must hold every confirmed answer and load as a
// valid assessment, the start must offer to resume it (and remove a stale
// temporary file of a draft write), and resuming must land on the first
// unanswered question and go on saving there.
func TestKillAndResume(t *testing.T) {
	t.Parallel()
	const answered = 7 // past the comment, the "don't know" and the cursor pick
	q := questionnaire.Default()
	deadline := time.Now().Add(60 * time.Second)
	home, state, out := t.TempDir(), t.TempDir(), t.TempDir()
	env := testEnv(home, state)
	plan, ways := interactivePlan(q)

	s := startSession(t, env, deadline, "assess", "--out", out)
	fillForm(s)
	waitQuestion(s, q, 0)
	for i := range answered {
		giveAnswer(s, q, i, plan[q.Questions[i].ID], ways[i])
		waitAfter(s, q, i)
	}
	s.kill() // at once: the screen has just confirmed the last answer

	want := map[string]assessment.Answer{}
	for _, qu := range q.Questions[:answered] {
		want[qu.ID] = plan[qu.ID]
	}
	path := onlyDraft(t, state)
	checkDraft(t, path, q, want)

	// What a kill in the middle of a draft write leaves: the start removes
	// it once it is old enough not to be another run's write in progress.
	stray := filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".dgmaturity-tmp-00000000000000e2")
	if err := os.WriteFile(stray, []byte(`{"schema": "dgmaturity/asse`), 0o600); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-3 * time.Minute)
	if err := os.Chtimes(stray, old, old); err != nil {
		t.Fatal(err)
	}

	s = startSession(t, env, deadline, "assess", "--out", out)
	s.waitText(fmt.Sprintf("Resume (%d of %d answered, saved", answered, len(q.Questions)))
	if _, err := os.Stat(stray); !os.IsNotExist(err) {
		t.Errorf("stale temporary file not removed at the start (stat: %v)", err)
	}
	s.press(keyEnter)
	waitQuestion(s, q, answered)
	s.waitText(fmt.Sprintf("%d/%d answered", answered, len(q.Questions)))

	// One more answer, then quit on purpose: the draft keeps it.
	giveAnswer(s, q, answered, plan[q.Questions[answered].ID], ways[answered])
	waitAfter(s, q, answered)
	s.press("q")
	s.waitText("Quit now?")
	s.press("y")
	if code := s.wait(); code != 0 {
		t.Fatalf("exit code %d after quitting; screen:\n%s", code, s.Screen())
	}
	s.waitText("Your answers are kept in the draft")
	want[q.Questions[answered].ID] = plan[q.Questions[answered].ID]
	if p := onlyDraft(t, state); p != path {
		t.Errorf("the resumed run saved to %s, want the resumed draft %s", p, path)
	}
	checkDraft(t, path, q, want)
	if _, temps := draftFiles(t, state); len(temps) > 0 {
		t.Errorf("temporary files left after a clean quit: %v", temps)
	}
}

// checkDraft loads the draft at path as an assessment of q (which checks
// it whole: schema, instrument, answers) and compares its answers with
// want; it returns the draft.
func checkDraft(t testing.TB, path string, q *questionnaire.Questionnaire, want map[string]assessment.Answer) *assessment.Assessment {
	t.Helper()
	a, _, err := assessment.Load(path, q)
	if err != nil {
		t.Fatalf("the draft does not load: %v", err)
	}
	if a.Complete {
		t.Errorf("the draft is marked complete")
	}
	if a.Organisation != (assessment.Organisation{Name: orgName, Type: "agency"}) {
		t.Errorf("organisation %+v, want %s (agency)", a.Organisation, orgName)
	}
	if diff := cmp.Diff(want, a.Answers); diff != "" {
		t.Errorf("answers in the draft (-want +got):\n%s", diff)
	}
	return a
}
