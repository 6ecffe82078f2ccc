package assessment

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/dgmaturity/dgmaturity/internal/safefile"
)

// TestDraftsRemovesStaleTemporaryFiles checks that listing the drafts
// removes what a run killed during a draft write leaves behind, once it is
// old enough not to be another run's write in progress, and keeps
// everything else.
func TestDraftsRemovesStaleTemporaryFiles(t *testing.T) {
	q := testQuestionnaire(t)
	dir := t.TempDir()
	a := New(q, Organisation{Name: "Example Agency", Type: "agency"}, Respondent{}, "2026-03-01", "en", "dgmaturity test")
	draft, err := SaveDraft(dir, a)
	if err != nil {
		t.Fatal(err)
	}
	folder := filepath.Dir(draft)
	old := time.Now().Add(-2 * safefile.StaleAge)
	files := []struct {
		name   string
		stale  bool // made older than safefile.StaleAge
		remain bool
	}{
		{".example-agency-2026-03-01.json.dgmaturity-tmp-0123456789abcdef", true, false},
		{".example-agency-2026-03-01.json.dgmaturity-tmp-fedcba9876543210", false, true}, // a write in progress
		{".notes.txt", true, true}, // not a draft write's
		{"example-agency-2026-03-01.json.dgmaturity-tmp-0123456789abcdef", true, true}, // not hidden: not ours
	}
	for _, f := range files {
		p := filepath.Join(folder, f.name)
		if err := os.WriteFile(p, []byte(`{"schema": "dgmat`), 0o600); err != nil {
			t.Fatal(err)
		}
		if f.stale {
			if err := os.Chtimes(p, old, old); err != nil {
				t.Fatal(err)
			}
		}
	}
	ds, err := Drafts(dir, q)
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 1 || ds[0].Path != draft {
		t.Errorf("Drafts = %+v, want only %s", ds, draft)
	}
	for _, f := range files {
		_, err := os.Stat(filepath.Join(folder, f.name))
		if remains := err == nil; remains != f.remain {
			t.Errorf("%s: remains %v, want %v", f.name, remains, f.remain)
		}
	}
}
