package assessment

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/internal/locale"
)

// workshopFile is one respondent's assessment of the Ministry of Examples
// with the test instrument, every question at level 2.
func workshopFile(t *testing.T, who string, edit func(*Assessment)) *Assessment {
	t.Helper()
	q := testQuestionnaire(t)
	a := New(q, Organisation{Name: "Ministry of Examples", Type: "ministry"}, Respondent{Name: who}, today, "en", "dgmaturity test")
	for _, x := range q.Questions {
		a.Answers[x.ID] = Lvl(2)
	}
	a.Complete = true
	if edit != nil {
		edit(a)
	}
	return a
}

// TestMergeSetRefuses checks the rules of which files may be merged: one
// organisation (by id when both give one, else by folded name), one
// questionnaire text, named respondents.
func TestMergeSetRefuses(t *testing.T) {
	q := testQuestionnaire(t)
	for _, tt := range []struct {
		name  string
		edit  func(*Assessment)
		field string
		words []string
	}{
		{"another PSO", func(a *Assessment) { a.Organisation.Name = "Agency of Elsewhere" }, "organisation", []string{"Agency of Elsewhere", "one organisation"}},
		{"other organisation ids", func(a *Assessment) { a.Organisation.ID = "REG-2" }, "", nil},
		{"another instrument", func(a *Assessment) { a.Questionnaire.ID = "other" }, "questionnaire.id", []string{"one questionnaire"}},
		{"another instrument version", func(a *Assessment) { a.Questionnaire.Version = "0.9.0" }, "questionnaire.version", []string{"version 0.9.0", "one questionnaire version"}},
		{"another instrument text", func(a *Assessment) { a.Questionnaire.SHA256 = strings.Repeat("0", 64) }, "questionnaire.sha256", []string{"another text"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var set MergeSet
			first := workshopFile(t, "Anne Schmit", nil)
			if tt.field == "" {
				// Both give an id, and the ids differ: another PSO,
				// whatever the names say.
				first.Organisation.ID = "REG-1"
				tt.field, tt.words = "organisation", []string{"REG-2", "one organisation"}
			}
			if err := set.Fits("a.json", first, q); err != nil {
				t.Fatal(err)
			}
			if err := set.Add("a.json", first); err != nil {
				t.Fatal(err)
			}
			err := set.Fits("b.json", workshopFile(t, "Bob Kieffer", tt.edit), q)
			e, ok := err.(*input.Error)
			if !ok || e.File != "b.json" || e.Field != tt.field {
				t.Fatalf("error %#v; want an input error on b.json, field %s", err, tt.field)
			}
			for _, w := range tt.words {
				if !strings.Contains(e.Why(nil), w) {
					t.Errorf("reason %q does not say %q", e.Why(nil), w)
				}
			}
			// In French, the reason is French: no English words of it.
			if fr := e.Why(locale.For(locale.French)); strings.Contains(fr, "merge needs") || strings.Contains(fr, "merge consolidates") || strings.Contains(fr, "was made") {
				t.Errorf("French reason %q", fr)
			}
		})
	}
}

func TestMergeSetSameOrganisationFolded(t *testing.T) {
	q := testQuestionnaire(t)
	var set MergeSet
	for i, a := range []*Assessment{
		workshopFile(t, "Anne Schmit", nil),
		workshopFile(t, "Bob Kieffer", func(a *Assessment) { a.Organisation.Name = "  ministry OF examples " }),
		// An id that only one file gives does not make another PSO.
		workshopFile(t, "Chloé Weber", func(a *Assessment) { a.Organisation.ID = "REG-1" }),
	} {
		if err := set.Fits("f.json", a, q); err != nil {
			t.Fatalf("file %d: %v", i, err)
		}
		if err := set.Add("f.json", a); err != nil {
			t.Fatalf("file %d: %v", i, err)
		}
	}
}

func TestMergeSetClaimsEachFileOnce(t *testing.T) {
	var set MergeSet
	if err := set.Claim("a.json"); err != nil {
		t.Fatal(err)
	}
	if err := set.Claim(filepath.Join(".", "x", "..", "a.json")); !input.IsBad(err) || !strings.Contains(err.Error(), "twice") {
		t.Errorf("the same file by another path: %v; want bad input saying twice", err)
	}
	if err := set.Claim("b.json"); err != nil {
		t.Errorf("another file: %v", err)
	}
}

func TestMergeSetInvalidFileNamed(t *testing.T) {
	var set MergeSet
	a := workshopFile(t, "Anne Schmit", func(a *Assessment) { a.Answers["NO-SUCH"] = Lvl(1) })
	err := set.Fits("a.json", a, testQuestionnaire(t))
	if !input.IsBad(err) || !strings.HasPrefix(err.Error(), "a.json") {
		t.Errorf("an answer to no question: %v; want bad input naming a.json", err)
	}
}

func TestMergeSetRespondents(t *testing.T) {
	var set MergeSet
	if err := set.Add("none.json", workshopFile(t, "x", func(a *Assessment) { a.Respondents = nil })); !input.IsBad(err) {
		t.Errorf("a file that names no respondent: %v; want bad input", err)
	}
	for _, f := range []struct{ path, who string }{{"a.json", "Anne Schmit"}, {"b.json", "Bob Kieffer"}, {"c.json", " anne  SCHMIT"}} {
		if err := set.Add(f.path, workshopFile(t, f.who, nil)); err != nil {
			t.Fatal(err)
		}
	}
	people, answers, repeats := set.Respondents()
	if len(people) != 3 || len(answers) != 3 {
		t.Errorf("%d respondents, %d answer sets; want 3 and 3 (a repeat is counted)", len(people), len(answers))
	}
	want := []Repeat{{Path: "c.json", Name: " anne  SCHMIT", First: "a.json"}}
	if diff := cmp.Diff(want, repeats); diff != "" {
		t.Errorf("repeats (-want +got):\n%s", diff)
	}
}

// TestRespondentAnswers checks that a file consolidated earlier gives back
// each respondent's own answers from its spread, so that it can be merged
// again with a late respondent.
func TestRespondentAnswers(t *testing.T) {
	two := []Answer{Lvl(1), {DontKnow: true}}
	a := &Assessment{
		Respondents: []Respondent{{Name: "A"}, {Name: "B"}},
		Answers:     map[string]Answer{"CTX-01": Lvl(1)},
		Spread:      map[string]Spread{"CTX-01": {Min: 1, Max: 1, Responses: two}, "CTX-02": {Min: 3, Max: 3, Responses: []Answer{{}, Lvl(3)}}},
	}
	got, err := respondentAnswers("c.json", a)
	if err != nil {
		t.Fatal(err)
	}
	want := []map[string]Answer{
		{"CTX-01": Lvl(1)},
		{"CTX-01": {DontKnow: true}, "CTX-02": Lvl(3)},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("answers (-want +got):\n%s", diff)
	}
	a.Spread["CTX-02"] = Spread{Responses: []Answer{{}}}
	if _, err := respondentAnswers("c.json", a); !input.IsBad(err) {
		t.Errorf("a spread of 1 response for 2 respondents: %v; want bad input", err)
	}
	a.Spread = nil
	if _, err := respondentAnswers("c.json", a); !input.IsBad(err) {
		t.Errorf("2 respondents without a spread: %v; want bad input", err)
	}
}
