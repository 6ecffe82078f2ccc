package tui

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/google/go-cmp/cmp"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/locale"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// releases returns the first and the newest built-in release.
func releases(t *testing.T) (old, cur *questionnaire.Questionnaire) {
	t.Helper()
	all := questionnaire.Releases()
	if len(all) < 2 {
		t.Skip("only one release is built in")
	}
	return all[0], all[len(all)-1]
}

// oldDraft saves a draft of release old in a new state folder: every
// question answered at level 1, with a comment, except the last one, which
// is left for the run; it returns the folder, the draft and its path.
func oldDraft(t *testing.T, old *questionnaire.Questionnaire, lang string) (string, *assessment.Assessment, string) {
	t.Helper()
	dir := t.TempDir()
	a := assessment.New(old, assessment.Organisation{Name: "Commune Exemple", Type: "municipality"},
		assessment.Respondent{Name: "A. Lead", Role: "Digital lead"}, "2025-11-03", lang, "dgmaturity 0.9")
	for _, q := range old.Questions[:len(old.Questions)-1] {
		ans := assessment.Lvl(1)
		ans.Comment = "seen in " + q.ID
		a.Answers[q.ID] = ans
	}
	path, err := assessment.SaveDraft(dir, a)
	if err != nil {
		t.Fatal(err)
	}
	return dir, a, path
}

// releaseModel is the run of the newest release in lang, on the start
// screen with the drafts of dir listed.
func releaseModel(t *testing.T, cur *questionnaire.Questionnaire, dir, lang string) Model {
	t.Helper()
	m := New(Options{Questionnaire: cur, Base: cur, Lang: lang, StateDir: dir, OutDir: filepath.Join(t.TempDir(), "out"),
		Tool: "dgmaturity test", Now: fixedNow, NoColor: true})
	m = sendFast(t, m, tea.WindowSizeMsg{Width: 80, Height: 24})
	m = sendFast(t, m, runCmd(loadDraftsCmd(dir, m.q), time.Second)...)
	if m.screen != screenResume {
		t.Fatalf("screen %s, want the resume list", m.screen)
	}
	return m
}

// finishRun answers every open question at level 1, then finishes with
// the default targets.
func finishRun(t *testing.T, m Model) Model {
	t.Helper()
	for i := 0; m.screen == screenQuestion && i < 200; i++ {
		m = sendFast(t, m, press("1"))
	}
	if m.screen != screenReview {
		t.Fatalf("screen %s after answering, want review:\n%s", m.screen, screenText(m))
	}
	m = send(t, m, press("f"))
	m = send(t, m, press("s"))
	if m.screen != screenResults {
		t.Fatalf("screen %s after finishing, want results; notice %q", m.screen, m.notice.text)
	}
	return m
}

func TestEarlierReleaseDraftIsListedAndAsks(t *testing.T) {
	old, cur := releases(t)
	dir, _, _ := oldDraft(t, old, "en")
	m := releaseModel(t, cur, dir, "en")
	got := screenText(m)
	if !strings.Contains(got, "> Release "+old.Version+" ("+strconv.Itoa(len(old.Questions)-1)+" answered, saved ") || !strings.Contains(got, "): Commune Exemple") {
		t.Errorf("the draft of release %s is not listed as such:\n%s", old.Version, got)
	}
	m = sendFast(t, m, press("enter"))
	got = screenText(m)
	for _, want := range []string{"Finish it in release " + old.Version, "Carry its answers into release " + cur.Version, "esc back"} {
		if !strings.Contains(got, want) {
			t.Errorf("the dialog lacks %q:\n%s", want, got)
		}
	}
	checkSize(t, m.View().Content, 80, 24)
	// esc leaves the dialog, the list stays.
	m = sendFast(t, m, press("esc"))
	if m.overlay != overlayNone || m.screen != screenResume {
		t.Errorf("esc: screen %s overlay %d, want the resume list", m.screen, m.overlay)
	}
}

func TestEarlierReleaseDraftFinishedInItsRelease(t *testing.T) {
	old, cur := releases(t)
	dir, _, path := oldDraft(t, old, "fr")
	m := releaseModel(t, cur, dir, "fr")
	m = send(t, m, press("enter"), press("1"))
	if m.screen != screenQuestion || m.q.Version != old.Version {
		t.Fatalf("screen %s with release %s, want a question of %s", m.screen, m.q.Version, old.Version)
	}
	if m.current != len(old.Questions)-1 {
		t.Errorf("landed on question %d, want %d (the first unanswered)", m.current, len(old.Questions)-1)
	}
	// Release 1.0.0 has no French translation: the run is wholly English,
	// and the notice says so.
	if _, err := old.Localized("fr"); err != nil && (m.lang != "en" || !strings.Contains(m.notice.text, "n'existe pas en français")) {
		t.Errorf("lang %s, notice %q: want English with the French notice", m.lang, m.notice.text)
	}
	if got := screenText(m); m.notice.text != "" && !strings.Contains(got, m.notice.text) {
		t.Errorf("the notice %q is not shown whole at 80x24:\n%s", m.notice.text, got)
	}
	if m.DraftPath() != path {
		t.Errorf("answers go to %q, want the old draft %q", m.DraftPath(), path)
	}
	m = finishRun(t, m)
	paths, _ := m.Paths()
	saved, _, err := assessment.Load(paths.Assessment, old)
	if err != nil {
		t.Fatal(err)
	}
	if saved.Questionnaire.Version != old.Version {
		t.Errorf("the assessment names release %s, want %s", saved.Questionnaire.Version, old.Version)
	}
	report, err := os.ReadFile(paths.Report)
	if err != nil {
		t.Fatal(err)
	}
	// The report speaks 1.0.0's words: a question only 1.0.0 has is in it.
	found := false
	for _, q := range old.Questions {
		if _, ok := cur.Question(q.ID); !ok && strings.Contains(string(report), q.ID) {
			found = true
			break
		}
	}
	if !found {
		t.Errorf("the report names no question that only release %s has", old.Version)
	}
	for _, r := range old.Recommendations {
		if nr, ok := recommendation(cur, r.ID); (!ok || nr.Title != r.Title) && strings.Contains(string(report), r.Title) {
			return
		}
	}
	t.Errorf("the report shows no recommendation title of release %s that %s lacks", old.Version, cur.Version)
}

