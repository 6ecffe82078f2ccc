package scoring

import (
	"cmp"
	"math"
	"slices"
	"strconv"

	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// Priority bands of a matched recommendation. Priority is the
// recommendation's weight (1 when not set) times the largest gap, in
// points, among the conditions that fired: for "below" the threshold minus
// the score, for "at_most" (threshold level − answered level + 1)·25, don't
// know counting as level 0.
//
// A priority of HighPriority (30) or more is High: more than one level
// (25 points) below a threshold, or a question two or more levels under
// the bar. From MediumPriority (15) it is Medium: more than half a level
// below, or a question just at the bar (a gap of 25). Below that, Low.
const (
	HighPriority   = 30
	MediumPriority = 15
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

// match evaluates every recommendation's trigger. A trigger holds when
// (Any is empty or one of its conditions holds) and (All is empty or all of
// its conditions hold), and at least one of the two is set. Fired texts are
// only built for recommendations that match.
func (s *Scorer) match(r *Result, givens []given) []Match {
	var out []Match
	for i := range s.recs {
		ru := &s.recs[i]
		if len(ru.any) == 0 && len(ru.all) == 0 {
			continue
		}
		anyOK := len(ru.any) == 0
		for _, c := range ru.any {
			if _, ok := s.eval(c, r, givens); ok {
				anyOK = true
				break
			}
		}
		if !anyOK {
			continue
		}
		allOK := true
		for _, c := range ru.all {
			if _, ok := s.eval(c, r, givens); !ok {
				allOK = false
				break
			}
		}
		if !allOK {
			continue
		}
		m := Match{Recommendation: ru.rec}
		var gap float64
		for _, group := range [2][]cond{ru.any, ru.all} {
			for _, c := range group {
				if f, ok := s.eval(c, r, givens); ok {
					describe(&f, c, givens)
					m.Fired = append(m.Fired, f)
					gap = max(gap, f.Gap)
				}
			}
		}
		m.Priority = recWeight(ru.rec.Weight) * gap
		m.Band = Band(m.Priority)
		out = append(out, m)
	}
	// Priorities are compared at a millionth of a point, so that float noise
	// (24.999999999999996 against 25) does not break a tie that the ids
	// should decide.
	key := func(p float64) float64 { return math.Round(p * 1e6) }
	slices.SortStableFunc(out, func(a, b Match) int {
		if c := cmp.Compare(key(b.Priority), key(a.Priority)); c != 0 {
			return c
		}
		return cmp.Compare(a.Recommendation.ID, b.Recommendation.ID)
	})
	return out
}

// recWeight is a recommendation's weight, 1 when not set (or invalid).
func recWeight(w float64) float64 {
	if !(w > 0) || math.IsInf(w, 0) {
		return 1
	}
	return w
}

// eval reports whether a condition holds and, if so, returns its measured
// value, threshold and gap (Label and Text are filled by describe). A
// condition holds when its subject is defined and either its score is
// strictly below "below" (with a 1e-9 tolerance against rounding noise), or,
// for a question, its level is at most "at_most" (don't know counts as
// level 0; not applicable and unanswered never hold). "at_most" on anything
// but a question never holds, and nor does a condition without a comparator
// or with an unknown subject. Should both comparators be set, below is used.
func (s *Scorer) eval(c cond, r *Result, givens []given) (Fired, bool) {
	f := Fired{Condition: c.c}
	var m Measure
	switch c.kind {
	case kindPrinciple:
		m = r.Principles[c.pos]
	case kindArea:
		m = r.Areas[c.pos]
	case kindPillar:
		m = r.Pillars[c.pos]
	case kindOverall:
		m = r.Overall
	case kindQuestion:
		g := givens[c.pos]
		if g.state != stLevel && g.state != stDontKnow {
			return f, false
		}
		m = Measure{Defined: true, Value: float64(g.level * PointsPerLevel)}
		if c.c.Below == nil && c.c.AtMost != nil {
			at := *c.c.AtMost
			if g.level > at {
				return f, false
			}
			f.Measured, f.Threshold = float64(g.level), float64(at)
			f.Gap = float64((at - g.level + 1) * PointsPerLevel)
			return f, true
		}
	default:
		return f, false
	}
	if !m.Defined || c.c.Below == nil {
		return f, false
	}
	below := *c.c.Below
	if !(m.Value < below-eps) {
		return f, false
	}
	f.Measured, f.Threshold, f.Gap = m.Value, below, below-m.Value
	return f, true
}

// label names a condition's subject for people (see Fired.Label).
func label(q *questionnaire.Questionnaire, c cond) string {
	switch c.kind {
	case kindPrinciple:
		p := &q.Principles[c.pos]
		if name := firstOf(p.Short, p.Title); name != "" {
			return p.ID + " " + name
		}
		return p.ID
	case kindArea:
		a := &q.Areas[c.pos]
		return firstOf(a.Short, a.Title, a.ID)
	case kindPillar:
		p := &q.Pillars[c.pos]
		return firstOf(p.Title, p.ID)
	case kindQuestion:
		return q.Questions[c.pos].ID
	case kindOverall:
		return "Overall"
	}
	return ""
}

// describe fills the Label and Text of a fired condition.
func describe(f *Fired, c cond, givens []given) {
	f.Label = c.label
	if c.kind != kindQuestion {
		f.Text = f.Label + " scored " + scoreText(f.Measured, f.Threshold) + ", below " + number(f.Threshold)
		return
	}
	g := givens[c.pos]
	said := "answered level " + strconv.Itoa(g.level)
	if g.state == stDontKnow {
		said = "answered don't know (counts as 0)"
	}
	if c.c.Below != nil {
		if g.state == stLevel {
			said += " (" + scoreText(f.Measured, f.Threshold) + " points)"
		}
		f.Text = f.Label + " " + said + ", below " + number(f.Threshold)
		return
	}
	f.Text = f.Label + " " + said + ", at most " + number(f.Threshold)
}

func firstOf(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

// number formats a threshold as written: 50, 42.5.
func number(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// scoreText formats a measured score with one decimal, or with as many as
// it takes when one decimal would round it up to its threshold (49.96 would
// read "50.0, below 50").
func scoreText(v, threshold float64) string {
	if Round1(v) >= threshold {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return strconv.FormatFloat(Round1(v), 'f', 1, 64)
}
