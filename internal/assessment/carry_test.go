package assessment

import (
	"slices"
	"strings"
	"testing"

	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// TestCarryAcrossReleases carries a 1.0.0 draft into the current release,
// as a user finishing last year's draft in the new version would.
func TestCarryAcrossReleases(t *testing.T) {
	rel := questionnaire.Releases()
	old, cur := rel[0], rel[len(rel)-1]
	if old.Version != "1.0.0" {
		t.Fatalf("oldest release %s, want 1.0.0", old.Version)
	}
	answers := map[string]Answer{
		"CTX-01":  {Level: ptr(3), Comment: "in the 2024-2028 plan"}, // kept
		"CTX-03":  Lvl(2),                                            // retired in 1.1.0
		"DATA-11": {DontKnow: true},                                  // kept
		"SVC-12":  {NA: "residents only, by law"},                    // kept, N/A allowed
		"CTX-09":  {NA: "no services to the public"},                 // kept, N/A no longer allowed
		"SVC-05":  Lvl(4),                                            // split in 1.1.0
		"CTX-02":  {},                                                // never answered
	}
	carried, left := Carry(answers, old, cur)
	for _, id := range []string{"CTX-01", "DATA-11", "SVC-12"} {
		if _, ok := carried[id]; !ok {
			t.Errorf("%s not carried", id)
		}
	}
	if c := carried["CTX-01"]; c.Level == nil || *c.Level != 3 || c.Comment != "in the 2024-2028 plan" {
		t.Errorf("CTX-01 carried as %+v, want level 3 with its comment", c)
	}
	if want := []string{"CTX-03", "CTX-09", "SVC-05"}; !slices.Equal(left, want) {
		t.Errorf("left %v, want %v", left, want)
	}
	if _, ok := carried["CTX-02"]; ok {
		t.Error("an empty answer was carried")
	}
	if len(answers) != 7 || answers["CTX-03"].Level == nil {
		t.Error("Carry changed its input")
	}
	// Every carried id is a question of the new release.
	for id := range carried {
		if _, ok := cur.Question(id); !ok {
			t.Errorf("carried %s, which %s does not ask", id, cur.Version)
		}
	}
	// Within one release everything answered carries.
	same, rest := Carry(answers, old, old)
	if len(rest) != 0 || len(same) != 6 {
		t.Errorf("carrying within one release: %d carried, %v left; want 6 and none", len(same), rest)
	}
}

func ptr(n int) *int { return &n }

// TestRetiredQuestionInAnswers: an answers file written for 1.0.0 names a
// question 1.1.0 retired; the error says so instead of suggesting a
// look-alike id with another meaning.
func TestRetiredQuestionInAnswers(t *testing.T) {
	q := questionnaire.Default()
	_, err := ParseAnswers("old.yaml", []byte("organisation: {name: X, type: agency}\nanswers:\n  CTX-03: 2\n  CTX-1: 2\n"), q, "2026-01-01")
	if err == nil {
		t.Fatal("an answer to a retired question was accepted")
	}
	msg := err.Error()
	if !strings.Contains(msg, `answers.CTX-03: unknown question "CTX-03": it was asked in release 1.0.0 of oecd-dgs-2014, not in `+q.Version) {
		t.Errorf("the retired id is not explained: %s", msg)
	}
	if !strings.Contains(msg, `answers.CTX-1: unknown question "CTX-1" (did you mean CTX-01?)`) {
		t.Errorf("a typo is no longer given a suggestion: %s", msg)
	}
}
