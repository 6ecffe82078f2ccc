package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// How TestInteractiveMatchesAnswers answers, by question index.
const (
	commentAt = 2  // a comment, then the level
	cursorAt  = 5  // the level picked with the arrow keys and enter
	changeAt  = 10 // changed from the full review at the end
)

// Texts typed into the interactive run.
const (
	commentText = "Checked with the head of IT; the plan is on the intranet"
	naReason    = "We run no such programme"
)

// interactivePlan is the answer TestInteractiveMatchesAnswers gives to
// each question of q: level i%5 by its digit key, "don't know" on every
// ninth question from the fifth, "not applicable" with a reason on the
// first question that allows it, a comment on one, and one level picked
// with the cursor. ways says how each is given.
func interactivePlan(q *questionnaire.Questionnaire) (answers map[string]assessment.Answer, ways []string) {
	answers = map[string]assessment.Answer{}
	na := false
	for i, qu := range q.Questions {
		var a assessment.Answer
		way := "digit"
		switch {
		case qu.NA && !na:
			na, way = true, "na"
			a = assessment.Answer{NA: naReason}
		case i == cursorAt:
			way = "cursor"
			a = assessment.Lvl(2)
		case i%9 == 4:
			way = "dontknow"
			a = assessment.Answer{DontKnow: true}
		default:
			a = assessment.Lvl(i % 5)
		}
		if i == commentAt {
			way = "comment+" + way
			a.Comment = commentText
		}
		answers[qu.ID] = a
		ways = append(ways, way)
	}
	return answers, ways
}

// giveAnswer gives question i (on the screen) the answer a the way way
// says, without waiting for the confirmation.
func giveAnswer(s *session, q *questionnaire.Questionnaire, i int, a assessment.Answer, way string) {
	s.t.Helper()
	id := q.Questions[i].ID
	if rest, ok := strings.CutPrefix(way, "comment+"); ok {
		s.press("c")
		s.waitText("Comment on " + id)
		s.press(a.Comment)
		s.waitText("> " + a.Comment[:40]) // the field may be narrower than the text
		s.press(keyEnter)
		s.waitText("Comment on " + id + " saved.")
		way = rest
	}
	switch way {
	case "digit":
		s.press(fmt.Sprint(*a.Level))
	case "dontknow":
		s.press("d")
	case "na":
		s.press("n")
		s.waitText("Why does this question not apply")
		s.press(a.NA)
		s.waitText("> " + a.NA)
		s.press(keyEnter)
	case "cursor":
		// Nothing is highlighted at first: the first ↓ lands on level 0.
		s.press(strings.Repeat(keyDown, *a.Level+1))
		s.waitText(fmt.Sprintf("> %d  %s:", *a.Level, q.LevelName(*a.Level)))
		s.press(keyEnter)
	default:
		s.t.Fatalf("unknown way %q", way)
	}
}

// TestInteractiveMatchesAnswers runs the full-screen assessment in a
// pseudo-terminal as a person would: the start form, every question of
// the default instrument answered by keys (levels by digit and by cursor,
// don't know, not applicable with a reason, a comment), the review, the
// results. The files it writes must be those `assess --answers` writes for
// the same answers: the same assessment (tool aside), the same report and
// chart, byte for byte.
func TestInteractiveMatchesAnswers(t *testing.T) {
	t.Parallel()
	start := time.Now()
	q := questionnaire.Default()
	home, state, out := t.TempDir(), t.TempDir(), t.TempDir()
	env := testEnv(home, state)
	s := startSession(t, env, start.Add(60*time.Second), "assess", "--out", out)

	fillForm(s)
	waitQuestion(s, q, 0)
	answers, ways := interactivePlan(q)
	for i, qu := range q.Questions {
		giveAnswer(s, q, i, answers[qu.ID], ways[i])
		waitAfter(s, q, i)
	}
	// Change one answer from the full review: tab lists every answer,
	// enter opens the question, the new answer leads back to the review.
	s.waitText("Review", "[ Gaps (")
	s.press(keyTab)
	s.waitText(fmt.Sprintf("[ All answers (%d) ]", len(q.Questions)))
	changed := q.Questions[changeAt].ID
	s.press(strings.Repeat(keyDown, changeAt))
	s.waitText("> " + changed + " ")
	s.press(keyEnter)
	waitQuestion(s, q, changeAt)
	s.press("3")
	s.waitText("Review", "> "+changed+"   3 Established")
	answers[changed] = assessment.Lvl(3)
	// Every question has an answer, so f finishes without asking.
	s.press("f")
	// The targets step: enter keeps the default target (3) for every area,
	// as the answers run does.
	s.waitText("Targets", "s skip")
	s.press("\r")
	s.waitText("Stage:", "Results", "Files written")
	// The report preview scrolls with the usual keys.
	s.press(keyTab)
	s.waitText("[ Report preview ]", "Digital government maturity: "+orgName)
	s.press(keyPgDown)
	s.waitFor("the preview one page down", func(scr string) bool { return !strings.Contains(scr, "  0%") })
	s.press(keyEnd)
	s.waitText("100%")
	s.press(keyHome)
	s.waitText("  0%", "Digital government maturity: "+orgName)
	s.press("q")
	if code := s.wait(); code != 0 {
		t.Fatalf("exit code %d; output:\n%s", code, s.Screen())
	}
	t.Logf("interactive run: %v", time.Since(start).Round(time.Millisecond))

	compareWithAnswersRun(t, env, q, out, answers)

	// Finished, the draft is marked complete: no longer offered to resume.
	draft := onlyDraft(t, state)
	a, _, err := assessment.Load(draft, q)
	if err != nil {
		t.Fatalf("load the draft: %v", err)
	}
	if !a.Complete {
		t.Errorf("%s is not marked complete after finishing", draft)
	}
}
