package tui

// Tests for issue 12 ("the interactive run as a new user meets it") and
// the interface parts of issue 11 (items 3 and 7), one or more per item,
// driving the real model with key messages.

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/locale"
	"github.com/dgmaturity/dgmaturity/internal/publish"
	"github.com/dgmaturity/dgmaturity/internal/scoring"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// newFormModel returns a model on the start form (no drafts) at w x h.
func newFormModel(t *testing.T, w, h int) Model {
	t.Helper()
	q := testQuestionnaire()
	m := New(Options{Questionnaire: q, StateDir: t.TempDir(), OutDir: "dgmaturity-reports", Tool: "dgmaturity test", Now: fixedNow})
	m = sendFast(t, m, tea.WindowSizeMsg{Width: w, Height: h})
	m = sendFast(t, m, runCmd(m.Init(), time.Second)...)
	if m.screen != screenForm {
		t.Fatalf("screen %s, want form", m.screen)
	}
	return m
}

// Item 2: the output folder is on the start form and the review.
func TestOutputFolderIsShown(t *testing.T) {
	m := newFormModel(t, 80, 24)
	if got := screenText(m); !strings.Contains(got, "The report will be written to ./dgmaturity-reports.") {
		t.Errorf("form does not say where the files go:\n%s", got)
	}
	r := newQuestionModel(t, 80, 24, true)
	r = send(t, r, press("r"))
	if got := screenText(r); !strings.Contains(got, "Files go to ./out (o to change).") {
		t.Errorf("review does not say where the files go:\n%s", got)
	}
}

// Item 3: a publish failure is shown in full, another folder can be typed
// right there, and finishing then writes there.
func TestPublishFailureOffersAnotherFolder(t *testing.T) {
	m := newQuestionModel(t, 80, 24, true)
	long := "/home/lead/reports/commune-de-test-3/commune-de-test-3-2026-12-01.json already holds the assessment of B. Other; write to another folder with --out, or move that file first"
	var dirs []string
	m.opts.Publish = func(dir string, q *questionnaire.Questionnaire, a *assessment.Assessment, tool string) (publish.Paths, error) {
		dirs = append(dirs, dir)
		if len(dirs) == 1 {
			return publish.Paths{}, errors.New(long)
		}
		return publish.Paths{Report: filepath.Join(dir, "r.md"), Chart: filepath.Join(dir, "r.svg"), Assessment: filepath.Join(dir, "r.json")}, nil
	}
	m = send(t, m, presses("1", "2", "0", "1", "f", "s")...) // s skips the targets step
	if m.screen != screenReview {
		t.Fatalf("screen %s after a failed publish, want review", m.screen)
	}
	got := strings.Join(strings.Fields(screenText(m)), " ")
	if !strings.Contains(got, strings.Join(strings.Fields(long), " ")) {
		t.Errorf("the reason is not shown in full:\n%s", screenText(m))
	}
	if !strings.Contains(screenText(m), "commune-de-test-3-2026-12-01.json") {
		t.Errorf("the file name is broken or cut:\n%s", screenText(m))
	}
	m = send(t, m, press("o"))
	if m.overlay != overlayFolder {
		t.Fatal("o did not open the folder field")
	}
	for range len("out") {
		m = send(t, m, press("backspace"))
	}
	m = send(t, m, typeText("elsewhere")...)
	m = send(t, m, press("enter"), press("f"), press("s"))
	if m.screen != screenResults || len(dirs) != 2 || dirs[1] != "elsewhere" || m.OutDir() != "elsewhere" {
		t.Errorf("screen %s, publish folders %q: want the results written to elsewhere", m.screen, dirs)
	}
}

