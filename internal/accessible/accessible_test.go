package accessible

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// script builds piped input: the start form, then for question i the
// level i%5 and an empty comment, with a few special answers.
func script(q *questionnaire.Questionnaire, special map[string][]string) string {
	lines := []string{"Example Agency", "2", "A. Lead", "Head of digital"}
	for i, qu := range q.Questions {
		if s, ok := special[qu.ID]; ok {
			lines = append(lines, s...)
			continue
		}
		lines = append(lines, string(rune('0'+i%5)), "")
	}
	return strings.Join(lines, "\n") + "\n"
}

func TestPipedRun(t *testing.T) {
	q := questionnaire.Default()
	state, out := t.TempDir(), t.TempDir()
	special := map[string][]string{
		"CTX-01": {"7", "x", "3", "strategy exists"}, // two wrong answers are asked again
		"CTX-02": {"d", ""},
		"CTX-04": {"n", "3", ""}, // n is refused where N/A is not allowed
		"SVC-12": {"n", "", "we have no cross-border users", ""},
		"CTX-10": {"h", "4", ""},
	}
	var stdout bytes.Buffer
	paths, err := Run(strings.NewReader(script(q, special)), &stdout, Options{
		Questionnaire: q, StateDir: state, OutDir: out, Tool: "dgmaturity test", Today: "2026-03-01",
	})
	if err != nil {
		t.Fatalf("Run: %v\n%s", err, stdout.String())
	}
	a, _, err := assessment.Load(paths.Assessment, q)
	if err != nil {
		t.Fatal(err)
	}
	if !a.Complete || a.Organisation.Name != "Example Agency" || a.Organisation.Type != "agency" {
		t.Errorf("organisation or completion wrong: %+v complete=%v", a.Organisation, a.Complete)
	}
	if got := a.Answers["CTX-01"]; got.Level == nil || *got.Level != 3 || got.Comment != "strategy exists" {
		t.Errorf("CTX-01 = %+v, want level 3 with comment", got)
	}
	if !a.Answers["CTX-02"].DontKnow {
		t.Errorf("CTX-02 should be don't know")
	}
	if got := a.Answers["SVC-12"].NA; got != "we have no cross-border users" {
		t.Errorf("SVC-12 reason = %q", got)
	}
	if got := a.Answers["CTX-10"]; got.Level == nil || *got.Level != 4 {
		t.Errorf("CTX-10 = %+v", got)
	}
	if len(a.Answers) != len(q.Questions) {
		t.Errorf("%d answers, want %d", len(a.Answers), len(q.Questions))
	}
	text := stdout.String()
	for _, want := range []string{fmt.Sprintf("Question 1 of %d", len(q.Questions)), "\"7\" is not an answer here.", "This question cannot be marked not applicable.", "What counts as evidence:", "Report: " + paths.Report} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	// No colour, no cursor movement: plain lines only.
	if strings.Contains(text, "\x1b") {
		t.Error("accessible output contains escape sequences")
	}
	for _, p := range []string{paths.Report, paths.Chart} {
		if _, err := os.Stat(p); err != nil {
			t.Error(err)
		}
	}
}

