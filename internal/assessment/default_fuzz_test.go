package assessment_test

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/internal/scoring"
	"github.com/dgmaturity/dgmaturity/questionnaire"
	"github.com/dgmaturity/dgmaturity/reports"
)

// These fuzz targets read against the real default instrument, so that the
// example answers files and saved assessments (and their mutations) reach
// the accepting paths, and then push what is accepted through scoring, the
// report and the JSON Schema. FuzzParseAnswers and FuzzParse in
// fuzz_test.go fuzz the same parsers against the small test instrument.

// safeBase is what a file name made from an accepted assessment looks like:
// the organisation's slug and the date, nothing a path could be built from.
var safeBase = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*-[0-9]{4}-[0-9]{2}-[0-9]{2}$`)

// fuzzToday is the date answers files without one get.
const fuzzToday = "2026-03-01"

// addFileSeeds adds the files matching pattern (relative to the package)
// to the corpus.
func addFileSeeds(f *testing.F, pattern string) {
	files, err := filepath.Glob(pattern)
	if err != nil {
		f.Fatal(err)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// assessmentSchema compiles the shipped JSON Schema of the assessment file.
func assessmentSchema(f testing.TB) *jsonschema.Schema {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(assessment.Schema()))
	if err != nil {
		f.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("assessment.schema.json", doc); err != nil {
		f.Fatal(err)
	}
	s, err := c.Compile("assessment.schema.json")
	if err != nil {
		f.Fatal(err)
	}
	return s
}

// checkRefusal fails unless err is bad input whose every problem names the
// file it came from (the message a user acts on).
func checkRefusal(t *testing.T, err error, file string) {
	t.Helper()
	if !input.IsBad(err) {
		t.Fatalf("error %v is not a bad-input error", err)
	}
	var one *input.Error
	var list input.Errors
	switch {
	case errors.As(err, &list):
	case errors.As(err, &one):
		list = input.Errors{one}
	}
	for _, e := range list {
		if e.File != file || e.Why(nil) == "" {
			t.Fatalf("problem %q does not name the file %q and a reason", e.Error(), file)
		}
	}
}

// checkRoundTrip saves a and reads it back: the values must be equal, the
// file must satisfy the JSON Schema, and a second save must give the same
// bytes.
func checkRoundTrip(t *testing.T, a *assessment.Assessment, q *questionnaire.Questionnaire, schema *jsonschema.Schema) {
	t.Helper()
	out, err := assessment.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("saved file is not JSON: %v\n%s", err, out)
	}
	if err := schema.Validate(inst); err != nil {
		t.Fatalf("saved file breaks the JSON Schema: %v\n%s", err, out)
	}
	b, _, err := assessment.Parse("saved.json", out, q)
	if err != nil {
		t.Fatalf("the saved file is refused: %v\n%s", err, out)
	}
	// An empty list is left out of the file and reads back as nil.
	if diff := cmp.Diff(a, b, cmpopts.EquateEmpty()); diff != "" {
		t.Fatalf("save and load change the assessment (-saved +loaded):\n%s", diff)
	}
	again, err := assessment.Marshal(b)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out, again) {
		t.Fatalf("a second save differs:\n%s\n---\n%s", out, again)
	}
}

// FuzzParseAnswersDefault: ParseAnswers against the default instrument
// either refuses the input as bad input naming the file, or gives an
// assessment that validates, scores, renders, names its files safely, and
// survives a save and a load unchanged with the stored scores intact.
func FuzzParseAnswersDefault(f *testing.F) {
	addFileSeeds(f, "../../examples/*.yaml")
	q := questionnaire.Default()
	schema := assessmentSchema(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := assessment.ParseAnswers("answers.yaml", data, q, fuzzToday)
		if err != nil {
			checkRefusal(t, err, "answers.yaml")
			return
		}
		if err := assessment.Validate(a, q); err != nil {
			t.Fatalf("ParseAnswers accepted what Validate refuses: %v", err)
		}
		if base := assessment.Slug(a.Organisation.Name) + "-" + a.Date; !safeBase.MatchString(base) {
			t.Fatalf("accepted answers give the unsafe file name %q", base)
		}
		// What publish.Write does, in memory.
		r := scoring.Score(q, a.Answers)
		a.Scores = r.Stored()
		a.Recommendations = r.RecommendationIDs()
		a.Tool = "dgmaturity fuzz"
		var md, svg bytes.Buffer
		if err := reports.Markdown(&md, q, a, r, reports.Options{ChartFile: "chart.svg"}); err != nil {
			t.Fatalf("Markdown: %v", err)
		}
		if err := reports.RadarSVG(&svg, q, r, a.Organisation.Name); err != nil {
			t.Fatalf("RadarSVG: %v", err)
		}
		checkRoundTrip(t, a, q, schema)
		b, _, err := assessment.Parse("saved.json", mustMarshal(t, a), q)
		if err != nil {
			t.Fatal(err)
		}
		if d := assessment.StoredDiffers(b.Scores, scoring.Score(q, b.Answers).Stored()); len(d) > 0 {
			t.Fatalf("scores change across a save: %q", d)
		}
	})
}

// FuzzParseAssessment: Parse of an assessment file against the default
// instrument either refuses the input as bad input naming the file, or
// gives an assessment that validates, survives a save and a load
// unchanged, satisfies the JSON Schema, and renders.
func FuzzParseAssessment(f *testing.F) {
	addFileSeeds(f, "../../examples/reports/*.json")
	q := questionnaire.Default()
	schema := assessmentSchema(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		a, _, err := assessment.Parse("assessment.json", data, q)
		if err != nil {
			checkRefusal(t, err, "assessment.json")
			return
		}
		if err := assessment.Validate(a, q); err != nil {
			t.Fatalf("Parse accepted what Validate refuses: %v", err)
		}
		checkRoundTrip(t, a, q, schema)
		r := scoring.Score(q, a.Answers)
		var md bytes.Buffer
		if err := reports.Markdown(&md, q, a, r, reports.Options{ChartFile: "chart.svg"}); err != nil {
			t.Fatalf("Markdown: %v", err)
		}
	})
}

func mustMarshal(t *testing.T, a *assessment.Assessment) []byte {
	t.Helper()
	out, err := assessment.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