// TestFolderThatIsAFileIsRefusedAtOnce types, as the output folder, a
// file's name and then a folder below a file: the field stays open and
// says why (in English and in French), the folder is not changed; a
// usable folder then closes it.
func TestFolderThatIsAFileIsRefusedAtOnce(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "report.md")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ lang, typed, want string }{
		{"en", file, file + " is a file, not a folder"},
		{"en", filepath.Join(file, "sub"), file + " is a file, not a folder"},
		{"fr", file, file + " est un fichier, pas un dossier"},
	} {
		m := newQuestionModel(t, 120, 40, true)
		if tt.lang == "fr" {
			m = newLocalizedModel(t, locale.French, 120, 40) // a translated instrument
		}
		m = send(t, m, press("r"), press("o"))
		for range len("out") {
			m = send(t, m, press("backspace"))
		}
		m = send(t, m, typeText(tt.typed)...)
		m = send(t, m, press("enter"))
		if m.overlay != overlayFolder || m.input.Err == nil || !strings.Contains(strings.Join(strings.Fields(screenText(m)), " "), tt.want) {
			t.Errorf("%s %s: overlay %v, error %v; want the field open saying %q:\n%s", tt.lang, tt.typed, m.overlay, m.input.Err, tt.want, screenText(m))
		}
		if m.OutDir() != "out" {
			t.Errorf("%s %s: the folder became %q", tt.lang, tt.typed, m.OutDir())
		}
		for range len(tt.typed) {
			m = send(t, m, press("backspace"))
		}
		m = send(t, m, typeText(filepath.Join(dir, "reports"))...)
		m = send(t, m, press("enter"))
		if m.overlay != overlayNone || m.OutDir() != filepath.Join(dir, "reports") {
			t.Errorf("%s: overlay %v, folder %q after a usable folder", tt.lang, m.overlay, m.OutDir())
		}
	}
}

// Item 4: the form marks the organisation as required, says how to leave,
// and ↑/↓ change the type; esc leaves when there is nothing to go back to.
func TestStartFormKeys(t *testing.T) {
	m := newFormModel(t, 80, 24)
	got := screenText(m)
	for _, want := range []string{"Organisation (required)", "esc leave", "ctrl+c quit"} {
		if !strings.Contains(got, want) {
			t.Errorf("form lacks %q:\n%s", want, got)
		}
	}
	m = sendFast(t, m, tea.PasteMsg{Content: "Agence Exemple"})
	m = sendFast(t, m, press("enter"))
	m = sendFast(t, m, press("down"))
	m = sendFast(t, m, press("down"))
	if m.formVals.typ != "municipality" {
		t.Errorf("↓↓ on the type gives %q, want municipality", m.formVals.typ)
	}
	m = sendFast(t, m, press("up"))
	if m.formVals.typ != "agency" {
		t.Errorf("↑ gives %q, want agency", m.formVals.typ)
	}
	if _, cmd := m.Update(press("esc")); !isQuit(cmd) {
		t.Error("esc on the form (no drafts) did not leave")
	}
}

// Item 4: a long organisation name shows its start, not its end.
func TestStartFormShowsTheStartOfALongName(t *testing.T) {
	m := newFormModel(t, 80, 24)
	name := "Administration des services techniques de l'agriculture et du développement rural"
	m = sendFast(t, m, tea.PasteMsg{Content: name})
	m = sendFast(t, m, press("enter"))
	if got := screenText(m); !strings.Contains(got, "Administration des services") {
		t.Errorf("the start of the name is not shown:\n%s", got)
	}
}

// Item 5: nothing is highlighted on an unanswered question; enter then
// does not answer, and says how to.
func TestEnterWithoutALevelDoesNotAnswer(t *testing.T) {
	m := newQuestionModel(t, 80, 24, false)
	m = send(t, m, press("enter"))
	if m.a.Answers["CTX-01"].Answered() || m.current != 0 {
		t.Fatalf("enter with no level chosen answered %+v", m.a.Answers["CTX-01"])
	}
	if got := screenText(m); !strings.Contains(got, "Nothing chosen yet: press 0-4") {
		t.Errorf("enter does not say how to answer:\n%s", got)
	}
	m = send(t, m, press("down"), press("enter"))
	if got := m.a.Answers["CTX-01"]; got.Level == nil || *got.Level != 0 {
		t.Errorf("↓ enter gave %+v, want level 0", got)
	}
}

