package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// respondentFile saves one respondent's assessment of the Ministry of
// Examples: every question at level, except the overrides.
func respondentFile(t *testing.T, dir, who, date string, level int, overrides map[string]assessment.Answer, edit func(*assessment.Assessment)) string {
	t.Helper()
	q := questionnaire.Default()
	a := assessment.New(q, assessment.Organisation{Name: "Ministry of Examples", Type: "ministry"},
		assessment.Respondent{Name: who, Role: "Workshop participant"}, date, "en", "dgmaturity test")
	for _, qu := range q.Questions {
		a.Answers[qu.ID] = assessment.Lvl(level)
	}
	for id, ans := range overrides {
		a.Answers[id] = ans
	}
	a.Complete = true
	if edit != nil {
		edit(a)
	}
	path := filepath.Join(dir, strings.ToLower(strings.Fields(who)[0])+".json")
	if err := assessment.Save(path, a); err != nil {
		t.Fatal(err)
	}
	return path
}

func commented(level int, comment string) assessment.Answer {
	a := assessment.Lvl(level)
	a.Comment = comment
	return a
}

func TestMergeWorkshop(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	a := respondentFile(t, in, "Anne Schmit", "2026-03-01", 2, map[string]assessment.Answer{
		"CTX-01": commented(0, "Nobody owns the plan."), "DATA-02": {DontKnow: true},
	}, nil)
	b := respondentFile(t, in, "Bob Kieffer", "2026-03-03", 2, map[string]assessment.Answer{
		"CTX-01": commented(4, "The plan was approved in May."), "DATA-02": {DontKnow: true}, "POL-01": assessment.Lvl(3),
	}, nil)
	c := respondentFile(t, in, "Chloé Weber", "2026-03-02", 2, map[string]assessment.Answer{
		"CTX-01": assessment.Lvl(1), "DATA-02": {DontKnow: true}, "POL-01": assessment.Lvl(0),
	}, func(a *assessment.Assessment) { a.Organisation.Name = "  ministry OF examples " })

	stdout, stderr, err := runCLI(t, "merge", a, b, c, "--out", out)
	if err != nil {
		t.Fatalf("merge: %v\n%s", err, stderr)
	}
	base := filepath.Join(out, "ministry-of-examples-2026-03-03")
	want := []string{
		base + "-consolidated.json", base + "-consolidated.md", base + "-consolidated.html",
		base + "-consolidated.svg", base + "-consolidated-areas.svg",
		base + "-workshop.md", base + "-workshop.html", base + "-workshop-spread.svg",
	}
	if diff := cmp.Diff(want, strings.Fields(stdout)); diff != "" {
		t.Errorf("paths printed (-want +got):\n%s", diff)
	}
	for _, p := range want {
		if _, err := os.Stat(p); err != nil {
			t.Error(err)
		}
	}

	// The consolidated assessment: every respondent, the medians, the spread.
	got, _, err := assessment.Load(want[0], questionnaire.Default())
	if err != nil {
		// Report it, and read the file plainly to check the rest.
		t.Errorf("the consolidated assessment cannot be read back: %v", err)
		got = new(assessment.Assessment)
		if err := json.Unmarshal([]byte(readFile(t, want[0])), got); err != nil {
			t.Fatal(err)
		}
	}
	var names []string
	for _, r := range got.Respondents {
		names = append(names, r.Name)
	}
	if diff := cmp.Diff([]string{"Anne Schmit", "Bob Kieffer", "Chloé Weber"}, names); diff != "" {
		t.Errorf("respondents (-want +got):\n%s", diff)
	}
	if got.Date != "2026-03-03" {
		t.Errorf("date %s; want the latest, 2026-03-03", got.Date)
	}
	level := func(id string) int {
		if l := got.Answers[id].Level; l != nil {
			return *l
		}
		return -1
	}
	// CTX-01: 0 4 1 → 1; POL-01: 2 3 0 → 2; DATA-02: don't know all round.
	if level("CTX-01") != 1 || level("POL-01") != 2 || !got.Answers["DATA-02"].DontKnow {
		t.Errorf("consolidated CTX-01 %d, POL-01 %d, DATA-02 %+v; want 1, 2, don't know", level("CTX-01"), level("POL-01"), got.Answers["DATA-02"])
	}
	if sp := got.Spread["CTX-01"]; sp.Min != 0 || sp.Max != 4 || len(sp.Responses) != 3 || sp.Responses[1].Comment != "The plan was approved in May." {
		t.Errorf("spread of CTX-01: %+v", sp)
	}
	if !got.Complete || got.Scores == nil {
		t.Error("the consolidated assessment is not finished and scored")
	}

	// The workshop report: CTX-01 (4 apart) before POL-01 (3 apart), with
	// what each said and their comments.
	ws := readFile(t, base+"-workshop.md")
	i, j := strings.Index(ws, "### 1. CTX-01: 4 levels apart (0 to 4)"), strings.Index(ws, "### 2. POL-01: 3 levels apart (0 to 3)")
	if i < 0 || j < i {
		t.Errorf("agenda order wrong:\n%s", ws)
	}
	for _, s := range []string{"**R1 Anne Schmit**: level 0, Not started. Comment: Nobody owns the plan.", "**R2 Bob Kieffer**: level 4", "The plan was approved in May.", "| DATA-02 | ? | – | ? | ? | ? |"} {
		if !strings.Contains(ws, s) {
			t.Errorf("workshop report lacks %q", s)
		}
	}
	if strings.Contains(ws[:strings.Index(ws, "## Consensus and spread")], "DATA-02") {
		t.Error("DATA-02 (don't know all round) is on the agenda")
	}
	// The workshop page embeds the spread chart and links the
	// consolidated report's page, not its Markdown.
	page := readFile(t, base+"-workshop.html")
	for _, s := range []string{"<svg ", "CTX-01", "POL-01", `href="ministry-of-examples-2026-03-03-consolidated.html"`} {
		if !strings.Contains(page, s) {
			t.Errorf("workshop page lacks %q", s)
		}
	}
}