func TestInputEndsKeepsDraftAndResumes(t *testing.T) {
	q := questionnaire.Default()
	state, out := t.TempDir(), t.TempDir()
	in := "Commune X\n3\n\n\n2\nfirst\nb\n1\nchanged\n4\n\n"
	var stdout bytes.Buffer
	_, err := Run(strings.NewReader(in), &stdout, Options{Questionnaire: q, StateDir: state, OutDir: out, Tool: "t", Today: "2026-03-01"})
	if !errors.Is(err, ErrInputEnded) {
		t.Fatalf("err = %v, want ErrInputEnded", err)
	}
	drafts, err := assessment.Drafts(state, q)
	if err != nil || len(drafts) != 1 {
		t.Fatalf("drafts = %v, %v", drafts, err)
	}
	a, _, err := assessment.Load(drafts[0].Path, q)
	if err != nil {
		t.Fatal(err)
	}
	first, second := q.Questions[0].ID, q.Questions[1].ID
	if got := a.Answers[first]; got.Level == nil || *got.Level != 1 || got.Comment != "changed" {
		t.Errorf("%s = %+v, want the changed answer 1", first, got)
	}
	if got := a.Answers[second]; got.Level == nil || *got.Level != 4 {
		t.Errorf("%s = %+v, want 4", second, got)
	}
	if a.Complete {
		t.Error("draft marked complete")
	}
	// Resume: r, then the remaining questions.
	var lines []string
	lines = append(lines, "r")
	for range q.Questions[2:] {
		lines = append(lines, "2", "")
	}
	stdout.Reset()
	paths, err := Run(strings.NewReader(strings.Join(lines, "\n")+"\n"), &stdout, Options{Questionnaire: q, StateDir: state, OutDir: out, Tool: "t", Today: "2026-03-09"})
	if err != nil {
		t.Fatalf("resume: %v\n%s", err, stdout.String())
	}
	if !strings.Contains(stdout.String(), fmt.Sprintf("2 of %d questions are already answered", len(q.Questions))) {
		t.Errorf("resume did not say what was kept:\n%s", stdout.String()[:400])
	}
	done, _, err := assessment.Load(paths.Assessment, q)
	if err != nil {
		t.Fatal(err)
	}
	if got := done.Answers[first]; got.Level == nil || *got.Level != 1 {
		t.Errorf("resumed assessment lost %s: %+v", first, got)
	}
	if filepath.Base(paths.Assessment) != "commune-x-2026-03-01.json" {
		t.Errorf("assessment file %s, want the draft's date kept", paths.Assessment)
	}
	if d, _ := assessment.Drafts(state, q); len(d) != 0 {
		t.Errorf("finished draft still offered: %v", d)
	}
}

func TestStopKeepsDraft(t *testing.T) {
	q := questionnaire.Default()
	state := t.TempDir()
	var stdout bytes.Buffer
	_, err := Run(strings.NewReader("Org\n1\n\n\n3\n\nq\n"), &stdout, Options{Questionnaire: q, StateDir: state, OutDir: t.TempDir(), Tool: "t", Today: "2026-03-01"})
	if !errors.Is(err, ErrStopped) || !strings.Contains(err.Error(), state) {
		t.Fatalf("err = %v, want ErrStopped naming the draft", err)
	}
}

// TestDraftOfEarlierRelease: after an upgrade, a draft begun with release
// 1.0.0 is not offered for resuming in the current release (it would fail
// to load); the run says how to finish it and starts a new assessment.
func TestDraftOfEarlierRelease(t *testing.T) {
	old := questionnaire.Releases()[0]
	q := questionnaire.Default()
	if old.Version == q.Version {
		t.Skip("only one release")
	}
	state, out := t.TempDir(), t.TempDir()
	d := assessment.New(old, assessment.Organisation{Name: "Old Office", Type: "other"}, assessment.Respondent{}, "2025-06-01", "en", "t")
	d.Answers["CTX-03"] = assessment.Lvl(2)
	if _, err := assessment.SaveDraft(state, d); err != nil {
		t.Fatal(err)
	}
	var stdout bytes.Buffer
	_, err := Run(strings.NewReader("New Office\n4\n\n\n"), &stdout, Options{Questionnaire: q, StateDir: state, OutDir: out, Tool: "t", Today: "2026-03-01"})
	if !errors.Is(err, ErrInputEnded) {
		t.Fatalf("err = %v, want ErrInputEnded after the form\n%s", err, stdout.String())
	}
	text := stdout.String()
	if strings.Contains(text, "Type r to resume it") {
		t.Errorf("a 1.0.0 draft is offered for resuming in %s:\n%s", q.Version, text)
	}
	if !strings.Contains(text, "dgmaturity --release 1.0.0") {
		t.Errorf("the run does not say how to finish the 1.0.0 draft:\n%s", text)
	}
}
