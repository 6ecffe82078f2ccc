package compare

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/scoring"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

var nan = math.NaN()

// rec builds a record whose every score is v (area 0 is ctx, NaN for "no
// score"), with the stage of v and the given recommendations.
func rec(q *questionnaire.Questionnaire, key, name, typ, date string, v, ctx float64, recs ...string) Record {
	fill := func(n int) []float64 {
		out := make([]float64, n)
		for i := range out {
			out[i] = v
		}
		return out
	}
	r := Record{
		File: key + "-" + date + ".json", Key: key, Name: name, Type: typ, Date: date,
		Instrument: assessment.QuestionnaireRef{ID: q.ID, Version: q.Version, SHA256: q.Hash()},
		Overall:    v, Stage: q.LevelName(int(v) / 20), Coverage: 1,
		Areas: fill(len(q.Areas)), Principles: fill(len(q.Principles)), Pillars: fill(len(q.Pillars)),
		Recommendations: recs,
	}
	if strings.HasPrefix(key, "id:") {
		r.OrgID = strings.TrimPrefix(key, "id:")
	}
	r.Areas[0] = ctx
	return r
}

// handSet is six PSOs, ten assessments, small enough to work out every
// statistic by hand (see the comments in TestSummariseByHand).
func handSet() *Set {
	q := handInstrument()
	return &Set{
		Instrument: q,
		Files:      10,
		Records: []Record{
			rec(q, "id:REG-ALPHA", "Alpha Agency", "agency", "2024-05-01", 30, 30, "REC-CTX-03"),
			rec(q, "id:REG-ALPHA", "Alpha Agency", "agency", "2025-05-01", 40, 40, "REC-CTX-03", "REC-CTX-04"),
			rec(q, "id:REG-BETA", "Beta Agency", "agency", "2024-06-01", 60, 60),
			rec(q, "id:REG-BETA", "Beta Agency", "agency", "2025-06-01", 60, 60, "REC-CTX-04", "REC-CTX-06"),
			rec(q, "id:REG-GAMMA", "Gamma Agency", "agency", "2025-03-01", 50, 50, "REC-CTX-01"),
			rec(q, "name:delta town", "Delta Town", "municipality", "2023-01-01", 25, 25),
			rec(q, "name:delta town", "Delta Town", "municipality", "2025-01-01", 20, 15, "REC-CTX-03"),
			rec(q, "name:epsilon town", "Epsilon Town", "municipality", "2025-02-01", 80, nan),
			rec(q, "name:zeta ministry", "Zeta Ministry", "ministry", "2025-04-01", 70, 70, "REC-CTX-06"),
		},
	}
}

// handInstrument is the release whose catalogue the hand-worked needs
// below refer to (REC-CTX-04 and -06 are not in later releases).
func handInstrument() *questionnaire.Questionnaire {
	q, ok := questionnaire.Release(questionnaire.DefaultID, "1.0.0", questionnaire.Releases()[0].Hash())
	if !ok {
		panic("release 1.0.0 is not embedded")
	}
	return q
}

var floats = cmpopts.EquateNaNs()