func TestEarlierReleaseDraftCarriedIntoNewest(t *testing.T) {
	old, cur := releases(t)
	dir, a, path := oldDraft(t, old, "en")
	m := releaseModel(t, cur, dir, "en")
	m = send(t, m, press("enter"), press("down"), press("enter"))
	if m.screen != screenQuestion || m.q.Version != cur.Version || m.a.Questionnaire.Version != cur.Version {
		t.Fatalf("screen %s with release %s, want a question of %s", m.screen, m.q.Version, cur.Version)
	}
	want, _ := assessment.Carry(a.Answers, old, cur)
	if diff := cmp.Diff(want, m.a.Answers); diff != "" {
		t.Errorf("carried answers (-Carry +run):\n%s", diff)
	}
	for id, ans := range m.a.Answers {
		if ans.Comment != "seen in "+id {
			t.Errorf("%s: comment %q not kept", id, ans.Comment)
		}
	}
	// The first unanswered question of the new release.
	for i, q := range m.q.Questions {
		if _, ok := m.a.Answers[q.ID]; !ok {
			if m.current != i {
				t.Errorf("landed on question %d, want %d (%s, the first unanswered)", m.current, i, q.ID)
			}
			break
		}
	}
	changed := 0
	for _, q := range cur.Questions {
		if _, ok := old.Question(q.ID); !ok {
			changed++
		}
	}
	wantNotice := strconv.Itoa(len(want)) + " answers carried into " + cur.Version + "; new or changed questions: " + strconv.Itoa(changed) + "."
	if m.notice.text != wantNotice {
		t.Errorf("notice %q, want %q", m.notice.text, wantNotice)
	}
	if got := screenText(m); !strings.Contains(got, wantNotice) {
		t.Errorf("the notice is not shown whole at 80x24:\n%s", got)
	}
	checkSize(t, m.View().Content, 80, 24)
	newPath := m.DraftPath()
	if newPath == "" || newPath == path {
		t.Fatalf("the carried answers are saved to %q, want a new draft beside %q", newPath, path)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("the old draft is gone before the new one is finished: %v", err)
	}
	m = finishRun(t, m)
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Errorf("the old draft is still there after the new one was finished (%v)", err)
	}
	paths, _ := m.Paths()
	saved, _, err := assessment.Load(paths.Assessment, cur)
	if err != nil {
		t.Fatal(err)
	}
	if saved.Questionnaire.Version != cur.Version || saved.Organisation.Name != "Commune Exemple" || len(saved.Respondents) != 1 {
		t.Errorf("finished assessment: release %s, organisation %q, %d respondents", saved.Questionnaire.Version, saved.Organisation.Name, len(saved.Respondents))
	}
}

// recommendation returns the recommendation id of q.
func recommendation(q *questionnaire.Questionnaire, id string) (questionnaire.Recommendation, bool) {
	for _, r := range q.Recommendations {
		if r.ID == id {
			return r, true
		}
	}
	return questionnaire.Recommendation{}, false
}

// TestGoldenReleaseDialog pins the dialog about a draft of an earlier
// release at 80x24 in every language, with no English word of the
// program's in French or German.
func TestGoldenReleaseDialog(t *testing.T) {
	old, cur := releases(t)
	for _, lang := range locale.Supported {
		t.Run(string(lang), func(t *testing.T) {
			dir, _, _ := oldDraft(t, old, string(lang))
			m := releaseModel(t, cur, dir, string(lang))
			m = sendFast(t, m, press("enter"), press("down"))
			checkSize(t, m.View().Content, 80, 24)
			text := screenText(m)
			if lang != locale.English {
				check := strings.NewReplacer("dgmaturity", "", "Commune Exemple", "").Replace(text)
				var english []string
				for _, w := range englishWords.FindAllString(check, -1) {
					if !sharedWords[lang][w] {
						english = append(english, w)
					}
				}
				if len(english) > 0 {
					t.Errorf("English words %q in the %s dialog:\n%s", english, lang, text)
				}
			}
			golden(t, "release_"+string(lang)+"_80x24", text)
		})
	}
}

func TestEarlierReleaseOnlyOlderOfTheSameInstrument(t *testing.T) {
	old, cur := releases(t)
	ref := func(q *questionnaire.Questionnaire) assessment.QuestionnaireRef {
		return assessment.QuestionnaireRef{ID: q.ID, Version: q.Version, SHA256: q.Hash()}
	}
	if rel, ok := EarlierRelease(ref(old), cur); !ok || rel.Version != old.Version {
		t.Errorf("a %s draft in a %s run: %v, want release %s", old.Version, cur.Version, ok, old.Version)
	}
	if _, ok := EarlierRelease(ref(cur), old); ok {
		t.Errorf("a %s draft in a %s run (--release) is offered to be carried backwards", cur.Version, old.Version)
	}
	if _, ok := EarlierRelease(ref(old), testQuestionnaire()); ok {
		t.Error("a draft of the default instrument is offered to be carried into another instrument")
	}
}
