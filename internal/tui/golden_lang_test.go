package tui

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/locale"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// newLocalizedModel returns a model of the default instrument in lang on
// its first question, every question answered but the first two (the
// second "don't know"), so that the review has gaps and the results have
// scores.
func newLocalizedModel(t *testing.T, lang locale.Tag, w, h int) Model {
	t.Helper()
	base := questionnaire.Default()
	a := assessment.New(base, assessment.Organisation{Name: "Agence Exemple", Type: "agency"},
		assessment.Respondent{Name: "A. Lead"}, testDate, string(lang), "dgmaturity test")
	for i, qu := range base.Questions {
		switch {
		case i == 1:
			a.Answers[qu.ID] = assessment.Answer{DontKnow: true}
		case i > 1:
			a.Answers[qu.ID] = assessment.Lvl(1 + i%3)
		}
	}
	m := New(Options{
		Questionnaire: base,
		Base:          base,
		Lang:          string(lang),
		Assessment:    a,
		StateDir:      t.TempDir(),
		OutDir:        "out",
		Tool:          "dgmaturity test",
		Now:           fixedNow,
		NoColor:       true,
	})
	// A fixed draft path, so that the quit dialog is stable.
	m.saver = newSaver("", "/home/lead/.local/state/dgmaturity/drafts/agence-exemple-"+testDate+".json")
	m.saver.save = func(string, *assessment.Assessment) error { return nil }
	return send(t, m, tea.WindowSizeMsg{Width: w, Height: h})
}

// englishWords are words of the program's English that must not show on
// a French or German screen (the instrument's texts are checked by the
// questionnaire package's completeness test).
var englishWords = regexp.MustCompile(`\b(?i:the|and|of|answered|answer|press|review|save|quit|help|level|areas?|targets?|results|summary|report|don't|know|not applicable|back|next|page|scroll|enter|esc|space|overall|score|finish|write|folder|comment|stop|move|switch|yes|pick)\b`)

// sharedWords are the words of englishWords that are also the language's
// own: French "page" and "score", the German key name "Esc".
var sharedWords = map[locale.Tag]map[string]bool{
	locale.French: {"page": true, "score": true},
	locale.German: {"Esc": true},
}

// TestGoldenViewsLocalized pins the main screens in French and German at
// 80x24, and checks at 80x24 and 120x40 that they fill the window and
// hold no English word of the program's.
func TestGoldenViewsLocalized(t *testing.T) {
	screens := []struct {
		name string
		keys []string
	}{
		{"question", []string{"down", "down"}},
		{"help", []string{"?"}},
		{"comment", []string{"2", "left", "c"}},
		{"areas", []string{"a"}},
		{"quit", []string{"q"}},
		{"review", []string{"r"}},
		{"finish", []string{"r", "f"}},
		{"targets", []string{"3", "r", "f", "down", "right"}},
		{"results", []string{"3", "2", "r", "f", "s"}},
	}
	for _, lang := range []locale.Tag{locale.French, locale.German} {
		for _, sc := range screens {
			for _, size := range [][2]int{{80, 24}, {120, 40}} {
				name := fmt.Sprintf("%s_%s_%dx%d", sc.name, lang, size[0], size[1])
				t.Run(name, func(t *testing.T) {
					t.Chdir(t.TempDir()) // the results write their files
					m := newLocalizedModel(t, lang, size[0], size[1])
					m = send(t, m, presses(sc.keys...)...)
					checkSize(t, m.View().Content, size[0], size[1])
					text := screenText(m)
					// Proper names and ids are allowed; the rest is checked.
					check := strings.NewReplacer("dgmaturity", "", "Agence Exemple", "", "A. Lead", "").Replace(text)
					var english []string
					for _, w := range englishWords.FindAllString(check, -1) {
						if !sharedWords[lang][w] {
							english = append(english, w)
						}
					}
					if len(english) > 0 {
						t.Errorf("English words %q on the %s screen:\n%s", english, lang, text)
					}
					if size == [2]int{80, 24} {
						golden(t, name, text)
					}
				})
			}
		}
	}
}

// TestPublishRefusalInLanguage finishes a French and a German run whose
// output folder is a file: the refusal comes from the real publish.Write
// and must read in the run's language, naming the path, with nothing
// written and no English word of the program's on the screen.
func TestPublishRefusalInLanguage(t *testing.T) {
	for _, lang := range []locale.Tag{locale.French, locale.German} {
		t.Run(string(lang), func(t *testing.T) {
			t.Chdir(t.TempDir())
			if err := os.WriteFile("out", []byte("a file, not a folder"), 0o644); err != nil {
				t.Fatal(err)
			}
			m := newLocalizedModel(t, lang, 120, 40)
			m = send(t, m, presses("3", "2", "r", "f", "s")...)
			if m.screen != screenReview || m.publishErr == nil {
				t.Fatalf("screen %s, error %v; want the review with the refusal", m.screen, m.publishErr)
			}
			text := screenText(m)
			if !strings.Contains(strings.Join(strings.Fields(text), " "), "out") {
				t.Errorf("the refusal does not name the folder:\n%s", text)
			}
			// The words above the list of answers: the questions below
			// may begin with French "Comment".
			top, _, _ := strings.Cut(text, "\n \n")
			check := strings.NewReplacer("dgmaturity", "", "Agence Exemple", "", "A. Lead", "").Replace(top)
			for _, w := range englishWords.FindAllString(check, -1) {
				if !sharedWords[lang][w] {
					t.Errorf("English word %q on the %s screen:\n%s", w, lang, top)
				}
			}
			if got, _ := os.ReadFile("out"); string(got) != "a file, not a folder" {
				t.Errorf("the file at the output folder's name now holds %q", got)
			}
		})
	}
}

