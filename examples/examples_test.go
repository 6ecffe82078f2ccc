// Package examples_test keeps the committed example reports in step with
// the tool: it runs `dgmaturity assess --answers` on every example answers
// file and compares the files it writes (the assessment, the Markdown and
// HTML reports, the charts) with those under reports/; it does the same
// for the example workshop (merge) and for a comparison of the examples.
// Refresh them with: go test ./examples -update (then review git diff).
package examples_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/cli"
	goldenfile "github.com/dgmaturity/dgmaturity/internal/golden"
	"github.com/dgmaturity/dgmaturity/internal/scoring"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// run executes the dgmaturity command line in-process with a pinned clock
// and version, and returns the paths it printed.
func run(t *testing.T, args ...string) []string {
	t.Helper()
	var stdout, stderr bytes.Buffer
	app := cli.NewApp("0.1.0")
	app.Stdout, app.Stderr = &stdout, &stderr
	app.Now = func() time.Time { return time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC) }
	root := cli.Root(app)
	root.SetArgs(args)
	if err := root.Execute(); err != nil {
		t.Fatalf("dgmaturity %s: %v\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return strings.Fields(stdout.String())
}

// same compares written files with their committed copies in dir, or
// refreshes the copies with -update.
func same(t *testing.T, dir string, written []string) {
	t.Helper()
	for _, path := range written {
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		goldenfile.Check(t, filepath.Join(dir, filepath.Base(path)), got)
	}
}

// TestWorkshopExample assesses the three respondents of the example
// workshop, merges them, and checks the consolidated and workshop reports.
func TestWorkshopExample(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("workshop", "*.yaml"))
	if err != nil || len(files) < 2 {
		t.Fatalf("want the workshop's answer files, found %v (%v)", files, err)
	}
	tmp := t.TempDir()
	var assessments []string
	for _, f := range files {
		// One folder per respondent: their files share a name.
		out := filepath.Join(tmp, strings.TrimSuffix(filepath.Base(f), ".yaml"))
		assessments = append(assessments, run(t, "assess", "--answers", f, "--out", out)[0])
	}
	written := run(t, append(append([]string{"merge"}, assessments...), "--out", filepath.Join(tmp, "merged"))...)
	if len(written) != 8 {
		t.Fatalf("merge printed %v, want eight paths", written)
	}
	selfContained(t, written)
	same(t, filepath.Join("workshop", "reports"), written)
}

func TestExamplesAreCurrent(t *testing.T) {
	files, err := filepath.Glob("*.yaml")
	if err != nil || len(files) < 3 {
		t.Fatalf("want at least 3 example answer files, found %v (%v)", files, err)
	}
	for _, f := range files {
		t.Run(f, func(t *testing.T) {
			out := t.TempDir()
			// An earlier assessment of the same organisation, scored first
			// into the same folder, gives the report its progress section.
			earlier, _ := filepath.Glob(filepath.Join("earlier", strings.TrimSuffix(f, ".yaml")+"-*.yaml"))
			for _, e := range earlier {
				same(t, "reports", run(t, "assess", "--answers", e, "--out", out))
			}
			written := run(t, "assess", "--answers", f, "--out", out)
			if len(written) < 5 {
				t.Fatalf("assess printed %q, want the assessment, two reports and the charts", written)
			}
			selfContained(t, written)
			same(t, "reports", written)
		})
	}
}

// TestComparisonExample compares the example assessments, as the ministry
// would, and checks the comparison's reports and charts.
func TestComparisonExample(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("reports", "*.json"))
	if err != nil || len(files) < 3 {
		t.Fatalf("want the example assessments, found %v (%v)", files, err)
	}
	out := filepath.Join(t.TempDir(), "comparison.md")
	written := run(t, append(append([]string{"compare"}, files...), "-o", out, "--format", "md,html")...)
	if len(written) != 7 {
		t.Fatalf("compare printed %v, want two reports and five charts", written)
	}
	selfContained(t, written)
	same(t, "comparison", written)
}

// selfContained checks every HTML page written: the policy that forbids
// scripts and requests, no script, and every chart the Markdown links
// embedded in it.
func selfContained(t *testing.T, written []string) {
	t.Helper()
	for _, path := range written {
		if filepath.Ext(path) != ".html" {
			continue
		}
		page, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		md, err := os.ReadFile(strings.TrimSuffix(path, ".html") + ".md")
		if err != nil {
			t.Fatal(err)
		}
		p := string(page)
		for _, want := range []string{`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:">`, `<html lang="en">`} {
			if !strings.Contains(p, want) {
				t.Errorf("%s lacks %s", path, want)
			}
		}
		for _, bad := range []string{"<script", "<link", "<img", "src=", "@import", "http://", "https://"} {
			if strings.Contains(strings.ReplaceAll(p, `xmlns="http://www.w3.org/2000/svg"`, ""), bad) {
				t.Errorf("%s holds %q", path, bad)
			}
		}
		if links, charts := strings.Count(string(md), ".svg)"), strings.Count(p, "<svg "); charts != links || links == 0 {
			t.Errorf("%s embeds %d charts; its Markdown links %d", path, charts, links)
		}
	}
}

// TestCommuneGetsOnlyWhatACommuneCanDo checks that the example commune is
// given no recommendation and no step limited to other organisation types
// (CTIE reporting, seats on the Inter-Ministerial Committee): the committed
// assessment file's roadmap and recommendations hold only what serves a
// municipality.
func TestCommuneGetsOnlyWhatACommuneCanDo(t *testing.T) {
	q := questionnaire.Default()
	a, _, err := assessment.Load(filepath.Join("reports", "commune-de-wiltzerbach-2026-05-20.json"), q)
	if err != nil {
		t.Fatal(err)
	}
	if a.Organisation.Type != "municipality" {
		t.Fatalf("the example commune is of type %q", a.Organisation.Type)
	}
	r := scoring.ScoreAssessment(q, a, 0)
	if len(r.Matches) == 0 || len(a.Roadmap) == 0 {
		t.Fatal("the commune gets no recommendation")
	}
	limited := 0
	for _, m := range r.Matches {
		if !m.Recommendation.Serves("municipality") {
			t.Errorf("%s is limited to %v", m.Recommendation.ID, m.Recommendation.AppliesTo)
		}
		for _, s := range m.Steps {
			if !s.Step.Serves(m.Recommendation, "municipality") {
				t.Errorf("a step of %s is limited to %v", m.Recommendation.ID, s.Step.AppliesTo)
			}
			if len(s.Step.AppliesTo) > 0 {
				limited++ // a commune's own step
			}
		}
	}
	if limited == 0 {
		t.Error("the commune sees none of the steps written for communes")
	}
	for _, it := range a.Roadmap {
		rec, ok := q.Recommendation(it.Recommendation)
		if !ok || !rec.Serves("municipality") || !rec.Steps[it.Step].Serves(rec, "municipality") {
			t.Errorf("roadmap step %s #%d is not for a municipality", it.Recommendation, it.Step)
		}
	}
}
