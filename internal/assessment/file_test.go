package assessment

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dgmaturity/dgmaturity/internal/input"
)

// sample returns a full assessment: answers of every kind, spread, scores
// and recommendations, and user text that JSON must not HTML-escape.
func sample(t testing.TB) *Assessment {
	t.Helper()
	q := testQuestionnaire(t)
	a := New(q, Organisation{ID: "LU-1", Name: "Ministère de l'Économie", Type: "ministry"},
		Respondent{Name: "A. Lead", Role: "Head of digital"}, "2026-03-01", "fr", "dgmaturity 0.3.0")
	a.Respondents = append(a.Respondents, Respondent{Name: "B. Second"})
	a.Answers["CTX-01"] = Lvl(3)
	a.Answers["CTX-02"] = Answer{Level: Lvl(0).Level, Comment: "<script>alert(1)</script> & \"quotes\"\nsecond line"}
	a.Answers["CTX-03"] = Answer{Comment: "not answered yet"}
	a.Answers["DATA-01"] = Answer{DontKnow: true}
	a.Answers["DATA-02"] = Answer{NA: "we hold no data", Comment: "ask the CTIE"}
	a.Spread = map[string]Spread{"CTX-01": {Min: 2, Max: 4, Responses: []Answer{Lvl(2), Lvl(4)}}}
	a.Complete = true
	a.Scores = &Scores{Overall: 57.5, Stage: "Developing", Areas: map[string]float64{"context": 62.5, "data": 0},
		Principles: map[string]float64{"P1": 25, "P3": 0, "P5": 58.3}, Pillars: map[string]float64{"openness": 12.5},
		Coverage: 0.6}
	a.Recommendations = []string{"REC-DATA-01"}
	return a
}

func TestSaveLoadRoundTrip(t *testing.T) {
	q := testQuestionnaire(t)
	for _, name := range []string{"complete", "draft", "empty draft"} {
		t.Run(name, func(t *testing.T) {
			a := sample(t)
			switch name {
			case "draft":
				a.Complete, a.Scores, a.Recommendations, a.Spread = false, nil, nil, nil
			case "empty draft":
				a = New(q, Organisation{Name: "X", Type: "other"}, Respondent{}, "2026-03-01", "", "dgmaturity 0.3.0")
			}
			path := filepath.Join(t.TempDir(), "a.json")
			if err := Save(path, a); err != nil {
				t.Fatalf("Save: %v", err)
			}
			got, warnings, err := Load(path, q)
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if len(warnings) > 0 {
				t.Errorf("Load warnings: %q", warnings)
			}
			if diff := cmp.Diff(a, got); diff != "" {
				t.Errorf("Save then Load (-saved +loaded):\n%s", diff)
			}
			if err := Validate(got, q); err != nil {
				t.Errorf("Validate(loaded) = %v", err)
			}
		})
	}
}

func TestMarshalFormat(t *testing.T) {
	data, err := Marshal(sample(t))
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	if !strings.HasPrefix(s, "{\n  \"schema\": \"dgmaturity/assessment/v1\",\n  \"tool\": ") {
		t.Errorf("Marshal does not start with the schema, indented by two spaces:\n%s", s[:80])
	}
	if !strings.HasSuffix(s, "\n}\n") {
		t.Errorf("Marshal does not end in a newline")
	}
	if !strings.Contains(s, `"<script>alert(1)</script> & \"quotes\"\nsecond line"`) {
		t.Errorf("Marshal escaped HTML or mangled the comment")
	}
	if i, j := strings.Index(s, `"CTX-01": {`), strings.Index(s, `"DATA-02": {`); i < 0 || j < i {
		t.Errorf("answers are not in sorted order")
	}
	// Empty lists and maps are written as such, never null.
	data, err = Marshal(&Assessment{Scores: &Scores{}})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(data, []byte("null")) || !bytes.Contains(data, []byte(`"schema": "dgmaturity/assessment/v1"`)) {
		t.Errorf("Marshal(zero) =\n%s", data)
	}
}

func TestLoadGood(t *testing.T) {
	q := testQuestionnaire(t)
	path := filepath.Join("testdata", "good", "assessment.json")
	data := readTestdata(t, path)
	want, _, err := Parse(path, data, q)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if want.Answers["CTX-02"].Comment != "strategy exists, not known outside IT <b>&</b>" || want.Spread["CTX-01"].Max != 4 || len(want.Respondents) != 2 {
		t.Errorf("Parse = %+v", want)
	}
	dir := t.TempDir()
	for name, v := range map[string][]byte{
		"crlf":    crlf(data),
		"bomcrlf": append([]byte("\xef\xbb\xbf"), crlf(data)...),
	} {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(dir, name+".json")
			if err := os.WriteFile(p, v, 0o644); err != nil {
				t.Fatal(err)
			}
			got, _, err := Load(p, q)
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			// A CRLF file's comments carry no CR: JSON strings escape theirs.
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Load(%s) (-lf +%s):\n%s", name, name, diff)
			}
		})
	}
}