// TestFormChoosesTheLanguage picks French on the start form of a run that
// started in German: the questions, the program's words and the
// assessment's language follow; a resumed French draft stays French.
func TestFormChoosesTheLanguage(t *testing.T) {
	base := questionnaire.Default()
	m := New(Options{Questionnaire: base, Base: base, Lang: "de", Tool: "dgmaturity test", Now: fixedNow})
	m = sendFast(t, m, tea.WindowSizeMsg{Width: 80, Height: 40})
	m = sendFast(t, m, runCmd(m.Init(), time.Second)...)
	if got := screenText(m); !strings.Contains(got, "Neue Bewertung") || !strings.Contains(got, "Sprache") {
		t.Fatalf("the form is not in German or does not ask the language:\n%s", got)
	}
	m = sendFast(t, m, tea.PasteMsg{Content: "Ministère Exemple"})
	m = sendFast(t, m, press("enter"), press("enter"), press("enter"), press("enter"))
	m = sendFast(t, m, press("left"), press("enter")) // Deutsch → Français
	if m.screen != screenQuestion {
		t.Fatalf("screen %s after the form:\n%s", m.screen, screenText(m))
	}
	if got := screenText(m); !strings.Contains(got, "Question 1 sur") || !strings.Contains(got, "Pas commencé") {
		t.Errorf("the run is not in French after the form:\n%s", got)
	}
	if m.a.Language != "fr" {
		t.Errorf("assessment language %q, want fr", m.a.Language)
	}

	// Resuming the French draft in a German run keeps French; with
	// --lang de (LangFixed) German wins.
	for _, fixed := range []bool{false, true} {
		r := New(Options{Questionnaire: base, Base: base, Lang: "de", LangFixed: fixed, Assessment: m.a, Tool: "dgmaturity test", Now: fixedNow})
		r = sendFast(t, r, tea.WindowSizeMsg{Width: 80, Height: 24})
		want := "Question 1 sur"
		if fixed {
			want = "Frage 1 von"
		}
		if got := screenText(r); !strings.Contains(got, want) {
			t.Errorf("resumed (fixed %v): want %q:\n%s", fixed, want, got)
		}
	}
}

// TestNoTranslationRunsInEnglish resumes a draft of release 1.0.0, which
// has no French text, in a French run: everything is English, and the
// notice says so in French.
func TestNoTranslationRunsInEnglish(t *testing.T) {
	var old *questionnaire.Questionnaire
	for _, r := range questionnaire.Releases() {
		if r.Version == "1.0.0" {
			old = r
		}
	}
	m := New(Options{Questionnaire: old, Base: old, Lang: "fr", Tool: "dgmaturity test", Now: fixedNow,
		Assessment: assessment.New(old, assessment.Organisation{Name: "Agence Exemple", Type: "agency"}, assessment.Respondent{}, testDate, "fr", "t")})
	m = sendFast(t, m, tea.WindowSizeMsg{Width: 100, Height: 30})
	got := screenText(m)
	if !strings.Contains(got, "Question 1 of") || !strings.Contains(got, "n'existe pas en français") || strings.Contains(got, "répondre") {
		t.Errorf("want English with the French notice:\n%s", got)
	}
}

// TestGoldenReportPreviewLocalized pins the report pane in French and
// German: the report in the assessment's language, glamour's chrome too.
func TestGoldenReportPreviewLocalized(t *testing.T) {
	for _, lang := range []locale.Tag{locale.French, locale.German} {
		t.Run(string(lang), func(t *testing.T) {
			t.Chdir(t.TempDir())
			m := newLocalizedModel(t, lang, 80, 24)
			m.absPath = func(dir string) (string, error) { return "/home/lead/" + dir, nil }
			m = send(t, m, presses("3", "2", "r", "f", "s", "tab", "pgdown")...)
			text := screenText(m)
			check := strings.NewReplacer("dgmaturity", "", "Agence Exemple", "").Replace(text)
			var english []string
			for _, w := range englishWords.FindAllString(check, -1) {
				if !sharedWords[lang][w] {
					english = append(english, w)
				}
			}
			if len(english) > 0 {
				t.Errorf("English words %q in the %s preview:\n%s", english, lang, text)
			}
			golden(t, "results_report_"+string(lang)+"_80x24", text)
		})
	}
}
