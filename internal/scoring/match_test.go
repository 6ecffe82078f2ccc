package scoring

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// staged returns steps for the levels 1..4 named "<id> L<n>".
func staged(id string) []questionnaire.Step {
	var out []questionnaire.Step
	for l := 1; l <= 4; l++ {
		out = append(out, questionnaire.Step{Level: l, Text: fmt.Sprintf("%s L%d", id, l)})
	}
	return out
}

func rec(id string, weight float64, addresses ...string) questionnaire.Recommendation {
	return questionnaire.Recommendation{ID: id, Weight: weight, Addresses: addresses, Steps: staged(id)}
}

// shown lists a match's steps as "L<level>:<moved questions>".
func shown(m Match) []string {
	var out []string
	for _, s := range m.Steps {
		ids := ""
		for _, g := range s.Moves {
			ids += " " + g.Question
		}
		out = append(out, fmt.Sprintf("L%d:%s", s.Level, ids))
	}
	return out
}

func byID(ms []Match) map[string]Match {
	out := map[string]Match{}
	for _, m := range ms {
		out[m.Recommendation.ID] = m
	}
	return out
}

// TestMatchRules checks the matching rules on a hand-made profile:
//
//	CTX-01 level 1, CTX-02 level 3, CTX-03 N/A, DATA-01 don't know,
//	DATA-02 level 4, DATA-03 level 2, DATA-04 unanswered; default target 3.
func TestMatchRules(t *testing.T) {
	q := testQuestionnaire(
		rec("R-CTX-01", 0, "CTX-01"),         // level 1 < 3: steps 2 and 3
		rec("R-CTX-02", 0, "CTX-02"),         // at its target: does not apply
		rec("R-CTX-03", 0, "CTX-03"),         // N/A: never applies
		rec("R-DATA-01", 2, "DATA-01"),       // don't know = 0: steps 1, 2, 3; weight 2
		rec("R-DATA-02", 0, "DATA-02"),       // level 4: does not apply
		rec("R-DATA-04", 0, "DATA-04"),       // unanswered: never applies
		rec("R-TWO", 0, "DATA-03", "CTX-02"), // through DATA-03 only: step 3
		rec("R-MIX", 0, "CTX-01", "DATA-03"), // step 2 moves CTX-01; step 3 moves both
	)
	answers := map[string]assessment.Answer{
		"CTX-01":  assessment.Lvl(1),
		"CTX-02":  assessment.Lvl(3),
		"CTX-03":  {NA: "no such thing here"},
		"DATA-01": {DontKnow: true},
		"DATA-02": assessment.Lvl(4),
		"DATA-03": assessment.Lvl(2),
	}
	r := ScoreWith(q, answers, Options{OrgType: "agency"})
	got := map[string][]string{}
	for _, m := range r.Matches {
		got[m.Recommendation.ID] = shown(m)
	}
	want := map[string][]string{
		"R-CTX-01":  {"L2: CTX-01", "L3: CTX-01"},
		"R-DATA-01": {"L1: DATA-01", "L2: DATA-01", "L3: DATA-01"},
		"R-TWO":     {"L3: DATA-03"},
		"R-MIX":     {"L2: CTX-01", "L3: CTX-01 DATA-03"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("matches (-want +got):\n%s", diff)
	}
	// Priority: gap × question weight × recommendation weight.
	// R-DATA-01: 3 × 2 × 2 = 12 High; R-CTX-01 and R-MIX: 2 × 1 = 2 Medium;
	// R-TWO: 1 × 1 = 1 Low. Ties by the largest gap, then by id.
	var order []string
	for _, m := range r.Matches {
		order = append(order, fmt.Sprintf("%s %g %s", m.Recommendation.ID, m.Priority, m.Band))
	}
	wantOrder := []string{"R-DATA-01 12 High", "R-CTX-01 2 Medium", "R-MIX 2 Medium", "R-TWO 1 Low"}
	if diff := cmp.Diff(wantOrder, order); diff != "" {
		t.Errorf("order (-want +got):\n%s", diff)
	}
	if m := byID(r.Matches)["R-DATA-01"]; !m.Through[0].DontKnow || m.Through[0].Level != 0 {
		t.Errorf("don't know not reported as level 0: %+v", m.Through)
	}
	if diff := cmp.Diff([]string{"R-DATA-01", "R-CTX-01", "R-MIX", "R-TWO"}, r.RecommendationIDs()); diff != "" {
		t.Errorf("ids (-want +got):\n%s", diff)
	}
}

// TestTargets checks that the most specific target wins: question, then the
// first of its principles that has one, then its area, then the default.
func TestTargets(t *testing.T) {
	q := testQuestionnaire(rec("R-1", 0, "CTX-01"))
	tg := &assessment.Targets{
		Default:    2,
		Areas:      map[string]int{"data": 4},
		Principles: map[string]int{"P1": 1, "P7": 3},
		Questions:  map[string]int{"DATA-03": 2},
	}
	r := ScoreWith(q, nil, Options{Targets: tg})
	want := map[string]int{
		"CTX-01":  1, // P1
		"CTX-02":  1, // P5 has none, P1 has 1
		"CTX-03":  3, // P7
		"DATA-01": 1, // P3 has none, P1 has 1: a principle before the area
		"DATA-02": 3, // P7
		"DATA-03": 2, // its own
		"DATA-04": 4, // area data
	}
	if diff := cmp.Diff(want, r.Targets); diff != "" {
		t.Errorf("targets (-want +got):\n%s", diff)
	}
	if got := ScoreWith(q, nil, Options{}).Targets["CTX-01"]; got != assessment.DefaultTarget {
		t.Errorf("default target %d, want %d", got, assessment.DefaultTarget)
	}
}

// TestOrganisationTypes checks that a recommendation or a step limited to
// other types is never shown.
func TestOrganisationTypes(t *testing.T) {
	central := rec("R-CENTRAL", 0, "CTX-01")
	central.AppliesTo = []string{"ministry", "agency"}
	split := rec("R-SPLIT", 0, "CTX-02")
	split.Steps = []questionnaire.Step{
		{Level: 1, Text: "all 1"}, {Level: 2, Text: "all 2"},
		{Level: 3, Text: "via the CTIE", AppliesTo: []string{"ministry", "agency", "other"}},
		{Level: 3, Text: "via SIGI", AppliesTo: []string{"municipality"}},
		{Level: 4, Text: "all 4"},
	}
	q := testQuestionnaire(central, split)
	answers := map[string]assessment.Answer{"CTX-01": assessment.Lvl(0), "CTX-02": assessment.Lvl(0)}
	for _, tt := range []struct {
		orgType string
		want    map[string][]string
	}{
		{"ministry", map[string][]string{"R-CENTRAL": {"R-CENTRAL L1", "R-CENTRAL L2", "R-CENTRAL L3"}, "R-SPLIT": {"all 1", "all 2", "via the CTIE"}}},
		{"municipality", map[string][]string{"R-SPLIT": {"all 1", "all 2", "via SIGI"}}},
	} {
		got := map[string][]string{}
		for _, m := range ScoreWith(q, answers, Options{OrgType: tt.orgType}).Matches {
			for _, s := range m.Steps {
				got[m.Recommendation.ID] = append(got[m.Recommendation.ID], s.Step.Text)
			}
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", tt.orgType, diff)
		}
	}
}

// TestBeyondTargets checks the suggestions when every target is met: the
// next-level step for the five lowest questions, none on the roadmap.
func TestBeyondTargets(t *testing.T) {
	var recs []questionnaire.Recommendation
	for _, id := range []string{"CTX-01", "CTX-02", "CTX-03", "DATA-01", "DATA-02", "DATA-03", "DATA-04"} {
		recs = append(recs, rec("R-"+id, 0, id))
	}
	q := testQuestionnaire(recs...)
	answers := map[string]assessment.Answer{
		"CTX-01": assessment.Lvl(3), "CTX-02": assessment.Lvl(3), "CTX-03": assessment.Lvl(4),
		"DATA-01": assessment.Lvl(3), "DATA-02": assessment.Lvl(2), "DATA-03": assessment.Lvl(3), "DATA-04": assessment.Lvl(3),
	}
	tg := &assessment.Targets{Questions: map[string]int{"DATA-02": 2}}
	r := ScoreWith(q, answers, Options{Targets: tg})
	if !r.BeyondTargets() {
		t.Fatalf("not beyond targets: %+v", r.Matches)
	}
	var got []string
	for _, m := range r.Matches {
		got = append(got, m.Recommendation.ID+" "+shown(m)[0])
	}
	// The five lowest: DATA-02 (level 2), then of the level-3 questions
	// the heavier CTX-02 and DATA-01 (weight 2) and the first two others in
	// questionnaire order (DATA-04 is the sixth); CTX-03 at 4 has no next
	// level. Shown by priority (one level × weight), ties by id.
	want := []string{"R-CTX-02 L4: CTX-02", "R-DATA-01 L4: DATA-01", "R-CTX-01 L4: CTX-01", "R-DATA-02 L3: DATA-02", "R-DATA-03 L4: DATA-03"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("beyond (-want +got):\n%s", diff)
	}
	if len(r.Roadmap()) != 0 || len(r.RecommendationIDs()) != 0 {
		t.Error("suggestions beyond the targets are on the roadmap or in the recommendations")
	}
}

// TestRoadmapOrder checks the phases and the order within them.
func TestRoadmapOrder(t *testing.T) {
	q := testQuestionnaire(rec("R-A", 0, "CTX-01"), rec("R-B", 2, "DATA-01"))
	answers := map[string]assessment.Answer{"CTX-01": assessment.Lvl(2), "DATA-01": assessment.Lvl(0)}
	r := ScoreWith(q, answers, Options{Targets: &assessment.Targets{Default: 4}})
	var got []string
	for _, x := range r.Roadmap() {
		got = append(got, fmt.Sprintf("%s %s L%d", x.Phase, x.Match.Recommendation.ID, x.Step.Level))
	}
	want := []string{
		"Foundations R-B L1", "Foundations R-B L2",
		"Consolidation R-B L3", "Consolidation R-A L3",
		"Leadership R-B L4", "Leadership R-A L4",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("roadmap (-want +got):\n%s", diff)
	}
	st := r.StoredRoadmap()
	if st[3].Recommendation != "R-A" || st[3].Phase != PhaseConsolidation || st[3].Priority != BandMedium ||
		!slices.Equal(st[3].Questions, []assessment.RoadmapQuestion{{ID: "CTX-01", Level: 2, Target: 4}}) {
		t.Errorf("stored roadmap item = %+v", st[3])
	}
}

// everyLevel answers every question of q with the level.
func everyLevel(q *questionnaire.Questionnaire, level int) map[string]assessment.Answer {
	out := map[string]assessment.Answer{}
	for _, qu := range q.Questions {
		out[qu.ID] = assessment.Lvl(level)
	}
	return out
}

// TestDefaultInstrumentProfiles checks the profiles against the
// default instrument, for every organisation type.
func TestDefaultInstrumentProfiles(t *testing.T) {
	q := questionnaire.Default()
	for _, orgType := range assessment.OrganisationTypes {
		t.Run(orgType, func(t *testing.T) {
			n2 := len(ScoreWith(q, everyLevel(q, 2), Options{OrgType: orgType}).RecommendationIDs())
			if n2 < 10 {
				t.Errorf("every question at 2, default target: %d recommendations apply, want at least 10", n2)
			}
			if n := len(ScoreWith(q, everyLevel(q, 3), Options{OrgType: orgType}).RecommendationIDs()); n != 0 {
				t.Errorf("every question at 3, default target: %d recommendations apply, want none", n)
			}
			at4 := &assessment.Targets{Default: 4}
			n3 := len(ScoreWith(q, everyLevel(q, 3), Options{OrgType: orgType, Targets: at4}).RecommendationIDs())
			if n3 < 10 {
				t.Errorf("every question at 3, target 4: %d recommendations apply, want at least 10", n3)
			}
			t.Logf("%s: all at 2 → %d recommendations; all at 3 with target 4 → %d", orgType, n2, n3)
			for _, qu := range q.Questions {
				answers := everyLevel(q, 3)
				answers[qu.ID] = assessment.Lvl(0)
				r := ScoreWith(q, answers, Options{OrgType: orgType})
				found := false
				for _, m := range r.Matches {
					if slices.Contains(m.Recommendation.Addresses, qu.ID) && !m.Beyond {
						found = true
						var levels []int
						for _, s := range m.Steps {
							if !slices.Contains(levels, s.Level) {
								levels = append(levels, s.Level)
							}
						}
						if !slices.Equal(levels, []int{1, 2, 3}) {
							t.Errorf("%s at 0: %s shows %v, want the steps of levels 1 to 3", qu.ID, m.Recommendation.ID, shown(m))
						}
					}
				}
				if !found {
					t.Errorf("every question at 3 but %s at 0: no recommendation addressing it applies", qu.ID)
				}
			}
		})
	}
}

// TestNoStepAtOrBelowCurrentLevel is a property test over random answers,
// targets and organisation types on the default instrument: no step shown
// is at or below the current level of a question it moves or above its
// target; no recommendation applies while every question it addresses
// meets its target; nothing limited to other types is shown.
func TestNoStepAtOrBelowCurrentLevel(t *testing.T) {
	q := questionnaire.Default()
	rng := rand.New(rand.NewPCG(9, 2026))
	sc := NewScorer(q)
	for run := range 500 {
		answers := map[string]assessment.Answer{}
		for _, qu := range q.Questions {
			switch x := rng.IntN(12); {
			case x == 0:
				answers[qu.ID] = assessment.Answer{DontKnow: true}
			case x == 1 && qu.NA:
				answers[qu.ID] = assessment.Answer{NA: "reason"}
			case x == 2:
				// unanswered
			default:
				answers[qu.ID] = assessment.Lvl(rng.IntN(5))
			}
		}
		tg := &assessment.Targets{Default: 1 + rng.IntN(4)}
		if rng.IntN(2) == 0 {
			tg.Areas = map[string]int{q.Areas[rng.IntN(len(q.Areas))].ID: 1 + rng.IntN(4)}
			tg.Questions = map[string]int{q.Questions[rng.IntN(len(q.Questions))].ID: 1 + rng.IntN(4)}
		}
		orgType := assessment.OrganisationTypes[rng.IntN(len(assessment.OrganisationTypes))]
		r := sc.ScoreWith(answers, Options{Targets: tg, OrgType: orgType})
		for _, m := range r.Matches {
			rec := m.Recommendation
			if !rec.Serves(orgType) {
				t.Fatalf("run %d: %s is not for %s", run, rec.ID, orgType)
			}
			if len(m.Steps) == 0 {
				t.Fatalf("run %d: %s applies with no step", run, rec.ID)
			}
			if !m.Beyond {
				below := false
				for _, id := range rec.Addresses {
					if l, ok := r.Levels[id]; ok && answers[id].NA == "" && l < r.Targets[id] {
						below = true
					}
				}
				if !below {
					t.Fatalf("run %d: %s applies while every question it addresses meets its target", run, rec.ID)
				}
			}
			for _, s := range m.Steps {
				if !s.Step.Serves(rec, orgType) {
					t.Fatalf("run %d: a step of %s limited to %v shown to %s", run, rec.ID, s.Step.AppliesTo, orgType)
				}
				for _, g := range s.Moves {
					if s.Level <= r.Levels[g.Question] {
						t.Fatalf("run %d: %s shows a level-%d step through %s at level %d", run, rec.ID, s.Level, g.Question, r.Levels[g.Question])
					}
					if !m.Beyond && s.Level > r.Targets[g.Question] {
						t.Fatalf("run %d: %s shows a level-%d step through %s above its target %d", run, rec.ID, s.Level, g.Question, r.Targets[g.Question])
					}
				}
			}
		}
	}
}

// TestLeanEqualsFull checks Options.Lean, which compare uses, over random
// answers, targets and organisation types on the default instrument: the
// scores, stage, coverage, lists and the matches (recommendation, priority,
// band, gaps, order) are those of a full scoring; only Matrix, Targets,
// Levels and the matches' Steps are left out.
func TestLeanEqualsFull(t *testing.T) {
	q := questionnaire.Default()
	rng := rand.New(rand.NewPCG(11, 2026))
	sc := NewScorer(q)
	for run := range 500 {
		answers := map[string]assessment.Answer{}
		for _, qu := range q.Questions {
			switch x := rng.IntN(12); {
			case x == 0:
				answers[qu.ID] = assessment.Answer{DontKnow: true}
			case x == 1 && qu.NA:
				answers[qu.ID] = assessment.Answer{NA: "reason"}
			case x == 2:
				// unanswered
			case x == 3:
				answers[qu.ID] = assessment.Lvl(3 + rng.IntN(2)) // many runs meet every target: "beyond"
			default:
				answers[qu.ID] = assessment.Lvl(rng.IntN(5))
			}
		}
		var tg *assessment.Targets
		if rng.IntN(2) == 0 {
			tg = &assessment.Targets{Default: 1 + rng.IntN(4)}
		}
		orgType := ""
		if rng.IntN(4) > 0 {
			orgType = assessment.OrganisationTypes[rng.IntN(len(assessment.OrganisationTypes))]
		}
		full := sc.ScoreWith(answers, Options{Targets: tg, OrgType: orgType})
		lean := sc.ScoreWith(answers, Options{Targets: tg, OrgType: orgType, Lean: true})
		if lean.Matrix != nil || lean.Targets != nil || lean.Levels != nil {
			t.Fatalf("run %d: lean result has a matrix, targets or levels", run)
		}
		want := *full
		want.Matrix, want.Targets, want.Levels = nil, nil, nil
		want.Matches = slices.Clone(full.Matches)
		for k := range want.Matches {
			want.Matches[k].Steps = nil
		}
		if diff := cmp.Diff(&want, lean); diff != "" {
			t.Fatalf("run %d (targets %v, type %q): lean differs from full (-full +lean):\n%s", run, tg, orgType, diff)
		}
		if !slices.Equal(full.RecommendationIDs(), lean.RecommendationIDs()) {
			t.Fatalf("run %d: recommendation ids differ", run)
		}
	}
}
