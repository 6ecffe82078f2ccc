package assessment

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// fastBase is a complete assessment of the test instrument, as Marshal
// writes it, with a spread, scores and a "not applicable".
func fastBase(t testing.TB, q *questionnaire.Questionnaire) []byte {
	t.Helper()
	a := New(q, Organisation{Name: "Example Agency", Type: "agency", ID: "EA-1"}, Respondent{Name: "A. Lead", Role: "Head"}, "2026-03-01", "en", "dgmaturity test")
	for i, qu := range q.Questions {
		switch {
		case qu.NA:
			a.Answers[qu.ID] = Answer{NA: "not our remit", Comment: "law"}
		case i == 1:
			a.Answers[qu.ID] = Answer{DontKnow: true}
		default:
			a.Answers[qu.ID] = Lvl(i % 5)
		}
	}
	a.Complete = true
	a.Scores = &Scores{Overall: 50, Stage: "Developing", Areas: map[string]float64{"context": 50}, Principles: map[string]float64{"P1": 40}, Pillars: map[string]float64{"openness": 45}, Coverage: 0.9}
	a.Recommendations = []string{"REC-1"}
	data, err := Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// sameOutcome checks that LoadFast gives what Load followed by Validate
// gives: the same refusal (the same message), or the same assessment.
func sameOutcome(t *testing.T, q *questionnaire.Questionnaire, name string, data []byte) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "a.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	want, _, wantErr := Load(path, nil)
	if wantErr == nil {
		if err := Validate(want, q); err != nil {
			want, wantErr = nil, err
		}
	}
	got, _, gotErr := LoadFast(path, func(QuestionnaireRef) *questionnaire.Questionnaire { return q })
	switch {
	case (wantErr == nil) != (gotErr == nil):
		t.Errorf("%s: LoadFast error %v; Load and Validate: %v", name, gotErr, wantErr)
	case wantErr == nil && !reflect.DeepEqual(got, want):
		t.Errorf("%s: LoadFast read\n%+v\nLoad read\n%+v", name, got, want)
	}
}

// TestLoadFastEqualsLoad varies a canonical file in every way that
// encoding/json is more lenient than Parse: LoadFast must accept and refuse
// exactly what Load (with Validate) does.
func TestLoadFastEqualsLoad(t *testing.T) {
	q := testQuestionnaire(t)
	base := fastBase(t, q)
	if decodeFast(base) == nil {
		t.Fatal("the fast path refuses a file as Marshal writes it")
	}
	variants := map[string]string{
		"as written":          "",
		"duplicate top key":   `"complete": true,` + "\n" + `  "complete": true,`,
		"duplicate answer":    `"CTX-01": {"level": 1}, "CTX-01": {"level": 2},`,
		"field in other case": `"Tool": "x",`,
		"unknown field":       `"extra": 1,`,
		"null":                `"language": null,`,
		"escaped key":         `"t\u006fol": "x",`,
	}
	for name, insert := range variants {
		data := base
		if insert != "" {
			data = bytes.Replace(base, []byte(`"schema"`), []byte(insert+"\n  \"schema\""), 1)
		}
		sameOutcome(t, q, name, data)
	}
	replacements := map[string][2]string{
		"blank na":              {`"na": "not our remit"`, `"na": " "`},
		"empty na":              {`"na": "not our remit"`, `"na": ""`},
		"na null":               {`"na": "not our remit"`, `"na": null`},
		"level fraction":        {`"level": 2`, `"level": 2.5`},
		"level text":            {`"level": 2`, `"level": "2"`},
		"level exponent":        {`"level": 2`, `"level": 2e0`},
		"level null":            {`"level": 2`, `"level": null`},
		"unknown answer field":  {`"level": 2`, `"level": 2, "Level": 3`},
		"nested other case":     {`"name": "Example Agency"`, `"NAME": "Example Agency"`},
		"respondent extra":      {`"role": "Head"`, `"role": "Head", "email": "x"`},
		"scores extra":          {`"coverage": 0.9`, `"coverage": 0.9, "bonus": 1`},
		"complete as text":      {`"complete": true`, `"complete": "true"`},
		"object for a list":     {`"recommendations": [`, `"recommendations": {"a": [`},
		"list for an object":    {`"scores": {`, `"scores": [{`},
		"string in list":        {`"REC-1"`, `"REC-1", 3`},
		"crlf":                  {"\n", "\r\n"},
		"unknown question":      {`"CTX-01"`, `"CTX-99"`},
		"escape in a value":     {`"Example Agency"`, `"Example \u001b Agency"`},
		"unicode escape ok":     {`"Example Agency"`, `"Example \u00c9 Agency"`},
		"quote in value":        {`"Example Agency"`, `"Example \"Agency\""`},
		"backslash end of text": {`"Example Agency"`, `"Example Agency\\"`},
	}
	for name, r := range replacements {
		sameOutcome(t, q, name, bytes.ReplaceAll(base, []byte(r[0]), []byte(r[1])))
	}
	sameOutcome(t, q, "trailing value", append(bytes.Clone(base), "{}\n"...))
	sameOutcome(t, q, "cut", base[:len(base)/2])
	sameOutcome(t, q, "bom", append([]byte("\xef\xbb\xbf"), base...))
	if strings.Count(string(base), "\n") < 10 {
		t.Fatal("the base file is not indented as Marshal writes it")
	}
}

// FuzzLoadFast checks on mutations of a canonical file that LoadFast and
// Load with Validate agree.
func FuzzLoadFast(f *testing.F) {
	q := testQuestionnaire(f)
	f.Add(fastBase(f, q))
	f.Add([]byte(`{"schema": "dgmaturity/assessment/v1", "schema": "x"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		sameOutcome(t, q, "fuzzed", data)
	})
}