func TestMergeRefuses(t *testing.T) {
	in := t.TempDir()
	a := respondentFile(t, in, "Anne Schmit", "2026-03-01", 2, nil, nil)
	otherPSO := filepath.Join(in, "other-pso")
	otherVersion := filepath.Join(in, "other-version")
	for _, dir := range []string{otherPSO, otherVersion} {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	b := respondentFile(t, otherPSO, "Bob Kieffer", "2026-03-01", 2, nil, func(a *assessment.Assessment) {
		a.Organisation.Name = "Agency of Elsewhere"
	})
	c := respondentFile(t, otherVersion, "Chloé Weber", "2026-03-01", 2, nil, func(a *assessment.Assessment) {
		a.Questionnaire.Version = "0.9.0"
	})
	d := respondentFile(t, otherVersion, "Dan Other", "2026-03-01", 2, nil, func(a *assessment.Assessment) {
		a.Organisation.ID = "REG-1"
	})
	e := respondentFile(t, otherPSO, "Eve Other", "2026-03-01", 2, nil, func(a *assessment.Assessment) {
		a.Organisation.ID = "REG-2"
	})
	for _, tt := range []struct {
		name  string
		args  []string
		file  string
		words []string
	}{
		{"another PSO", []string{a, b}, b, []string{"Agency of Elsewhere", "one organisation"}},
		{"another instrument version", []string{a, c}, c, []string{"version 0.9.0", "one questionnaire version"}},
		{"other organisation ids", []string{d, e}, e, []string{"REG-2", "one organisation"}},
		{"the same file twice", []string{a, a}, a, []string{"twice"}},
		{"one file", []string{a}, "", nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out := t.TempDir()
			stdout, _, err := runCLI(t, append([]string{"merge", "--out", out}, tt.args...)...)
			if !input.IsBad(err) {
				t.Fatalf("error %v; want bad input (exit code 2)", err)
			}
			if tt.file != "" && !strings.HasPrefix(err.Error(), tt.file+":") {
				t.Errorf("error %q does not start with the file %s", err, tt.file)
			}
			for _, w := range tt.words {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not say %q", err, w)
				}
			}
			if stdout != "" {
				t.Errorf("stdout %q; want nothing", stdout)
			}
			if entries, _ := os.ReadDir(out); len(entries) > 0 {
				t.Errorf("%d files written although merge was refused", len(entries))
			}
		})
	}
}