func TestSummariseByHand(t *testing.T) {
	s := Summarise(handSet(), Options{})
	q := handInstrument()

	if s.PSOs != 6 || s.Assessments != 9 || s.FirstDate != "2023-01-01" || s.LastDate != "2025-06-01" {
		t.Errorf("counts: %d PSOs, %d assessments, %s to %s; want 6, 9, 2023-01-01 to 2025-06-01", s.PSOs, s.Assessments, s.FirstDate, s.LastDate)
	}
	// Latest overall scores sorted: 20 40 50 60 70 80. Type 7 quartiles:
	// Q1 at h = 5·0.25 = 1.25: 40 + 0.25·(50−40) = 42.5; the median at 2.5:
	// 55; Q3 at 3.75: 60 + 0.75·(70−60) = 67.5; the mean 320/6.
	want := Dist{Summary: scoring.Summary{N: 6, Min: 20, Q1: 42.5, Median: 55, Q3: 67.5, Max: 80, Mean: 320.0 / 6}}
	if diff := cmp.Diff(want, s.Overall, floats); diff != "" {
		t.Errorf("overall distribution (-want +got):\n%s", diff)
	}
	// Context: Epsilon has no score; 15 40 50 60 70 → Q1 at h = 1: 40,
	// median 50, Q3 at h = 3: 60.
	want = Dist{ID: "context", Summary: scoring.Summary{N: 5, Min: 15, Q1: 40, Median: 50, Q3: 60, Max: 70, Mean: 235.0 / 5}}
	if diff := cmp.Diff(want, s.Areas[0], floats); diff != "" {
		t.Errorf("context distribution (-want +got):\n%s", diff)
	}
	// Stages of 20 40 50 60 70 80: Initial, Developing ×2, Established ×2, Leading.
	if s.Stages != [5]int{0, 1, 2, 2, 1} || s.Unstaged != 0 {
		t.Errorf("stages %v (%d unstaged); want [0 1 2 2 1]", s.Stages, s.Unstaged)
	}

	// Peer groups: agency 40 60 50 → 50; municipality 20 80 → 50 (context:
	// 15 only); ministry 70.
	gotGroups := map[string][2]float64{}
	for _, g := range s.Groups {
		gotGroups[g.Type] = [2]float64{g.Overall, g.Areas[0]}
	}
	wantGroups := map[string][2]float64{"agency": {50, 50}, "municipality": {50, 15}, "ministry": {70, 70}}
	if diff := cmp.Diff(wantGroups, gotGroups); diff != "" {
		t.Errorf("peer group medians (-want +got):\n%s", diff)
	}
	var order []string
	for _, g := range s.Groups {
		order = append(order, g.Type)
	}
	if diff := cmp.Diff([]string{"ministry", "agency", "municipality"}, order); diff != "" {
		t.Errorf("group order (-want +got):\n%s", diff)
	}

	// Needs: LUX-CTX-3 (REC-CTX-03, -04) for Alpha, Beta, Delta; LUX-CTX-1
	// for Gamma; the principle-only REC-CTX-06 for Beta and Zeta, last.
	wantNeeds := []Need{
		{Source: "LUX-CTX-3", PSOs: 3, Entries: []EntryNeed{{"REC-CTX-03", 2}, {"REC-CTX-04", 2}}},
		{Source: "LUX-CTX-1", PSOs: 1, Entries: []EntryNeed{{"REC-CTX-01", 1}}},
		{Source: "", PSOs: 2, Entries: []EntryNeed{{"REC-CTX-06", 2}}},
	}
	if diff := cmp.Diff(wantNeeds, s.Needs); diff != "" {
		t.Errorf("needs (-want +got):\n%s", diff)
	}

	// Changes: Alpha 30 → 40 (+10), Beta 60 → 60, Delta 25 → 20 (−5; its
	// context 25 → 15, −10). Median of −5, 0, +10: 0.
	wantChanges := []Change{
		{Label: "Alpha Agency", From: "2024-05-01", To: "2025-05-01", Overall: 40, Delta: 10},
		{Label: "Beta Agency", From: "2024-06-01", To: "2025-06-01", Overall: 60, Delta: 0},
		{Label: "Delta Town", From: "2023-01-01", To: "2025-01-01", Overall: 20, Delta: -5},
	}
	for i := range s.ChangeList {
		if i < len(wantChanges) {
			wantChanges[i].Areas = s.ChangeList[i].Areas
		}
	}
	if diff := cmp.Diff(wantChanges, s.ChangeList, floats); diff != "" {
		t.Errorf("changes (-want +got):\n%s", diff)
	}
	if len(s.ChangeList) == 3 {
		if got := s.ChangeList[0].Areas[0]; got != 10 {
			t.Errorf("Alpha's change in context %v; want 10", got)
		}
		if got := s.ChangeList[2].Areas[0]; got != -10 {
			t.Errorf("Delta's change in context %v; want -10", got)
		}
	}
	if diff := cmp.Diff(Changes{Improved: 1, Declined: 1, Steady: 1, Median: 0}, s.Changes, floats); diff != "" {
		t.Errorf("change summary (-want +got):\n%s", diff)
	}

	// Years: 2023 Delta 25; 2024 Alpha 30, Beta 60 → 45; 2025 all six.
	var years []string
	for _, y := range s.Years {
		years = append(years, fmt.Sprintf("%s %d/%d %v", y.Year, y.PSOs, y.Assessments, y.Overall))
	}
	if diff := cmp.Diff([]string{"2023 1/1 25", "2024 2/2 45", "2025 6/6 55"}, years); diff != "" {
		t.Errorf("years (-want +got):\n%s", diff)
	}

	// Every principle has the median 55; ties keep the instrument's order.
	// Below 50: the PSOs at 20 and 40.
	if len(s.Weakest) != WeakestShown {
		t.Fatalf("%d weakest principles; want %d", len(s.Weakest), WeakestShown)
	}
	for i, w := range s.Weakest {
		if w.ID != q.Principles[i].ID || w.Median != 55 || w.Below != 2 {
			t.Errorf("weakest[%d] = %s median %v below %d; want %s 55 2", i, w.ID, w.Median, w.Below, q.Principles[i].ID)
		}
	}

	// Labels are names; rows are every assessment by name and date.
	if len(s.Rows) != 9 || s.Rows[0].Label != "Alpha Agency" || s.Rows[8].Label != "Zeta Ministry" {
		t.Errorf("rows: %d, first %q, last %q", len(s.Rows), s.Rows[0].Label, s.Rows[len(s.Rows)-1].Label)
	}
	if len(s.Withheld) != 0 {
		t.Errorf("withheld %q; want nothing without --anonymise or --min-group", s.Withheld)
	}
}

