package assessment

import (
	"strconv"
	"strings"
	"testing"
)

// TestUnknownUnansweredID is a regression test for a fuzz finding
// (testdata/fuzz/FuzzParseAnswersDefault/5f56bef7c92e6f5e): an id the
// questionnaire does not have, left unanswered, was dropped without a
// word, so `answers: {0: ~}` was accepted as an answers file.
func TestUnknownUnansweredID(t *testing.T) {
	q := testQuestionnaire(t)
	for _, tt := range []struct{ name, data, field string }{
		{"null", "organisation: {name: X, type: agency}\nanswers:\n  CTX-01: 2\n  CTX-99: ~\n", "answers.CTX-99"},
		{"empty mapping", "organisation: {name: X, type: agency}\nanswers:\n  CTX-01: 2\n  ZZZ: {}\n", "answers.ZZZ"},
		{"only", "organisation: {name: 0, type: AgenCY}\nanswers:\n 0:", "answers.0"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseAnswers("in.yaml", []byte(tt.data), q, today)
			if err == nil {
				t.Fatal("accepted")
			}
			if !strings.Contains(err.Error(), tt.field+": unknown question") {
				t.Errorf("error %q does not name %s as an unknown question", err, tt.field)
			}
		})
	}
	// A known id left unanswered is still fine.
	if _, err := ParseAnswers("in.yaml", []byte("organisation: {name: X, type: agency}\nanswers:\n  CTX-01: 2\n  CTX-02: ~\n"), q, today); err != nil {
		t.Errorf("a known unanswered id is refused: %v", err)
	}
}

// TestJSONSyntaxErrorLine is a regression test for a hostile-input
// finding: the line of a JSON syntax error came from encoding/json's
// Decoder, whose offsets count from the start of the value being read (or
// point at the bad byte), so a NUL on line 2 was reported on line 1.
func TestJSONSyntaxErrorLine(t *testing.T) {
	for _, tt := range []struct {
		name, data string
		line       int
	}{
		{"NUL before a key", "{\n\x00\"a\": 1}\n", 2},
		{"NUL in a string", "{\"a\":\n \"b\x00\"}\n", 2},
		{"NUL in a later string", "{\n\"organisation\": {\"name\": \"X\", \"type\": \"agency\"},\n\"answers\": {\n\"CTX-01\": \"a\x00\"}}\n", 4},
		{"bad literal", "{\n\"a\": 1,\n\"b\": tru\n}\n", 3},
		{"missing comma", "{\n\"a\": 1\n\"b\": 2\n}\n", 3},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseAnswers("in.json", []byte(tt.data), testQuestionnaire(t), today)
			if err == nil {
				t.Fatal("accepted")
			}
			if want := "in.json:" + strconv.Itoa(tt.line) + ": is not valid JSON"; !strings.HasPrefix(err.Error(), want) {
				t.Errorf("error %q, want it to start with %q", err, want)
			}
		})
	}
}

// TestControlCharactersRefused: escape codes in a name or comment could
// drive the terminal that shows them, so they are refused with the field;
// line breaks and tabs stay allowed in comments.
func TestControlCharactersRefused(t *testing.T) {
	q := testQuestionnaire(t)
	id := q.Questions[0].ID
	for _, tt := range []struct {
		name, body, field string
	}{
		{"escape in organisation", "organisation: {name: \"Agency\\e[2J\", type: agency}\nanswers: {" + id + ": 1}\n", "organisation.name"},
		{"bell in respondent", "organisation: {name: A, type: agency}\nrespondent: {name: \"Ann\\a\"}\nanswers: {" + id + ": 1}\n", "respondent.name"},
		{"escape in comment", "organisation: {name: A, type: agency}\nanswers: {" + id + ": {level: 1, comment: \"x\\e]0;t\\a\"}}\n", "comment"},
	} {
		_, err := ParseAnswers("a.yaml", []byte(tt.body), q, "2026-01-01")
		if err == nil || !strings.Contains(err.Error(), tt.field) || !strings.Contains(err.Error(), "control character") {
			t.Errorf("%s: err = %v, want a control-character refusal naming %s", tt.name, err, tt.field)
		}
	}
	ok := "organisation: {name: A, type: agency}\nanswers: {" + id + ": {level: 1, comment: \"two\\nlines\\tand a tab\"}}\n"
	if _, err := ParseAnswers("a.yaml", []byte(ok), q, "2026-01-01"); err != nil {
		t.Errorf("line breaks and tabs in a comment refused: %v", err)
	}
}
