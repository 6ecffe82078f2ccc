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
	// Matches are the recommendations whose trigger holds, highest priority
	// first, then by recommendation id.
	Matches []Match
}

// Match is a recommendation whose trigger holds.
type Match struct {
	// Recommendation points into the questionnaire's catalogue.
	Recommendation *questionnaire.Recommendation
	// Priority is the recommendation's weight (1 when not set) times the
	// largest gap, in points, among the conditions that fired (see Fired).
	Priority float64
	// Band is BandHigh, BandMedium or BandLow (see HighPriority).
	Band string
	// Fired are the conditions that held, with their measured values: those
	// of the trigger's Any that held, then all of its All, in file order.
	Fired []Fired
}

// Fired is one condition that held.
type Fired struct {
	// Condition is the condition as written in the questionnaire.
	Condition questionnaire.Condition
	// Label names the subject for people: "P3 Data-driven culture" for a
	// principle (id and short label), the area's short label, the pillar's
	// title, the question id, or "Overall".
	Label string
	// Measured is the score (0..100) for below, or the level for at_most
	// (don't know counts as 0).
	Measured float64
	// Threshold is the below value or the at_most level.
	Threshold float64
	// Gap is how far past the threshold the subject is, in points: below
	// minus the score for below; (at_most − level + 1)·25 for at_most.
	Gap float64
	// Text says it in a sentence, e.g. "P3 Data-driven culture scored 25.0,
	// below 50" or "DATA-03 answered don't know (counts as 0), at most 1".
	Text string
}

// Score scores the answers against the questionnaire and matches the
// recommendation catalogue. Answers to ids the questionnaire does not have
// are ignored. To score many assessments against one questionnaire, build a
// Scorer once with NewScorer.
func Score(q *questionnaire.Questionnaire, answers map[string]assessment.Answer) *Result {
	return NewScorer(q).Score(answers)
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
		Coverage:   math.Round(r.Coverage*100) / 100,
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

// RecommendationIDs returns the ids of the matched recommendations in
// priority order, as the assessment file lists them.
func (r *Result) RecommendationIDs() []string {
	ids := make([]string, len(r.Matches))
	for i, m := range r.Matches {
		ids[i] = m.Recommendation.ID
	}
	return ids
}

// stageLevel is the band of an overall score: five equal bands of 20,
// [0,20) → 0 … [80,100] → 4, clamped to 0..4.
func stageLevel(v float64) int {
	l := int(math.Floor((v + eps) / 20))
	return min(max(l, questionnaire.MinLevel), questionnaire.MaxLevel)
}