// Item 6: a level over "not applicable" asks first; n keeps the reason.
func TestReplacingNotApplicableAsks(t *testing.T) {
	m := newQuestionModel(t, 80, 24, true)
	m = send(t, m, presses("right", "right", "n")...)
	m = send(t, m, typeText("no open data by law")...)
	m = send(t, m, press("enter"))
	m = send(t, m, press("left"))
	m = send(t, m, press("2"))
	if m.overlay != overlayReplace {
		t.Fatalf("a level over not applicable did not ask:\n%s", screenText(m))
	}
	if got := screenText(m); !strings.Contains(got, "no open data by law") || !strings.Contains(got, "Answer 2 Developing instead?") {
		t.Errorf("the question does not name the reason and the new answer:\n%s", got)
	}
	m = send(t, m, press("n"))
	if got := m.a.Answers["DATA-01"]; got.NA != "no open data by law" {
		t.Errorf("n lost the reason: %+v", got)
	}
	m = send(t, m, press("d"), press("y"))
	if got := m.a.Answers["DATA-01"]; !got.DontKnow || got.NA != "" {
		t.Errorf("y did not replace: %+v", got)
	}
}

// Item 8: ctrl+c stops at once with an interrupt (exit 130); the key help
// says what it does.
func TestCtrlCInterrupts(t *testing.T) {
	m := newQuestionModel(t, 120, 40, true)
	if got := screenText(m); !strings.Contains(got, "ctrl+c stop now") {
		t.Errorf("the key help does not say what ctrl+c does:\n%s", got)
	}
	m = send(t, m, press("2"))
	for _, setup := range [][]string{nil, {"c"}, {"?"}, {"r"}} {
		mm := send(t, m, presses(setup...)...)
		next, cmd := mm.Update(press("ctrl+c"))
		if !isInterrupt(cmd) || !next.(Model).Interrupted() {
			t.Errorf("ctrl+c after %v did not interrupt", setup)
		}
	}
}

// Item 10: one key map: tab and every key are listed in the help; an
// unknown key says so; the accessible mode reads the same letters.
func TestKeyMapIsListedAndUnknownKeysAnswered(t *testing.T) {
	m := newQuestionModel(t, 80, 40, true)
	m = send(t, m, press("?"))
	help := m.helpText(78)
	for _, want := range []string{"→/l/tab", "←/h/b", "0-4", "don't know", "comment", "next unanswered", "go to area", "review", "ctrl+c", "quit"} {
		if !strings.Contains(help, want) {
			t.Errorf("the help lacks %q:\n%s", want, help)
		}
	}
	m = send(t, m, press("esc"), press("x"))
	if got := screenText(m); !strings.Contains(got, `"x" does nothing here. Press ? for every key.`) {
		t.Errorf("an unknown key gives no feedback:\n%s", got)
	}
	km := DefaultKeyMap()
	if got := Typed(km.Prev); strings.Join(got, ",") != "h,b" {
		t.Errorf("Typed(Prev) = %q, want h,b: h means back in both modes", got)
	}
	if got := Typed(km.Help); strings.Join(got, ",") != "?" {
		t.Errorf("Typed(Help) = %q", got)
	}
}

// Item 12: the help overlay scrolls with the usual keys.
func TestHelpOverlayScrolls(t *testing.T) {
	q := questionnaire.Default()
	m := New(Options{Questionnaire: q, Assessment: testAssessment(q), Now: fixedNow})
	m = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m = send(t, m, press("?"))
	if m.helpView.AtBottom() {
		t.Fatal("the help fits at 80x24; the test needs a longer one")
	}
	m = send(t, m, tea.KeyPressMsg{Code: tea.KeyEnd})
	if !m.helpView.AtBottom() || !strings.Contains(screenText(m), "exits with code 130") {
		t.Errorf("end did not reach the bottom of the help:\n%s", screenText(m))
	}
	m = send(t, m, press("g"))
	if m.helpView.YOffset() != 0 {
		t.Errorf("g did not go back to the top")
	}
	m = send(t, m, press("pgdown"))
	if m.helpView.YOffset() == 0 {
		t.Errorf("pgdown did not scroll")
	}
}