func TestSummariseMinGroupWithholds(t *testing.T) {
	s := Summarise(handSet(), Options{MinGroup: 3})
	for _, g := range s.Groups {
		withheld := g.Type != "agency" // municipality 2, ministry 1
		if g.Withheld != withheld {
			t.Errorf("group %s (%d PSOs) withheld = %v; want %v", g.Type, g.PSOs, g.Withheld, withheld)
		}
		if g.Withheld && (!math.IsNaN(g.Overall) || !math.IsNaN(g.Areas[0])) {
			t.Errorf("withheld group %s still carries medians %v %v", g.Type, g.Overall, g.Areas)
		}
	}
	// 2023 (1 PSO) and 2024 (2 PSOs) are withheld, 2025 (6) is not.
	for _, y := range s.Years {
		if y.Withheld != (y.Year != "2025") {
			t.Errorf("year %s withheld = %v", y.Year, y.Withheld)
		}
	}
	if s.Changes.Withheld || s.Changes.Median != 0 {
		t.Errorf("3 changes with a minimum of 3: %+v; want the median shown", s.Changes)
	}
	if s.Overall.Withheld {
		t.Error("the overall distribution over 6 PSOs is withheld")
	}
	joined := strings.Join(s.Withheld, "\n")
	for _, want := range []string{`"municipality" has fewer than 3`, `"ministry" has fewer than 3`, "trend: 2023, 2024"} {
		if !strings.Contains(joined, want) {
			t.Errorf("withheld notes %q lack %q", joined, want)
		}
	}

	s = Summarise(handSet(), Options{MinGroup: 7})
	if !s.Overall.Withheld || s.Overall.N != 6 || !math.IsNaN(s.Overall.Median) {
		t.Errorf("overall over 6 PSOs with a minimum of 7: %+v; want withheld", s.Overall)
	}
	if len(s.Weakest) != 0 {
		t.Errorf("weakest principles shown although every distribution is withheld: %v", s.Weakest)
	}
	if !s.Changes.Withheld || !math.IsNaN(s.Changes.Median) {
		t.Errorf("changes %+v; want the median withheld", s.Changes)
	}
}

