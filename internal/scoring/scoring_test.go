package scoring

import (
	"math"
	"testing"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
)

func TestScoreWorkedExample(t *testing.T) {
	r := Score(testQuestionnaire(), answersA())

	// Areas, by hand:
	//   context: CTX-01 100·1 + CTX-02 25·2 = 150 over weight 3 → 50
	//            (CTX-03 N/A left out; without the weight 2 it would be 62.5).
	//            Evidence 3 of applicable 3. Floor 1.
	//   data:    DATA-01 0·2 (don't know) + DATA-02 100·1 + DATA-03 50·1 = 150
	//            over weight 4 → 37.5 (DATA-04 unanswered left out of the mean).
	//            Evidence 2 (DATA-02, DATA-03) < half of applicable 5 → low.
	//            Floor 2: don't know does not set it.
	wantAreas := []Measure{
		{ID: "context", Value: 50, Defined: true, Floor: 1,
			Questions: 3, Answered: 2, NA: 1, EvidenceWeight: 3, ApplicableWeight: 3},
		{ID: "data", Value: 37.5, Defined: true, LowEvidence: true, Floor: 2,
			Questions: 4, Answered: 2, DontKnow: 1, Unanswered: 1, EvidenceWeight: 2, ApplicableWeight: 5},
	}
	if d := diff(wantAreas, r.Areas); d != "" {
		t.Errorf("areas (-want +got):\n%s", d)
	}

	// Principles:
	//   P1 (carried in both areas): CTX-01 100·1 + CTX-02 25·2 + DATA-01 0·2
	//      + DATA-03 50·1 = 200 over 6 → 33.33. Evidence 4 of 6: not low.
	//   P3: DATA-01 0·2 + DATA-02 100·1 = 100 over 3 → 33.33 (DATA-04
	//      unanswered). Evidence 1 < half of 4 → low. Floor 4.
	//   P5: CTX-02 25 → 25.
	//   P7: CTX-03 N/A, DATA-02 100 → 100.
	wantPrinciples := []Measure{
		{ID: "P1", Value: 200.0 / 6, Defined: true, Floor: 1,
			Questions: 4, Answered: 3, DontKnow: 1, EvidenceWeight: 4, ApplicableWeight: 6},
		{ID: "P3", Value: 100.0 / 3, Defined: true, LowEvidence: true, Floor: 4,
			Questions: 3, Answered: 1, DontKnow: 1, Unanswered: 1, EvidenceWeight: 1, ApplicableWeight: 4},
		{ID: "P5", Value: 25, Defined: true, Floor: 1,
			Questions: 1, Answered: 1, EvidenceWeight: 2, ApplicableWeight: 2},
		{ID: "P7", Value: 100, Defined: true, Floor: 4,
			Questions: 2, Answered: 1, NA: 1, EvidenceWeight: 1, ApplicableWeight: 1},
	}
	if d := diff(wantPrinciples, r.Principles); d != "" {
		t.Errorf("principles (-want +got):\n%s", d)
	}

	// Pillars:
	//   openness (P1, P3): CTX-01, CTX-02, DATA-01 (carries P3 and P1: counted
	//      once), DATA-02, DATA-03, DATA-04 → 100 + 50 + 0 + 100 + 50 = 300
	//      over 1+2+2+1+1 = 7 → 42.857 (counting DATA-01 twice would give 300/9).
	//   governance (P5, P7): CTX-02 25·2 + DATA-02 100·1 = 150 over 3 → 50.
	wantPillars := []Measure{
		{ID: "openness", Value: 300.0 / 7, Defined: true, Floor: 1,
			Questions: 6, Answered: 4, DontKnow: 1, Unanswered: 1, EvidenceWeight: 5, ApplicableWeight: 8},
		{ID: "governance", Value: 50, Defined: true, Floor: 1,
			Questions: 3, Answered: 2, NA: 1, EvidenceWeight: 3, ApplicableWeight: 3},
	}
	if d := diff(wantPillars, r.Pillars); d != "" {
		t.Errorf("pillars (-want +got):\n%s", d)
	}

	// Overall: mean of the two areas (50 + 37.5) / 2 = 43.75, not the
	// question mean 300/7 = 42.86. Stage [40,60) → level 2 "Developing".
	// Whole questionnaire: evidence 1+2+1+1 = 5 of applicable 8 → coverage
	// 0.625. Floor 1.
	wantOverall := Measure{Value: 43.75, Defined: true, Floor: 1,
		Questions: 7, Answered: 4, DontKnow: 1, NA: 1, Unanswered: 1, EvidenceWeight: 5, ApplicableWeight: 8}
	if d := diff(wantOverall, r.Overall); d != "" {
		t.Errorf("overall (-want +got):\n%s", d)
	}
	if r.Stage != "Developing" || r.StageLevel != 2 {
		t.Errorf("stage = %q level %d, want Developing level 2", r.Stage, r.StageLevel)
	}
	if math.Abs(r.Coverage-0.625) > 1e-12 {
		t.Errorf("coverage = %v, want 0.625", r.Coverage)
	}

	lists := [][]string{r.DontKnow, r.NA, r.Unanswered}
	wantLists := [][]string{{"DATA-01"}, {"CTX-03"}, {"DATA-04"}}
	if d := diff(wantLists, lists); d != "" {
		t.Errorf("don't know, N/A, unanswered (-want +got):\n%s", d)
	}
}

