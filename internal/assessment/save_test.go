package assessment

import (
	"math"
	"os"
	"path/filepath"
	"testing"
)

// TestSaveRefusesWhatCannotBeMarshalled leaves the previous file as it
// was, and no temporary file, when the assessment cannot be written.
func TestSaveRefusesWhatCannotBeMarshalled(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a.json")
	if err := os.WriteFile(path, []byte("previous"), 0o644); err != nil {
		t.Fatal(err)
	}
	a := sample(t)
	a.Scores.Overall = math.NaN()
	if err := Save(path, a); err == nil {
		t.Errorf("Save(NaN score) succeeded")
	}
	if got, err := os.ReadFile(path); err != nil || string(got) != "previous" {
		t.Errorf("previous file holds %q (%v), want it intact", got, err)
	}
	if es, err := os.ReadDir(dir); err != nil || len(es) != 1 {
		t.Errorf("folder holds %d entries (%v), want only a.json", len(es), err)
	}
}
