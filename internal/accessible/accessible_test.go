package accessible

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/publish"
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
		"CTX-10": {"?", "4", ""},
	}
	var stdout bytes.Buffer
	paths, err := Run(context.Background(), strings.NewReader(script(q, special)), &stdout, Options{
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
	for _, want := range []string{fmt.Sprintf("Question 1 of %d", len(q.Questions)), "7 is not a level: levels go from 0 to 4.", "\"x\" is not an answer here.", "it cannot be marked not applicable.", "What counts as evidence:", "Report: " + paths.Report} {
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
	_, err := Run(context.Background(), strings.NewReader(in), &stdout, Options{Questionnaire: q, StateDir: state, OutDir: out, Tool: "t", Today: "2026-03-01"})
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
	paths, err := Run(context.Background(), strings.NewReader(strings.Join(lines, "\n")+"\n"), &stdout, Options{Questionnaire: q, StateDir: state, OutDir: out, Tool: "t", Today: "2026-03-09"})
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
		t.Errorf("finished draft still offered for resuming: %v", d)
	}
	if d, _ := assessment.AllDrafts(state, q); len(d) != 1 || !d[0].Complete {
		t.Errorf("finished draft not kept for reopening: %v", d)
	}
}

func TestStopKeepsDraft(t *testing.T) {
	q := questionnaire.Default()
	state := t.TempDir()
	var stdout bytes.Buffer
	_, err := Run(context.Background(), strings.NewReader("Org\n1\n\n\n3\n\nq\n"), &stdout, Options{Questionnaire: q, StateDir: state, OutDir: t.TempDir(), Tool: "t", Today: "2026-03-01"})
	if !errors.Is(err, ErrStopped) || !strings.Contains(err.Error(), state) {
		t.Fatalf("err = %v, want ErrStopped naming the draft", err)
	}
}

// form is the start form's lines: organisation, type 2 (agency), no name,
// no role.
const form = "Example Agency\n2\n\n\n"

// run is Run on the built-in instrument with piped input and a fresh
// state folder.
func run(t *testing.T, ctx context.Context, in io.Reader) (publish.Paths, string, string, error) {
	t.Helper()
	state := t.TempDir()
	var stdout bytes.Buffer
	paths, err := Run(ctx, in, &stdout, Options{Questionnaire: questionnaire.Default(), StateDir: state, OutDir: t.TempDir(), Tool: "t", Today: "2026-03-01"})
	return paths, state, stdout.String(), err
}

// runToEnd runs the mode on the default questionnaire with input, which
// finishes the assessment, and reads back the assessment written.
func runToEnd(t *testing.T, input string) *assessment.Assessment {
	t.Helper()
	paths, _, out, err := run(t, context.Background(), strings.NewReader(input))
	if err != nil {
		t.Fatalf("Run: %v\n%s", err, tail(out))
	}
	a, _, err := assessment.Load(paths.Assessment, questionnaire.Default())
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// Item 9: 48 digits piped after the form are 48 answers: the comment
// prompt is skipped by the next answer.
func TestDigitsAfterTheFormAreAnswers(t *testing.T) {
	q := questionnaire.Default()
	var b strings.Builder
	b.WriteString(form)
	for i := range q.Questions {
		fmt.Fprintf(&b, "%d\n", i%5)
	}
	a := runToEnd(t, b.String())
	for i, qu := range q.Questions {
		if got := a.Answers[qu.ID]; got.Level == nil || *got.Level != i%5 || got.Comment != "" {
			t.Errorf("%s = %+v, want level %d without comment", qu.ID, got, i%5)
		}
	}
}

// Item 9: "LEVEL comment", "d comment" and "n REASON" on one line.
func TestOneLineAnswers(t *testing.T) {
	q := questionnaire.Default()
	var naID string
	var b strings.Builder
	b.WriteString(form)
	for _, qu := range q.Questions {
		switch {
		case qu.ID == "CTX-01":
			b.WriteString("2 strategy exists but unknown\n")
		case qu.ID == "CTX-02":
			b.WriteString("D not sure who signs\n")
		case qu.NA && naID == "":
			naID = qu.ID
			b.WriteString("n we run no such service\n")
		default:
			b.WriteString("3\n\n")
		}
	}
	a := runToEnd(t, b.String())
	if got := a.Answers["CTX-01"]; got.Level == nil || *got.Level != 2 || got.Comment != "strategy exists but unknown" {
		t.Errorf("CTX-01 = %+v", got)
	}
	if got := a.Answers["CTX-02"]; !got.DontKnow || got.Comment != "not sure who signs" {
		t.Errorf("CTX-02 = %+v", got)
	}
	if got := a.Answers[naID]; got.NA != "we run no such service" {
		t.Errorf("%s = %+v", naID, got)
	}
}

// Item 7: q at the comment prompt keeps the level just given, and the
// draft named in the message exists.
func TestStopAtTheCommentPromptKeepsTheLevel(t *testing.T) {
	q := questionnaire.Default()
	_, _, out, err := run(t, context.Background(), strings.NewReader(form+"3\nq\n"))
	var stop *StopError
	if !errors.As(err, &stop) || !errors.Is(err, ErrStopped) || stop.Draft == "" {
		t.Fatalf("err = %v, want ErrStopped with a draft\n%s", err, tail(out))
	}
	a, _, lerr := assessment.Load(stop.Draft, q)
	if lerr != nil {
		t.Fatalf("the draft named in the message: %v", lerr)
	}
	if got := a.Answers[q.Questions[0].ID]; got.Level == nil || *got.Level != 3 {
		t.Errorf("%s = %+v, want level 3 kept", q.Questions[0].ID, got)
	}
	if !strings.Contains(err.Error(), stop.Draft) {
		t.Errorf("message %q does not name the draft", err)
	}
}

// Stopping before any answer names no draft: there is none.
func TestStopBeforeAnyAnswerNamesNoDraft(t *testing.T) {
	_, _, _, err := run(t, context.Background(), strings.NewReader(form+"q\n"))
	var stop *StopError
	if !errors.As(err, &stop) || stop.Draft != "" || !strings.Contains(err.Error(), "no answer was saved") {
		t.Fatalf("err = %v, want a stop without a draft", err)
	}
}

// Item 8 (and issue 11 item 10): cancelling the context (ctrl+c, SIGINT)
// while the mode waits for input stops it at once, keeping the draft.
func TestInterruptWhileWaitingKeepsTheDraft(t *testing.T) {
	q := questionnaire.Default()
	pr, pw := io.Pipe()
	defer pw.Close()
	ctx, cancel := context.WithCancel(context.Background())
	type result struct {
		err error
		out string
	}
	done := make(chan result, 1)
	go func() {
		_, _, out, err := run(t, ctx, pr)
		done <- result{err, out}
	}()
	if _, err := io.WriteString(pw, form+"2 first answer\n"); err != nil {
		t.Fatal(err)
	}
	// Wait until the second question is asked, then interrupt.
	time.Sleep(200 * time.Millisecond)
	cancel()
	var r result
	select {
	case r = <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("the accessible mode ignored the cancelled context")
	}
	var stop *StopError
	if !errors.As(r.err, &stop) || !errors.Is(r.err, ErrInterrupted) || stop.Draft == "" {
		t.Fatalf("err = %v, want ErrInterrupted with the draft\n%s", r.err, tail(r.out))
	}
	a, _, err := assessment.Load(stop.Draft, q)
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Answers[q.Questions[0].ID]; got.Level == nil || *got.Level != 2 || got.Comment != "first answer" {
		t.Errorf("draft holds %+v", got)
	}
}

// Issue 11 item 7: text that the readers refuse is refused at the prompt,
// with the reason; what is written reads back.
func TestControlCharactersAreRefusedAtThePrompt(t *testing.T) {
	q := questionnaire.Default()
	var b strings.Builder
	b.WriteString("Evil\x1b]0;pwned\x07 Org\nGood Org\n2\nA\u202eB\nLead\nHead\n")
	for i := range q.Questions {
		if i == 0 {
			b.WriteString("2 bad \x1b[2J comment\n2\nfine\u200b\nfine\n")
			continue
		}
		b.WriteString("1\n")
	}
	paths, state, out, err := run(t, context.Background(), strings.NewReader(b.String()))
	if err != nil {
		t.Fatalf("Run: %v\n%s", err, tail(out))
	}
	for _, want := range []string{"Refused: the organisation's name contains the control character U+001B", "Refused: your name contains", "Refused: the text contains the control character U+001B", "Refused: the comment contains"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if strings.Contains(out, "\x1b") {
		t.Error("the refused text reached the output raw")
	}
	a, _, err := assessment.Load(paths.Assessment, q)
	if err != nil {
		t.Fatalf("the assessment written does not read back: %v", err)
	}
	if a.Organisation.Name != "Good Org" || a.Respondents[0].Name != "Lead" || a.Answers["CTX-01"].Comment != "fine" {
		t.Errorf("assessment holds %q, %+v, %+v", a.Organisation.Name, a.Respondents, a.Answers["CTX-01"])
	}
	drafts, err := assessment.AllDrafts(state, q)
	if err != nil || len(drafts) != 1 {
		t.Fatalf("drafts %v %v", drafts, err)
	}
	if _, _, err := assessment.Load(drafts[0].Path, q); err != nil {
		t.Errorf("the draft does not resume: %v", err)
	}
}

// tail is the end of a long output, for failure messages.
func tail(s string) string {
	if len(s) > 1500 {
		return "…" + s[len(s)-1500:]
	}
	return s
}

// earlierDraft saves, in a new state folder, a draft of the first release
// with every question answered at level 1 with a comment, but the last.
func earlierDraft(t *testing.T) (old, cur *questionnaire.Questionnaire, state string, d *assessment.Assessment, path string) {
	t.Helper()
	all := questionnaire.Releases()
	old, cur = all[0], all[len(all)-1]
	if old.Version == cur.Version {
		t.Skip("only one release")
	}
	state = t.TempDir()
	d = assessment.New(old, assessment.Organisation{Name: "Old Office", Type: "other"}, assessment.Respondent{Name: "A. Lead"}, "2025-06-01", "en", "t")
	for _, qu := range old.Questions[:len(old.Questions)-1] {
		a := assessment.Lvl(1)
		a.Comment = "seen in " + qu.ID
		d.Answers[qu.ID] = a
	}
	path, err := assessment.SaveDraft(state, d)
	if err != nil {
		t.Fatal(err)
	}
	return old, cur, state, d, path
}

// answerAll is piped input answering n questions at level 1, no comment.
func answerAll(n int) string { return strings.Repeat("1\n\n", n) }

// TestDraftOfEarlierReleaseLeft: after an upgrade, a draft begun with
// release 1.0.0 is offered with a numbered choice; 3 leaves it, and the
// run starts a new assessment.
func TestDraftOfEarlierReleaseLeft(t *testing.T) {
	_, cur, state, _, path := earlierDraft(t)
	var stdout bytes.Buffer
	_, err := Run(context.Background(), strings.NewReader("3\nNew Office\n4\n\n\n"), &stdout, Options{Questionnaire: cur, StateDir: state, OutDir: t.TempDir(), Tool: "t", Today: "2026-03-01"})
	if !errors.Is(err, ErrInputEnded) {
		t.Fatalf("err = %v, want ErrInputEnded after the form\n%s", err, stdout.String())
	}
	text := stdout.String()
	for _, want := range []string{"was begun with release 1.0.0", "Type a number: 1 finish it in release 1.0.0, 2 carry the answers", "3 leave it for now"} {
		if !strings.Contains(text, want) {
			t.Errorf("the offer lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "Type r to resume it") {
		t.Errorf("a 1.0.0 draft is offered for resuming in %s:\n%s", cur.Version, text)
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("the left draft is gone: %v", err)
	}
}

// TestDraftOfEarlierReleaseFinished: 1 finishes the draft in 1.0.0; in a
// French run, wholly in English (1.0.0 has no French text), said once.
func TestDraftOfEarlierReleaseFinished(t *testing.T) {
	old, cur, state, _, path := earlierDraft(t)
	fr, err := cur.Localized("fr")
	if err != nil {
		t.Fatal(err)
	}
	var stdout bytes.Buffer
	paths, err := Run(context.Background(), strings.NewReader("1\n"+answerAll(1)), &stdout, Options{Questionnaire: fr, Lang: "fr", StateDir: state, OutDir: t.TempDir(), Tool: "t", Today: "2026-03-01"})
	if err != nil {
		t.Fatalf("Run: %v\n%s", err, stdout.String())
	}
	text := stdout.String()
	if !strings.Contains(text, "Tapez un numéro") {
		t.Errorf("the offer is not in French:\n%s", text)
	}
	if _, lerr := old.Localized("fr"); lerr != nil && !strings.Contains(text, "n'existe pas en français") {
		t.Errorf("the run does not say it goes on in English:\n%s", text)
	}
	a, _, err := assessment.Load(paths.Assessment, old)
	if err != nil {
		t.Fatal(err)
	}
	if a.Questionnaire.Version != old.Version || !a.Complete || len(a.Answers) != len(old.Questions) {
		t.Errorf("finished: release %s, complete %v, %d answers; want %s, complete, %d", a.Questionnaire.Version, a.Complete, len(a.Answers), old.Version, len(old.Questions))
	}
	report, err := os.ReadFile(paths.Report)
	if err != nil {
		t.Fatal(err)
	}
	last := old.Questions[len(old.Questions)-1]
	if _, inCur := cur.Question(last.ID); !inCur && !strings.Contains(string(report), last.ID) {
		t.Errorf("the report does not name %s, a question of release %s only", last.ID, old.Version)
	}
	draft, _, err := assessment.Load(path, old)
	if err != nil || !draft.Complete {
		t.Errorf("the 1.0.0 draft is not marked finished (%v)", err)
	}
}

// TestDraftOfEarlierReleaseCarried: 2 carries the answers of unchanged
// questions (as assessment.Carry does) into a new draft of the newest
// release; the old draft stays until the new assessment is finished.
func TestDraftOfEarlierReleaseCarried(t *testing.T) {
	old, cur, state, d, path := earlierDraft(t)
	carried, _ := assessment.Carry(d.Answers, old, cur)
	open := len(cur.Questions) - len(carried)
	changed := 0
	for _, qu := range cur.Questions {
		if _, ok := old.Question(qu.ID); !ok {
			changed++
		}
	}
	var stdout bytes.Buffer
	// Stop at once: the new draft already holds the carried answers.
	_, err := Run(context.Background(), strings.NewReader("2\nq\n"), &stdout, Options{Questionnaire: cur, StateDir: state, OutDir: t.TempDir(), Tool: "t", Today: "2026-03-01"})
	var stop *StopError
	if !errors.As(err, &stop) || stop.Draft == "" || stop.Draft == path {
		t.Fatalf("err = %v, want a stop naming a new draft\n%s", err, stdout.String())
	}
	text := stdout.String()
	want := fmt.Sprintf("Carried into release %s: %d answers, with their comments. New or changed questions to answer: %d.", cur.Version, len(carried), changed)
	if !strings.Contains(text, want) {
		t.Errorf("output lacks %q:\n%s", want, text)
	}
	draft, _, err := assessment.Load(stop.Draft, cur)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(carried, draft.Answers); diff != "" {
		t.Errorf("new draft answers (-Carry +draft):\n%s", diff)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("the 1.0.0 draft is gone before the new one is finished: %v", err)
	}
	// Carried and finished in one run: the old draft goes.
	_, _, state, _, path = earlierDraft(t)
	stdout.Reset()
	paths, err := Run(context.Background(), strings.NewReader("2\n"+answerAll(open)), &stdout, Options{Questionnaire: cur, StateDir: state, OutDir: t.TempDir(), Tool: "t", Today: "2026-03-01"})
	if err != nil {
		t.Fatalf("Run: %v\n%s", err, stdout.String())
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("the 1.0.0 draft is still there after the new one was finished (%v)", err)
	}
	a, _, err := assessment.Load(paths.Assessment, cur)
	if err != nil {
		t.Fatal(err)
	}
	for id, c := range carried {
		if got := a.Answers[id]; got.Comment != c.Comment || *got.Level != *c.Level {
			t.Errorf("%s = %+v, want the carried %+v", id, got, c)
		}
	}
	if !a.Complete || a.Questionnaire.Version != cur.Version || a.Organisation.Name != "Old Office" {
		t.Errorf("finished: %+v", a.Organisation)
	}
}
