package questionnaire

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/dgmaturity/dgmaturity/internal/input"
)

var update = flag.Bool("update", false, "rewrite golden files")

// ignoreIndex compares questionnaires by content only.
var ignoreIndex = cmpopts.IgnoreUnexported(Questionnaire{})

func mustLoad(t *testing.T, path string) *Questionnaire {
	t.Helper()
	q, err := Load(path)
	if err != nil {
		t.Fatalf("Load(%s): %v", path, err)
	}
	return q
}

// inputErrors flattens an error into its input errors, failing the test
// when it holds anything else.
func inputErrors(t *testing.T, err error) []*input.Error {
	t.Helper()
	var es input.Errors
	var e *input.Error
	switch {
	case errors.As(err, &es):
		return es
	case errors.As(err, &e):
		return []*input.Error{e}
	}
	t.Fatalf("error %v (%T) is not an input error", err, err)
	return nil
}

func TestDefaultIsValid(t *testing.T) {
	q := Default()
	if q != Default() {
		t.Error("Default() returns a new value on each call; want one shared value")
	}
	// Parse again from the embedded bytes: Default must be what Parse gives.
	name, data, err := releaseFile(len(releaseList) - 1)
	if err != nil {
		t.Fatal(err)
	}
	again, err := Parse(name, data)
	if err != nil {
		t.Fatalf("embedded default: %v", err)
	}
	if again.Hash() != q.Hash() {
		t.Error("Default() and a fresh Parse of the embedded file differ")
	}
	if got := len(q.Hash()); got != 64 {
		t.Errorf("Hash() has %d characters, want 64 hex digits", got)
	}
	if q.ID != "oecd-dgs-2014" || q.Languages[0] != "en" {
		t.Errorf("id %q, languages %v", q.ID, q.Languages)
	}
	// The structure stays whatever questions the lead merges in.
	var pillars, areas []string
	for _, p := range q.Pillars {
		pillars = append(pillars, p.ID)
	}
	for _, a := range q.Areas {
		areas = append(areas, a.ID)
	}
	if diff := cmp.Diff([]string{"openness", "governance", "capacities"}, pillars); diff != "" {
		t.Errorf("pillars (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"context", "policy", "data", "services"}, areas); diff != "" {
		t.Errorf("areas (-want +got):\n%s", diff)
	}
	if len(q.Principles) != 12 {
		t.Errorf("%d principles, want 12", len(q.Principles))
	}
	for i, p := range q.Principles {
		if want := "P" + strconv.Itoa(i+1); p.ID != want {
			t.Errorf("principle %d has id %q, want %q", i, p.ID, want)
		}
		if n := len(strings.Fields(p.Short)); n < 1 || n > 3 {
			t.Errorf("%s short label %q has %d words, want 1 to 3", p.ID, p.Short, n)
		}
	}
	if len(q.Sources) != 22 {
		t.Errorf("%d sources, want the 22 recommendations of the review", len(q.Sources))
	}
	names := []string{}
	for _, s := range q.Scale {
		names = append(names, s.Name)
		if s.Summary == "" {
			t.Errorf("scale level %d has no summary", s.Level)
		}
	}
	if diff := cmp.Diff([]string{"Not started", "Initial", "Developing", "Established", "Leading"}, names); diff != "" {
		t.Errorf("scale names (-want +got):\n%s", diff)
	}
}

func TestLoadMinimal(t *testing.T) {
	q := mustLoad(t, "testdata/minimal.yaml")
	if got, ok := q.Question("Q-02"); !ok || !got.NA || got.Weight != 2 || len(got.Levels) != 5 {
		t.Errorf("Q-02 = %+v, %v", got, ok)
	}
	r, ok := q.Recommendation("R-01")
	if !ok {
		t.Fatal("R-01 not found")
	}
	if diff := cmp.Diff([]string{"Q-01"}, r.Addresses); diff != "" {
		t.Errorf("R-01 addresses (-want +got):\n%s", diff)
	}
	if len(r.Steps) != 4 || r.Steps[3].Level != 4 || r.Steps[3].Text != "Lead the way." {
		t.Errorf("R-01 steps = %+v", r.Steps)
	}
	r2, _ := q.Recommendation("R-02")
	for _, tt := range []struct {
		orgType string
		serves  bool
		steps   int
	}{{"ministry", true, 4}, {"agency", true, 4}, {"municipality", false, 0}, {"", false, 0}} {
		if got := r2.Serves(tt.orgType); got != tt.serves {
			t.Errorf("R-02 serves %q = %v, want %v", tt.orgType, got, tt.serves)
		}
		n := 0
		for i := range r2.Steps {
			if r2.Steps[i].Serves(r2, tt.orgType) {
				n++
			}
		}
		if n != tt.steps {
			t.Errorf("R-02 shows %d steps to %q, want %d", n, tt.orgType, tt.steps)
		}
	}
}

// TestWholeNumbers checks that 1.0 counts as a whole number, as JSON
// tools may write it, while 1.5 does not (TestBadFiles).
func TestWholeNumbers(t *testing.T) {
	data, err := os.ReadFile("testdata/minimal.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.NewReplacer("{level: 1, name: Some}", "{level: 1.0, name: Some}",
		"{level: 2, text: Go on.}", "{level: 2.0, text: Go on.}").Replace(string(data))
	q, err := Parse("whole.yaml", []byte(s))
	if err != nil {
		t.Fatal(err)
	}
	if q.Scale[1].Level != 1 || q.Recommendations[0].Steps[1].Level != 2 {
		t.Errorf("level %d, step level %d", q.Scale[1].Level, q.Recommendations[0].Steps[1].Level)
	}
}

// TestBadFiles checks each refusal on its own file: the message and the line.
func TestBadFiles(t *testing.T) {
	tests := []struct {
		file string
		line int
		want string
	}{
		{"empty", 0, "is empty"},
		{"blank", 0, "is empty"},
		{"invalid-utf8", 3, "is not valid UTF-8 text"},
		{"alias-bomb", 2, "YAML aliases (*a) are not allowed"},
		{"unknown-field", 23, `unknown field "shrot"`},
		{"duplicate-key", 14, `duplicate key "title"`},
		{"wrong-type", 41, `expected a number`},
		{"missing-id", 1, `id: is required`},
		{"bad-id", 34, `id "S 2" must be`},
		{"missing-version", 1, `version: is required`},
		{"bad-version", 2, `"1.0" is not a semantic version`},
		{"missing-title", 1, `title: must not be empty`},
		{"no-languages", 4, `languages: must list at least one language`},
		{"bad-language", 4, `"French" is not a language code`},
		{"scale-four-levels", 5, `must have exactly 5 levels (0 to 4), found 4`},
		{"scale-out-of-order", 10, `scale[4].level: must be 4: the levels run from 0 to 4 in order, found 5`},
		{"scale-fraction", 7, `scale[1].level: must be a whole number, found 1.5`},
		{"scale-empty-name", 8, `scale[2].name: must not be empty`},
		{"duplicate-pillar", 14, `duplicate pillar id "open" (first at line 12)`},
		{"pillar-empty-title", 13, `pillars[0].title: must not be empty`},
		{"pillar-without-principles", 14, `pillar "lonely" has no principles`},
		{"duplicate-principle", 25, `duplicate principle id "P2" (first at line 20)`},
		{"principle-unknown-pillar", 21, `principles[1].pillar: unknown pillar "closed"`},
		{"principle-empty-short", 18, `principles[0].short: must not be empty`},
		{"principle-empty-summary", 24, `principles[1].summary: must not be empty`},
		{"principle-without-questions", 25, `principle "P3" is carried by no question`},
		{"duplicate-area", 30, `duplicate area id "data" (first at line 26)`},
		{"area-empty-summary", 29, `areas[0].summary: must not be empty`},
		{"area-without-questions", 30, `area "people" has no questions`},
		{"duplicate-source", 37, `duplicate source id "S-1" (first at line 31)`},
		{"source-unknown-area", 32, `sources[0].area: unknown area "dada"`},
		{"source-empty-text", 36, `sources[1].text: must not be empty`},
		{"id-used-twice", 34, `id "P1" is already the id of a principle (line 15)`},
		{"duplicate-question", 60, `duplicate question id "Q-01" (first at line 38)`},
		{"question-unknown-area", 39, `questions[0].area: unknown area "people"`},
		{"question-unknown-principle", 40, `questions[0].principles[1]: unknown principle "P9"`},
		{"question-no-principles", 53, `questions[1].principles: must name at least one principle`},
		{"question-principle-twice", 40, `principle "P1" is listed twice`},
		{"question-zero-weight", 41, `questions[0].weight: must be a number above 0, found 0`},
		{"question-negative-weight", 54, `questions[1].weight: must be a number above 0, found -2`},
		{"question-missing-weight", 38, `questions[0].weight: is required`},
		{"question-empty-text", 42, `questions[0].text: must not be empty`},
		{"question-empty-help", 56, `questions[1].help: must not be empty`},
		{"question-missing-evidence", 38, `questions[0].evidence: must not be empty`},
		{"question-four-levels", 45, `questions[0].levels: must have exactly 5 level statements (one per level 0 to 4), found 4`},
		{"question-six-levels", 58, `questions[1].levels: must have exactly 5 level statements (one per level 0 to 4), found 6`},
		{"question-empty-level", 48, `questions[0].levels[2]: must not be empty`},
		{"question-control-character", 42, `questions[0].text: contains the control character U+001B`},
		{"duplicate-recommendation", 74, `duplicate recommendation id "R-01" (first at line 61)`},
		{"recommendation-unknown-principle", 63, `recommendations[0].principles[0]: unknown principle "P7"`},
		{"recommendation-empty-title", 79, `recommendations[1].title: must not be empty`},
		{"recommendation-empty-text", 66, `recommendations[0].text: must not be empty`},
		{"recommendation-unknown-source", 72, `recommendations[0].source: unknown source "S-9"`},
		{"recommendation-zero-weight", 73, `recommendations[0].weight: must be a number above 0, found 0`},
		{"recommendation-negative-weight", 73, `recommendations[0].weight: must be a number above 0, found -1`},
		{"addresses-unknown-question", 77, `recommendations[1].addresses[1]: unknown question "Q-09"`},
		{"addresses-missing", 61, `recommendations[0].addresses: must name at least one question`},
		{"addresses-same-set", 77, `recommendations[1].addresses: addresses the same questions as "R-01" (line 64)`},
		{"question-unaddressed", 51, `questions[1].id: question "Q-02" is addressed by no recommendation`},
		{"recommendation-no-steps", 67, `recommendations[0].steps: must list steps, at least one for each level 1 to 4`},
		{"step-missing-level", 67, `recommendations[0].steps: has no step for level 3`},
		{"step-level-too-high", 72, `recommendations[0].steps[4].level: must be a level from 1 to 4 (the level the step helps reach), found 5`},
		{"step-level-zero", 68, `recommendations[0].steps[0].level: must be a level from 1 to 4`},
		{"step-empty-text", 69, `recommendations[0].steps[1].text: must not be empty`},
		{"step-missing-for-type", 81, `recommendations[1].steps: has no level-4 step for agency`},
		{"step-type-outside", 86, `recommendations[1].steps[4].applies_to[1]: organisation type "municipality" is not among the recommendation's (ministry, agency)`},
		{"unknown-org-type", 78, `recommendations[1].applies_to[2]: unknown organisation type "commune"`},
		{"applies-to-empty", 65, `recommendations[0].applies_to: must name at least one organisation type`},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join("testdata", "bad", tt.file+".yaml")
			seen[path] = true
			q, err := Load(path)
			if err == nil {
				t.Fatalf("Load(%s) = %s, nil; want an error", path, q.ID)
			}
			if !input.IsBad(err) {
				t.Errorf("input.IsBad(%v) = false; want true (exit 2)", err)
			}
			es := inputErrors(t, err)
			if len(es) != 1 {
				t.Errorf("got %d errors, want 1:\n%v", len(es), err)
			}
			e := es[0]
			if e.File != path {
				t.Errorf("error names file %q, want %q", e.File, path)
			}
			if e.Line != tt.line || !strings.Contains(e.Error(), tt.want) {
				t.Errorf("error = %q (line %d); want line %d and %q", e.Error(), e.Line, tt.line, tt.want)
			}
		})
	}
	// Every bad file is in the table.
	files, _ := filepath.Glob(filepath.Join("testdata", "bad", "*.yaml"))
	for _, f := range files {
		if !seen[f] {
			t.Errorf("%s is not tested", f)
		}
	}
}

