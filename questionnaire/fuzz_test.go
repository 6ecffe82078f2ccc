package questionnaire

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse checks that no input makes Parse or ParseTranslation panic, and
// that whatever Parse accepts exports and reads back to the same Hash.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.yaml")
	bad, _ := filepath.Glob("testdata/bad/*.yaml")
	for _, path := range append(seeds, bad...) {
		if data, err := os.ReadFile(path); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		_, _ = ParseTranslation("fuzz.yaml", data)
		q, err := Parse("fuzz.yaml", data)
		if err != nil {
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
		}
	})
}
