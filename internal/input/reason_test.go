package input

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/dgmaturity/dgmaturity/internal/locale"
)

func TestDescribe(t *testing.T) {
	fr := locale.For(locale.French)
	e := &Error{File: "a.yaml", Line: 3, Field: "answers.X", Msg: M("input.file.empty")}
	plain := &Error{File: "b.yaml", Reason: "is odd"}
	for _, tt := range []struct {
		err  error
		want string
	}{
		{e, "a.yaml:3: answers.X: est vide"},
		{plain, "b.yaml: is odd"}, // no message: the text as it is
		{Errors{e, e}, "a.yaml:3: answers.X: est vide\na.yaml:3: answers.X: est vide"},
		{fmt.Errorf("resume: %w", e), "resume: a.yaml:3: answers.X: est vide"},
		{errors.New("disk full"), "disk full"},
		{nil, ""},
	} {
		if got := Describe(tt.err, fr); got != tt.want {
			t.Errorf("Describe(%v, fr) = %q; want %q", tt.err, got, tt.want)
		}
		if tt.err != nil {
			if got := Describe(tt.err, nil); got != tt.err.Error() {
				t.Errorf("Describe(%v, nil) = %q; want Error()", tt.err, got)
			}
		}
	}
}

// TestMsgNested checks that a message inside a message is shown in the
// same language, and that rendering leaves the data as it was.
func TestMsgNested(t *testing.T) {
	m := Expected(M("input.kind.list"), M("input.kind.text_value", "Text", `"x"`))
	if got := m.In(locale.For(locale.German)); got != `erwartet: eine Liste, gefunden: Text "x"` {
		t.Errorf("German: %q", got)
	}
	if got := m.String(); got != `expected a list, found text "x"` {
		t.Errorf("English: %q", got)
	}
	if _, ok := m.Data[1].(Msg); !ok {
		t.Errorf("rendering changed the data: %#v", m.Data)
	}
	if got := (Msg{}).In(locale.For(locale.French)); got != "" {
		t.Errorf("no message renders as %q", got)
	}
}

// TestNotJSON checks that encoding/json's syntax errors are reworded in
// every language, and that one not known is left out of French.
func TestNotJSON(t *testing.T) {
	for _, tt := range []struct {
		data, en, fr string
	}{
		{`{"a": 1 "b": 2}`, `is not valid JSON: invalid character '"' after object key:value pair (is a comma missing before it?)`,
			"n'est pas un JSON valide\u00a0: caractère '\"' inattendu après une paire clé-valeur d'objet (manque-t-il une virgule avant lui\u202f?)"},
		{`{"a": tru}`, `is not valid JSON: invalid character '}' in literal true (expecting 'e')`,
			"n'est pas un JSON valide\u00a0: caractère '}' inattendu dans le littéral true ('e' attendu)"},
		{`{"a": 1`, `is not valid JSON: unexpected end of JSON input`, "n'est pas un JSON valide\u00a0: fin inattendue des données JSON"},
	} {
		var v any
		err := json.Unmarshal([]byte(tt.data), &v)
		m := NotJSON(err)
		if got := m.String(); got != tt.en {
			t.Errorf("%s: English %q; want %q", tt.data, got, tt.en)
		}
		if got := m.In(locale.For(locale.French)); got != tt.fr {
			t.Errorf("%s: French %q; want %q", tt.data, got, tt.fr)
		}
	}
	if got := NotJSON(errors.New("json: something new")).In(locale.For(locale.French)); strings.Contains(got, "something") {
		t.Errorf("an unknown detail is shown in French: %q", got)
	}
}

func TestTextProblemInFrench(t *testing.T) {
	got := TextProblem("a\x1bb", SingleLine).In(locale.For(locale.French))
	if want := "contient le caractère de contrôle U+001B (échappement)\u202f; supprimez-le"; got != want {
		t.Errorf("%q; want %q", got, want)
	}
	if CheckText("fine", SingleLine) != "" || TextProblem("fine", SingleLine).ID != "" {
		t.Error("a fine text is refused")
	}
}