func TestMatrix(t *testing.T) {
	r := Score(testQuestionnaire(), answersA())
	// Cells, by hand:
	//   P1/context: CTX-01 100·1 + CTX-02 25·2 = 150 / 3 → 50.
	//   P1/data:    DATA-01 0·2 + DATA-03 50·1 = 50 / 3 → 16.67; evidence 1
	//               of 3 → low; floor 2.
	//   P3/context: no question → undefined.
	//   P7/context: CTX-03 only, N/A → undefined, one question, not low
	//               (nothing applicable).
	tests := []struct {
		p, a string
		want Measure
	}{
		{"P1", "context", Measure{ID: "P1/context", Value: 50, Defined: true, Floor: 1,
			Questions: 2, Answered: 2, EvidenceWeight: 3, ApplicableWeight: 3}},
		{"P1", "data", Measure{ID: "P1/data", Value: 50.0 / 3, Defined: true, LowEvidence: true, Floor: 2,
			Questions: 2, Answered: 1, DontKnow: 1, EvidenceWeight: 1, ApplicableWeight: 3}},
		{"P3", "context", Measure{ID: "P3/context", Floor: -1}},
		{"P7", "context", Measure{ID: "P7/context", Floor: -1, Questions: 1, NA: 1}},
		{"P7", "data", Measure{ID: "P7/data", Value: 100, Defined: true, Floor: 4,
			Questions: 1, Answered: 1, EvidenceWeight: 1, ApplicableWeight: 1}},
	}
	for _, tt := range tests {
		got, ok := r.Matrix[tt.p][tt.a]
		if !ok {
			t.Errorf("Matrix[%s][%s] missing", tt.p, tt.a)
			continue
		}
		if d := diff(tt.want, got); d != "" {
			t.Errorf("Matrix[%s][%s] (-want +got):\n%s", tt.p, tt.a, d)
		}
	}
	if n := len(r.Matrix); n != 4 {
		t.Errorf("matrix has %d rows, want 4", n)
	}
	for p, row := range r.Matrix {
		if len(row) != 2 {
			t.Errorf("matrix row %s has %d cells, want 2", p, len(row))
		}
	}
}

func TestStored(t *testing.T) {
	r := Score(testQuestionnaire(), answersA())
	// 43.75 → 43.8; 200/6 → 33.3; 300/7 = 42.857 → 42.9; coverage 0.625 → 0.63.
	want := &assessment.Scores{
		Overall:    43.8,
		Stage:      "Developing",
		Areas:      map[string]float64{"context": 50, "data": 37.5},
		Principles: map[string]float64{"P1": 33.3, "P3": 33.3, "P5": 25, "P7": 100},
		Pillars:    map[string]float64{"openness": 42.9, "governance": 50},
		Coverage:   0.63,
	}
	if d := diff(want, r.Stored()); d != "" {
		t.Errorf("Stored (-want +got):\n%s", d)
	}
}

