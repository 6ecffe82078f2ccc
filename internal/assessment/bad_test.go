package assessment

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dgmaturity/dgmaturity/internal/input"
)

// readTestdata reads a test file, putting the test questionnaire's hash in
// place of @SHA256@ (the hash changes whenever the Questionnaire type
// gains a field).
func readTestdata(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return []byte(strings.ReplaceAll(string(data), "@SHA256@", testQuestionnaire(t).Hash()))
}

// parseBad reads a file of testdata/bad with ParseAnswers or Parse,
// depending on its name.
func parseBad(t *testing.T, path string, data []byte) error {
	q := testQuestionnaire(t)
	if strings.HasPrefix(filepath.Base(path), "answers-") {
		a, err := ParseAnswers(path, data, q, today)
		if err == nil {
			t.Fatalf("ParseAnswers(%s) = %+v, want an error", path, a)
		}
		return err
	}
	a, _, err := Parse(path, data, q)
	if err == nil {
		t.Fatalf("Parse(%s) = %+v, want an error", path, a)
	}
	return err
}

// flatten lists the *input.Error values in err.
func flatten(err error) []*input.Error {
	var es input.Errors
	if errors.As(err, &es) {
		return es
	}
	var e *input.Error
	if errors.As(err, &e) {
		return []*input.Error{e}
	}
	return nil
}

