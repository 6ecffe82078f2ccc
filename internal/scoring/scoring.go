// Package scoring turns answers into scores, matches the recommendation
// catalogue against them, merges the answers of several workshop respondents
// and summarises many assessments. It is pure: no I/O, no clock, no terminal.
//
// The method, as the report's method section states it:
//
//   - A level ℓ is worth 25·ℓ points (0..100).
//   - "Not applicable" leaves the question out entirely. "Don't know" counts
//     as 0 points and is listed. An unanswered question (a draft in progress)
//     is left out of the mean, listed, and counts against the evidence.
//   - A principle, area or pillar score is the weighted mean (question
//     weights) of the questions that carry it. A question that carries two
//     principles counts fully in both. A pillar's questions are those that
//     carry any of its principles, each question once. The overall score is
//     the unweighted mean of the area scores that are defined.
//   - A score is undefined when no question counted (every one not
//     applicable or unanswered).
//   - A score is "low evidence" when the weight of its questions answered
//     with a level is less than half of the weight of its applicable (not
//     N/A) questions.
//   - The floor of a score is the lowest level answered among its
//     questions; "don't know" does not set the floor (it is not a level
//     that was seen), so a score resting only on "don't know" has floor -1.
//   - The stage is the band of the overall score: [0,20) is level 0,
//     [20,40) level 1, [40,60) level 2, [60,80) level 3, [80,100] level 4,
//     named by the questionnaire's scale.
//   - Every question has a target level (assessment.Targets: default 3; a
//     question's own, else its first principle's, else its area's, else the
//     default). A recommendation applies when a question it addresses is
//     below its target (don't know as 0; N/A and unanswered never) and it
//     serves the organisation's type; it shows its steps from the question's
//     level + 1 up to the target (Match). Priority and bands: HighPriority.
//     When every target is met, the next-level steps of the BeyondCount
//     lowest questions are suggested instead. The roadmap orders every step
//     in three phases by the level it reaches (Result.Roadmap).
//
// Scores are kept as float64; Result.Stored rounds them to one decimal for
// the assessment file.
package scoring

