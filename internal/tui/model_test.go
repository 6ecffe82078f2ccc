package tui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/publish"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

func TestQuestionScreenShowsTheQuestion(t *testing.T) {
	m := newQuestionModel(t, 80, 24, false)
	got := screenText(m)
	for _, want := range []string{
		"dgmaturity · Agence Exemple", "CTX-01 · Question 1 of 4",
		"Area: Context", "P2 Leadership", "P1 Openness",
		"Does your organisation's own strategy",
		"   0  Not started: Nothing is done about digital objectives", "1  Initial:", "4  Leading:",
		"Not answered yet", "0/4 answered",
		"d don't know", "q quit",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("question screen lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "n n/a") {
		t.Errorf("CTX-01 does not allow n/a, but the help offers it:\n%s", got)
	}
	checkSize(t, m.View().Content, 80, 24)
	if !m.View().AltScreen {
		t.Error("View().AltScreen = false, want true")
	}
}

func TestMovingTheHighlightShowsTheLevelText(t *testing.T) {
	m := newQuestionModel(t, 80, 24, false)
	if m.cursor != noLevel || strings.Contains(screenText(m), "> ") {
		t.Fatalf("an unanswered question starts with level %d highlighted:\n%s", m.cursor, screenText(m))
	}
	m = send(t, m, presses("down", "j", "down", "up")...) // ↓ goes to 0 first
	if m.cursor != 1 {
		t.Fatalf("cursor = %d, want 1", m.cursor)
	}
	m = send(t, m, presses("down")...)
	got := screenText(m)
	if !strings.Contains(got, "> 2  Developing: A named owner works on digital objectives") {
		t.Errorf("highlight not on level 2:\n%s", got)
	}
	m = send(t, m, presses("k", "k", "k", "k")...)
	if m.cursor != 0 {
		t.Errorf("cursor = %d after moving past the top, want 0", m.cursor)
	}
}

func TestPickingALevelSavesASnapshotWithTheAnswer(t *testing.T) {
	m := newQuestionModel(t, 80, 24, false)
	var (
		mu    sync.Mutex
		saved []*assessment.Assessment
	)
	m.saver.save = func(_ string, a *assessment.Assessment) error {
		mu.Lock()
		defer mu.Unlock()
		saved = append(saved, a)
		return nil
	}
	next, cmd := m.Update(press("3"))
	m = next.(Model)
	if cmd == nil {
		t.Fatal("picking a level returned no command; want a save")
	}
	// The answer is in the model at once, and already in the draft: saveCmd
	// writes before Update returns and its command only reports.
	if got := m.a.Answers["CTX-01"]; got.Level == nil || *got.Level != 3 {
		t.Fatalf("answer to CTX-01 = %+v, want level 3", got)
	}
	msg := cmd()
	if _, ok := msg.(savedMsg); !ok {
		t.Fatalf("save command returned %T (%v), want savedMsg", msg, msg)
	}
	if len(saved) != 1 {
		t.Fatalf("%d snapshots written, want 1", len(saved))
	}
	snap := saved[0]
	if got := snap.Answers["CTX-01"]; got.Level == nil || *got.Level != 3 {
		t.Errorf("snapshot answer to CTX-01 = %+v, want level 3", got)
	}
	if snap == m.a {
		t.Error("the snapshot is the model's own assessment; want a copy")
	}
	if m.current != 1 {
		t.Errorf("after picking, question %d is shown, want 1 (the next)", m.current)
	}
	if !strings.Contains(screenText(m), "Saved CTX-01: 3 Established.") {
		t.Errorf("no confirmation shown:\n%s", screenText(m))
	}
}

func TestAnswersReachTheDraftFile(t *testing.T) {
	m := newQuestionModel(t, 80, 24, false)
	m = send(t, m, presses("2", "d")...)
	path := m.DraftPath()
	want := filepath.Join(m.opts.StateDir, "drafts", "agence-exemple-"+testDate+".json")
	if path != want {
		t.Fatalf("DraftPath() = %q, want %q", path, want)
	}
	a, _, err := assessment.Load(path, m.q)
	if err != nil {
		t.Fatal(err)
	}
	if a.Complete {
		t.Error("draft is marked complete")
	}
	if got := a.Answers["CTX-01"]; got.Level == nil || *got.Level != 2 {
		t.Errorf("draft answer to CTX-01 = %+v, want level 2", got)
	}
	if !a.Answers["CTX-02"].DontKnow {
		t.Errorf("draft answer to CTX-02 = %+v, want don't know", a.Answers["CTX-02"])
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm != 0o600 {
		t.Errorf("draft permissions = %o, want 600", perm)
	}
}

func TestNewDraftNeverOverwritesAnother(t *testing.T) {
	m := newQuestionModel(t, 80, 24, false)
	existing := filepath.Join(m.opts.StateDir, "drafts", "agence-exemple-"+testDate+".json")
	if err := os.MkdirAll(filepath.Dir(existing), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(existing, []byte("earlier"), 0o600); err != nil {
		t.Fatal(err)
	}
	m = send(t, m, press("1"))
	if got, want := m.DraftPath(), strings.TrimSuffix(existing, ".json")+"-2.json"; got != want {
		t.Errorf("DraftPath() = %q, want %q", got, want)
	}
	if data, _ := os.ReadFile(existing); string(data) != "earlier" {
		t.Errorf("the earlier draft was overwritten: %q", data)
	}
}

func TestSaverIgnoresStaleSnapshots(t *testing.T) {
	dir := t.TempDir()
	sv := newSaver("", filepath.Join(dir, "draft.json"))
	var (
		mu      sync.Mutex
		written []string
	)
	sv.save = func(_ string, a *assessment.Assessment) error {
		mu.Lock()
		defer mu.Unlock()
		written = append(written, a.Organisation.Name)
		return nil
	}
	snap := func(name string) *assessment.Assessment {
		return &assessment.Assessment{Organisation: assessment.Organisation{Name: name}}
	}
	if _, ok, err := sv.write(2, snap("second")); !ok || err != nil {
		t.Fatalf("write(2) = %v, %v; want written", ok, err)
	}
	if _, ok, err := sv.write(1, snap("first")); ok || err != nil {
		t.Errorf("write(1) after write(2) = %v, %v; want skipped", ok, err)
	}
	if _, ok, _ := sv.write(2, snap("again")); ok {
		t.Error("write(2) twice wrote twice; want the second skipped")
	}
	if diff := cmp.Diff([]string{"second"}, written); diff != "" {
		t.Errorf("written (-want +got):\n%s", diff)
	}
}

func TestConcurrentSavesLeaveTheNewestSnapshot(t *testing.T) {
	q := testQuestionnaire()
	path := filepath.Join(t.TempDir(), "drafts", "draft.json")
	sv := newSaver("", path)
	a := testAssessment(q)
	var wg sync.WaitGroup
	// Snapshots 1..40, each with one more answer, written in any order.
	for seq := 40; seq >= 1; seq-- {
		snap := cloneAssessment(a)
		ans := assessment.Lvl(seq % 5)
		ans.Comment = strings.Repeat("x", seq) // the comment's length tells the snapshot
		snap.Answers["CTX-01"] = ans
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, _, err := sv.write(uint64(seq), snap); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	got, _, err := assessment.Load(path, q)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(got.Answers["CTX-01"].Comment); n != 40 {
		t.Errorf("draft holds snapshot %d, want 40 (the newest)", n)
	}
}

func TestQuitAsksForConfirmation(t *testing.T) {
	for _, k := range []string{"q"} {
		t.Run(strings.ReplaceAll(k, "+", "_"), func(t *testing.T) {
			m := newQuestionModel(t, 80, 24, false)
			m = send(t, m, press("2"))
			next, cmd := m.Update(press(k))
			m = next.(Model)
			if isQuit(cmd) {
				t.Fatalf("%s quit at once; want a confirmation", k)
			}
			got := screenText(m)
			for _, want := range []string{"Quit now?", "Your answers are saved in the draft", "agence-exemple-" + testDate + ".json", "y quit · n stay"} {
				if !strings.Contains(got, want) {
					t.Errorf("quit dialog lacks %q:\n%s", want, got)
				}
			}
			m = send(t, m, press("n"))
			if m.overlay != overlayNone {
				t.Fatalf("n did not close the dialog")
			}
			next, _ = m.Update(press(k))
			m = next.(Model)
			_, cmd = m.Update(press("y"))
			if !isQuit(cmd) {
				t.Error("y in the quit dialog did not quit")
			}
		})
	}
}

func TestDontKnowAndNotApplicable(t *testing.T) {
	m := newQuestionModel(t, 80, 24, false)
	m = send(t, m, press("n"))
	if m.overlay != overlayNone || !strings.Contains(screenText(m), "cannot be marked not applicable") {
		t.Fatalf("n on CTX-01 (no n/a allowed): overlay %d, screen:\n%s", m.overlay, screenText(m))
	}
	m = send(t, m, press("d"))
	if !m.a.Answers["CTX-01"].DontKnow || m.current != 1 {
		t.Fatalf("d: answer %+v, current %d; want don't know and the next question", m.a.Answers["CTX-01"], m.current)
	}
	m = send(t, m, presses("1", "n")...) // CTX-02, then DATA-01 allows n/a
	if m.overlay != overlayNA {
		t.Fatalf("n on DATA-01 did not ask for a reason")
	}
	if !strings.Contains(screenText(m), "n n/a") && !strings.Contains(screenText(m), "Why does this question not apply") {
		t.Errorf("reason field not shown:\n%s", screenText(m))
	}
	m = send(t, m, press("enter"))
	if m.overlay != overlayNA || !strings.Contains(screenText(m), "A reason is required") {
		t.Fatalf("an empty reason was accepted:\n%s", screenText(m))
	}
	m = send(t, m, typeText("we hold no data")...)
	m = send(t, m, press("enter"))
	if got := m.a.Answers["DATA-01"].NA; got != "we hold no data" {
		t.Errorf("DATA-01 n/a reason = %q, want %q", got, "we hold no data")
	}
	if m.current != 3 {
		t.Errorf("after n/a, question %d is shown, want 3", m.current)
	}
	// Back to DATA-01: the answer line shows the reason.
	m = send(t, m, press("left"))
	if got := screenText(m); !strings.Contains(got, "Your answer: not applicable (we hold no data)") || !strings.Contains(got, "n n/a") {
		t.Errorf("DATA-01 answer line or n/a key missing:\n%s", got)
	}
}

func TestCommentEscCancelsEnterSaves(t *testing.T) {
	m := newQuestionModel(t, 80, 24, false)
	m = send(t, m, press("c"))
	m = send(t, m, typeText("draft only")...)
	m = send(t, m, press("esc"))
	if m.overlay != overlayNone || m.a.Answers["CTX-01"].Comment != "" {
		t.Fatalf("esc kept the comment: %+v", m.a.Answers["CTX-01"])
	}
	m = send(t, m, press("c"))
	m = send(t, m, typeText("approved in 2025")...)
	m = send(t, m, press("enter"))
	if got := m.a.Answers["CTX-01"].Comment; got != "approved in 2025" {
		t.Errorf("comment = %q, want %q", got, "approved in 2025")
	}
	if m.current != 0 {
		t.Errorf("a comment moved to question %d; want to stay on 0", m.current)
	}
	// A level keeps the comment.
	m = send(t, m, press("4"))
	if got := m.a.Answers["CTX-01"]; got.Comment != "approved in 2025" || got.Level == nil || *got.Level != 4 {
		t.Errorf("answer after picking a level = %+v, want level 4 with the comment", got)
	}
	a, _, err := assessment.Load(m.DraftPath(), m.q)
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Answers["CTX-01"].Comment; got != "approved in 2025" {
		t.Errorf("draft comment = %q", got)
	}
}

func TestNavigation(t *testing.T) {
	m := newQuestionModel(t, 80, 24, false)
	tests := []struct {
		key  string
		want int
	}{
		{"right", 1}, {"l", 2}, {"tab", 3}, {"right", 3}, // stays on the last
		{"left", 2}, {"h", 1}, {"shift+tab", 0}, {"left", 0}, // stays on the first
	}
	for _, tt := range tests {
		m = send(t, m, press(tt.key))
		if m.current != tt.want {
			t.Fatalf("after %s: question %d, want %d", tt.key, m.current, tt.want)
		}
	}
	m = send(t, m, press("1")) // CTX-01 answered, now on CTX-02
	m = send(t, m, presses("2", "left", "left")...)
	// u jumps to the first unanswered question after the current one.
	m = send(t, m, press("u"))
	if m.current != 2 {
		t.Errorf("u: question %d, want 2 (DATA-01)", m.current)
	}
	// a opens the area picker; choosing Context lands on its first question
	// (all answered), choosing Data on its first unanswered one.
	m = send(t, m, press("a"))
	if m.overlay != overlayAreas || !strings.Contains(screenText(m), "Go to an area") {
		t.Fatalf("a did not open the area picker:\n%s", screenText(m))
	}
	m = send(t, m, presses("up", "enter")...)
	if m.current != 0 || m.overlay != overlayNone {
		t.Errorf("area Context: question %d, overlay %d; want 0, none", m.current, m.overlay)
	}
	m = send(t, m, presses("a", "down", "enter")...)
	if m.current != 2 {
		t.Errorf("area Data: question %d, want 2", m.current)
	}
}

func TestHelpOverlay(t *testing.T) {
	m := newQuestionModel(t, 80, 24, false)
	m = send(t, m, press("?"))
	got := screenText(m)
	for _, want := range []string{"Help · CTX-01", "Why it matters", "Endorsed objectives", "What counts as evidence", "The strategy document", "Keys", "next unanswered", "go to area"} {
		if !strings.Contains(got, want) {
			t.Errorf("help lacks %q:\n%s", want, got)
		}
	}
	m = send(t, m, press("?"))
	if m.overlay != overlayNone {
		t.Error("? did not close the help")
	}
}

func TestReviewListsGapsAndJumps(t *testing.T) {
	m := newQuestionModel(t, 80, 24, false)
	m = send(t, m, presses("2", "d", "right", "3")...) // CTX-01 2, CTX-02 don't know, DATA-02 3
	if m.screen != screenQuestion || m.current != 2 {
		t.Fatalf("answering the last question opened %s %d, want the unanswered DATA-01", m.screen, m.current)
	}
	m = send(t, m, press("r"))
	got := screenText(m)
	for _, want := range []string{"Review", "3 of 4 answered · 1 don't know · 0 not applicable", "CTX-02   don't know", "DATA-01  unanswered"} {
		if !strings.Contains(got, want) {
			t.Errorf("review lacks %q:\n%s", want, got)
		}
	}
	m = send(t, m, presses("down", "enter")...)
	if m.screen != screenQuestion || m.current != 2 {
		t.Errorf("enter on DATA-01: screen %s question %d, want question 2", m.screen, m.current)
	}
	m = send(t, m, press("esc")) // back to the review it came from
	if m.screen != screenReview {
		t.Fatalf("esc on a question opened from the review: screen %s", m.screen)
	}
	m = send(t, m, press("f"))
	if m.overlay != overlayFinish {
		t.Fatal("f with an unanswered question did not ask")
	}
	if got := screenText(m); !strings.Contains(got, "1 question has no answer") || !strings.Contains(got, "You can finish anyway: the report lists") {
		t.Errorf("finish dialog:\n%s", got)
	}
	m = send(t, m, press("n"))
	if m.overlay != overlayNone || m.screen != screenReview {
		t.Error("n did not close the finish dialog")
	}
	m = send(t, m, press("esc"))
	if m.screen != screenQuestion {
		t.Errorf("esc on review: screen %s, want question", m.screen)
	}
}

func TestFinishWritesFilesAndCompletesTheDraft(t *testing.T) {
	t.Chdir(t.TempDir())
	m := newQuestionModel(t, 80, 24, false)
	m = send(t, m, presses("1", "2", "0", "1")...)
	m = send(t, m, press("f"))
	if m.screen != screenTargets {
		t.Fatalf("screen %s after f, want the targets step", m.screen)
	}
	m = send(t, m, press("s"))
	if m.screen != screenResults {
		t.Fatalf("screen %s after finishing, want results; notice %q", m.screen, m.notice.text)
	}
	paths, ok := m.Paths()
	if !ok {
		t.Fatal("Paths() reports nothing written")
	}
	want := publish.Paths{
		Assessment: filepath.Join("out", "agence-exemple-"+testDate+".json"),
		Report:     filepath.Join("out", "agence-exemple-"+testDate+".md"),
		HTML:       filepath.Join("out", "agence-exemple-"+testDate+".html"),
		Chart:      filepath.Join("out", "agence-exemple-"+testDate+".svg"),
		Charts: []string{
			filepath.Join("out", "agence-exemple-"+testDate+".svg"),
			filepath.Join("out", "agence-exemple-"+testDate+"-areas.svg"),
		},
	}
	if diff := cmp.Diff(want, paths, cmpopts.IgnoreFields(publish.Paths{}, "Result", "Markdown")); diff != "" {
		t.Errorf("Paths() (-want +got):\n%s", diff)
	}
	// The results show what publish wrote: its scores, and the report as
	// it is in the file.
	if md, err := os.ReadFile(paths.Report); err != nil || string(md) != m.report || m.report == "" {
		t.Errorf("the report previewed is not the one written (%v)", err)
	}
	if m.result == nil || m.result != paths.Result {
		t.Error("the results are not publish's scores")
	}
	for _, p := range append([]string{paths.Assessment, paths.Report, paths.HTML}, paths.Charts...) {
		if _, err := os.Stat(p); err != nil {
			t.Error(err)
		}
	}
	draft, _, err := assessment.Load(m.DraftPath(), m.q)
	if err != nil {
		t.Fatal(err)
	}
	if !draft.Complete {
		t.Error("the draft is not marked complete; it would be offered for resuming")
	}
	drafts, err := assessment.Drafts(m.opts.StateDir, m.q)
	if err != nil || len(drafts) != 0 {
		t.Errorf("Drafts() = %v, %v; want none", drafts, err)
	}
	got := screenText(m)
	for _, want := range []string{"Stage:", "Files written", paths.Report, "Areas", "Principles", "Top recommendations", "REC-"} {
		if !strings.Contains(got+m.summaryContent(200), want) {
			t.Errorf("results lack %q:\n%s", want, got)
		}
	}
	m = send(t, m, press("tab"))
	if !strings.Contains(screenText(m), "Agence Exemple") || m.pane != paneReport {
		t.Errorf("report preview not shown:\n%s", screenText(m))
	}
	_, cmd := m.Update(press("q"))
	if !isQuit(cmd) {
		t.Error("q on the results did not quit")
	}
}

func TestPublishFailureKeepsTheDraft(t *testing.T) {
	m := newQuestionModel(t, 80, 24, false)
	m.opts.Publish = func(string, *questionnaire.Questionnaire, *assessment.Assessment, string) (publish.Paths, error) {
		return publish.Paths{}, errors.New("disk full")
	}
	m = send(t, m, presses("1", "2", "0", "1", "f", "s")...)
	if m.screen != screenReview {
		t.Fatalf("screen %s, want review after a failed publish", m.screen)
	}
	if got := screenText(m); !strings.Contains(got, "Could not write the files: disk full") || !strings.Contains(got, "Press o to choose another folder") {
		t.Errorf("error not shown:\n%s", got)
	}
	draft, _, err := assessment.Load(m.DraftPath(), m.q)
	if err != nil {
		t.Fatal(err)
	}
	if draft.Complete || len(draft.Answers) != 4 {
		t.Errorf("draft complete=%v with %d answers; want unfinished with 4", draft.Complete, len(draft.Answers))
	}
}

func TestTooSmallWindow(t *testing.T) {
	m := newQuestionModel(t, 80, 24, false)
	m = send(t, m, tea.WindowSizeMsg{Width: 79, Height: 30})
	golden(t, "too_small", screenText(m))
	if got := screenText(m); !strings.Contains(got, "dgmaturity needs at least 80x24; this window is 79x30. Enlarge it or use") {
		t.Errorf("too-small message:\n%s", got)
	}
	// Keys are ignored while nothing can be seen, except ctrl+c.
	m = send(t, m, press("2"))
	if m.a.Answers["CTX-01"].Answered() {
		t.Error("a key answered a question while the window was too small")
	}
	if next, cmd := m.Update(press("ctrl+c")); !isInterrupt(cmd) || !next.(Model).Interrupted() {
		t.Error("ctrl+c did not stop a too-small window")
	}
	m = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 23})
	if !strings.Contains(screenText(m), "this window is 80x23") {
		t.Errorf("80x23 is not reported as too small:\n%s", screenText(m))
	}
}

func TestResizeFollowsTheWindow(t *testing.T) {
	m := newQuestionModel(t, 80, 24, false)
	if strings.Contains(screenText(m), "Areas") {
		t.Error("sidebar shown at 80 columns")
	}
	for _, size := range [][2]int{{120, 40}, {100, 30}, {80, 24}, {200, 60}} {
		m = send(t, m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		checkSize(t, m.View().Content, size[0], size[1])
		wantSidebar := size[0] >= 100
		got := screenText(m)
		if has := strings.Contains(got, "Answered 0 of 4"); has != wantSidebar {
			t.Errorf("%dx%d: sidebar shown = %v, want %v:\n%s", size[0], size[1], has, wantSidebar, got)
		}
	}
}

func TestResumeOffersDrafts(t *testing.T) {
	q := testQuestionnaire()
	dir := t.TempDir()
	a := testAssessment(q)
	a.Answers["CTX-01"] = assessment.Lvl(2)
	a.Answers["CTX-02"] = assessment.Lvl(1)
	path, err := assessment.SaveDraft(dir, a)
	if err != nil {
		t.Fatal(err)
	}
	m := New(Options{Questionnaire: q, StateDir: dir, OutDir: "out", Tool: "dgmaturity test", Now: fixedNow})
	m = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	if m.screen != screenLoading {
		t.Fatalf("screen %s, want loading", m.screen)
	}
	m = send(t, m, runCmd(loadDraftsCmd(dir, q), time.Second)...)
	got := screenText(m)
	for _, want := range []string{"Your assessments", "> Resume (2 of 4 answered, saved ", "): Agence Exemple", "Start a new assessment"} {
		if !strings.Contains(got, want) {
			t.Errorf("resume screen lacks %q:\n%s", want, got)
		}
	}
	m = send(t, m, press("enter"))
	if m.screen != screenQuestion || m.current != 2 {
		t.Fatalf("after resuming: screen %s question %d, want question 2 (the first unanswered)", m.screen, m.current)
	}
	m = send(t, m, press("3"))
	if m.DraftPath() != path {
		t.Errorf("resumed answers go to %q, want the draft %q", m.DraftPath(), path)
	}
	back, _, err := assessment.Load(path, q)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Answers) != 3 {
		t.Errorf("draft holds %d answers, want 3", len(back.Answers))
	}
}

func TestResumeScreenStartNewShowsTheForm(t *testing.T) {
	q := testQuestionnaire()
	dir := t.TempDir()
	if _, err := assessment.SaveDraft(dir, testAssessment(q)); err != nil {
		t.Fatal(err)
	}
	m := New(Options{Questionnaire: q, StateDir: dir, Organisation: "Commune de Test", Now: fixedNow})
	m = sendFast(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m = sendFast(t, m, runCmd(loadDraftsCmd(dir, q), time.Second)...)
	m = sendFast(t, m, presses("down", "enter")...)
	if m.screen != screenForm {
		t.Fatalf("screen %s, want form", m.screen)
	}
	if got := screenText(m); !strings.Contains(got, "Commune de Test") || !strings.Contains(got, "Organisation") {
		t.Errorf("form does not show the --org name:\n%s", got)
	}
}

func TestFormCreatesTheAssessment(t *testing.T) {
	q := testQuestionnaire()
	m := New(Options{Questionnaire: q, StateDir: t.TempDir(), Tool: "dgmaturity test", Now: fixedNow})
	m = sendFast(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m = sendFast(t, m, runCmd(m.Init(), time.Second)...) // no drafts: the form
	if m.screen != screenForm {
		t.Fatalf("screen %s, want form", m.screen)
	}
	// The organisation is required.
	m = sendFast(t, m, press("enter"))
	if got := screenText(m); m.screen != screenForm || !strings.Contains(got, "The organisation's name is required") {
		t.Fatalf("an empty organisation was accepted (screen %s):\n%s", m.screen, got)
	}
	m = sendFast(t, m, tea.PasteMsg{Content: "Ministère Exemple"})
	m = sendFast(t, m, press("enter"))
	m = sendFast(t, m, press("right"), press("enter")) // type: agency
	m = sendFast(t, m, tea.PasteMsg{Content: "A. Lead"})
	m = sendFast(t, m, press("enter"))
	m = sendFast(t, m, tea.PasteMsg{Content: "CDO"})
	m = sendFast(t, m, press("enter"))
	if m.screen != screenQuestion {
		t.Fatalf("screen %s after the form, want question:\n%s", m.screen, screenText(m))
	}
	want := assessment.New(q, assessment.Organisation{Name: "Ministère Exemple", Type: "agency"},
		assessment.Respondent{Name: "A. Lead", Role: "CDO"}, testDate, "en", "dgmaturity test")
	if diff := cmp.Diff(want, m.a); diff != "" {
		t.Errorf("assessment (-want +got):\n%s", diff)
	}
	// The first draft is saved at once (flush waits for a save command
	// that sendFast may have left running).
	if err := m.flush(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(m.DraftPath()); err != nil {
		t.Errorf("no draft after the form: %v", err)
	}
}

func TestFormCtrlCQuits(t *testing.T) {
	m := New(Options{Questionnaire: testQuestionnaire(), Now: fixedNow})
	m = sendFast(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	next, cmd := m.Update(press("ctrl+c"))
	m = next.(Model)
	if !isInterrupt(cmd) {
		t.Error("ctrl+c in the form did not stop")
	}
	if m.a != nil {
		t.Error("an assessment was created")
	}
}

func TestRunSavesAndQuits(t *testing.T) {
	q := testQuestionnaire()
	dir := t.TempDir()
	m := New(Options{Questionnaire: q, Assessment: testAssessment(q), StateDir: dir, Now: fixedNow, NoColor: true})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var out strings.Builder
	final, err := Run(ctx, m, strings.NewReader("3dqy"), &out)
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	a, _, err := assessment.Load(final.DraftPath(), q)
	if err != nil {
		t.Fatal(err)
	}
	if got := a.Answers["CTX-01"]; got.Level == nil || *got.Level != 3 {
		t.Errorf("CTX-01 = %+v, want level 3", got)
	}
	if !a.Answers["CTX-02"].DontKnow {
		t.Errorf("CTX-02 = %+v, want don't know", a.Answers["CTX-02"])
	}
}

// TestDefaultInstrumentFitsAt80x24 draws every question of the default
// instrument at the minimum size, with a notice shown and each level
// highlighted in turn: every level statement must be shown in full, all
// five at once.
func TestDefaultInstrumentFitsAt80x24(t *testing.T) {
	q := questionnaire.Default()
	m := New(Options{Questionnaire: q, Assessment: testAssessment(q), Now: fixedNow})
	m = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m.notice = notice{text: "Saved CTX-01: 2 Developing."}
	squash := func(s string) string { return strings.Join(strings.Fields(s), "") }
	for i, qu := range q.Questions {
		for _, cursor := range []int{noLevel, 0, 1, 2, 3, 4} {
			m.goTo(i)
			m.cursor = cursor
			view := m.View().Content
			checkSize(t, view, 80, 24)
			// Compared without spaces: wrapping moves them.
			got := squash(ansiStrip(view))
			for l, text := range qu.Levels {
				if !strings.Contains(got, squash(q.LevelName(l)+": "+text)) {
					t.Errorf("%s (cursor %d): level %d not shown in full:\n%s", qu.ID, cursor, l, ansiStrip(view))
				}
			}
		}
	}
}

func TestFormAsksForTheLanguageOnlyWhenThereIsAChoice(t *testing.T) {
	tests := []struct {
		name  string
		base  bool // the instrument can change language
		fixed bool // --lang
		want  bool
	}{
		{"no base", false, false, false},
		{"base", true, false, true},
		{"chosen with --lang", true, true, false},
	}
	for _, tt := range tests {
		t.Run(strings.ReplaceAll(tt.name, " ", "_"), func(t *testing.T) {
			q := testQuestionnaire()
			opts := Options{Questionnaire: q, LangFixed: tt.fixed, Now: fixedNow}
			if tt.base {
				opts.Base = q
			}
			m := New(opts)
			m = sendFast(t, m, tea.WindowSizeMsg{Width: 80, Height: 40})
			if got := strings.Contains(screenText(m), "Language"); got != tt.want {
				t.Errorf("language field shown = %v, want %v:\n%s", got, tt.want, screenText(m))
			}
		})
	}
}

func TestSameSizeFilterDropsRepeatedSizes(t *testing.T) {
	f := SameSizeFilter()
	size := tea.WindowSizeMsg{Width: 80, Height: 24}
	if f(nil, size) == nil {
		t.Fatal("the first size was dropped")
	}
	if f(nil, size) != nil {
		t.Error("a repeated size passed: it would clear the screen")
	}
	if f(nil, tea.WindowSizeMsg{Width: 100, Height: 24}) == nil {
		t.Error("a new size was dropped")
	}
	if f(nil, press("a")) == nil {
		t.Error("a key was dropped")
	}
}

// TestTargetsStep sets a target per area before the results: the file
// records only the areas set away from the default, the report aims at
// them, and esc goes back to the review.
func TestTargetsStep(t *testing.T) {
	t.Chdir(t.TempDir())
	m := newQuestionModel(t, 80, 24, false)
	m = send(t, m, presses("1", "2", "0", "1", "f")...)
	if m.screen != screenTargets {
		t.Fatalf("screen %s, want targets", m.screen)
	}
	got := screenText(m)
	for _, want := range []string{"Targets", "What level does your organisation aim at", "3 Established", "s skip"} {
		if !strings.Contains(got, want) {
			t.Errorf("targets screen lacks %q:\n%s", want, got)
		}
	}
	m = send(t, m, press("esc"))
	if m.screen != screenReview {
		t.Fatalf("esc: screen %s, want review", m.screen)
	}
	m = send(t, m, presses("f", "down", "4", "up", "left", "left", "left")...)
	if diff := cmp.Diff([]int{1, 4}, m.tg.levels); diff != "" {
		t.Errorf("levels (-want +got):\n%s", diff)
	}
	m = send(t, m, press("enter"))
	if m.screen != screenResults {
		t.Fatalf("screen %s, want results; notice %q", m.screen, m.notice.text)
	}
	paths, _ := m.Paths()
	a, _, err := assessment.Load(paths.Assessment, m.q)
	if err != nil {
		t.Fatal(err)
	}
	want := &assessment.Targets{Areas: map[string]int{m.q.Areas[0].ID: 1, m.q.Areas[1].ID: 4}}
	if diff := cmp.Diff(want, a.Targets); diff != "" {
		t.Errorf("recorded targets (-want +got):\n%s", diff)
	}
}

// TestResultsShowProgress finds an earlier assessment of the organisation
// in the output folder and shows the overall change on the results screen.
func TestResultsShowProgress(t *testing.T) {
	t.Chdir(t.TempDir())
	m := newQuestionModel(t, 100, 30, false)
	earlier := cloneAssessment(m.a)
	earlier.Date = "2025-01-15"
	earlier.Answers = map[string]assessment.Answer{}
	for _, qu := range m.q.Questions {
		earlier.Answers[qu.ID] = assessment.Lvl(0)
	}
	if _, err := publish.Write("out", m.q, earlier, "dgmaturity test", publish.Options{}); err != nil {
		t.Fatal(err)
	}
	m = send(t, m, presses("1", "2", "0", "1", "f", "s")...)
	if m.screen != screenResults {
		t.Fatalf("screen %s, want results; notice %q", m.screen, m.notice.text)
	}
	if got := m.stageLine(); !strings.Contains(got, "since 15 January 2025") || !strings.Contains(got, "(+") {
		t.Errorf("the stage line does not show the change: %q", got)
	}
	if p, _ := m.Paths(); p.Previous == "" {
		t.Error("no previous assessment found")
	}
}