// Item 12: the results preview scrolls by pages and to both ends, and is
// rendered to the window's width without the bar columns at 80.
func TestResultsPreviewScrolls(t *testing.T) {
	t.Chdir(t.TempDir())
	q := questionnaire.Default()
	a := testAssessment(q)
	for i, qu := range q.Questions {
		a.Answers[qu.ID] = assessment.Lvl(i % 5)
	}
	m := New(Options{Questionnaire: q, Assessment: a, OutDir: "out", Tool: "t", Now: fixedNow, NoColor: true})
	m = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m = send(t, m, press("f"), press("s"))
	if m.screen != screenResults {
		t.Fatalf("screen %s", m.screen)
	}
	m = send(t, m, press("tab"))
	if m.preview == "" {
		t.Fatal("no preview rendered")
	}
	h := m.viewport.Height()
	m = send(t, m, press("pgdown"))
	if m.viewport.YOffset() != h {
		t.Errorf("pgdown moved %d lines, want a page of %d", m.viewport.YOffset(), h)
	}
	m = send(t, m, tea.KeyPressMsg{Code: tea.KeyEnd})
	if !m.viewport.AtBottom() {
		t.Error("end did not reach the bottom")
	}
	m = send(t, m, tea.KeyPressMsg{Code: tea.KeyHome})
	if m.viewport.YOffset() != 0 {
		t.Error("home did not reach the top")
	}
	m = send(t, m, press("G"))
	if !m.viewport.AtBottom() {
		t.Error("G did not reach the bottom")
	}
	for i, l := range strings.Split(m.preview, "\n") {
		if w := len([]rune(ansiStrip(strings.TrimRight(l, " ")))); w > m.viewport.Width() {
			t.Errorf("preview line %d is %d wide, more than %d: %q", i+1, w, m.viewport.Width(), l)
		}
	}
	if strings.Contains(m.preview, "░░") {
		t.Error("the bars are in the preview at 80 columns; they wrap")
	}
}

// Item 13: a full review of every answer, from which an answer is changed
// and the review comes back; the results go back to the review.
func TestFullReviewChangesAnAnswer(t *testing.T) {
	t.Chdir(t.TempDir())
	m := newQuestionModel(t, 80, 24, true)
	m = send(t, m, presses("1", "2", "3", "4")...)
	if m.screen != screenReview {
		t.Fatalf("screen %s, want review", m.screen)
	}
	// No gaps: the review opens on every answer.
	if got := screenText(m); !strings.Contains(got, "CTX-02   2 Developing") || !strings.Contains(got, "[ All answers (4) ]") {
		t.Fatalf("the full review does not list every answer:\n%s", got)
	}
	m = send(t, m, press("down"), press("enter"))
	if m.screen != screenQuestion || m.current != 1 {
		t.Fatalf("enter opened %s %d, want question 1", m.screen, m.current)
	}
	m = send(t, m, press("0"))
	if m.screen != screenReview || !strings.Contains(screenText(m), "> CTX-02   0 Not started") {
		t.Fatalf("after changing, want the review with the cursor on the answer:\n%s", screenText(m))
	}
	m = send(t, m, press("f"), press("s"))
	if m.screen != screenResults {
		t.Fatalf("screen %s, want results", m.screen)
	}
	m = send(t, m, press("r"))
	if m.screen != screenReview {
		t.Errorf("r on the results: screen %s, want review", m.screen)
	}
}

