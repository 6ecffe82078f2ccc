package questionnaire

import (
	"fmt"
	"strings"
	"testing"
)

// sameAsEnglish lists, per language, the texts a translation may leave
// identical to the English instrument: proper names and labels that read
// the same in both languages. Anything else equal to the English text is
// an untranslated (or missing) text. Keep these lists short and explicit.
var sameAsEnglish = map[string][]string{
	"de": {},
}

// TestTranslationsComplete checks that every shipped translation gives
// every text of the default instrument in its language: the title,
// description, scale, and each pillar, principle, area, source, question
// (text, help, evidence, five levels) and recommendation (title, text, every
// step). A text that is missing falls back to English, so "equal to the
// English text" catches both missing and untranslated texts.
func TestTranslationsComplete(t *testing.T) {
	ts, err := embeddedTranslations()
	if err != nil {
		t.Fatal(err)
	}
	q := Default()
	seen := map[string]bool{}
	for _, tr := range ts {
		seen[tr.Language] = true
		t.Run(tr.Language, func(t *testing.T) {
			if err := tr.Check(q); err != nil {
				t.Fatalf("Check: %v", err)
			}
			allowed := map[string]bool{}
			for _, s := range sameAsEnglish[tr.Language] {
				allowed[s] = true
			}
			for _, p := range untranslated(q, Translate(q, tr), allowed) {
				t.Errorf("%s: not translated into %s", p, tr.Language)
			}
		})
	}
	// The languages the tool promises must be shipped.
	for _, lang := range []string{"de"} {
		if !seen[lang] {
			t.Errorf("no translations/%s.yaml is embedded", lang)
		}
	}
}

// untranslated lists the paths of the texts of tr that are empty or equal
// to the same text of q (unless allowed).
func untranslated(q, tr *Questionnaire, allowed map[string]bool) []string {
	var out []string
	check := func(path, en, got string) {
		if strings.TrimSpace(got) == "" || (got == en && !allowed[en]) {
			out = append(out, path)
		}
	}
	check("title", q.Title, tr.Title)
	check("description", q.Description, tr.Description)
	for i, l := range q.Scale {
		check(fmt.Sprintf("scale[%d].name", i), l.Name, tr.Scale[i].Name)
		check(fmt.Sprintf("scale[%d].summary", i), l.Summary, tr.Scale[i].Summary)
	}
	for i, p := range q.Pillars {
		check(p.ID+".title", p.Title, tr.Pillars[i].Title)
	}
	for i, p := range q.Principles {
		x := tr.Principles[i]
		check(p.ID+".title", p.Title, x.Title)
		check(p.ID+".short", p.Short, x.Short)
		check(p.ID+".summary", p.Summary, x.Summary)
	}
	for i, a := range q.Areas {
		x := tr.Areas[i]
		check(a.ID+".title", a.Title, x.Title)
		check(a.ID+".short", a.Short, x.Short)
		check(a.ID+".summary", a.Summary, x.Summary)
	}
	for i, s := range q.Sources {
		check(s.ID+".text", s.Text, tr.Sources[i].Text)
	}
	for i, qu := range q.Questions {
		x := tr.Questions[i]
		check(qu.ID+".text", qu.Text, x.Text)
		check(qu.ID+".help", qu.Help, x.Help)
		check(qu.ID+".evidence", qu.Evidence, x.Evidence)
		for j, l := range qu.Levels {
			check(fmt.Sprintf("%s.levels[%d]", qu.ID, j), l, x.Levels[j])
		}
	}
	for i, r := range q.Recommendations {
		x := tr.Recommendations[i]
		check(r.ID+".title", r.Title, x.Title)
		check(r.ID+".text", r.Text, x.Text)
		for j, s := range r.Steps {
			check(fmt.Sprintf("%s.steps[%d]", r.ID, j), s.Text, x.Steps[j].Text)
		}
	}
	return out
}

// TestUntranslatedCatchesFallback checks that the completeness check
// fails for a text left out of a translation (it falls back to English),
// so TestTranslationsComplete cannot pass vacuously.
func TestUntranslatedCatchesFallback(t *testing.T) {
	q := mustLoad(t, "testdata/minimal.yaml")
	tr := mustTranslation(t, "testdata/fr.yaml")
	got := untranslated(q, Translate(q, tr), nil)
	want := map[string]bool{"P1.summary": true, "description": true, "Q-01.help": true}
	found := map[string]bool{}
	for _, p := range got {
		found[p] = true
	}
	for p := range want {
		if !found[p] {
			t.Errorf("untranslated misses %s (the fallback to English); got %v", p, got)
		}
	}
	if found["title"] || found["Q-01.text"] {
		t.Errorf("untranslated lists translated texts: %v", got)
	}
}