func TestUndefinedScores(t *testing.T) {
	q := testQuestionnaire()

	t.Run("nothing answered", func(t *testing.T) {
		r := Score(q, nil)
		if r.Overall.Defined || r.Stage != "" || r.StageLevel != -1 {
			t.Errorf("overall = %+v, stage %q %d; want undefined, \"\", -1", r.Overall, r.Stage, r.StageLevel)
		}
		for _, m := range append(append(r.Areas, r.Principles...), r.Pillars...) {
			if m.Defined || m.Floor != -1 || !m.LowEvidence {
				t.Errorf("%s = %+v, want undefined, floor -1, low evidence", m.ID, m)
			}
		}
		if r.Coverage != 0 || len(r.Unanswered) != 7 {
			t.Errorf("coverage %v, unanswered %v; want 0 and all seven", r.Coverage, r.Unanswered)
		}
		want := &assessment.Scores{Areas: map[string]float64{}, Principles: map[string]float64{}, Pillars: map[string]float64{}}
		if d := diff(want, r.Stored()); d != "" {
			t.Errorf("Stored (-want +got):\n%s", d)
		}
	})

	t.Run("everything not applicable", func(t *testing.T) {
		ans := map[string]assessment.Answer{}
		for _, x := range q.Questions {
			ans[x.ID] = assessment.Answer{NA: "no"}
		}
		r := Score(q, ans)
		// Nothing applicable: coverage 0, not low evidence (0 < 0 is false).
		if r.Overall.Defined || r.Coverage != 0 || r.Overall.LowEvidence {
			t.Errorf("overall %+v coverage %v", r.Overall, r.Coverage)
		}
	})

	t.Run("one area all N/A", func(t *testing.T) {
		// context all N/A; data all level 2 → data 50; overall = mean of the
		// defined areas only = 50 (not (0 + 50) / 2).
		ans := map[string]assessment.Answer{
			"CTX-01": {NA: "a"}, "CTX-02": {NA: "b"}, "CTX-03": {NA: "c"},
			"DATA-01": assessment.Lvl(2), "DATA-02": assessment.Lvl(2),
			"DATA-03": assessment.Lvl(2), "DATA-04": assessment.Lvl(2),
		}
		r := Score(q, ans)
		if c := r.Area("context"); c.Defined || c.LowEvidence || c.Floor != -1 || c.NA != 3 {
			t.Errorf("context = %+v", c)
		}
		if r.Overall.Value != 50 || !r.Overall.Defined || r.Stage != "Developing" {
			t.Errorf("overall = %+v %q, want 50 Developing", r.Overall, r.Stage)
		}
		if r.Coverage != 1 {
			t.Errorf("coverage = %v, want 1", r.Coverage)
		}
		st := r.Stored()
		if _, ok := st.Areas["context"]; ok {
			t.Errorf("stored areas %v: undefined context should be left out", st.Areas)
		}
		// P5 is carried by CTX-02 only: undefined, left out too.
		if _, ok := st.Principles["P5"]; ok {
			t.Errorf("stored principles %v: undefined P5 should be left out", st.Principles)
		}
	})
}

func TestLowEvidenceBoundary(t *testing.T) {
	q := testQuestionnaire()
	// data: applicable weight 5 (DATA-01 weighs 2). Evidence exactly half is
	// not low; a hair under is.
	//   DATA-01 level 3 (evidence 2), DATA-02 don't know, others unanswered:
	//   2 < 2.5 → low.
	//   + DATA-03 level 0: evidence 3 ≥ 2.5 → not low; floor 0.
	ans := map[string]assessment.Answer{"DATA-01": assessment.Lvl(3), "DATA-02": {DontKnow: true}}
	if d := Score(q, ans).Area("data"); !d.LowEvidence || d.Floor != 3 {
		t.Errorf("data = %+v, want low evidence, floor 3", d)
	}
	ans["DATA-03"] = assessment.Lvl(0)
	if d := Score(q, ans).Area("data"); d.LowEvidence || d.Floor != 0 {
		t.Errorf("data = %+v, want not low evidence, floor 0", d)
	}
	// P5 = CTX-02 only (weight 2): evidence 2 of 2. P1 with only CTX-02
	// answered: evidence 2 of applicable 6 → low; exactly 3 of 6 → not low.
	ans = map[string]assessment.Answer{"CTX-02": assessment.Lvl(2)}
	if p := Score(q, ans).Principle("P1"); !p.LowEvidence {
		t.Errorf("P1 = %+v, want low evidence", p)
	}
	ans["CTX-01"] = assessment.Lvl(2)
	if p := Score(q, ans).Principle("P1"); p.LowEvidence {
		t.Errorf("P1 = %+v, want not low evidence (3 of 6 is half)", p)
	}
}

func TestFloorIgnoresDontKnow(t *testing.T) {
	q := testQuestionnaire()
	// P3 is carried by DATA-01, DATA-02 and DATA-04. With don't know on two
	// of them and DATA-02 open, P3 is defined (don't know counts 0) but has
	// no floor: no level was answered.
	ans := map[string]assessment.Answer{"DATA-01": {DontKnow: true}, "DATA-04": {DontKnow: true}}
	p := Score(q, ans).Principle("P3")
	if !p.Defined || p.Value != 0 || p.Floor != -1 {
		t.Errorf("P3 = %+v, want defined 0 with floor -1", p)
	}
}

