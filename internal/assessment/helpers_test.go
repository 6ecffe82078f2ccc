package assessment

import (
	"flag"
	"strings"
	"testing"

	"github.com/dgmaturity/dgmaturity/questionnaire"
)

var update = flag.Bool("update", false, "rewrite golden files")

// today is the date the tests run on.
const today = "2026-03-01"

// testQuestionnaire builds a small instrument by hand (2 areas, 3
// principles, 6 questions, DATA-02 allowing N/A), so that these tests do not
// depend on the questionnaire loader or the default instrument.
func testQuestionnaire(t testing.TB) *questionnaire.Questionnaire {
	t.Helper()
	levels := []string{"none", "some", "defined", "managed", "optimised"}
	q := &questionnaire.Questionnaire{
		ID:        "test-instrument",
		Version:   "1.0.0",
		Title:     "Test instrument",
		Languages: []string{"en", "fr"},
		Scale: []questionnaire.ScaleLevel{
			{Level: 0, Name: "Not started"}, {Level: 1, Name: "Emerging"}, {Level: 2, Name: "Developing"},
			{Level: 3, Name: "Established"}, {Level: 4, Name: "Leading"},
		},
		Pillars: []questionnaire.Pillar{{ID: "openness", Title: "Openness"}, {ID: "governance", Title: "Governance"}},
		Principles: []questionnaire.Principle{
			{ID: "P1", Pillar: "openness", Title: "Openness", Short: "Openness"},
			{ID: "P3", Pillar: "openness", Title: "Data-driven culture", Short: "Data"},
			{ID: "P5", Pillar: "governance", Title: "Leadership", Short: "Leadership"},
		},
		Areas: []questionnaire.Area{
			{ID: "context", Title: "Context", Short: "Context"},
			{ID: "data", Title: "Data", Short: "Data"},
		},
		Questions: []questionnaire.Question{
			{ID: "CTX-01", Area: "context", Principles: []string{"P5"}, Weight: 2, Text: "Q1?", Levels: levels},
			{ID: "CTX-02", Area: "context", Principles: []string{"P1", "P5"}, Weight: 1, Text: "Q2?", Levels: levels},
			{ID: "CTX-03", Area: "context", Principles: []string{"P1"}, Weight: 1, Text: "Q3?", Levels: levels},
			{ID: "DATA-01", Area: "data", Principles: []string{"P3"}, Weight: 2, Text: "Q4?", Levels: levels},
			{ID: "DATA-02", Area: "data", Principles: []string{"P3"}, Weight: 1, Text: "Q5?", Levels: levels, NA: true},
			{ID: "DATA-03", Area: "data", Principles: []string{"P3", "P1"}, Weight: 1, Text: "Q6?", Levels: levels},
		},
		Recommendations: []questionnaire.Recommendation{
			{ID: "REC-DATA-01", Area: "data", Principles: []string{"P3"}, Title: "Data strategy", Text: "Write one.",
				Addresses: []string{"DATA-01"},
				Steps:     []questionnaire.Step{{Level: 1, Text: "a"}, {Level: 2, Text: "b"}, {Level: 3, Text: "c"}, {Level: 4, Text: "d"}}},
		},
	}
	q.Reindex()
	return q
}

// crlf turns the line ends of s into CRLF, as a Windows editor saves them.
func crlf(s []byte) []byte {
	return []byte(strings.ReplaceAll(strings.ReplaceAll(string(s), "\r\n", "\n"), "\n", "\r\n"))
}