// Items 13 and 17: a finished assessment's draft is kept, offered as
// "Reopen" at the start (landing on the review), and can be deleted.
func TestFinishedDraftCanBeReopenedOrDeleted(t *testing.T) {
	q := testQuestionnaire()
	dir := t.TempDir()
	a := testAssessment(q)
	for _, qu := range q.Questions {
		a.Answers[qu.ID] = assessment.Lvl(2)
	}
	a.Complete = true
	path, err := assessment.SaveDraft(dir, a)
	if err != nil {
		t.Fatal(err)
	}
	start := func() Model {
		m := New(Options{Questionnaire: q, StateDir: dir, OutDir: "out", Now: fixedNow})
		m = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
		return send(t, m, runCmd(loadDraftsCmd(dir, q), time.Second)...)
	}
	m := start()
	if got := screenText(m); !strings.Contains(got, "> Reopen (finished, saved") || !strings.Contains(got, "x delete draft") {
		t.Fatalf("the finished draft is not offered:\n%s", got)
	}
	r := send(t, m, press("enter"))
	if r.screen != screenReview || r.a.Complete {
		t.Errorf("reopening: screen %s, complete %v; want the review of a draft again", r.screen, r.a.Complete)
	}
	m = send(t, m, press("x"))
	if got := screenText(m); !strings.Contains(got, "Delete the draft of Agence Exemple") {
		t.Fatalf("x does not ask:\n%s", got)
	}
	m = send(t, m, press("y"))
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("the draft is still there after x y: %v", err)
	}
	if got := screenText(m); strings.Contains(got, "Reopen") || !strings.Contains(got, "Draft deleted.") {
		t.Errorf("after deleting:\n%s", got)
	}
}

// Item 14: after an area's last question the next unanswered question
// comes, not the next one; a resumed draft opens where the user left off.
func TestAfterAnAreaTheNextUnansweredComes(t *testing.T) {
	m := newQuestionModel(t, 80, 24, true)
	m = send(t, m, presses("right", "right", "1", "1")...) // DATA-01, DATA-02: the end of the data area
	if m.screen != screenQuestion || m.current != 0 {
		t.Errorf("after the data area: screen %s question %d, want CTX-01 (the first unanswered)", m.screen, m.current)
	}
	q := testQuestionnaire()
	a := testAssessment(q)
	a.Answers["CTX-01"] = assessment.Lvl(1)
	a.Answers["DATA-01"] = assessment.Lvl(1)
	r := New(Options{Questionnaire: q, Assessment: a, Now: fixedNow})
	if r.current != 3 {
		t.Errorf("resumed at question %d, want 3 (DATA-02, after the last answered)", r.current)
	}
}

// Item 15: the review and the results count the answers in one wording.
func TestOneCountForReviewAndResults(t *testing.T) {
	t.Chdir(t.TempDir())
	m := newQuestionModel(t, 80, 24, true)
	m = send(t, m, presses("1", "d", "3", "4")...) // the last answer opens the review
	want := "4 of 4 answered · 1 don't know · 0 not applicable"
	if !strings.Contains(screenText(m), want) {
		t.Errorf("review lacks %q:\n%s", want, screenText(m))
	}
	m = send(t, m, press("f"), press("s"))
	if got := screenText(m); !strings.Contains(got, want) || strings.Contains(got, "% answered") {
		t.Errorf("results do not use the review's count:\n%s", got)
	}
}

// Item 16: long texts are wrapped or shortened where it does not matter:
// the resume line keeps the progress, the paths on the results are whole,
// the area picker shows whole titles, the n/a error is whole.
func TestLongTextsKeepWhatMatters(t *testing.T) {
	q := testQuestionnaire()
	dir := t.TempDir()
	a := testAssessment(q)
	a.Organisation.Name = "Administration des services techniques de l'agriculture et du développement rural du pays"
	a.Answers["CTX-01"] = assessment.Lvl(1)
	if _, err := assessment.SaveDraft(dir, a); err != nil {
		t.Fatal(err)
	}
	m := New(Options{Questionnaire: q, StateDir: dir, Now: fixedNow})
	m = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m = send(t, m, runCmd(loadDraftsCmd(dir, q), time.Second)...)
	if got := screenText(m); !strings.Contains(got, "Resume (1 of 4 answered, saved") {
		t.Errorf("the resume line lost its progress:\n%s", got)
	}

	p := newQuestionModel(t, 80, 24, true)
	p = send(t, p, press("a"))
	if got := screenText(p); !strings.Contains(got, "Contextual factors and institutional models") {
		t.Errorf("the area picker cuts a title:\n%s", got)
	}
	p = send(t, p, press("esc"), press("right"), press("right"), press("n"), press("enter"))
	if got := strings.Join(strings.Fields(strings.ReplaceAll(screenText(p), "│", "")), " "); !strings.Contains(got, locale.For(locale.English).T("tui.question.reason_required")) {
		t.Errorf("the n/a error is cut:\n%s", screenText(p))
	}

	r := newQuestionModel(t, 80, 24, true)
	long := "/home/lead/Documents/assessments/digital-government/administration-des-services-techniques-2026-03-01.json"
	r.paths = publish.Paths{Report: long, Chart: long, Assessment: long}
	r.result = scoring.Score(r.q, r.a.Answers)
	if got := strings.ReplaceAll(strings.ReplaceAll(r.summaryContent(78), "\n", ""), " ", ""); !strings.Contains(got, long) {
		t.Errorf("a path is cut on the results:\n%s", r.summaryContent(78))
	}
}

