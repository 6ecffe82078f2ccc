package scoring

import (
	"cmp"
	"math"
	"slices"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// Priority bands of a matched recommendation. A recommendation's priority is
// its weight (1 when not set) times the largest, among the questions it
// applies through, of the gap in levels (target − current level, don't know
// counting as 0) times the question's weight (1 normal, 2 core).
//
// A priority of HighPriority (4) or more is High: for example a core
// question two levels below its target, or a normal question two levels
// below through a core recommendation. From MediumPriority (2) it is Medium:
// a normal question two or three levels below, or a core question one level
// below. Below that, Low: a normal question one level below its target.
const (
	HighPriority   = 4
	MediumPriority = 2
)

// Band names, as Match.Band holds them.
const (
	BandHigh   = "High"
	BandMedium = "Medium"
	BandLow    = "Low"
)

// Band returns the band of a priority (see HighPriority).
func Band(priority float64) string {
	switch {
	case priority >= HighPriority-eps:
		return BandHigh
	case priority >= MediumPriority-eps:
		return BandMedium
	}
	return BandLow
}

// Match is a recommendation that applies: a question it addresses is below
// its target and the recommendation serves the organisation's type.
type Match struct {
	// Recommendation points into the questionnaire's catalogue.
	Recommendation *questionnaire.Recommendation
	// Priority is the recommendation's weight times the largest gap × weight
	// among Through (see HighPriority).
	Priority float64
	// Band is BandHigh, BandMedium or BandLow.
	Band string
	// Through are the addressed questions below their targets, in the
	// order of the recommendation's addresses.
	Through []Gap
	// Steps are the steps shown, in catalogue order: those serving the
	// organisation's type whose level lies above the current level and at
	// or below the target of at least one question of Through.
	Steps []Step
	// Beyond is true for a "beyond your targets" suggestion: every target
	// was met and the step leads one level further.
	Beyond bool
}

// Gap is a question below its target.
type Gap struct {
	// Question is the question's id.
	Question string
	// Level is the current level, 0 for don't know.
	Level int
	// DontKnow is true when the level is 0 because the answer was don't know.
	DontKnow bool
	// Target is the level aimed at.
	Target int
	// Weight is the question's weight.
	Weight float64
}

// Size is the gap in levels.
func (g Gap) Size() int { return g.Target - g.Level }

// Step is a step shown, with the questions it moves.
type Step struct {
	// Step points into the recommendation's steps.
	Step *questionnaire.Step
	// Index is the step's position in the recommendation's steps.
	Index int
	// Level is the level the step helps reach.
	Level int
	// Moves are the questions of the match it moves, each from Level−1 to
	// Level: those whose current level is below Level and whose target is
	// at least Level.
	Moves []Gap
}

// Phases of the roadmap, by the level a step reaches.
const (
	PhaseFoundations   = "Foundations"   // levels 1 and 2
	PhaseConsolidation = "Consolidation" // level 3
	PhaseLeadership    = "Leadership"    // level 4
)

// Phases lists the roadmap's phases in order.
var Phases = []string{PhaseFoundations, PhaseConsolidation, PhaseLeadership}

// PhaseOf names the roadmap phase of a step that reaches the level.
func PhaseOf(level int) string {
	switch {
	case level <= 2:
		return PhaseFoundations
	case level == 3:
		return PhaseConsolidation
	}
	return PhaseLeadership
}

// BeyondCount is how many of the lowest questions "beyond your targets"
// suggests a next step for.
const BeyondCount = 5

// rule is a recommendation with its addressed questions resolved to
// positions (unknown ids dropped; validation reports them).
type rule struct {
	rec       *questionnaire.Recommendation
	addresses []int
}

// match finds the recommendations that apply (see Match). When none
// applies because every target is met, it suggests the next-level steps of
// the BeyondCount lowest questions below level 4 instead (Match.Beyond).
func (s *Scorer) match(givens []given, targets []int, orgType string, lean bool) []Match {
	// One block for the matches and one for every Through list: each
	// recommendation's gaps take the next free part of buf (at most its
	// number of addresses), kept only when it matches.
	out := make([]Match, 0, len(s.recs))
	buf := make([]Gap, s.addresses)
	used := 0
	for i := range s.recs {
		ru := &s.recs[i]
		if !ru.rec.Serves(orgType) {
			continue
		}
		through := buf[used : used : used+len(ru.addresses)]
		for _, p := range ru.addresses {
			g := givens[p]
			if g.state != stLevel && g.state != stDontKnow {
				continue // not applicable or unanswered: never a gap
			}
			if g.level < targets[p] {
				qu := &s.q.Questions[p]
				through = append(through, Gap{Question: qu.ID, Level: g.level, DontKnow: g.state == stDontKnow, Target: targets[p], Weight: weight(qu.Weight)})
			}
		}
		if m, ok := s.build(ru.rec, through, orgType, lean); ok {
			out = append(out, m)
			used += len(through)
		}
	}
	if len(out) == 0 {
		out = s.beyond(givens, targets, orgType, lean)
	}
	sortMatches(out)
	return out
}

// build makes the match of rec through the gaps, or reports false when no
// step is left to show. Lean only decides whether a step is left (the same
// test), without listing the steps (Options.Lean).
func (s *Scorer) build(rec *questionnaire.Recommendation, through []Gap, orgType string, lean bool) (Match, bool) {
	if len(through) == 0 {
		return Match{}, false
	}
	m := Match{Recommendation: rec, Through: through}
	var best float64
	for _, g := range through {
		best = max(best, float64(g.Size())*g.Weight)
	}
	m.Priority = recWeight(rec.Weight) * best
	m.Band = Band(m.Priority)
	for j := range rec.Steps {
		st := &rec.Steps[j]
		if !st.Serves(rec, orgType) {
			continue
		}
		if lean {
			if stepMoves(st, through) {
				return m, true
			}
			continue
		}
		var moves []Gap
		for _, g := range through {
			if g.Level < st.Level && st.Level <= g.Target {
				moves = append(moves, g)
			}
		}
		if len(moves) > 0 {
			m.Steps = append(m.Steps, Step{Step: st, Index: j, Level: st.Level, Moves: moves})
		}
	}
	return m, len(m.Steps) > 0
}

// stepMoves reports whether the step moves any question of through (the
// test build applies to each step).
func stepMoves(st *questionnaire.Step, through []Gap) bool {
	for _, g := range through {
		if g.Level < st.Level && st.Level <= g.Target {
			return true
		}
	}
	return false
}

// beyond suggests, when every target is met, the steps one level up for
// the BeyondCount lowest questions answered below level 4 (lowest level
// first, then the heavier question, then questionnaire order), each through
// the first recommendation that addresses it as its main question, else
// the first that addresses it at all.
func (s *Scorer) beyond(givens []given, targets []int, orgType string, lean bool) []Match {
	var cand []int
	for p, g := range givens {
		if (g.state == stLevel || g.state == stDontKnow) && g.level < questionnaire.MaxLevel {
			cand = append(cand, p)
		}
	}
	slices.SortStableFunc(cand, func(a, b int) int {
		if c := cmp.Compare(givens[a].level, givens[b].level); c != 0 {
			return c
		}
		return cmp.Compare(weight(s.q.Questions[b].Weight), weight(s.q.Questions[a].Weight))
	})
	var out []Match
	taken := map[*questionnaire.Recommendation]bool{}
	for _, p := range cand {
		if len(out) == BeyondCount {
			break
		}
		qu := &s.q.Questions[p]
		g := Gap{Question: qu.ID, Level: givens[p].level, DontKnow: givens[p].state == stDontKnow, Target: givens[p].level + 1, Weight: weight(qu.Weight)}
		rec := s.recFor(p, orgType, taken)
		if rec == nil {
			continue
		}
		if m, ok := s.build(rec, []Gap{g}, orgType, lean); ok {
			m.Beyond = true
			taken[rec] = true
			out = append(out, m)
		}
	}
	return out
}

// recFor is the recommendation that leads a question on: the first serving
// the type that addresses it as its main question, else the first that
// addresses it at all; one not taken yet.
func (s *Scorer) recFor(p int, orgType string, taken map[*questionnaire.Recommendation]bool) *questionnaire.Recommendation {
	var other *questionnaire.Recommendation
	for i := range s.recs {
		ru := &s.recs[i]
		if taken[ru.rec] || !ru.rec.Serves(orgType) {
			continue
		}
		for k, a := range ru.addresses {
			if a != p {
				continue
			}
			if k == 0 {
				return ru.rec
			}
			if other == nil {
				other = ru.rec
			}
		}
	}
	return other
}

// sortMatches orders matches by priority (highest first), then by the
// largest gap, then by recommendation id: a fixed order for any input.
func sortMatches(ms []Match) {
	// Priorities are compared at a millionth, so that float noise cannot
	// break a tie that the next keys should decide.
	key := func(p float64) float64 { return math.Round(p * 1e6) }
	biggest := func(m Match) int {
		n := 0
		for _, g := range m.Through {
			n = max(n, g.Size())
		}
		return n
	}
	slices.SortStableFunc(ms, func(a, b Match) int {
		if c := cmp.Compare(key(b.Priority), key(a.Priority)); c != 0 {
			return c
		}
		if c := cmp.Compare(biggest(b), biggest(a)); c != 0 {
			return c
		}
		return cmp.Compare(a.Recommendation.ID, b.Recommendation.ID)
	})
}

// recWeight is a recommendation's weight, 1 when not set (or invalid).
func recWeight(w float64) float64 {
	if !(w > 0) || math.IsInf(w, 0) {
		return 1
	}
	return w
}

// RoadmapStep is one step of the roadmap.
type RoadmapStep struct {
	Match *Match
	Step  Step
	Phase string
}

// Roadmap orders every step shown in the matches (not the "beyond your
// targets" suggestions) in three phases by the
// level it reaches (Foundations 1-2, Consolidation 3, Leadership 4); within
// a phase by the priority of its recommendation (the order of Matches),
// then by level, then in catalogue order.
func (r *Result) Roadmap() []RoadmapStep {
	type item struct {
		RoadmapStep
		m int
	}
	var items []item
	for i := range r.Matches {
		m := &r.Matches[i]
		if m.Beyond {
			continue // suggestions beyond the targets are not on the roadmap
		}
		for _, st := range m.Steps {
			items = append(items, item{RoadmapStep{Match: m, Step: st, Phase: PhaseOf(st.Level)}, i})
		}
	}
	phase := func(p string) int { return slices.Index(Phases, p) }
	slices.SortStableFunc(items, func(a, b item) int {
		if c := cmp.Compare(phase(a.Phase), phase(b.Phase)); c != 0 {
			return c
		}
		if c := cmp.Compare(a.m, b.m); c != 0 {
			return c
		}
		return cmp.Compare(a.Step.Level, b.Step.Level)
	})
	out := make([]RoadmapStep, len(items))
	for i, it := range items {
		out[i] = it.RoadmapStep
	}
	return out
}

// StoredRoadmap returns the roadmap as the assessment file records it.
func (r *Result) StoredRoadmap() []assessment.RoadmapItem {
	rm := r.Roadmap()
	out := make([]assessment.RoadmapItem, len(rm))
	for i, x := range rm {
		it := assessment.RoadmapItem{
			Recommendation: x.Match.Recommendation.ID,
			Level:          x.Step.Level,
			Phase:          x.Phase,
			Priority:       x.Match.Band,
			Step:           x.Step.Index,
			Questions:      make([]assessment.RoadmapQuestion, len(x.Step.Moves)),
		}
		for j, g := range x.Step.Moves {
			it.Questions[j] = assessment.RoadmapQuestion{ID: g.Question, Level: g.Level, Target: g.Target}
		}
		out[i] = it
	}
	return out
}
