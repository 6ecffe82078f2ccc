package assessment

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dgmaturity/dgmaturity/internal/input"
)

func TestParseAnswersGood(t *testing.T) {
	q := testQuestionnaire(t)
	lvl := func(l int) *int { return &l }
	want := &Assessment{
		Schema:        SchemaV1,
		Questionnaire: QuestionnaireRef{ID: "test-instrument", Version: "1.0.0", SHA256: q.Hash()},
		Organisation:  Organisation{ID: "LU-0042", Name: "Example Agency", Type: "agency"},
		Respondents:   []Respondent{{Name: "A. Lead", Role: "Head of digital"}},
		Date:          "2026-02-14",
		Language:      "en",
		Answers: map[string]Answer{
			"CTX-01":  {Level: lvl(3)},
			"CTX-02":  {Level: lvl(1), Comment: "strategy exists, not known outside IT"},
			"CTX-03":  {DontKnow: true},
			"DATA-01": {DontKnow: true, Comment: "nobody could say"},
			"DATA-02": {NA: "we hold no data of our own", Comment: "all data comes from the CTIE"},
			"DATA-03": {Level: lvl(0)},
		},
		Targets:  &Targets{Areas: map[string]int{"data": 4}, Questions: map[string]int{"CTX-01": 2}},
		Complete: true,
	}
	for _, name := range []string{"answers.yaml", "answers.json"} {
		path := filepath.Join("testdata", "good", name)
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		variants := map[string][]byte{
			"plain":   data,
			"crlf":    crlf(data),
			"bom":     append([]byte("\xef\xbb\xbf"), data...),
			"bomcrlf": append([]byte("\xef\xbb\xbf"), crlf(data)...),
		}
		for vname, v := range variants {
			t.Run(name+"_"+vname, func(t *testing.T) {
				got, err := ParseAnswers(path, v, q, today)
				if err != nil {
					t.Fatalf("ParseAnswers: %v", err)
				}
				if diff := cmp.Diff(want, got); diff != "" {
					t.Errorf("ParseAnswers mismatch (-want +got):\n%s", diff)
				}
			})
		}
	}
	t.Run("LoadAnswers", func(t *testing.T) {
		got, err := LoadAnswers(filepath.Join("testdata", "good", "answers.yaml"), q, today)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("LoadAnswers mismatch (-want +got):\n%s", diff)
		}
	})
}