// TestManyProblems checks that one pass reports every problem, in line order.
func TestManyProblems(t *testing.T) {
	data, err := os.ReadFile("testdata/minimal.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s := strings.NewReplacer(
		"version: 0.1.0", "version: one",
		"    area: data\n    principles: [P2, P1]", "    area: nowhere\n    principles: [P2, P1]",
		"{level: 3, text: Keep going.}", "{level: 7, text: Keep going.}",
	).Replace(string(data))
	_, err = Parse("many.yaml", []byte(s))
	es := inputErrors(t, err)
	var lines []int
	for _, e := range es {
		lines = append(lines, e.Line)
	}
	if diff := cmp.Diff([]int{2, 52, 70, 84}, lines); diff != "" {
		t.Errorf("lines (-want +got):\n%s\n%v", diff, err)
	}
}

func TestTooLarge(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.yaml")
	// A valid-looking file of 6 MiB: a comment line repeated.
	line := "# " + strings.Repeat("x", 98) + "\n"
	data := []byte("id: huge\n" + strings.Repeat(line, 6*input.MiB/len(line)+1))
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	for name, load := range map[string]func() error{
		"Load":  func() error { _, err := Load(path); return err },
		"Parse": func() error { _, err := Parse(path, data); return err },
	} {
		err := load()
		if err == nil || !input.IsBad(err) || !strings.Contains(err.Error(), "larger than the 5 MiB limit") ||
			!strings.HasPrefix(err.Error(), path) {
			t.Errorf("%s: error %v; want %s: ... larger than the 5 MiB limit", name, err, path)
		}
	}
}