// TestBadFiles reads every file of testdata/bad and checks that it is
// refused as bad input, with a message and on the line expected; the whole
// messages are kept in testdata/bad/errors.golden (go test -update).
func TestBadFiles(t *testing.T) {
	tests := map[string]struct {
		want string
		line int
	}{
		"answers-alias.yaml":                      {"YAML aliases (*org) are not allowed", 4},
		"answers-both-respondent-forms.yaml":      {"respondents: give either respondent or respondents, not both", 3},
		"answers-date-format.yaml":                {`date: expected a date as YYYY-MM-DD, found "01/03/2026"`, 2},
		"answers-date-impossible.json":            {"date: 2025-02-29 is not a day of the calendar", 3},
		"answers-date-impossible.yaml":            {"date: 2026-02-30 is not a day of the calendar", 2},
		"answers-dont-know-typo.yaml":             {"answers.CTX-03: expected a level 0-4, dont_know, or a mapping with level, dont_know or na; found text \"don't know\" (did you mean dont_know?)", 4},
		"answers-duplicate-key.json":              {`answers.CTX-01: duplicate key "CTX-01" (first at line 4)`, 6},
		"answers-duplicate-key.yaml":              {`answers.CTX-01: duplicate key "CTX-01" (first at line 3)`, 5},
		"answers-duplicate-nested.yaml":           {`organisation.name: duplicate key "name" (first at line 2)`, 4},
		"answers-duplicate-top.json":              {`organisation: duplicate key "organisation" (first at line 2)`, 4},
		"answers-empty-answers.yaml":              {"answers: no question is answered", 2},
		"answers-empty-name.yaml":                 {"organisation.name: missing: the organisation's name", 2},
		"answers-language.yaml":                   {`language: expected a language code such as en, fr or de, found "english"`, 2},
		"answers-level-and-dontknow.yaml":         {"answers.CTX-02: give one of level, dont_know and na, not several", 4},
		"answers-level-and-na.yaml":               {"answers.DATA-02: give one of level, dont_know and na, not several", 4},
		"answers-level-bool.yaml":                 {"answers.CTX-01: expected a level 0-4, dont_know, or a mapping with level, dont_know or na; found true", 3},
		"answers-level-float.json":                {"answers.CTX-02.level: expected a whole number from 0 to 4, found 2.5", 5},
		"answers-level-float.yaml":                {"answers.CTX-02.level: expected a whole number from 0 to 4, found 1.5", 4},
		"answers-level-negative.yaml":             {"answers.CTX-01.level: level -1 is outside the scale 0-4", 4},
		"answers-level-quoted.yaml":               {`answers.CTX-02.level: expected a whole number from 0 to 4, found text "2" (write the number without quotes)`, 4},
		"answers-level-range.yaml":                {"answers.CTX-02.level: level 7 is outside the scale 0-4", 4},
		"answers-target-unknown.yaml":             {`targets.DATA-9: DATA-9 is not an area, principle or question of the questionnaire`, 4},
		"answers-target-zero.yaml":                {"targets.P1: expected a target level, a whole number from 1 to 4, found 0", 2},
		"answers-level-string.json":               {`answers.CTX-01.level: expected a whole number from 0 to 4, found text "3" (write the number without quotes)`, 4},
		"answers-list.yaml":                       {"answers: expected a mapping of question ids to answers, found a list", 2},
		"answers-malformed.json":                  {`is not valid JSON: invalid character '"' after object key:value pair (is a comma missing before it?)`, 5},
		"answers-malformed.yaml":                  {"mapping values are not allowed in this context", 4},
		"answers-missing-answers.yaml":            {"answers: missing: the answers, one per question id", 1},
		"answers-na-empty.yaml":                   {`answers.DATA-02.na: "not applicable" needs its reason as text`, 4},
		"answers-na-not-allowed.json":             {`answers.DATA-01.na: question DATA-01 cannot be answered "not applicable"; give a level or dont_know`, 5},
		"answers-na-not-allowed.yaml":             {`answers.CTX-02.na: question CTX-02 cannot be answered "not applicable"`, 4},
		"answers-na-true.yaml":                    {`answers.DATA-02.na: "not applicable" needs its reason as text`, 4},
		"answers-no-organisation.yaml":            {"organisation: missing: the organisation assessed, with its name and type", 1},
		"answers-not-mapping.yaml":                {"must be a YAML mapping", 1},
		"answers-org-type-missing.yaml":           {"organisation.type: missing: the organisation's type, one of ministry, agency, municipality, other", 1},
		"answers-org-type.json":                   {`organisation.type: unknown organisation type "foundation" (accepted: ministry, agency, municipality, other)`, 2},
		"answers-org-type.yaml":                   {`organisation.type: unknown organisation type "ngo" (accepted: ministry, agency, municipality, other)`, 3},
		"answers-respondent-noname.yaml":          {"respondents[1].name: missing: the respondent's name", 4},
		"answers-respondent-singular-noname.yaml": {"respondent.name: missing: the respondent's name", 2},
		"answers-trailing.json":                   {"holds more than one JSON value", 5},
		"answers-truncated.json":                  {"is not valid JSON: it ends before the value is complete", 4},
		"answers-unknown-answer-field.yaml":       {`answers.CTX-02.levle: unknown field "levle" (did you mean level?)`, 5},
		"answers-unknown-field.json":              {`notes: unknown field "notes" (accepted: organisation, respondent, respondents, date, language, targets, answers)`, 4},
		"answers-unknown-field.yaml":              {`organization: unknown field "organization" (did you mean organisation?)`, 2},
		"answers-unknown-id-far.yaml":             {`answers.SVC-99: unknown question "SVC-99" (questionnaire test-instrument has no such id)`, 4},
		"answers-unknown-id.json":                 {`answers.ctx-02: unknown question "ctx-02" (did you mean CTX-02?)`, 5},
		"answers-unknown-id.yaml":                 {`answers.CTX-1: unknown question "CTX-1" (did you mean CTX-01?)`, 5},
		"answers-unknown-org-field.yaml":          {`organisation.size: unknown field "size" (accepted: id, name, type)`, 4},

		"assessment-date-format.json":        {`date: expected a date as YYYY-MM-DD, found "2026-3-1"`, 23},
		"assessment-date-impossible.json":    {"date: 2026-02-30 is not a day of the calendar", 23},
		"assessment-duplicate-key.json":      {`answers.CTX-01: duplicate key "CTX-01" (first at line 26)`, 29},
		"assessment-level-and-dontknow.json": {"answers.DATA-01: give one of level, dont_know and na, not several", 33},
		"assessment-level-float.json":        {"answers.CTX-02.level: expected a whole number, found 1.0", 30},
		"assessment-level-range.json":        {"answers.CTX-02.level: level 5 is outside the scale 0-4", 30},
		"assessment-level-string.json":       {`answers.CTX-02.level: expected a whole number, found text "1"`, 30},
		"assessment-malformed.json":          {`is not valid JSON: invalid character '"' after object key:value pair`, 25},
		"assessment-na-empty.json":           {`answers.DATA-02.na: "not applicable" needs its reason as text`, 37},
		"assessment-na-not-allowed.json":     {`answers.DATA-01.na: question DATA-01 cannot be answered "not applicable"`, 34},
		"assessment-no-organisation.json":    {"organisation: missing: the organisation assessed, with its name and type", 1},
		"assessment-org-type.json":           {`organisation.type: unknown organisation type "Agency" (accepted: ministry, agency, municipality, other)`, 12},
		"assessment-other-id.json":           {`questionnaire.id: the assessment was made with questionnaire "other-instrument", but "test-instrument" is in use`, 5},
		"assessment-other-sha.json":          {`questionnaire.sha256: the assessment was made with another text of questionnaire "test-instrument" 1.0.0 (sha256 abababababababababababababababababababababababababababababababab in the file, `, 7},
		"assessment-other-version.json":      {`questionnaire.version: the assessment was made with version 0.9.0 of questionnaire "test-instrument", but version 1.0.0 is in use`, 6},
		"assessment-respondent-noname.json":  {"respondents[1].name: missing: the respondent's name", 20},
		"assessment-schema-missing.json":     {`schema: missing: the schema tag "dgmaturity/assessment/v1"`, 1},
		"assessment-schema-wrong.json":       {`schema: unsupported schema "dgmaturity/assessment/v2" (this version reads "dgmaturity/assessment/v1")`, 2},
		"assessment-sha-malformed.json":      {`questionnaire.sha256: expected the questionnaire's SHA-256 as 64 hexadecimal digits, found "1234"`, 7},
		"assessment-short-answer.json":       {"answers.CTX-01: expected an object, found 3", 26},
		"assessment-spread-range.json":       {"spread.CTX-01: min 5 and max 4 must be levels 0-4 with min <= max", 41},
		"assessment-spread-unknown.json":     {`spread.CTX-09: unknown question "CTX-09" (did you mean CTX-01?)`, 41},
		"assessment-top-array.json":          {"must be a JSON object at the top", 1},
		"assessment-unknown-field.json":      {`generator: unknown field "generator" (accepted: answers, complete, date, language, organisation, questionnaire, recommendations, respondents, roadmap, schema, scores, spread, targets, tool)`, 4},
		"assessment-target-range.json":       {"targets.areas.data: must be a target level from 1 to 4, found 5", 54},
		"assessment-unknown-id.json":         {`answers.DATA-1: unknown question "DATA-1" (did you mean DATA-01?)`, 33},
		"assessment-unknown-nested.json":     {`respondents[1].email: unknown field "email" (accepted: name, role)`, 21},
		"assessment-wrong-type.json":         {`complete: expected true or false, found text "yes"`, 54},
	}

	files, err := filepath.Glob(filepath.Join("testdata", "bad", "*.*"))
	if err != nil {
		t.Fatal(err)
	}
	var golden strings.Builder
	seen := map[string]bool{}
	for _, path := range files {
		name := filepath.Base(path)
		if name == "errors.golden" {
			continue
		}
		seen[name] = true
		tt, ok := tests[name]
		if !ok {
			t.Errorf("%s has no expectation in TestBadFiles", name)
			continue
		}
		data := readTestdata(t, path)
		for _, v := range []struct {
			name string
			data []byte
		}{{"lf", data}, {"crlf", crlf(data)}, {"bom", append([]byte("\xef\xbb\xbf"), data...)}} {
			t.Run(name+"_"+v.name, func(t *testing.T) {
				err := parseBad(t, path, v.data)
				if !input.IsBad(err) {
					t.Fatalf("error %v is not a bad-input error", err)
				}
				if v.name == "lf" {
					fmt.Fprintf(&golden, "%s\n\n", err)
				}
				for _, e := range flatten(err) {
					if strings.Contains(e.Error(), tt.want) {
						if e.File != path || e.Line != tt.line {
							t.Errorf("%q at %s:%d, want %s:%d", tt.want, e.File, e.Line, path, tt.line)
						}
						return
					}
				}
				t.Errorf("error\n%v\ndoes not contain %q", err, tt.want)
			})
		}
	}
	for name := range tests {
		if !seen[name] {
			t.Errorf("expectation for %s, which is not in testdata/bad", name)
		}
	}
	goldenPath := filepath.Join("testdata", "bad", "errors.golden")
	got := strings.ReplaceAll(golden.String(), testQuestionnaire(t).Hash(), "@SHA256@")
	if *update {
		if err := os.WriteFile(goldenPath, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(goldenPath)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("error messages differ from %s (-want +got; go test -update to accept):\n%s", goldenPath, diff)
	}
}
