package scoring

import (
	"testing"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

type C = questionnaire.Condition

func rec(id string, weight float64, any, all []C) questionnaire.Recommendation {
	return questionnaire.Recommendation{ID: id, Weight: weight, When: questionnaire.Trigger{Any: any, All: all}}
}

// matchCatalogue is scored against answersA, whose scores are worked out in
// TestScoreWorkedExample: P3 33.33, P5 25, P7 100, context 50, data 37.5,
// openness 42.86, governance 50, overall 43.75; CTX-01 level 4, CTX-02
// level 1, CTX-03 N/A, DATA-01 don't know, DATA-02 level 4, DATA-03 level 2,
// DATA-04 unanswered. The ids are out of order on purpose.
func matchCatalogue() []questionnaire.Recommendation {
	return []questionnaire.Recommendation{
		// P7 100 < 101: gap 1 → Low. P7 has no Short: label uses the Title.
		rec("REC-P7", 0, []C{{Principle: "P7", Below: f64(101)}}, nil),
		// CTX-02 25 points < 50: gap 25 → Medium.
		rec("REC-Q-BELOW", 0, []C{{Question: "CTX-02", Below: f64(50)}}, nil),
		// All hold: P5 25 < 50 (gap 25) and DATA-03 level 2 ≤ 2 (gap (2−2+1)·25 = 25) → 25 Medium.
		rec("REC-ALL", 0, nil, []C{{Principle: "P5", Below: f64(50)}, {Question: "DATA-03", AtMost: i(2)}}),
		// DATA-03 level 2 > 1: the All fails.
		rec("REC-ALL-FAIL", 0, nil, []C{{Principle: "P5", Below: f64(50)}, {Question: "DATA-03", AtMost: i(1)}}),
		// P3 33.33 < 50: gap 16.67 → Medium.
		rec("REC-P-BELOW", 0, []C{{Principle: "P3", Below: f64(50)}}, nil),
		// P3 33.33 is not below 30.
		rec("REC-P-NOT", 0, []C{{Principle: "P3", Below: f64(30)}}, nil),
		// data 37.5 < 40: gap 2.5 → Low.
		rec("REC-AREA", 0, []C{{Area: "data", Below: f64(40)}}, nil),
		// governance 50 is not below 50; nor is context 50, overall 43.75
		// below 43.75, or CTX-01 100 points below 100.
		rec("REC-PILLAR", 0, []C{{Pillar: "governance", Below: f64(50)}}, nil),
		rec("REC-AREA-NOT", 0, []C{{Area: "context", Below: f64(50)}}, nil),
		rec("REC-OVERALL-NOT", 0, []C{{Overall: true, Below: f64(43.75)}}, nil),
		rec("REC-Q-BELOW-NOT", 0, []C{{Question: "CTX-01", Below: f64(100)}}, nil),
		// openness 42.857 < 50: gap 7.14 → Low.
		rec("REC-PILLAR-YES", 0, []C{{Pillar: "openness", Below: f64(50)}}, nil),
		// overall 43.75 < 60: gap 16.25, weight 2 → 32.5 → High.
		rec("REC-OVERALL", 2, []C{{Overall: true, Below: f64(60)}}, nil),
		// CTX-02 level 1 ≤ 1: gap (1−1+1)·25 = 25 → Medium.
		rec("REC-Q-AT", 0, []C{{Question: "CTX-02", AtMost: i(1)}}, nil),
		// DATA-01 don't know counts as 0 ≤ 1: gap (1−0+1)·25 = 50 → High.
		rec("REC-Q-DK", 0, []C{{Question: "DATA-01", AtMost: i(1)}}, nil),
		// DATA-01 don't know, 0 < 10: gap 10, weight 0.5 → 5 → Low.
		rec("REC-Q-DK-BELOW", 0.5, []C{{Question: "DATA-01", Below: f64(10)}}, nil),
		// N/A and unanswered never hold; level 4 > 3.
		rec("REC-Q-NA", 0, []C{{Question: "CTX-03", AtMost: i(4)}}, nil),
		rec("REC-Q-UNANS", 0, []C{{Question: "DATA-04", AtMost: i(4)}}, nil),
		rec("REC-Q-HIGH", 0, []C{{Question: "CTX-01", AtMost: i(3)}}, nil),
		// Any: P7 100 is not below 50, context 50 < 55 holds (gap 5); All:
		// DATA-02 level 4 ≤ 4 (gap 25) → 25 Medium; fired: context, DATA-02.
		rec("REC-ANYALL", 0, []C{{Principle: "P7", Below: f64(50)}, {Area: "context", Below: f64(55)}},
			[]C{{Question: "DATA-02", AtMost: i(4)}}),
		// Any holds, All does not.
		rec("REC-ANYALL-FAIL", 0, []C{{Area: "context", Below: f64(55)}}, []C{{Question: "DATA-02", AtMost: i(3)}}),
		// No condition of Any holds.
		rec("REC-ANY-NONE", 0, []C{{Principle: "P7", Below: f64(50)}, {Question: "CTX-03", AtMost: i(2)}}, nil),
		// Never: empty trigger, unknown subject, at_most on an area, no comparator.
		rec("REC-EMPTY", 0, nil, nil),
		rec("REC-UNKNOWN", 0, []C{{Principle: "P99", Below: f64(50)}, {Question: "NOPE-01", AtMost: i(4)}}, nil),
		rec("REC-AREA-ATMOST", 0, []C{{Area: "data", AtMost: i(4)}}, nil),
		rec("REC-NO-COMPARATOR", 0, []C{{Principle: "P3"}}, nil),
	}
}

// matchView is what the test compares of a Match.
type matchView struct {
	ID       string
	Priority float64
	Band     string
	Fired    []firedView
}

type firedView struct {
	Label               string
	Measured, Threshold float64
	Gap                 float64
	Text                string
}

func view(ms []Match) []matchView {
	var out []matchView
	for _, m := range ms {
		v := matchView{ID: m.Recommendation.ID, Priority: m.Priority, Band: m.Band}
		for _, f := range m.Fired {
			v.Fired = append(v.Fired, firedView{f.Label, f.Measured, f.Threshold, f.Gap, f.Text})
		}
		out = append(out, v)
	}
	return out
}

func TestMatches(t *testing.T) {
	q := testQuestionnaire(matchCatalogue()...)
	r := Score(q, answersA())
	// Sorted by priority, highest first; ties (the four at 25) by id.
	want := []matchView{
		{"REC-Q-DK", 50, "High", []firedView{
			{"DATA-01", 0, 1, 50, "DATA-01 answered don't know (counts as 0), at most 1"}}},
		{"REC-OVERALL", 32.5, "High", []firedView{
			{"Overall", 43.75, 60, 16.25, "Overall scored 43.8, below 60"}}},
		{"REC-ALL", 25, "Medium", []firedView{
			{"P5 Leadership", 25, 50, 25, "P5 Leadership scored 25.0, below 50"},
			{"DATA-03", 2, 2, 25, "DATA-03 answered level 2, at most 2"}}},
		{"REC-ANYALL", 25, "Medium", []firedView{
			{"Context", 50, 55, 5, "Context scored 50.0, below 55"},
			{"DATA-02", 4, 4, 25, "DATA-02 answered level 4, at most 4"}}},
		{"REC-Q-AT", 25, "Medium", []firedView{
			{"CTX-02", 1, 1, 25, "CTX-02 answered level 1, at most 1"}}},
		{"REC-Q-BELOW", 25, "Medium", []firedView{
			{"CTX-02", 25, 50, 25, "CTX-02 answered level 1 (25.0 points), below 50"}}},
		{"REC-P-BELOW", 50 - 100.0/3, "Medium", []firedView{
			{"P3 Data-driven culture", 100.0 / 3, 50, 50 - 100.0/3, "P3 Data-driven culture scored 33.3, below 50"}}},
		{"REC-PILLAR-YES", 50 - 300.0/7, "Low", []firedView{
			{"Openness and engagement", 300.0 / 7, 50, 50 - 300.0/7, "Openness and engagement scored 42.9, below 50"}}},
		{"REC-Q-DK-BELOW", 5, "Low", []firedView{
			{"DATA-01", 0, 10, 10, "DATA-01 answered don't know (counts as 0), below 10"}}},
		{"REC-AREA", 2.5, "Low", []firedView{
			{"Data", 37.5, 40, 2.5, "Data scored 37.5, below 40"}}},
		{"REC-P7", 1, "Low", []firedView{
			{"P7 Governance frameworks", 100, 101, 1, "P7 Governance frameworks scored 100.0, below 101"}}},
	}
	if d := diff(want, view(r.Matches)); d != "" {
		t.Errorf("matches (-want +got):\n%s", d)
	}
	ids := r.RecommendationIDs()
	if len(ids) != len(want) || ids[0] != "REC-Q-DK" || ids[len(ids)-1] != "REC-P7" {
		t.Errorf("RecommendationIDs = %v", ids)
	}
	// The match points into the questionnaire's catalogue.
	if want, _ := q.Recommendation("REC-Q-DK"); r.Matches[0].Recommendation != want {
		t.Errorf("Recommendation pointer does not point into q.Recommendations")
	}
}

func TestUndefinedSubjectNeverHolds(t *testing.T) {
	q := testQuestionnaire(
		rec("REC-A", 0, []C{{Area: "data", Below: f64(100)}}, nil),
		rec("REC-O", 0, []C{{Overall: true, Below: f64(100)}}, nil),
		rec("REC-P", 0, []C{{Principle: "P5", Below: f64(100)}}, nil),
	)
	// Nothing answered: every score undefined, nothing matches.
	if ms := Score(q, nil).Matches; len(ms) != 0 {
		t.Errorf("matches on no answers: %v", view(ms))
	}
	// P5 rests on CTX-02 only: N/A leaves it undefined while data is defined.
	r := Score(q, map[string]assessment.Answer{"CTX-02": {NA: "x"}, "DATA-01": assessment.Lvl(1)})
	if got := view(r.Matches); len(got) != 2 || got[0].ID != "REC-A" || got[1].ID != "REC-O" {
		t.Errorf("matches = %v, want REC-A and REC-O (data and overall 25, both gap 75, tie by id)", got)
	}
}

func TestBand(t *testing.T) {
	tests := []struct {
		p    float64
		want string
	}{
		{100, "High"}, {30, "High"}, {29.99, "Medium"}, {15, "Medium"},
		{14.99, "Low"}, {0.5, "Low"}, {0, "Low"},
		// Noise just under a cut-off still reaches it.
		{29.999999999999996, "High"},
	}
	for _, tt := range tests {
		if got := Band(tt.p); got != tt.want {
			t.Errorf("Band(%v) = %q, want %q", tt.p, got, tt.want)
		}
	}
}

func TestScoreText(t *testing.T) {
	tests := []struct {
		v, threshold float64
		want         string
	}{
		{25, 50, "25.0"},
		{100.0 / 3, 50, "33.3"},
		// One decimal would read "50.0, below 50": show the digits it takes.
		{49.96, 50, "49.96"},
		{49.94, 50, "49.9"},
	}
	for _, tt := range tests {
		if got := scoreText(tt.v, tt.threshold); got != tt.want {
			t.Errorf("scoreText(%v, %v) = %q, want %q", tt.v, tt.threshold, got, tt.want)
		}
	}
	if got := number(42.5) + " " + number(50); got != "42.5 50" {
		t.Errorf("number = %q", got)
	}
}
