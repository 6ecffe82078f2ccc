package e2e

import (
	"bytes"
	"fmt"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// accessibleInput is the piped input of TestAccessiblePiped, one line per
// prompt: the start form (organisation, type 2 = agency, no name, no
// role), then per question the answer (a level, d, or n and its reason on
// the next line) and the comment line. Along the way it asks for help
// once, types an answer that is out of range, tries n where "not
// applicable" is not allowed, gives one "don't know" in capitals, and goes
// back once with b to change an answer; each of those is re-asked, so the
// answers that count are those of interactivePlan.
func accessibleInput(q *questionnaire.Questionnaire, answers map[string]assessment.Answer) string {
	lines := []string{orgName, "2", "", ""}
	for i, qu := range q.Questions {
		a := answers[qu.ID]
		switch i {
		case 0:
			lines = append(lines, "h") // help, then the question again
		case 1:
			lines = append(lines, "7") // not a level
		case 3:
			if !qu.NA {
				lines = append(lines, "n") // not allowed here
			}
		case cursorAt + 1:
			// Back to the previous question, answered 0 below; its answer
			// becomes the planned one, then this question follows.
			prev := answers[q.Questions[i-1].ID]
			lines = append(lines, "b", fmt.Sprint(*prev.Level), prev.Comment)
		}
		switch {
		case i == cursorAt:
			lines = append(lines, "0") // changed after going back
		case a.Level != nil:
			lines = append(lines, fmt.Sprint(*a.Level))
		case a.DontKnow && i == 4:
			lines = append(lines, "D")
		case a.DontKnow:
			lines = append(lines, "d")
		case a.NA != "":
			lines = append(lines, "n", a.NA)
		}
		lines = append(lines, a.Comment)
	}
	return strings.Join(lines, "\n") + "\n"
}

// TestAccessiblePiped runs the assessment with its answers piped in (stdin
// and stdout not terminals, so the accessible mode starts by itself) and
// checks that it ends with exit 0, prints the paths of the three files it
// wrote, and writes what `assess --answers` writes for the same answers.
func TestAccessiblePiped(t *testing.T) {
	t.Parallel()
	q := questionnaire.Default()
	home, state, out := t.TempDir(), t.TempDir(), t.TempDir()
	env := testEnv(home, state)
	answers, _ := interactivePlan(q)

	cmd := exec.Command(bin, "assess", "--out", out)
	cmd.Env = env
	cmd.Stdin = strings.NewReader(accessibleInput(q, answers))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	done := make(chan error, 1)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("accessible run: %v\nstderr:\n%s\nstdout (end):\n%s", err, stderr.String(), tail(stdout.String(), 2000))
		}
	case <-time.After(30 * time.Second):
		_ = cmd.Process.Kill()
		<-done
		t.Fatalf("accessible run did not end; stdout (end):\n%s", tail(stdout.String(), 2000))
	}

	text := stdout.String()
	for _, want := range []string{
		"accessible mode",
		"Organisation name:",
		"Organisation type. Type a number: 1 ministry, 2 agency, 3 municipality, 4 other:",
		fmt.Sprintf("Question %d of %d, %s.", len(q.Questions), len(q.Questions), q.Questions[len(q.Questions)-1].ID),
		"Why it matters:",
		`"7" is not an answer here.`,
		"This question cannot be marked not applicable.",
		"Why does this question not apply to your organisation?",
		"The assessment is complete.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the output lacks %q", want)
		}
	}
	// Going back re-asks the previous question: asked twice.
	if n := strings.Count(text, fmt.Sprintf("Question %d of %d,", cursorAt+1, len(q.Questions))); n != 2 {
		t.Errorf("question %d was asked %d times, want 2 (once more after b)", cursorAt+1, n)
	}
	if strings.Contains(text, "\x1b") {
		t.Errorf("the accessible output holds escape sequences")
	}
	jsonPath, mdPath, svgPath := outputs(t, out)
	// The paths come last, one per line, for scripts.
	if want := jsonPath + "\n" + mdPath + "\n" + svgPath + "\n"; !strings.HasSuffix(text, want) {
		t.Errorf("stdout does not end with the three paths %q; it ends:\n%s", want, tail(text, 400))
	}
	compareWithAnswersRun(t, env, q, out, answers)

	a, _, err := assessment.Load(onlyDraft(t, state), q)
	if err != nil {
		t.Fatalf("load the draft: %v", err)
	}
	if !a.Complete {
		t.Errorf("the draft is not marked complete after finishing")
	}
}

// tail returns the last n bytes of s.
func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}