func TestStageLevel(t *testing.T) {
	q := testQuestionnaire()
	s := NewScorer(q)
	tests := []struct {
		v    float64
		want int
	}{
		{0, 0}, {19.99, 0}, {20, 1}, {39.99, 1}, {40, 2}, {59.99, 2}, {60, 3},
		{79.99, 3}, {80, 4}, {100, 4},
		// Floating-point noise on a band limit counts as the limit.
		{79.99999999999999, 4},
		// Out of range is clamped.
		{-5, 0}, {120, 4},
	}
	for _, tt := range tests {
		got := stageLevel(tt.v)
		if got != tt.want {
			t.Errorf("stageLevel(%v) = %d, want %d", tt.v, got, tt.want)
		}
	}
	want := [5]string{"Not started", "Emerging", "Developing", "Established", "Leading"}
	if s.stages != want {
		t.Errorf("stage names = %v, want %v", s.stages, want)
	}
}

func TestStageFromScores(t *testing.T) {
	q := testQuestionnaire()
	// Every question level 4: 100 → Leading. Level 0 everywhere: 0 → Not started.
	// context all level 1 (25) and data all level 0 → overall 12.5 → Not started;
	// context level 2 (50), data level 0 → 25 → Emerging.
	for _, tt := range []struct {
		ctx, data int
		want      string
		overall   float64
	}{
		{4, 4, "Leading", 100},
		{0, 0, "Not started", 0},
		{1, 0, "Not started", 12.5},
		{2, 0, "Emerging", 25},
		{4, 2, "Established", 75},
	} {
		ans := map[string]assessment.Answer{}
		for _, x := range q.Questions {
			if x.Area == "context" {
				ans[x.ID] = assessment.Lvl(tt.ctx)
			} else {
				ans[x.ID] = assessment.Lvl(tt.data)
			}
		}
		r := Score(q, ans)
		if r.Stage != tt.want || r.Overall.Value != tt.overall {
			t.Errorf("context %d data %d: stage %q overall %v, want %q %v", tt.ctx, tt.data, r.Stage, r.Overall.Value, tt.want, tt.overall)
		}
	}
}

func TestLookups(t *testing.T) {
	r := Score(testQuestionnaire(), answersA())
	if got := r.Area("data").Value; got != 37.5 {
		t.Errorf("Area(data) = %v, want 37.5", got)
	}
	if got := r.Principle("P5").Value; got != 25 {
		t.Errorf("Principle(P5) = %v, want 25", got)
	}
	if got := r.Pillar("governance").Value; got != 50 {
		t.Errorf("Pillar(governance) = %v, want 50", got)
	}
	want := Measure{ID: "nope", Floor: -1}
	for _, got := range []Measure{r.Area("nope"), r.Principle("nope"), r.Pillar("nope")} {
		if d := diff(want, got); d != "" {
			t.Errorf("unknown id (-want +got):\n%s", d)
		}
	}
}

func TestOddInput(t *testing.T) {
	q := testQuestionnaire()
	// A level out of range is clamped (validation refuses it earlier); a
	// level wins over a don't know set beside it; an empty Answer is
	// unanswered.
	ans := map[string]assessment.Answer{
		"CTX-01": assessment.Lvl(9),
		"CTX-02": {Level: i(-3), DontKnow: true},
		"CTX-03": {},
	}
	r := Score(q, ans)
	// context: 100·1 + 0·2 over 3 → 33.33; CTX-03 unanswered.
	if c := r.Area("context"); math.Abs(c.Value-100.0/3) > 1e-9 || c.Floor != 0 || c.Unanswered != 1 {
		t.Errorf("context = %+v", c)
	}
	// Weight 0 (not set in a hand-built questionnaire) counts as 1.
	q.Questions[1].Weight = 0
	r = Score(q, ans)
	if c := r.Area("context"); c.Value != 50 {
		t.Errorf("context with weight 0 = %v, want 50 ((100 + 0) / 2)", c.Value)
	}
}

func TestScorerReusable(t *testing.T) {
	q := testQuestionnaire()
	s := NewScorer(q)
	a := s.Score(answersA())
	_ = s.Score(nil)
	b := s.Score(answersA())
	if d := diff(a, b); d != "" {
		t.Errorf("second score differs (-first +second):\n%s", d)
	}
}