import (
	"math"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// PointsPerLevel is what one level is worth: level ℓ scores 25·ℓ points.
const PointsPerLevel = 25

// eps absorbs floating-point noise in comparisons with band limits and
// thresholds (an overall score meant as 80 may come out as 79.99999999999999).
const eps = 1e-9

// Measure is the score of one principle, area, pillar or principle-by-area
// cell, or the overall score. (It is not called Score because the function
// Score, which runs the whole scoring, has that name.)
type Measure struct {
	// ID is the principle, area or pillar id; "" for the overall score;
	// "<principle>/<area>" for a cell of Result.Matrix.
	ID string
	// Value is 0..100; meaningful only when Defined.
	Value float64
	// Defined is false when no question counted (all not applicable or unanswered).
	Defined bool
	// LowEvidence is true when the score rests on less than half of the
	// weight of its applicable questions (don't know and unanswered are not evidence).
	LowEvidence bool
	// Floor is the lowest level answered among its questions (the weakest
	// link), or -1 when none was answered with a level. Don't know does not
	// set the floor.
	Floor int
	// Questions counts every question that carries the score (N/A included);
	// Answered those answered with a level; DontKnow, NA and Unanswered the rest.
	Questions, Answered, DontKnow, NA, Unanswered int
	// EvidenceWeight (answered with a level) and ApplicableWeight (not N/A)
	// are the weights behind LowEvidence.
	EvidenceWeight, ApplicableWeight float64
}

// Result is the scored assessment.
type Result struct {
	// Overall is the mean of the defined area scores; its counts, weights
	// and floor cover the whole questionnaire.
	Overall Measure
	// Stage is the scale name of the overall band; StageLevel its level 0..4.
	// When the overall score is undefined, Stage is "" and StageLevel -1.
	Stage      string
	StageLevel int
	// Areas, Principles and Pillars are in questionnaire order.
	Areas      []Measure
	Principles []Measure
	Pillars    []Measure
	// Matrix[principle][area] is the score of the questions of that area
	// that carry that principle. Every principle-area pair is present;
	// Defined is false (and Questions 0) where there are no such questions.
	Matrix map[string]map[string]Measure
	// Coverage is the share (0..1) of applicable weight answered with a
	// level over the whole questionnaire; 0 when nothing is applicable.
	Coverage float64
	// DontKnow, NA and Unanswered list question ids in questionnaire order.
	DontKnow, NA, Unanswered []string
	// Targets maps every question id to its target level 1..4.
	Targets map[string]int
	// Levels maps every question answered with a level or don't know to
	// its level (don't know as 0); not applicable and unanswered questions
	// are left out.
	Levels map[string]int
	// Matches are the recommendations that apply, highest priority first
	// (see Match); when every target is met, the "beyond your targets"
	// suggestions (Match.Beyond).
	Matches []Match
}

// BeyondTargets reports whether every target is met, so that Matches are
// suggestions beyond the targets.
func (r *Result) BeyondTargets() bool {
	for _, m := range r.Matches {
		if !m.Beyond {
			return false
		}
	}
	return true
}

// Score scores the answers against the questionnaire and matches the
// recommendation catalogue at the default targets, for no particular
// organisation type. Answers to ids the questionnaire does not have are
// ignored. To score many assessments against one questionnaire, build a
// Scorer once with NewScorer.
func Score(q *questionnaire.Questionnaire, answers map[string]assessment.Answer) *Result {
	return NewScorer(q).Score(answers)
}

// ScoreWith is Score with targets and an organisation type.
func ScoreWith(q *questionnaire.Questionnaire, answers map[string]assessment.Answer, opt Options) *Result {
	return NewScorer(q).ScoreWith(answers, opt)
}

// ScoreAssessment scores an assessment with its own targets (overridden by
// defaultTarget when that is not 0) and its organisation's type.
func ScoreAssessment(q *questionnaire.Questionnaire, a *assessment.Assessment, defaultTarget int) *Result {
	return NewScorer(q).ScoreWith(a.Answers, OptionsFor(a, defaultTarget))
}

// OptionsFor returns the matching options of an assessment: its recorded
// targets, with the default replaced by defaultTarget when that is not 0,
// and its organisation's type.
func OptionsFor(a *assessment.Assessment, defaultTarget int) Options {
	var t *assessment.Targets
	if a.Targets != nil {
		c := *a.Targets
		t = &c
	}
	if defaultTarget != 0 {
		if t == nil {
			t = &assessment.Targets{}
		}
		t.Default = defaultTarget
	}
	return Options{Targets: t, OrgType: a.Organisation.Type}
}

// Stored returns the scores as they are written into the assessment file:
// every score rounded to one decimal, undefined scores left out of their
// maps (and the overall score 0 with an empty stage when it is undefined),
// coverage rounded to two decimals (a whole percentage).
func (r *Result) Stored() *assessment.Scores {
	s := &assessment.Scores{
		Stage:      r.Stage,
		Areas:      storedMap(r.Areas),
		Principles: storedMap(r.Principles),
		Pillars:    storedMap(r.Pillars),
		Coverage:   RoundCoverage(r.Coverage),
	}
	if r.Overall.Defined {
		s.Overall = Round1(r.Overall.Value)
	}
	return s
}

func storedMap(ms []Measure) map[string]float64 {
	m := make(map[string]float64, len(ms))
	for _, x := range ms {
		if x.Defined {
			m[x.ID] = Round1(x.Value)
		}
	}
	return m
}

// RoundCoverage rounds a coverage (0 to 1) to two decimals, as stored.
func RoundCoverage(c float64) float64 { return math.Round(c*100) / 100 }

// Round1 rounds a score to one decimal, as stored and shown.
func Round1(v float64) float64 { return math.Round(v*10) / 10 }

// Area returns the score of the area with the id; an undefined Measure
// (Floor -1) when there is no such area.
func (r *Result) Area(id string) Measure { return find(r.Areas, id) }

// Principle returns the score of the principle with the id; an undefined
// Measure (Floor -1) when there is no such principle.
func (r *Result) Principle(id string) Measure { return find(r.Principles, id) }

// Pillar returns the score of the pillar with the id; an undefined Measure
// (Floor -1) when there is no such pillar.
func (r *Result) Pillar(id string) Measure { return find(r.Pillars, id) }

// find is a linear scan: the lists are short (4, 12, 3) and a scan needs
// no index that a hand-built Result would lack.
func find(ms []Measure, id string) Measure {
	for _, m := range ms {
		if m.ID == id {
			return m
		}
	}
	return Measure{ID: id, Floor: -1}
}

// RecommendationIDs returns the ids of the recommendations that apply, in
// priority order, as the assessment file lists them ("beyond your targets"
// suggestions are not among them).
func (r *Result) RecommendationIDs() []string {
	ids := make([]string, 0, len(r.Matches))
	for _, m := range r.Matches {
		if !m.Beyond {
			ids = append(ids, m.Recommendation.ID)
		}
	}
	return ids
}

// stageLevel is the band of an overall score: five equal bands of 20,
// [0,20) → 0 … [80,100] → 4, clamped to 0..4.
func stageLevel(v float64) int {
	l := int(math.Floor((v + eps) / 20))
	return min(max(l, questionnaire.MinLevel), questionnaire.MaxLevel)
}