func TestLoadMissingFile(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "nope.yaml"))
	if err == nil || !input.IsBad(err) || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("error %v; want a bad-input error saying no such file", err)
	}
}

func TestStage(t *testing.T) {
	q := Default()
	tests := []struct {
		score float64
		level int
		name  string
	}{
		{math.NaN(), 0, "Not started"},
		{-5, 0, "Not started"},
		{0, 0, "Not started"},
		{19.99, 0, "Not started"},
		{20, 1, "Initial"},
		{39.99, 1, "Initial"},
		{40, 2, "Developing"},
		{57.5, 2, "Developing"},
		{60, 3, "Established"},
		{79.99, 3, "Established"},
		{80, 4, "Leading"},
		{100, 4, "Leading"},
		{120, 4, "Leading"},
	}
	for _, tt := range tests {
		level, name := q.Stage(tt.score)
		if level != tt.level || name != tt.name {
			t.Errorf("Stage(%v) = %d %q; want %d %q", tt.score, level, name, tt.level, tt.name)
		}
	}
}

// tricky returns the minimal instrument with texts that test the YAML
// writer: values YAML would read as other types, indicators, quotes,
// line breaks, doubled spaces and long texts with and without them.
func tricky(t *testing.T) *Questionnaire {
	q := mustLoad(t, "testdata/minimal.yaml")
	long := strings.Repeat("A long sentence that goes on: with colons, # hashes and 'quotes'. ", 6)
	q.Description = long + "Ends here."
	q.Title = "yes"
	q.Scale[0].Summary = "null"
	q.Scale[1].Summary = "1.0"
	q.Scale[2].Summary = "- starts like a list item"
	q.Scale[3].Summary = "key: value"
	q.Scale[4].Summary = "ends with a colon:"
	q.Pillars[0].Title = "#not a comment"
	q.Principles[0].Summary = "  leading and trailing spaces  "
	q.Principles[1].Summary = "two lines\nof text\n"
	q.Areas[0].Summary = long + "with  a doubled space"
	q.Sources[0].Text = `"quoted" and \backslash\ and ünïcödé … and 中文`
	q.Sources[1].Text = strings.Repeat("Averyveryverylongwordwithoutanyspace", 4) + " then words " + long + "End."
	q.Questions[0].Levels = []string{"@at", "`tick", "%percent", "*star &anchor !tag", "|pipe >fold"}
	q.Questions[0].Help = "{brace} [bracket], comma"
	q.Questions[1].Text = "true"
	q.Recommendations[0].Steps[0].Text = "~"
	q.Recommendations[0].Steps[1].Text = "0x1F"
	q.Recommendations[0].Steps[2].Text = long
	q.Recommendations[1].Text = "tab\tinside"
	w := 0.5
	q.Recommendations[1].Weight = w
	if err := validate(q, nil); err != nil {
		t.Fatalf("tricky instrument is invalid: %v", err)
	}
	q.Reindex()
	return q
}