// Issue 11 item 3: with a draft that cannot be written, the question
// screen says so at once, with the reason once, and offers to go on
// without drafts or to quit; nothing claims the answers are saved.
func TestSaveFailureIsSaidAtOnce(t *testing.T) {
	state := filepath.Join(t.TempDir(), "state")
	if err := os.WriteFile(state, []byte("not a folder"), 0o600); err != nil {
		t.Fatal(err)
	}
	q := testQuestionnaire()
	m := New(Options{Questionnaire: q, Assessment: testAssessment(q), StateDir: state, OutDir: "out", Now: fixedNow, NoColor: true})
	m = send(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m = send(t, m, press("2"))
	if m.overlay != overlaySaveFailed {
		t.Fatalf("a failed save is not said at once:\n%s", screenText(m))
	}
	got := screenText(m)
	if !strings.Contains(got, "Your answers cannot be saved as a draft") || !strings.Contains(got, "c continue without drafts") {
		t.Errorf("the dialog:\n%s", got)
	}
	if n := strings.Count(got, "save draft:"); n > 1 {
		t.Errorf("\"save draft:\" appears %d times:\n%s", n, got)
	}
	if m.DraftPath() != "" {
		t.Errorf("DraftPath() = %q although nothing was saved", m.DraftPath())
	}
	if _, cmd := m.Update(press("q")); !isQuit(cmd) {
		t.Error("q in the dialog does not quit")
	}
	m = send(t, m, press("c"))
	if m.overlay != overlayNone || !m.draftsOff {
		t.Fatal("c did not go on without drafts")
	}
	m = send(t, m, press("q"))
	if got := screenText(m); strings.Contains(got, "saved in the draft") || !strings.Contains(got, "Drafts are off in this run") {
		t.Errorf("the quit dialog claims a draft:\n%s", got)
	}
}

// Issue 11 item 7: typed and pasted text that the readers would refuse is
// refused at the prompt, saying why; what is saved reads back.
func TestTypedTextFollowsTheReadersPolicy(t *testing.T) {
	m := newFormModel(t, 80, 24)
	// (The field itself drops C0 controls such as ESC as they are pasted;
	// format characters pass it, and the policy refuses them.)
	m = sendFast(t, m, tea.PasteMsg{Content: "Evil\u202eOrg"})
	m = sendFast(t, m, press("enter"))
	if m.screen != screenForm || !strings.Contains(screenText(m), "U+202E") {
		t.Fatalf("a bidi control in the organisation was accepted (screen %s):\n%s", m.screen, screenText(m))
	}

	c := newQuestionModel(t, 80, 24, true)
	c = send(t, c, press("c"))
	c = send(t, c, tea.PasteMsg{Content: "fine\u202eevil"})
	c = send(t, c, press("enter"))
	if c.overlay != overlayComment || !strings.Contains(screenText(c), "U+202E") {
		t.Fatalf("a bidi control in a comment was accepted:\n%s", screenText(c))
	}
	for range len("evil") + 1 {
		c = send(t, c, press("backspace"))
	}
	c = send(t, c, press("enter"), press("2"))
	if err := c.flush(); err != nil {
		t.Fatal(err)
	}
	back, _, err := assessment.Load(c.DraftPath(), c.q)
	if err != nil {
		t.Fatalf("the draft written does not read back: %v", err)
	}
	if got := back.Answers["CTX-01"]; got.Comment != "fine" {
		t.Errorf("comment %q, want fine", got.Comment)
	}
}