func TestParseWithoutQuestionnaire(t *testing.T) {
	// With q nil, a file of another instrument reads, and ids are not checked.
	for _, name := range []string{"assessment-other-id.json", "assessment-other-sha.json", "assessment-unknown-id.json", "assessment-spread-unknown.json"} {
		path := filepath.Join("testdata", "bad", name)
		if _, _, err := Parse(path, readTestdata(t, path), nil); err != nil {
			t.Errorf("Parse(%s, nil questionnaire) = %v", name, err)
		}
	}
	// The shape is still checked.
	path := filepath.Join("testdata", "bad", "assessment-level-range.json")
	if _, _, err := Parse(path, readTestdata(t, path), nil); err == nil {
		t.Errorf("Parse(%s, nil questionnaire) accepted level 5", path)
	}
}

func TestParseWarnings(t *testing.T) {
	q := testQuestionnaire(t)
	path := filepath.Join("testdata", "good", "assessment.json")
	data := bytes.Replace(readTestdata(t, path), []byte(`"REC-DATA-01"`), []byte(`"REC-DATA-01", "REC-GONE-9"`), 1)
	_, warnings, err := Parse(path, data, q)
	if err != nil {
		t.Fatal(err)
	}
	// The file is named by whoever says the warning, not in it.
	want := []string{`stored recommendation "REC-GONE-9" is not in questionnaire test-instrument 1.0.0`}
	if diff := cmp.Diff(want, english(warnings)); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
}

func TestLoadTooLarge(t *testing.T) {
	q := testQuestionnaire(t)
	data := readTestdata(t, filepath.Join("testdata", "good", "assessment.json"))
	big := bytes.Replace(data, []byte(`"tool": "dgmaturity 0.3.0"`), []byte(`"tool": "`+strings.Repeat("x", MaxFileSize)+`"`), 1)
	path := filepath.Join(t.TempDir(), "big.json")
	if err := os.WriteFile(path, big, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := Load(path, q); err == nil || !input.IsBad(err) || !strings.Contains(err.Error(), "5 MiB") {
		t.Errorf("Load(over 5 MiB) = %v, want a size error", err)
	}
	if _, _, err := Parse(path, big, q); err == nil || !strings.Contains(err.Error(), "5 MiB") {
		t.Errorf("Parse(over 5 MiB) = %v, want a size error", err)
	}
	for _, in := range []string{"", "  \n", "\xff{}"} {
		if _, _, err := Parse("x.json", []byte(in), q); !input.IsBad(err) {
			t.Errorf("Parse(%q) = %v, want a bad-input error", in, err)
		}
	}
	if _, _, err := Load(filepath.Join(t.TempDir(), "none.json"), q); !input.IsBad(err) || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("Load(missing) = %v", err)
	}
}

func TestValidate(t *testing.T) {
	q := testQuestionnaire(t)
	tests := []struct {
		name   string
		change func(a *Assessment)
		want   string // "" for valid
	}{
		{"sample", func(a *Assessment) {}, ""},
		{"new draft", func(a *Assessment) {
			*a = *New(q, Organisation{Name: "X", Type: "agency"}, Respondent{}, "2026-03-01", "", "t")
		}, ""},
		{"schema", func(a *Assessment) { a.Schema = "v0" }, `schema: unsupported schema "v0"`},
		{"instrument", func(a *Assessment) { a.Questionnaire.Version = "2.0.0" }, "questionnaire.version: the assessment was made with version 2.0.0"},
		{"hash", func(a *Assessment) { a.Questionnaire.SHA256 = strings.Repeat("0", 64) }, "questionnaire.sha256: the assessment was made with another text"},
		{"no organisation", func(a *Assessment) { a.Organisation = Organisation{} }, "organisation: missing"},
		{"type", func(a *Assessment) { a.Organisation.Type = "ngo" }, `unknown organisation type "ngo"`},
		{"date", func(a *Assessment) { a.Date = "2026-02-29" }, "date: 2026-02-29 is not a day of the calendar"},
		{"no date", func(a *Assessment) { a.Date = "" }, "date: missing"},
		{"level", func(a *Assessment) { a.Answers["CTX-01"] = Lvl(-2) }, "answers.CTX-01.level: level -2 is outside the scale 0-4"},
		{"both", func(a *Assessment) { a.Answers["DATA-02"] = Answer{NA: "x", DontKnow: true} }, "answers.DATA-02: give one of level, dont_know and na"},
		{"blank na", func(a *Assessment) { a.Answers["DATA-02"] = Answer{NA: "  "} }, "answers.DATA-02.na: \"not applicable\" needs its reason"},
		{"na not allowed", func(a *Assessment) { a.Answers["CTX-01"] = Answer{NA: "x"} }, `question CTX-01 cannot be answered "not applicable"`},
		{"unknown", func(a *Assessment) { a.Answers["DATA-04"] = Lvl(1) }, `answers.DATA-04: unknown question "DATA-04" (did you mean DATA-01?)`},
		{"language", func(a *Assessment) { a.Language = "French" }, "language: expected a language code"},
		{"respondent", func(a *Assessment) { a.Respondents[1].Name = "" }, "respondents[1].name: missing"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := sample(t)
			tt.change(a)
			err := Validate(a, q)
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("Validate = %v, want nil", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want) || !input.IsBad(err)):
				t.Errorf("Validate = %v, want a bad-input error containing %q", err, tt.want)
			}
		})
	}
	if err := Validate(sample(t), nil); err != nil {
		t.Errorf("Validate(sample, nil) = %v", err)
	}
}