// TestParseAnswersForms covers the decisions documented on ParseAnswers.
func TestParseAnswersForms(t *testing.T) {
	q := testQuestionnaire(t)
	lvl := func(l int) *int { return &l }
	tests := []struct {
		name, in string
		check    func(t *testing.T, a *Assessment)
	}{
		{"partial and defaults", "organisation: {name: X, type: Agency}\nanswers: {CTX-01: 2}\n", func(t *testing.T, a *Assessment) {
			if a.Date != today || a.Organisation.Type != "agency" || len(a.Respondents) != 0 || !a.Complete || len(a.Answers) != 1 {
				t.Errorf("got %+v", a)
			}
		}},
		{"whole float accepted", "organisation: {name: X, type: agency}\nanswers: {CTX-01: 2.0, CTX-02: {level: 4.0}}\n", func(t *testing.T, a *Assessment) {
			want := map[string]Answer{"CTX-01": {Level: lvl(2)}, "CTX-02": {Level: lvl(4)}}
			if diff := cmp.Diff(want, a.Answers); diff != "" {
				t.Errorf("answers (-want +got):\n%s", diff)
			}
		}},
		{"unanswered forms", "organisation: {name: X, type: agency}\nanswers:\n  CTX-01: ~\n  CTX-02: {}\n  CTX-03: {comment: ask Anna}\n  DATA-01: {dont_know: false, comment: later}\n  DATA-03: 1\n", func(t *testing.T, a *Assessment) {
			want := map[string]Answer{"CTX-03": {Comment: "ask Anna"}, "DATA-01": {Comment: "later"}, "DATA-03": {Level: lvl(1)}}
			if diff := cmp.Diff(want, a.Answers); diff != "" {
				t.Errorf("answers (-want +got):\n%s", diff)
			}
		}},
		{"respondents list and numeric id", "organisation: {id: 12345, name: ' X ', type: municipality}\nrespondents:\n  - {name: A}\n  - {name: B, role: R}\nlanguage: FR\nanswers: {CTX-01: 0}\n", func(t *testing.T, a *Assessment) {
			want := []Respondent{{Name: "A"}, {Name: "B", Role: "R"}}
			if diff := cmp.Diff(want, a.Respondents); diff != "" {
				t.Errorf("respondents (-want +got):\n%s", diff)
			}
			if a.Organisation.ID != "12345" || a.Organisation.Name != "X" || a.Language != "fr" {
				t.Errorf("organisation %+v, language %q", a.Organisation, a.Language)
			}
		}},
		{"json whole float", `{"organisation": {"name": "X", "type": "other"}, "answers": {"CTX-01": 3.0, "DATA-02": {"na": "none"}}}`, func(t *testing.T, a *Assessment) {
			want := map[string]Answer{"CTX-01": {Level: lvl(3)}, "DATA-02": {NA: "none"}}
			if diff := cmp.Diff(want, a.Answers); diff != "" {
				t.Errorf("answers (-want +got):\n%s", diff)
			}
		}},
		{"json leading space", "  \n\t{\"organisation\": {\"name\": \"X\", \"type\": \"other\"}, \"answers\": {\"CTX-01\": \"dont_know\"}}", func(t *testing.T, a *Assessment) {
			if !a.Answers["CTX-01"].DontKnow {
				t.Errorf("answers %+v", a.Answers)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseAnswers("in", []byte(tt.in), q, today)
			if err != nil {
				t.Fatalf("ParseAnswers: %v", err)
			}
			tt.check(t, a)
		})
	}
}

func TestParseAnswersNoQuestionnaire(t *testing.T) {
	_, err := ParseAnswers("in", []byte("answers: {}"), nil, today)
	if err == nil || input.IsBad(err) {
		t.Errorf("ParseAnswers(nil questionnaire) = %v, want a program error", err)
	}
}

func TestParseAnswersAllProblemsAtOnce(t *testing.T) {
	q := testQuestionnaire(t)
	in := "organisation: {name: X, type: ngo}\ndate: 2026-13-01\nanswers:\n  CTX-01: 9\n  CTX-9: 1\n  CTX-02: {na: n/a}\n"
	_, err := ParseAnswers("in.yaml", []byte(in), q, today)
	var es input.Errors
	if !errors.As(err, &es) {
		t.Fatalf("ParseAnswers = %v, want input.Errors", err)
	}
	var got []int
	for _, e := range es {
		got = append(got, e.Line)
	}
	if diff := cmp.Diff([]int{1, 2, 4, 5, 6}, got); diff != "" {
		t.Errorf("lines of the problems (-want +got):\n%s\n%v", diff, err)
	}
}

func TestAnswersTooLarge(t *testing.T) {
	q := testQuestionnaire(t)
	var b bytes.Buffer
	b.WriteString("organisation: {name: X, type: agency}\nanswers:\n  CTX-01: {level: 1, comment: \"")
	b.WriteString(strings.Repeat("x", MaxAnswersSize))
	b.WriteString("\"}\n")
	path := filepath.Join(t.TempDir(), "big.yaml")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, err := range map[string]error{
		"LoadAnswers":  func() error { _, err := LoadAnswers(path, q, today); return err }(),
		"ParseAnswers": func() error { _, err := ParseAnswers(path, b.Bytes(), q, today); return err }(),
	} {
		if err == nil || !input.IsBad(err) || !strings.Contains(err.Error(), "1 MiB") {
			t.Errorf("%s(over 1 MiB) = %v, want a size error", name, err)
		}
	}
}

func TestDeepNesting(t *testing.T) {
	q := testQuestionnaire(t)
	deepJSON := `{"organisation": ` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + `}`
	if _, err := ParseAnswers("deep.json", []byte(deepJSON), q, today); err == nil || !strings.Contains(err.Error(), "nested too deeply") {
		t.Errorf("ParseAnswers(deep JSON) = %v, want nested too deeply", err)
	}
	if _, _, err := Parse("deep.json", []byte(`{"schema": "`+SchemaV1+`", "spread": `+strings.Repeat("[", 5000)+strings.Repeat("]", 5000)+`}`), q); err == nil || !strings.Contains(err.Error(), "nested too deeply") {
		t.Errorf("Parse(deep JSON) = %v, want nested too deeply", err)
	}
	deepYAML := "organisation: " + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + "\nanswers: {CTX-01: 1}\n"
	if _, err := ParseAnswers("deep.yaml", []byte(deepYAML), q, today); err == nil || !input.IsBad(err) {
		t.Errorf("ParseAnswers(deep YAML) = %v, want a bad-input error", err)
	}
}

func TestManyProblemsCapped(t *testing.T) {
	q := testQuestionnaire(t)
	var b strings.Builder
	b.WriteString("organisation: {name: X, type: agency}\nanswers:\n")
	for i := range 60 {
		fmt.Fprintf(&b, "  X-%02d: 1\n", i)
	}
	_, err := ParseAnswers("many.yaml", []byte(b.String()), q, today)
	var es input.Errors
	if !errors.As(err, &es) || len(es) != maxErrors+1 {
		t.Fatalf("ParseAnswers = %d problems, want %d: %v", len(es), maxErrors+1, err)
	}
	if es[0].Line != 3 || es[maxErrors-1].Line != 2+maxErrors || es[maxErrors].Why(nil) != "and 10 more problems" {
		t.Errorf("problems: first at line %d, last at %d, then %q", es[0].Line, es[maxErrors-1].Line, es[maxErrors].Why(nil))
	}
}
