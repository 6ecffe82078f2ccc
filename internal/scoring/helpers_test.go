package scoring

import (
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// approx compares floats computed by the code with values worked out by
// hand (100/3 and friends).
var approx = cmpopts.EquateApprox(0, 1e-9)

func i(v int) *int { return &v }

// testQuestionnaire is a small instrument whose scores are worked out by
// hand in the tests:
//
//	pillar openness:   P1 (Short "Openness"), P3 (Short "Data-driven culture")
//	pillar governance: P5 (Short "Leadership"), P7 (no Short, Title "Governance frameworks")
//	areas: context (Short "Context"), data (Short "Data")
//
//	question  area     principles  weight
//	CTX-01    context  P1          1
//	CTX-02    context  P5 P1       2
//	CTX-03    context  P7          1   (N/A allowed)
//	DATA-01   data     P3 P1       2   (two principles of one pillar)
//	DATA-02   data     P3 P7       1   (two pillars)
//	DATA-03   data     P1          1
//	DATA-04   data     P3          1
func testQuestionnaire(recs ...questionnaire.Recommendation) *questionnaire.Questionnaire {
	levels := []string{"l0", "l1", "l2", "l3", "l4"}
	q := &questionnaire.Questionnaire{
		ID:      "test",
		Version: "1.0.0",
		Title:   "Test instrument",
		Scale: []questionnaire.ScaleLevel{
			{Level: 0, Name: "Not started"},
			{Level: 1, Name: "Emerging"},
			{Level: 2, Name: "Developing"},
			{Level: 3, Name: "Established"},
			{Level: 4, Name: "Leading"},
		},
		Pillars: []questionnaire.Pillar{
			{ID: "openness", Title: "Openness and engagement"},
			{ID: "governance", Title: "Governance and co-ordination"},
		},
		Principles: []questionnaire.Principle{
			{ID: "P1", Pillar: "openness", Title: "Openness, transparency and inclusiveness", Short: "Openness"},
			{ID: "P3", Pillar: "openness", Title: "Creation of a data-driven culture", Short: "Data-driven culture"},
			{ID: "P5", Pillar: "governance", Title: "Leadership and political commitment", Short: "Leadership"},
			{ID: "P7", Pillar: "governance", Title: "Governance frameworks"},
		},
		Areas: []questionnaire.Area{
			{ID: "context", Title: "Contextual factors", Short: "Context"},
			{ID: "data", Title: "Towards a data-driven public sector", Short: "Data"},
		},
		Questions: []questionnaire.Question{
			{ID: "CTX-01", Area: "context", Principles: []string{"P1"}, Weight: 1, Levels: levels},
			{ID: "CTX-02", Area: "context", Principles: []string{"P5", "P1"}, Weight: 2, Levels: levels},
			{ID: "CTX-03", Area: "context", Principles: []string{"P7"}, Weight: 1, Levels: levels, NA: true},
			{ID: "DATA-01", Area: "data", Principles: []string{"P3", "P1"}, Weight: 2, Levels: levels},
			{ID: "DATA-02", Area: "data", Principles: []string{"P3", "P7"}, Weight: 1, Levels: levels},
			{ID: "DATA-03", Area: "data", Principles: []string{"P1"}, Weight: 1, Levels: levels},
			{ID: "DATA-04", Area: "data", Principles: []string{"P3"}, Weight: 1, Levels: levels},
		},
		Recommendations: recs,
	}
	q.Reindex()
	return q
}

// answersA is the main worked example:
//
//	CTX-01  level 4 (100 points)
//	CTX-02  level 1 (25 points, weight 2)
//	CTX-03  N/A
//	DATA-01 don't know (0 points, weight 2)
//	DATA-02 level 4 (100 points)
//	DATA-03 level 2 (50 points)
//	DATA-04 unanswered
func answersA() map[string]assessment.Answer {
	return map[string]assessment.Answer{
		"CTX-01":  assessment.Lvl(4),
		"CTX-02":  {Level: i(1), Comment: "strategy exists, not known outside IT"},
		"CTX-03":  {NA: "we have no board"},
		"DATA-01": {DontKnow: true},
		"DATA-02": assessment.Lvl(4),
		"DATA-03": assessment.Lvl(2),
		"NOPE-01": assessment.Lvl(0), // not in the questionnaire: ignored
	}
}

// diff is cmp.Diff with the float tolerance.
func diff(want, got any) string { return cmp.Diff(want, got, approx) }
