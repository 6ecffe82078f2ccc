package questionnaire

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/dgmaturity/dgmaturity/internal/testlang"
)

// sameAsEnglish lists, per language, the texts a translation may leave
// identical to the English original because they are spelled the same in
// both languages. Keep it short: every entry is a text a reader sees.
var sameAsEnglish = map[string][]string{
	"fr": {
		"Initial", // level 1 of the scale: the French word is the English one
	},
	"de": {},
}

// englishWord finds English words left in a translated text (the check
// every translation test shares).
var englishWord = testlang.EnglishWord

// TestTranslationsComplete checks that every shipped translation gives every
// text of the default instrument, with all five levels of every question and
// every step of every recommendation, and that no translated text is left
// in English (identical to the original, or with English words in it).
func TestTranslationsComplete(t *testing.T) {
	ts, err := embeddedTranslations()
	if err != nil {
		t.Fatal(err)
	}
	// French and German are shipped, complete: a missing file fails.
	for _, lang := range []string{"fr", "de"} {
		if !slices.ContainsFunc(ts, func(tr *Translation) bool { return tr.Language == lang }) {
			t.Errorf("no %s translation shipped", lang)
		}
	}
	q := Default()
	for _, tr := range ts {
		t.Run(tr.Language, func(t *testing.T) {
			for _, p := range incomplete(q, tr) {
				t.Error(p)
			}
		})
	}
}

// incomplete lists what tr leaves missing or in English, one line per text.
func incomplete(q *Questionnaire, tr *Translation) []string {
	var out []string
	allowed := sameAsEnglish[tr.Language]
	check := func(where, en, got string) {
		switch {
		case en == "": // nothing to translate
		case strings.TrimSpace(got) == "":
			out = append(out, where+": missing")
		case got == en && !slices.Contains(allowed, got):
			out = append(out, fmt.Sprintf("%s: left in English: %q", where, got))
		case englishWord.MatchString(got):
			out = append(out, fmt.Sprintf("%s: English word %q in %q", where, englishWord.FindString(got), got))
		}
	}
	list := func(where string, en, got []string) {
		if len(got) != len(en) {
			out = append(out, fmt.Sprintf("%s: %d texts, the original has %d", where, len(got), len(en)))
			return
		}
		for i := range en {
			check(fmt.Sprintf("%s[%d]", where, i), en[i], got[i])
		}
	}
	check("title", q.Title, tr.Title)
	check("description", q.Description, tr.Description)
	if len(tr.Scale) != len(q.Scale) {
		out = append(out, fmt.Sprintf("scale: %d levels, the original has %d", len(tr.Scale), len(q.Scale)))
	} else {
		for i, l := range q.Scale {
			check(fmt.Sprintf("scale[%d].name", i), l.Name, tr.Scale[i].Name)
			check(fmt.Sprintf("scale[%d].summary", i), l.Summary, tr.Scale[i].Summary)
		}
	}
	x := func(id string) Text { return tr.Texts[id] }
	for _, p := range q.Pillars {
		check(p.ID+".title", p.Title, x(p.ID).Title)
	}
	for _, p := range q.Principles {
		check(p.ID+".title", p.Title, x(p.ID).Title)
		check(p.ID+".short", p.Short, x(p.ID).Short)
		check(p.ID+".summary", p.Summary, x(p.ID).Summary)
	}
	for _, a := range q.Areas {
		check(a.ID+".title", a.Title, x(a.ID).Title)
		check(a.ID+".short", a.Short, x(a.ID).Short)
		check(a.ID+".summary", a.Summary, x(a.ID).Summary)
	}
	for _, s := range q.Sources {
		check(s.ID+".text", s.Text, x(s.ID).Text)
	}
	for _, qu := range q.Questions {
		check(qu.ID+".text", qu.Text, x(qu.ID).Text)
		check(qu.ID+".help", qu.Help, x(qu.ID).Help)
		check(qu.ID+".evidence", qu.Evidence, x(qu.ID).Evidence)
		list(qu.ID+".levels", qu.Levels, x(qu.ID).Levels)
	}
	for _, r := range q.Recommendations {
		check(r.ID+".title", r.Title, x(r.ID).Title)
		check(r.ID+".text", r.Text, x(r.ID).Text)
		steps := make([]string, len(r.Steps))
		for i, s := range r.Steps {
			steps[i] = s.Text
		}
		list(r.ID+".steps", steps, x(r.ID).Steps)
	}
	return out
}

// TestIncomplete checks that the completeness check finds what it should:
// a missing text, a text left in English, an English word, a wrong count.
func TestIncomplete(t *testing.T) {
	q := mustLoad(t, "testdata/minimal.yaml")
	tr := mustTranslation(t, "testdata/fr.yaml")
	got := strings.Join(incomplete(q, tr), "\n")
	for _, want := range []string{
		"S-2.text: missing",                        // not translated at all
		"P1.summary: missing",                      // Translate falls back to English
		"Q-02.levels: 0 texts, the original has 5", // no levels given
		"R-02.steps: 0 texts, the original has",    // no steps given
	} {
		if !strings.Contains(got, want) {
			t.Errorf("incomplete(minimal, fr) does not report %q; it reports:\n%s", want, got)
		}
	}
	tr.Texts["data"] = Text{Title: q.Areas[0].Title}
	if got := strings.Join(incomplete(q, tr), "\n"); !strings.Contains(got, fmt.Sprintf("data.title: left in English: %q", q.Areas[0].Title)) {
		t.Errorf("a text identical to the English one is not reported:\n%s", got)
	}
	tr.Texts["P1"] = Text{Title: "Premier principe", Short: "Premier", Summary: "The first principle, en français."}
	if got := strings.Join(incomplete(q, tr), "\n"); !strings.Contains(got, `P1.summary: English word "The"`) {
		t.Errorf("an English word in a French text is not reported:\n%s", got)
	}
}
