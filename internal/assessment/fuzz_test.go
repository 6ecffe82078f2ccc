package assessment

import (
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dgmaturity/dgmaturity/internal/input"
)

// addSeeds adds the test files matching the patterns to the fuzz corpus.
func addSeeds(f *testing.F, patterns ...string) {
	for _, p := range patterns {
		files, err := filepath.Glob(filepath.Join("testdata", p))
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range files {
			f.Add(readTestdata(f, file))
		}
	}
}

// FuzzParseAnswers: any input is either refused as bad input or gives an
// assessment that validates and survives a save and a load.
func FuzzParseAnswers(f *testing.F) {
	addSeeds(f, "good/answers.*", "bad/answers-*")
	q := testQuestionnaire(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := ParseAnswers("in", data, q, today)
		if err != nil {
			if !input.IsBad(err) {
				t.Fatalf("ParseAnswers error %v is not a bad-input error", err)
			}
			return
		}
		if err := Validate(a, q); err != nil {
			t.Fatalf("ParseAnswers accepted what Validate refuses: %v", err)
		}
		out, err := Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		b, _, err := Parse("out", out, q)
		if err != nil {
			t.Fatalf("Parse(Marshal(ParseAnswers)) = %v\n%s", err, out)
		}
		if diff := cmp.Diff(a, b); diff != "" {
			t.Fatalf("round trip (-answers +reloaded):\n%s", diff)
		}
	})
}

// FuzzParse: any input is either refused as bad input or gives an
// assessment that survives a save and a load unchanged.
func FuzzParse(f *testing.F) {
	addSeeds(f, "good/assessment.json", "bad/assessment-*")
	q := testQuestionnaire(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		a, _, err := Parse("in", data, q)
		if err != nil {
			if !input.IsBad(err) {
				t.Fatalf("Parse error %v is not a bad-input error", err)
			}
			return
		}
		if err := Validate(a, q); err != nil {
			t.Fatalf("Parse accepted what Validate refuses: %v", err)
		}
		out, err := Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		b, _, err := Parse("out", out, q)
		if err != nil {
			t.Fatalf("Parse(Marshal(Parse)) = %v\n%s", err, out)
		}
		if diff := cmp.Diff(a, b); diff != "" {
			t.Fatalf("round trip (-first +second):\n%s", diff)
		}
	})
}
