package compare

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/internal/scoring"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// finished returns a complete, scored assessment answering every question
// with level.
func finished(q *questionnaire.Questionnaire, name, id, typ, date string, level int) *assessment.Assessment {
	a := assessment.New(q, assessment.Organisation{Name: name, ID: id, Type: typ},
		assessment.Respondent{Name: "Resp " + name, Role: "Lead"}, date, "en", "dgmaturity test")
	for _, qu := range q.Questions {
		ans := assessment.Lvl(level)
		ans.Comment = "comment of " + name
		a.Answers[qu.ID] = ans
	}
	r := scoring.Score(q, a.Answers)
	a.Scores = r.Stored()
	a.Recommendations = r.RecommendationIDs()
	a.Complete = true
	return a
}

func save(t *testing.T, path string, a *assessment.Assessment) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := assessment.Save(path, a); err != nil {
		t.Fatal(err)
	}
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestLoadMixedFolder(t *testing.T) {
	q := questionnaire.Default()
	root := t.TempDir()
	dir := filepath.Join(root, "in")
	p := func(parts ...string) string { return filepath.Join(append([]string{dir}, parts...)...) }

	save(t, p("a.json"), finished(q, "Alpha Agency", "R1", "agency", "2025-01-10", 2))
	// Without its id, under another spelling: still Alpha.
	save(t, p("sub", "b.json"), finished(q, "alpha  AGENCY", "", "agency", "2024-01-10", 1))
	beta := finished(q, "Beta Town", "", "municipality", "2025-02-01", 3)
	save(t, p("c.json"), beta)
	save(t, p("copy", "c.json"), beta) // a copy: counted once
	edited := finished(q, "Gamma Ministry", "", "ministry", "2025-03-01", 4)
	edited.Scores.Overall = 12.3
	save(t, filepath.Join(root, "gamma.assessment"), edited) // named explicitly, any extension
	draft := finished(q, "Draft Office", "", "other", "2025-01-01", 2)
	draft.Complete = false
	save(t, p("draft.json"), draft)
	other := finished(q, "Other Instrument", "", "agency", "2025-01-01", 2)
	other.Questionnaire.ID = "another-instrument"
	save(t, p("other.json"), other)
	// Another version: three questions it lacks, one the version in use lacks.
	old := finished(q, "Delta Agency", "", "agency", "2023-05-05", 2)
	old.Questionnaire.Version = "0.9.0"
	old.Questionnaire.SHA256 = strings.Repeat("ab", 32)
	for _, qu := range q.Questions[:3] {
		delete(old.Answers, qu.ID)
	}
	old.Answers["OLD-99"] = assessment.Lvl(0)
	save(t, p("old.json"), old)
	write(t, p("broken.json"), `{"schema": "dgmaturity/assessment/v1",`)
	write(t, p("notes.txt"), "not an assessment, not read")
	write(t, p(".hidden", "x.json"), "{ not read either")

	missing := filepath.Join(root, "missing.json")
	set := Load([]string{dir, filepath.Join(root, "gamma.assessment"), missing}, q, LoadOptions{Workers: 3})

	var probs []string
	for _, pr := range set.Problems {
		probs = append(probs, filepath.Base(pr.File))
	}
	if diff := cmp.Diff([]string{"broken.json", "draft.json", "missing.json", "other.json"}, sorted(probs)); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	for _, pr := range set.Problems {
		for _, l := range pr.Lines() {
			if !strings.HasPrefix(l, pr.File+":") {
				t.Errorf("problem line %q does not start with its file", l)
			}
		}
	}
	// a, sub/b, c, copy/c, draft, other, old, broken, gamma and missing.
	if set.Files != 10 {
		t.Errorf("files considered: %d; want 10", set.Files)
	}
	if diff := cmp.Diff([]Duplicate{{File: p("c.json"), Kept: p("copy", "c.json")}}, set.Duplicates); diff != "" {
		t.Errorf("duplicates (-want +got):\n%s", diff)
	}

	type got struct {
		Key, Date      string
		Overall        float64
		Other, Edited  bool
		Lacking        int
		Coverage       float64
		Recommendation bool
	}
	var gots []got
	for _, r := range set.Records {
		gots = append(gots, got{r.Key, r.Date, r.Overall, r.OtherVersion, r.StoredDiffers, r.Lacking, r.Coverage, len(r.Recommendations) > 0})
	}
	want := []got{
		{"id:R1", "2024-01-10", 25, false, false, 0, 1, true},
		{"id:R1", "2025-01-10", 50, false, false, 0, 1, true},
		{"name:beta town", "2025-02-01", 75, false, false, 0, 1, false},
		// Scored on the 45 shared questions, all at level 2: 50, full evidence.
		{"name:delta agency", "2023-05-05", 50, true, false, 3, 1, true},
		{"name:gamma ministry", "2025-03-01", 100, false, true, 0, 1, false},
	}
	if diff := cmp.Diff(want, gots); diff != "" {
		t.Errorf("records (-want +got):\n%s", diff)
	}
}

