//go:build unix

package assessment

import (
	"path/filepath"
	"syscall"
	"testing"
)

// TestDraftsSkipsPipes: opening a named pipe blocks until a writer comes,
// which would hang the start of the program.
func TestDraftsSkipsPipes(t *testing.T) {
	q := testQuestionnaire(t)
	dir := t.TempDir()
	if _, err := SaveDraft(dir, New(q, Organisation{Name: "X", Type: "other"}, Respondent{}, "2026-03-01", "", "t")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "drafts", "pipe.json"), 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	got, err := Drafts(dir, q)
	if err != nil || len(got) != 1 {
		t.Errorf("Drafts = %+v, %v; want the one draft", got, err)
	}
}
