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

// accessibleInput is the piped input of TestAccessiblePiped in the
// documented one-line protocol: the start form (organisation, type 2 =
// agency, no name, no role), then one line per answer: "LEVEL" or
// "LEVEL comment", "d" (once as "D"), "n REASON". The comment prompt that
// follows an answer without a comment is skipped by the next answer, except
// once, where the comment is typed on its own line. Along the way it asks
// for help once, types an answer that is out of range, tries n where "not
// applicable" is not allowed, and goes back once with b to change an
// answer; each of those is re-asked, so the answers that count are those of
// interactivePlan.
func accessibleInput(q *questionnaire.Questionnaire, answers map[string]assessment.Answer) string {
	lines := []string{orgName, "2", "", ""}
	answerLine := func(a assessment.Answer, upper bool) string {
		var l string
		switch {
		case a.Level != nil:
			l = fmt.Sprint(*a.Level)
		case a.DontKnow && upper:
			l = "D"
		case a.DontKnow:
			l = "d"
		case a.NA != "":
			return "n " + a.NA
		}
		if a.Comment != "" {
			l += " " + a.Comment
		}
		return l
	}
	for i, qu := range q.Questions {
		a := answers[qu.ID]
		switch i {
		case 0:
			lines = append(lines, "?") // help, then the question again
		case 1:
			lines = append(lines, "7") // not a level
		case 3:
			if !qu.NA {
				lines = append(lines, "n not here") // not allowed here
			}
		case cursorAt + 1:
			// Back to the previous question, answered 0 below; its answer
			// becomes the planned one, then this question follows.
			lines = append(lines, "b", answerLine(answers[q.Questions[i-1].ID], false))
		}
		switch {
		case i == cursorAt:
			lines = append(lines, "0") // changed after going back
		case i == commentAt && a.Level != nil:
			// The comment on a line of its own, at the comment prompt.
			lines = append(lines, fmt.Sprint(*a.Level), a.Comment)
		default:
			lines = append(lines, answerLine(a, i == 4))
		}
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
		"7 is not a level: levels go from 0 to 4.",
		"it cannot be marked not applicable.",
		"Comment saved.",
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
	stem := strings.TrimSuffix(svgPath, ".svg")
	if want := jsonPath + "\n" + mdPath + "\n" + stem + ".html\n" + svgPath + "\n" + stem + "-areas.svg\n"; !strings.HasSuffix(text, want) {
		t.Errorf("stdout does not end with the paths %q; it ends:\n%s", want, tail(text, 400))
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
