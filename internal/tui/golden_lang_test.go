package tui

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

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