func TestSummariseAnonymised(t *testing.T) {
	set := handSet()
	s := Summarise(set, Options{Anonymise: true, MinGroup: 3})
	dump := fmt.Sprintf("%+v", *s)
	for _, r := range set.Records {
		for _, secret := range []string{r.Name, r.OrgID, r.File, strings.TrimPrefix(r.Key, "name:")} {
			if secret != "" && strings.Contains(dump, secret) {
				t.Errorf("anonymised summary holds %q", secret)
			}
		}
	}
	if got, want := s.PSOList[0].Label, "PSO-"; !strings.HasPrefix(got, want) {
		t.Errorf("label %q; want a pseudonym", got)
	}
	// Types are shown only for groups of at least 3: agency.
	for _, p := range s.PSOList {
		if p.Type != "" && p.Type != "agency" {
			t.Errorf("%s shows type %q of a group smaller than 3", p.Label, p.Type)
		}
	}
	for _, r := range s.Rows {
		if r.Type != "" && r.Type != "agency" {
			t.Errorf("row %s shows type %q of a group smaller than 3", r.Label, r.Type)
		}
	}
	if !strings.Contains(strings.Join(s.Withheld, " "), "pseudonym") {
		t.Errorf("withheld notes %q do not explain the pseudonyms", s.Withheld)
	}
}

func TestPseudonym(t *testing.T) {
	// Worked out with the shell: printf 'id:a1' | sha256sum, and
	// printf 'id:a1' | openssl dgst -sha256 -hmac s.
	for _, tt := range []struct{ key, salt, want string }{
		{"id:a1", "", "PSO-285512ee"},
		{"id:a1", "s", "PSO-b64fcfba"},
	} {
		if got := Pseudonym(tt.key, tt.salt); got != tt.want {
			t.Errorf("Pseudonym(%q, %q) = %q; want %q", tt.key, tt.salt, got, tt.want)
		}
		if got := Pseudonym(tt.key, tt.salt); len(got) != len("PSO-")+8 {
			t.Errorf("Pseudonym(%q) = %q; want 8 hex digits", tt.key, got)
		}
	}
	if Pseudonym("id:a1", "") == Pseudonym("id:a1", "s") {
		t.Error("the salt does not change the pseudonym")
	}
}

func TestOrganisationKeyAndSame(t *testing.T) {
	for _, tt := range []struct {
		a, b assessment.Organisation
		same bool
		key  string
	}{
		{assessment.Organisation{Name: "Ministry  of X"}, assessment.Organisation{Name: " ministry of x "}, true, "name:ministry of x"},
		{assessment.Organisation{Name: "X", ID: "R1"}, assessment.Organisation{Name: "Y", ID: "R1"}, true, "id:R1"},
		{assessment.Organisation{Name: "X", ID: "R1"}, assessment.Organisation{Name: "X", ID: "R2"}, false, "id:R1"},
		{assessment.Organisation{Name: "X", ID: "R1"}, assessment.Organisation{Name: "x"}, true, "id:R1"},
		{assessment.Organisation{Name: "X"}, assessment.Organisation{Name: "Y"}, false, "name:x"},
	} {
		if got := SameOrganisation(tt.a, tt.b); got != tt.same {
			t.Errorf("SameOrganisation(%+v, %+v) = %v", tt.a, tt.b, got)
		}
		if got := OrganisationKey(tt.a); got != tt.key {
			t.Errorf("OrganisationKey(%+v) = %q; want %q", tt.a, got, tt.key)
		}
	}
}
