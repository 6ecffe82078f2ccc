package scoring

import (
	"slices"

	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// Progress is what moved between an earlier assessment of an organisation
// and a later one, both scored against the same questionnaire.
type Progress struct {
	// Since is the date of the earlier assessment.
	Since string
	// Overall is the change of the overall score; Defined is false when
	// either score is undefined.
	Overall Change
	// Areas and Principles are in questionnaire order.
	Areas, Principles []Change
	// Up and Down are the questions whose level rose or fell (don't know
	// as 0), in questionnaire order. Questions not applicable or
	// unanswered in either assessment are left out.
	Up, Down []Move
	// Done are the steps of the earlier roadmap whose questions have all
	// reached the step's level since.
	Done []RoadmapStep
	// Version is the questionnaire version of the earlier assessment when
	// it differs from the current one ("" when both are the same); the two
	// are then compared on the Shared questions both versions ask, and
	// Reworded lists the shared ones whose wording changed in between.
	Version  string
	Shared   int
	Reworded []string
}

// Change is the change of one score.
type Change struct {
	// ID is the area or principle id; "" for the overall score.
	ID string
	// From and To are the two scores (0..100); Defined is false when
	// either is undefined.
	From, To float64
	Defined  bool
}

// Delta is To − From.
func (c Change) Delta() float64 { return c.To - c.From }

// Move is a question whose level changed (don't know counting as 0).
type Move struct {
	Question string
	From, To int
	// FromDontKnow and ToDontKnow are true where the level is 0 because
	// the answer was don't know.
	FromDontKnow, ToDontKnow bool
}

// CompareResults returns the progress from prev, the result of the earlier
// assessment dated since, to cur. Both must come from the same questionnaire.
func CompareResults(q *questionnaire.Questionnaire, since string, prev, cur *Result) *Progress {
	p := &Progress{Since: since, Overall: change("", prev.Overall, cur.Overall)}
	for i := range cur.Areas {
		p.Areas = append(p.Areas, change(cur.Areas[i].ID, prev.Area(cur.Areas[i].ID), cur.Areas[i]))
	}
	for i := range cur.Principles {
		p.Principles = append(p.Principles, change(cur.Principles[i].ID, prev.Principle(cur.Principles[i].ID), cur.Principles[i]))
	}
	for i := range q.Questions {
		id := q.Questions[i].ID
		from, ok1 := prev.Levels[id]
		to, ok2 := cur.Levels[id]
		if !ok1 || !ok2 {
			continue
		}
		mv := Move{Question: id, From: from, To: to, FromDontKnow: slices.Contains(prev.DontKnow, id), ToDontKnow: slices.Contains(cur.DontKnow, id)}
		switch {
		case to > from:
			p.Up = append(p.Up, mv)
		case to < from:
			p.Down = append(p.Down, mv)
		}
	}
	for _, x := range prev.Roadmap() {
		done := true
		for _, g := range x.Step.Moves {
			if l, ok := cur.Levels[g.Question]; !ok || l < x.Step.Level {
				done = false
				break
			}
		}
		if done {
			p.Done = append(p.Done, x)
		}
	}
	return p
}

func change(id string, from, to Measure) Change {
	return Change{ID: id, From: from.Value, To: to.Value, Defined: from.Defined && to.Defined}
}
