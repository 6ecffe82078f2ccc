package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReportEditedScores rebuilds a report into a folder that does not
// exist yet, from an assessment whose stored score was edited by hand: the
// report is written, and the difference is warned about on stderr and
// noted in the report.
func TestReportEditedScores(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "examples", "reports", "ministry-of-rural-affairs-and-heritage-2026-04-15.json"))
	if err != nil {
		t.Fatal(err)
	}
	edited := bytes.Replace(src, []byte(`"overall": 41.2`), []byte(`"overall": 71.2`), 1)
	if bytes.Equal(src, edited) {
		t.Fatal("the example's overall score is no longer 41.2; update the test")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "edited.json")
	if err := os.WriteFile(in, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "new", "folder", "board.md")
	var stdout, stderr bytes.Buffer
	app := NewApp("test")
	app.Stdout, app.Stderr = &stdout, &stderr
	root := Root(app)
	root.SetArgs([]string{"report", in, "-o", out})
	if err := root.Execute(); err != nil {
		t.Fatalf("report: %v", err)
	}
	if !strings.Contains(stderr.String(), "stored overall score 71.2 differs from the recomputed 41.2") {
		t.Errorf("no warning on stderr: %q", stderr.String())
	}
	md, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(md), "> **Note.** stored overall score 71.2 differs from the recomputed 41.2") {
		t.Error("the report does not note the edited score")
	}
	if !strings.Contains(string(md), "overall score **41.2**") {
		t.Error("the report does not use the recomputed score")
	}
	if _, err := os.Stat(filepath.Join(dir, "new", "folder", "board.svg")); err != nil {
		t.Error(err)
	}
	if got := strings.Fields(stdout.String()); len(got) != 2 || got[0] != out {
		t.Errorf("printed %q, want the report and chart paths", got)
	}
}
