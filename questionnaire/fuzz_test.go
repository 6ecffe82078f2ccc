package questionnaire

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/dgmaturity/dgmaturity/internal/input"
)

// FuzzParse checks that no input makes Parse or ParseTranslation panic;
// that every refusal is a bad-input error (exit 2, with file and line), not
// an internal one; and that whatever Parse accepts exports, as YAML and as
// JSON, to a file that reads back to the same Hash and exports again to the
// same bytes.
//
// The seeds are the test instruments (good and bad) and the committed
// corpus under testdata/fuzz/FuzzParse: the exported default instrument,
// BOM and CRLF forms, and hostile shapes (aliases, tags, deep nesting,
// enormous and fractional numbers, ids with path separators).
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.yaml")
	bad, _ := filepath.Glob("testdata/bad/*.yaml")
	for _, path := range append(seeds, bad...) {
		if data, err := os.ReadFile(path); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if _, err := ParseTranslation("fuzz.yaml", data); err != nil && !input.IsBad(err) {
			t.Fatalf("ParseTranslation: %v is not a bad-input error", err)
		}
		q, err := Parse("fuzz.yaml", data)
		if err != nil {
			if !input.IsBad(err) {
				t.Fatalf("Parse: %v is not a bad-input error", err)
			}
			return
		}
		for _, export := range []func(*Questionnaire) ([]byte, error){ExportYAML, ExportJSON} {
			out, err := export(q)
			if err != nil {
				t.Fatalf("export: %v", err)
			}
			back, err := Parse("export.yaml", out)
			if err != nil {
				t.Fatalf("the export of an accepted instrument is refused: %v\n%s", err, out)
			}
			if back.Hash() != q.Hash() {
				t.Fatalf("the export reads back with another hash\n%s", out)
			}
			again, err := export(back)
			if err != nil {
				t.Fatalf("export of the read-back: %v", err)
			}
			if !bytes.Equal(again, out) {
				t.Fatalf("export is not stable: a second export differs\nfirst:\n%s\nsecond:\n%s", out, again)
			}
		}
	})
}
