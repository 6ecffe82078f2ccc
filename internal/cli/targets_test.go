package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
)

// TestPreviousReleaseFileReads checks that an assessment file written by
// the release before the staged catalogue (the same 1.0.0 questions, another
// catalogue text and hash) still reads and reports, with the default target.
func TestPreviousReleaseFileReads(t *testing.T) {
	src := filepath.Join("testdata", "release-0", "commune-de-wiltzerbach-2026-05-20.json")
	dir := t.TempDir()
	out := filepath.Join(dir, "commune.md")
	stdout, stderr, err := runCLI(t, "report", src, "-o", out)
	if err != nil {
		t.Fatalf("report: %v\n%s", err, stderr)
	}
	if strings.Contains(stderr, "another text of questionnaire") {
		t.Errorf("the old file is refused: %s", stderr)
	}
	if !strings.Contains(stdout, out) {
		t.Errorf("stdout %q does not name the report", stdout)
	}
	md := readFile(t, out)
	for _, want := range []string{"## Recommendations", "Target: level 3 (Established) for every question.", "## Roadmap"} {
		if !strings.Contains(md, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	// The commune is never told to do what only central bodies can.
	for _, never := range []string{"REC-POL-05", "Inter-Ministerial Committee for Digitalisation or the relevant technical working group."} {
		if strings.Contains(md, never) {
			t.Errorf("the commune's report holds %q", never)
		}
	}
}

// TestAssessTargetsAndProgress runs assess twice for one organisation: the
// second run, in the same folder, shows progress since the first, records
// its targets and carries a roadmap; --target and the file's targets are
// written into the assessment file.
func TestAssessTargetsAndProgress(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	first := write("first.yaml", `organisation: {name: Agence Test, type: agency}
respondent: {name: A. Lead}
date: 2026-01-10
answers:
  CTX-01: 1
  CTX-02: 2
  DATA-01: 0
  SVC-01: dont_know
`)
	second := write("second.yaml", `organisation: {name: Agence Test, type: agency}
respondent: {name: A. Lead}
date: 2026-06-10
targets: {data: 4, CTX-02: 2}
answers:
  CTX-01: 3
  CTX-02: 1
  DATA-01: 2
  SVC-01: 1
`)
	out := filepath.Join(dir, "out")
	if _, stderr, err := runCLI(t, "assess", "--answers", first, "--out", out); err != nil {
		t.Fatalf("first assess: %v\n%s", err, stderr)
	}
	stdout, stderr, err := runCLI(t, "assess", "--answers", second, "--out", out, "--target", "4")
	if err != nil {
		t.Fatalf("second assess: %v\n%s", err, stderr)
	}
	paths := strings.Fields(stdout)
	if len(paths) != 6 || !strings.HasSuffix(paths[5], "-change.svg") {
		t.Fatalf("printed %q", stdout)
	}
	var a assessment.Assessment
	if err := json.Unmarshal([]byte(readFile(t, paths[0])), &a); err != nil {
		t.Fatal(err)
	}
	if a.Targets == nil || a.Targets.Default != 4 || a.Targets.Areas["data"] != 4 || a.Targets.Questions["CTX-02"] != 2 {
		t.Errorf("targets = %+v", a.Targets)
	}
	if len(a.Roadmap) == 0 {
		t.Fatal("no roadmap in the assessment file")
	}
	for _, it := range a.Roadmap {
		for _, qq := range it.Questions {
			if it.Level <= qq.Level || it.Level > qq.Target {
				t.Errorf("roadmap step %s level %d for %s at %d, target %d", it.Recommendation, it.Level, qq.ID, qq.Level, qq.Target)
			}
		}
	}
	md := readFile(t, paths[1])
	for _, want := range []string{
		"## Progress since 2026-01-10",
		"- **CTX-01** level 1 → 3.",
		"- **SVC-01** don't know → 1.",
		"Questions that moved down:",
		"- **CTX-02** level 2 → 1.",
		"Steps of the previous roadmap now done:",
		"Target: level 4 (Leading) for every question except: Towards a data-driven public sector 4, CTX-02 2",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the report lacks %q", want)
		}
	}

	// report --previous with a later file is refused; --target 5 is a usage error.
	if _, _, err := runCLI(t, "report", paths[0], "--target", "5"); err == nil {
		t.Error("report --target 5 accepted")
	}
}

// TestReportPrevious rebuilds a report with progress since a named earlier
// assessment, and refuses one dated after the assessment.
func TestReportPrevious(t *testing.T) {
	dir := t.TempDir()
	later := filepath.Join("..", "..", "examples", "reports", "commune-de-wiltzerbach-2026-05-20.json")
	earlier := filepath.Join(dir, "earlier.json")
	data := strings.Replace(readFile(t, later), `"date": "2026-05-20"`, `"date": "2025-05-20"`, 1)
	var a assessment.Assessment
	if err := json.Unmarshal([]byte(data), &a); err != nil {
		t.Fatal(err)
	}
	a.Answers["CTX-01"] = assessment.Lvl(0)
	a.Scores, a.Recommendations, a.Roadmap = nil, nil, nil
	if err := assessment.Save(earlier, &a); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "report", "commune.md")
	if _, stderr, err := runCLI(t, "report", later, "-o", out, "--previous", earlier); err != nil {
		t.Fatalf("report --previous: %v\n%s", err, stderr)
	}
	md := readFile(t, out)
	if !strings.Contains(md, "## Progress since 2025-05-20") || !strings.Contains(md, "- **CTX-01** level 0 → 1.") {
		t.Errorf("no progress section in the report:\n%s", md[:min(len(md), 2000)])
	}
	if _, _, err := runCLI(t, "report", earlier, "-o", filepath.Join(dir, "x.md"), "--previous", later); err == nil ||
		!strings.Contains(err.Error(), "after this one") {
		t.Errorf("a later previous assessment: err = %v", err)
	}
}
