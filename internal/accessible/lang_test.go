package accessible

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// englishWords are words of the mode's English prompts; none may be left
// in a French or German run (the report's own words are checked by the
// reports package).
var englishWords = regexp.MustCompile(`\b(?i:the|and|answer|level|press|skip|saved|question \d+ of|stage|overall|report:|chart|assessment file|don't know|not applicable|organisation name|your name|your role)\b`)

// TestPipedRunInFrenchAndGerman runs the mode in French and German: the
// prompts, the messages and the summary are in the run's language, and the
// assessment records it.
func TestPipedRunInFrenchAndGerman(t *testing.T) {
	special := map[string][]string{
		"CTX-01": {"7", "x", "3", "stratégie"},
		"CTX-02": {"d", ""},
		"CTX-04": {"n", "3", ""},
		"SVC-12": {"n", "", "keine Nutzenden im Ausland", ""},
		"CTX-10": {"?", "4", ""},
	}
	wants := map[string][]string{
		"fr": {"Question 1 sur 52", "7 n'est pas un niveau", "«\u00a0x\u00a0» n'est pas une réponse ici.", "Stade\u00a0: En développement", "Rapport\u00a0: "},
		"de": {"Frage 1 von 52", "7 ist keine Stufe", "„x“ ist hier keine Antwort.", "Stufe: In Entwicklung", "Bericht: "},
	}
	for lang, want := range wants {
		t.Run(lang, func(t *testing.T) {
			q, err := questionnaire.Default().Localized(lang)
			if err != nil {
				t.Fatal(err)
			}
			var stdout bytes.Buffer
			paths, err := Run(context.Background(), strings.NewReader(script(q, special)), &stdout, Options{
				Questionnaire: q, Lang: lang, StateDir: t.TempDir(), OutDir: t.TempDir(), Tool: "dgmaturity test", Today: "2026-03-01",
			})
			if err != nil {
				t.Fatalf("Run: %v\n%s", err, stdout.String())
			}
			text := stdout.String()
			for _, w := range want {
				if !strings.Contains(text, w) {
					t.Errorf("output lacks %q", w)
				}
			}
			// The instrument's own texts are checked elsewhere; here the
			// lines the mode writes around them.
			var own []string
			for _, l := range strings.Split(text, "\n") {
				if strings.HasPrefix(l, "  ") || strings.Contains(l, "?") && !strings.Contains(l, "0") {
					continue // a level statement or a question's text
				}
				own = append(own, l)
			}
			if w := englishWords.FindAllString(strings.Join(own, "\n"), -1); len(w) > 0 {
				t.Errorf("English words %q in the %s run:\n%s", w, lang, strings.Join(own, "\n"))
			}
			a, _, err := assessment.Load(paths.Assessment, questionnaire.Default())
			if err != nil {
				t.Fatal(err)
			}
			if a.Language != lang {
				t.Errorf("assessment language %q, want %q", a.Language, lang)
			}
		})
	}
}