func TestStoredDiffers(t *testing.T) {
	base := func() *Scores {
		return &Scores{Overall: 57.5, Stage: "Developing", Areas: map[string]float64{"context": 62.5, "data": 40},
			Principles: map[string]float64{"P1": 50}, Pillars: map[string]float64{"openness": 48}, Coverage: 0.96}
	}
	tests := []struct {
		name   string
		change func(s *Scores)
		want   []string
	}{
		{"same", func(s *Scores) {}, nil},
		{"within rounding", func(s *Scores) { s.Overall = 57.55; s.Areas["data"] = 39.95; s.Coverage = 0.9604 }, nil},
		{"overall", func(s *Scores) { s.Overall = 61.2 }, []string{"stored overall score 61.2 differs from the recomputed 57.5"}},
		{"stage", func(s *Scores) { s.Stage = "Established" }, []string{`stored stage "Established" differs from the recomputed "Developing"`}},
		{"area", func(s *Scores) { s.Areas["data"] = 45 }, []string{"stored score of area data 45.0 differs from the recomputed 40.0"}},
		{"extra and missing", func(s *Scores) { s.Principles = map[string]float64{"P9": 10} }, []string{
			"stored score 10.0 of principle P9 has no recomputed counterpart",
			"stored scores lack principle P1 (recomputed 50.0)",
		}},
		{"coverage", func(s *Scores) { s.Coverage = 0.5 }, []string{"stored coverage 50.0% differs from the recomputed 96.0%"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stored := base()
			tt.change(stored)
			if diff := cmp.Diff(tt.want, english(StoredDiffers(stored, base()))); diff != "" {
				t.Errorf("StoredDiffers (-want +got):\n%s", diff)
			}
		})
	}
	if got := StoredDiffers(nil, base()); got != nil {
		t.Errorf("StoredDiffers(nil, s) = %q, want nil", got)
	}
}

// TestSchemaKnowsEveryField fails when a field is added to Assessment (or
// its parts) without being added to the JSON Schema.
func TestSchemaKnowsEveryField(t *testing.T) {
	var schema struct {
		Properties map[string]json.RawMessage `json:"properties"`
	}
	if err := json.Unmarshal(Schema(), &schema); err != nil {
		t.Fatal(err)
	}
	for name := range jsonFields(reflect.TypeFor[Assessment]()) {
		if _, ok := schema.Properties[name]; !ok {
			t.Errorf("field %q of Assessment is not in schema/assessment-v1.schema.json", name)
		}
	}
}

// TestSpreadWithoutLevels accepts the -1/-1 spread that scoring.Merge
// writes for a question on which every respondent said don't know.
func TestSpreadWithoutLevels(t *testing.T) {
	q := testQuestionnaire(t)
	a := New(q, Organisation{Name: "Org", Type: "agency"}, Respondent{Name: "A"}, "2026-01-02", "en", "t")
	id := q.Questions[0].ID
	a.Answers[id] = Answer{DontKnow: true}
	a.Spread = map[string]Spread{id: {Min: -1, Max: -1, Responses: []Answer{{DontKnow: true}, {DontKnow: true}}}}
	if err := Validate(a, q); err != nil {
		t.Fatalf("spread without levels refused: %v", err)
	}
	a.Spread[id] = Spread{Min: -1, Max: -1, Responses: []Answer{Lvl(2)}}
	if err := Validate(a, q); err == nil {
		t.Fatal("min -1 accepted although a respondent gave a level")
	}
}

// english is the English text of messages; nil stays nil.
func english(ms []input.Msg) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.String())
	}
	return out
}