func sorted(ss []string) []string {
	sort.Strings(ss)
	return ss
}

func TestLoadIsStableAcrossWorkers(t *testing.T) {
	q := questionnaire.Default()
	dir := t.TempDir()
	for i, name := range []string{"One", "Two", "Three", "Four", "Five", "Six", "Seven"} {
		save(t, filepath.Join(dir, name+".json"), finished(q, name+" Agency", "", "agency", "2025-01-0"+string(rune('1'+i)), i%5))
	}
	a := Load([]string{dir}, q, LoadOptions{Workers: 1})
	var calls, last int
	b := Load([]string{dir}, q, LoadOptions{Workers: 4, Progress: func(done, total int) { calls++; last = done; _ = total }})
	if diff := cmp.Diff(a.Records, b.Records, floats); diff != "" {
		t.Errorf("1 and 4 workers differ (-1 +4):\n%s", diff)
	}
	if calls != 7 || last != 7 {
		t.Errorf("progress called %d times, last with %d; want 7, 7", calls, last)
	}
}

func TestProblemLines(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want []string
	}{
		{errors.New("boom"), []string{"f.json: boom"}},
		{&input.Error{File: "f.json", Line: 3, Field: "date", Reason: "bad"}, []string{"f.json:3: date: bad"}},
		{input.Errors{{Field: "a", Reason: "x"}, {File: "f.json", Reason: "y"}}, []string{"f.json: a: x", "f.json: y"}},
	} {
		if diff := cmp.Diff(tt.want, Problem{File: "f.json", Err: tt.err}.Lines()); diff != "" {
			t.Errorf("Lines of %v (-want +got):\n%s", tt.err, diff)
		}
	}
}

func TestDedupePrefersMoreRespondents(t *testing.T) {
	recs := []Record{
		{Key: "k", Date: "2025-01-01", File: "a.json", Respondents: 1},
		{Key: "k", Date: "2025-01-01", File: "b-consolidated.json", Respondents: 3},
		{Key: "k", Date: "2025-01-01", File: "c.json", Respondents: 1},
		{Key: "k", Date: "2025-02-01", File: "d.json", Respondents: 1},
		{Key: "l", Date: "2025-01-01", File: "e.json", Respondents: 1},
		{Key: "l", Date: "2025-01-01", File: "f.json", Respondents: 1},
	}
	got, dups := dedupe(recs)
	var files []string
	for _, r := range got {
		files = append(files, r.File)
	}
	if diff := cmp.Diff([]string{"b-consolidated.json", "d.json", "f.json"}, files); diff != "" {
		t.Errorf("kept (-want +got):\n%s", diff)
	}
	want := []Duplicate{{"a.json", "b-consolidated.json"}, {"c.json", "b-consolidated.json"}, {"e.json", "f.json"}}
	if diff := cmp.Diff(want, dups); diff != "" {
		t.Errorf("duplicates (-want +got):\n%s", diff)
	}
}

// TestNeedsUseTheStagedModel checks what a PSO "needs" in the comparison:
// the recommendations addressing a question below the default target (3),
// whatever targets the PSO chose, and only those that serve its type.
func TestNeedsUseTheStagedModel(t *testing.T) {
	q := handInstrument() // the entries named below are 1.0.0's
	dir := t.TempDir()
	town := finished(q, "Town", "", "municipality", "2025-01-10", 2)
	agency := finished(q, "Agency", "", "agency", "2025-01-10", 3)
	agency.Targets = &assessment.Targets{Default: 4} // its own aim does not change its needs
	oneGap := finished(q, "Office", "", "other", "2025-01-10", 3)
	oneGap.Answers["POL-04"] = assessment.Lvl(1)
	save(t, filepath.Join(dir, "town.json"), town)
	save(t, filepath.Join(dir, "agency.json"), agency)
	save(t, filepath.Join(dir, "office.json"), oneGap)
	set := Load([]string{dir}, q, LoadOptions{})
	needs := map[string][]string{}
	for _, r := range set.Records {
		needs[r.Name] = r.Recommendations
	}
	if n := len(needs["Agency"]); n != 0 {
		t.Errorf("an agency at level 3 everywhere needs %d recommendations, want none", n)
	}
	if got := sorted(needs["Office"]); !slices.Equal(got, []string{"REC-POL-01", "REC-POL-05"}) {
		t.Errorf("one gap on POL-04 needs %v, want the recommendations addressing it", got)
	}
	if len(needs["Town"]) < 40 || slices.Contains(needs["Town"], "REC-POL-05") {
		t.Errorf("a town at level 2 needs %v: want most of the catalogue, but not CTIE reporting", needs["Town"])
	}
}
