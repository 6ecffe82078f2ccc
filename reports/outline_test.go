package reports

import (
	"bytes"
	"strings"
	"testing"

	"github.com/dgmaturity/dgmaturity/internal/locale"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// TestOutline checks the outline of the built-in instrument in each
// language against its golden file: the English one is what
// `dgmaturity questionnaire show` prints.
func TestOutline(t *testing.T) {
	for _, lang := range locale.Supported {
		t.Run(string(lang), func(t *testing.T) {
			q, err := questionnaire.Default().Localized(string(lang))
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := Outline(&b, q, locale.For(lang)); err != nil {
				t.Fatal(err)
			}
			golden(t, "outline."+string(lang)+".txt.golden", b.Bytes())
			if lang == locale.English {
				return
			}
			for _, w := range []string{"questions per", "Pillars", "Areas and", "core question", "principles in", "counts under", "Coverage"} {
				if strings.Contains(b.String(), w) {
					t.Errorf("the %s outline says %q", lang, w)
				}
			}
		})
	}
}

// TestMatrixNilPrinter checks that Matrix alone, without a printer, is the
// English matrix that closes the outline.
func TestMatrixNilPrinter(t *testing.T) {
	q := questionnaire.Default()
	var m, o bytes.Buffer
	if err := Matrix(&m, q, nil); err != nil {
		t.Fatal(err)
	}
	if err := Outline(&o, q, nil); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(o.String(), "\n"+m.String()+"\n") || !strings.HasPrefix(m.String(), " ") || !strings.Contains(m.String(), "\nTotal ") {
		t.Errorf("matrix:\n%s\nnot the one of the outline:\n%s", m.String(), o.String())
	}
}
