// Package scoring turns answers into scores and matches the recommendation
// catalogue against them. It is pure: no I/O, no clock, no terminal.
package scoring

import "github.com/dgmaturity/dgmaturity/questionnaire"

// Score is the score of one principle, area or pillar (or the overall one).
type Score struct {
	// ID is the principle, area or pillar id; "" for the overall score.
	ID string
	// Value is 0..100; meaningful only when Defined.
	Value float64
	// Defined is false when no question counted (all not applicable or unanswered).
	Defined bool
	// LowEvidence is true when the score rests on less than half of the
	// weight of its applicable questions (don't know and unanswered are not evidence).
	LowEvidence bool
	// Floor is the lowest level answered among its questions (the weakest
	// link), or -1 when none was answered with a level.
	Floor int
	// Counts of the questions behind the score.
	Questions, Answered, DontKnow, NA, Unanswered int
	// EvidenceWeight and ApplicableWeight are the weights behind LowEvidence.
	EvidenceWeight, ApplicableWeight float64
}

// Result is the scored assessment.
type Result struct {
	Overall Score
	// Stage is the scale name of the overall band; StageLevel its level 0..4.
	Stage      string
	StageLevel int
	// Areas, Principles and Pillars are in questionnaire order.
	Areas      []Score
	Principles []Score
	Pillars    []Score
	// Matrix[principle][area] is the score of the questions of that area
	// that carry that principle (Defined false when there are none).
	Matrix map[string]map[string]Score
	// Coverage is the share (0..1) of applicable weight answered with a level.
	Coverage float64
	// DontKnow, NA and Unanswered list question ids in questionnaire order.
	DontKnow, NA, Unanswered []string
	// Matches are the recommendations whose trigger holds, highest priority first.
	Matches []Match
}

// Match is a recommendation whose trigger holds.
type Match struct {
	Recommendation *questionnaire.Recommendation
	// Priority grows with how far below their thresholds the scores are,
	// times the recommendation's weight.
	Priority float64
	// Band is "High", "Medium" or "Low".
	Band string
	// Fired are the conditions that held, with their measured values.
	Fired []Fired
}

// Fired is one condition that held.
type Fired struct {
	Condition questionnaire.Condition
	// Label names the subject for people, e.g. "P3 Data-driven culture".
	Label string
	// Measured is the score (0..100) or, for at_most, the level.
	Measured float64
	// Threshold is the below value or the at_most level.
	Threshold float64
	// Text says it in a sentence, e.g. "P3 Data-driven culture scored 25 < 50".
	Text string
}
