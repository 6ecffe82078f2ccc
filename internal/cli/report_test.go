package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/dgmaturity/dgmaturity/internal/testlang"
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
	if !strings.Contains(string(md), "> **Note.** Stored overall score 71.2 differs from the recomputed 41.2") {
		t.Error("the report does not note the edited score")
	}
	if !strings.Contains(string(md), "overall score **41.2**") {
		t.Error("the report does not use the recomputed score")
	}
	if _, err := os.Stat(filepath.Join(dir, "new", "folder", "board.svg")); err != nil {
		t.Error(err)
	}
	stem := filepath.Join(dir, "new", "folder", "board")
	want := []string{out, stem + ".html", stem + ".svg", stem + "-areas.svg"}
	if got := strings.Fields(stdout.String()); !slices.Equal(got, want) {
		t.Errorf("printed %q, want the reports and charts %q", got, want)
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

// TestReportPreviousOtherRelease: progress since last year's 1.0.0
// assessment is computed on the questions both releases share, and the
// report says which release the earlier one used and what was reworded.
func TestReportPreviousOtherRelease(t *testing.T) {
	dir := t.TempDir()
	old := strings.Replace(readFile(t, release100Example), `"date": "2026-04-15"`, `"date": "2025-04-15"`, 1)
	prev := filepath.Join(dir, "last-year.json")
	if err := os.WriteFile(prev, []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	cur := filepath.Join("..", "..", "examples", "reports", "ministry-of-rural-affairs-and-heritage-2026-04-15.json")
	out := filepath.Join(dir, "now.md")
	var stdout, stderr bytes.Buffer
	app := NewApp("test")
	app.Stdout, app.Stderr = &stdout, &stderr
	root := Root(app)
	root.SetArgs([]string{"report", cur, "--previous", prev, "-o", out})
	if err := root.Execute(); err != nil {
		t.Fatalf("report --previous of a 1.0.0 assessment: %v\n%s", err, stderr.String())
	}
	md := readFile(t, out)
	for _, want := range []string{
		"## Progress since 2025-04-15",
		"The earlier assessment was made with version 1.0.0 of the questionnaire; it is compared on the 35 questions both versions ask, and the scores then and now below are both computed on those questions only",
		"worded differently since (same construct, other words): CTX-01,",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	// Retired questions do not appear as moves.
	progress := md[strings.Index(md, "## Progress since"):]
	progress = progress[:strings.Index(progress[3:], "\n## ")+3]
	for _, retired := range []string{"CTX-03", "SVC-05", "POL-12"} {
		if strings.Contains(progress, "**"+retired+"**") {
			t.Errorf("retired %s is listed as a move", retired)
		}
	}
}

// TestReportWarningsInLanguage: the warnings about an edited assessment
// (a stored score that differs, a stored recommendation the questionnaire
// lacks) name the file once, and are said, on stderr and in the report,
// in the run's language, numbers written the local way.
func TestReportWarningsInLanguage(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("..", "..", "examples", "reports", "agency-for-shared-digital-services-2026-03-02.json"))
	if err != nil {
		t.Fatal(err)
	}
	edited := regexp.MustCompile(`"overall": [0-9.]+`).ReplaceAll(src, []byte(`"overall": 71.2`))
	edited = bytes.Replace(edited, []byte(`"recommendations": [`), []byte(`"recommendations": ["REC-GONE-9", `), 1)
	in := filepath.Join(t.TempDir(), "edited.json")
	if err := os.WriteFile(in, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ lang, score, rec string }{
		{"en", "stored overall score 71.2 differs from the recomputed", `stored recommendation "REC-GONE-9" is not in questionnaire`},
		{"fr", "71,2", `"REC-GONE-9"`},
		{"de", "71,2", `"REC-GONE-9"`},
	} {
		out := filepath.Join(t.TempDir(), "r.md")
		_, stderr, err := runCLI(t, "--lang", tt.lang, "report", in, "-o", out)
		if err != nil {
			t.Fatalf("report --lang %s: %v", tt.lang, err)
		}
		md, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		var notes []string
		for _, l := range strings.Split(string(md), "\n") {
			if strings.HasPrefix(l, "> **") {
				notes = append(notes, l)
			}
		}
		lines := strings.Split(strings.TrimSpace(stderr), "\n")
		if len(lines) != 2 || len(notes) != 2 {
			t.Fatalf("--lang %s: want two warnings on stderr and two notes in the report; stderr %q, notes %q", tt.lang, stderr, notes)
		}
		for i, l := range lines {
			if n := strings.Count(l, "edited.json"); n != 1 {
				t.Errorf("--lang %s: %q names the file %d times, want once", tt.lang, l, n)
			}
			if tt.lang != "en" {
				if w := saysEnglish(l) + saysEnglish(notes[i]); w != "" {
					t.Errorf("--lang %s: English %q in %q / %q", tt.lang, w, l, notes[i])
				}
				if w := testlang.EnglishIn(l) + testlang.EnglishIn(notes[i]); w != "" {
					t.Errorf("--lang %s: English %q in %q / %q", tt.lang, w, l, notes[i])
				}
			}
		}
		if !strings.Contains(stderr, tt.score) || !strings.Contains(stderr, tt.rec) {
			t.Errorf("--lang %s: stderr %q lacks %q or %q", tt.lang, stderr, tt.score, tt.rec)
		}
		if !strings.Contains(strings.ToLower(strings.Join(notes, "\n")), strings.ToLower(tt.score)) {
			t.Errorf("--lang %s: the report's notes %q lack %q", tt.lang, notes, tt.score)
		}
	}
}
