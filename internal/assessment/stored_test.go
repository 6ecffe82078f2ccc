package assessment_test

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// TestStoredPartsOutsideTheSchema edits the parts of an assessment file
// that are stored for convenience (scores, recommendations, roadmap) to
// values its JSON Schema forbids. Parse must refuse each as bad input
// naming the field, and never accept a file whose save would break the
// schema (a fuzzer found a misspelt roadmap phase kept and saved again).
func TestStoredPartsOutsideTheSchema(t *testing.T) {
	q := questionnaire.Default()
	schema := assessmentSchema(t)
	base, err := os.ReadFile("../../examples/reports/agency-for-shared-digital-services-2026-03-02.json")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		field string
		edit  func(d map[string]any)
		// missing: a part left out reads as its zero value, which the
		// schema allows once saved; refusing it is also fine.
		missing bool
	}{
		{"scores.overall", func(d map[string]any) { scores(d)["overall"] = 150 }, false},
		{"scores.overall", func(d map[string]any) { scores(d)["overall"] = -1 }, false},
		{"scores.coverage", func(d map[string]any) { scores(d)["coverage"] = 1.5 }, false},
		{"scores.areas.data", func(d map[string]any) { scores(d)["areas"].(map[string]any)["data"] = 100.5 }, false},
		{"scores.principles.P1", func(d map[string]any) { scores(d)["principles"].(map[string]any)["P1"] = -0.1 }, false},
		{"scores.pillars", func(d map[string]any) { scores(d)["pillars"] = nil }, true},
		{"scores.areas", func(d map[string]any) { delete(scores(d), "areas") }, true},
		{"scores.stage", func(d map[string]any) { delete(scores(d), "stage") }, true},
		{"roadmap[0].phase", func(d map[string]any) { step(d)["phase"] = "Condolidation" }, false},
		{"roadmap[0].priority", func(d map[string]any) { step(d)["priority"] = "Urgent" }, false},
		{"roadmap[0].level", func(d map[string]any) { step(d)["level"] = 0 }, false},
		{"roadmap[0].level", func(d map[string]any) { step(d)["level"] = 5 }, false},
		{"roadmap[0].step", func(d map[string]any) { step(d)["step"] = -1 }, false},
		{"roadmap[0].questions", func(d map[string]any) { step(d)["questions"] = []any{} }, false},
		{"roadmap[0].questions", func(d map[string]any) { delete(step(d), "questions") }, false},
		{"roadmap[0].recommendation", func(d map[string]any) { step(d)["recommendation"] = "REC\x1b[2J" }, false},
		{"scores.overall", func(d map[string]any) { scores(d)["overall"] = 1e300 }, false},
		{"roadmap[0].questions[0].level", func(d map[string]any) { move(d)["level"] = 5 }, false},
		{"roadmap[0].questions[0].target", func(d map[string]any) { move(d)["target"] = 0 }, false},
		{"roadmap[0].recommendation", func(d map[string]any) { delete(step(d), "recommendation") }, true},
		{"roadmap[0].questions[0].id", func(d map[string]any) { delete(move(d), "id") }, true},
	} {
		var d map[string]any
		if err := json.Unmarshal(base, &d); err != nil {
			t.Fatal(err)
		}
		tt.edit(d)
		data, err := json.MarshalIndent(d, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		a, _, err := assessment.Parse("a.json", data, q)
		if err == nil {
			out, _ := assessment.Marshal(a)
			inst, _ := jsonschema.UnmarshalJSON(bytes.NewReader(out))
			if err := schema.Validate(inst); err != nil || !tt.missing {
				t.Errorf("%s: accepted; its save is checked by the schema with %v", tt.field, err)
			}
			continue
		}
		checkRefusal(t, err, "a.json")
		if !strings.Contains(err.Error(), "a.json:") || !strings.Contains(err.Error(), ": "+tt.field+": ") {
			t.Errorf("%s: refused with %q; want the file, a line and the field", tt.field, err)
		}
	}
}

func scores(d map[string]any) map[string]any { return d["scores"].(map[string]any) }
func step(d map[string]any) map[string]any {
	return d["roadmap"].([]any)[0].(map[string]any)
}
func move(d map[string]any) map[string]any {
	return step(d)["questions"].([]any)[0].(map[string]any)
}
