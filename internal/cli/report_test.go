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
	src, err := os.ReadFile(release100Example)
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

// release100Example is an assessment written by an earlier dgmaturity with
// release 1.0.0 of the built-in questionnaire, before its recommendations
// were staged: last year's file, as a PSO keeps it.
var release100Example = filepath.Join("testdata", "release-1.0.0", "ministry-2026-04-15.json")

// TestReportOldRelease: after the tool's default moved to a newer release,
// `report` of a 1.0.0 assessment still works, with 1.0.0's own questions
// and recommendations, not the current ones.
func TestReportOldRelease(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "old.md")
	var stdout, stderr bytes.Buffer
	app := NewApp("test")
	app.Stdout, app.Stderr = &stdout, &stderr
	root := Root(app)
	root.SetArgs([]string{"report", release100Example, "-o", out})
	if err := root.Execute(); err != nil {
		t.Fatalf("report of a 1.0.0 assessment: %v\n%s", err, stderr.String())
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	md := string(b)
	for _, want := range []string{
		"version 1.0.0 (oecd-dgs-2014)",
		// CTX-03 exists only in 1.0.0, with 1.0.0's wording.
		"How far is the national Electronic Governance Strategy 2021-2025 known across your organisation",
		// REC-CTX-04 exists only in 1.0.0's catalogue.
		"REC-CTX-04",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the report of a 1.0.0 assessment lacks %q", want)
		}
	}
	if strings.Contains(md, "version 1.1.0") {
		t.Error("the report of a 1.0.0 assessment names version 1.1.0")
	}
	if stderr.Len() > 0 {
		t.Errorf("warnings for an unedited 1.0.0 file: %s", stderr.String())
	}
}