func TestExportYAMLRoundTrip(t *testing.T) {
	for name, q := range map[string]*Questionnaire{
		"default": Default(),
		"minimal": mustLoad(t, "testdata/minimal.yaml"),
		"tricky":  tricky(t),
	} {
		t.Run(name, func(t *testing.T) {
			data, err := ExportYAML(q)
			if err != nil {
				t.Fatal(err)
			}
			back, err := Parse(name+".yaml", data)
			if err != nil {
				t.Fatalf("Parse(ExportYAML): %v\n%s", err, data)
			}
			if diff := cmp.Diff(q, back, ignoreIndex); diff != "" {
				t.Errorf("round trip (-exported +read back):\n%s", diff)
			}
			if back.Hash() != q.Hash() {
				t.Error("the exported instrument reads back with another Hash")
			}
			for i, l := range strings.Split(string(data), "\n") {
				if strings.HasSuffix(l, " ") {
					t.Errorf("line %d ends with a space: %q", i+1, l)
				}
			}
		})
	}
}

func TestExportYAMLGolden(t *testing.T) {
	data, err := ExportYAML(mustLoad(t, "testdata/minimal.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "testdata/minimal.export.golden", data)
}

func TestExportJSONRoundTrip(t *testing.T) {
	for name, q := range map[string]*Questionnaire{"default": Default(), "tricky": tricky(t)} {
		data, err := ExportJSON(q)
		if err != nil {
			t.Fatal(err)
		}
		if !json.Valid(data) {
			t.Fatalf("%s: ExportJSON is not valid JSON", name)
		}
		back, err := Parse(name+".json", data)
		if err != nil {
			t.Fatalf("%s: Parse(ExportJSON): %v", name, err)
		}
		if back.Hash() != q.Hash() {
			t.Errorf("%s: the JSON export reads back with another Hash", name)
		}
	}
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema()))
	if err != nil {
		t.Fatalf("schema.json is not JSON: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	if err := c.AddResource("schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("schema.json")
	if err != nil {
		t.Fatalf("compile schema.json: %v", err)
	}
	return s
}

func TestSchemaAcceptsExports(t *testing.T) {
	s := compileSchema(t)
	for name, q := range map[string]*Questionnaire{
		"default": Default(),
		"minimal": mustLoad(t, "testdata/minimal.yaml"),
		"tricky":  tricky(t),
	} {
		data, err := ExportJSON(q)
		if err != nil {
			t.Fatal(err)
		}
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Validate(v); err != nil {
			t.Errorf("%s: the schema refuses the exported instrument: %v", name, err)
		}
	}
}

// TestSchemaRefuses checks that the schema catches typos and the shape
// errors Parse catches.
func TestSchemaRefuses(t *testing.T) {
	s := compileSchema(t)
	tests := []struct {
		name   string
		change func(m map[string]any)
	}{
		{"unknown top-level field", func(m map[string]any) { m["titel"] = "x" }},
		{"typo in a question", func(m map[string]any) { item(m, "questions", 0)["evidense"] = "x" }},
		{"typo in a step", func(m map[string]any) {
			step := item(m, "recommendations", 0)["steps"].([]any)[0].(map[string]any)
			step["levle"] = 1
		}},
		{"four levels", func(m map[string]any) {
			q := item(m, "questions", 0)
			q["levels"] = q["levels"].([]any)[:4]
		}},
		{"zero weight", func(m map[string]any) { item(m, "questions", 0)["weight"] = 0 }},
		{"fractional level", func(m map[string]any) { item(m, "scale", 1)["level"] = 1.5 }},
		{"scale out of order", func(m map[string]any) { item(m, "scale", 1)["level"] = 2 }},
		{"no addresses", func(m map[string]any) { delete(item(m, "recommendations", 0), "addresses") }},
		{"step level 0", func(m map[string]any) {
			item(m, "recommendations", 0)["steps"].([]any)[0].(map[string]any)["level"] = 0
		}},
		{"a level without a step", func(m map[string]any) {
			r := item(m, "recommendations", 0)
			r["steps"] = r["steps"].([]any)[:3]
		}},
		{"unknown organisation type", func(m map[string]any) { item(m, "recommendations", 0)["applies_to"] = []any{"commune"} }},
		{"bad version", func(m map[string]any) { m["version"] = "1.0" }},
		{"no steps", func(m map[string]any) { item(m, "recommendations", 0)["steps"] = []any{} }},
	}
	for _, tt := range tests {
		data, err := ExportJSON(mustLoad(t, "testdata/minimal.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatal(err)
		}
		tt.change(m)
		b, _ := json.Marshal(m)
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Validate(v); err == nil {
			t.Errorf("%s: the schema accepts it", tt.name)
		}
	}
}

func item(m map[string]any, key string, i int) map[string]any {
	return m[key].([]any)[i].(map[string]any)
}

func TestSchemaIsACopy(t *testing.T) {
	s := Schema()
	s[0] = 'x'
	if Schema()[0] != '{' {
		t.Error("changing the result of Schema() changes the package's schema")
	}
}

// golden compares got with the file, or rewrites it with -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got; go test -update rewrites it):\n%s", path, diff)
	}
}
