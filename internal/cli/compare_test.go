package cli

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/internal/synth"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// synthFolder saves n synthetic assessments into a new folder and returns
// the folder and the assessments.
func synthFolder(t *testing.T, n int, seed int64) (string, []*assessment.Assessment) {
	t.Helper()
	dir := t.TempDir()
	all := synth.Generate(n, seed, questionnaire.Default())
	for _, a := range all {
		if err := assessment.Save(filepath.Join(dir, synth.FileName(a)), a); err != nil {
			t.Fatal(err)
		}
	}
	return dir, all
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestCompareAnonymised searches the anonymised report and CSV for every
// organisation name and id, respondent, role, comment and reason of the
// input: none may appear. Groups under the minimum are absent and the
// report says they were withheld.
func TestCompareAnonymised(t *testing.T) {
	dir, all := synthFolder(t, 60, 11)
	// Hostile and distinctive free text as well.
	a := all[0]
	for id, ans := range a.Answers {
		ans.Comment = "Confidential remark about the minister " + id
		a.Answers[id] = ans
		break
	}
	a.Respondents = append(a.Respondents, assessment.Respondent{Name: "=cmd|' /C calc'!A0", Role: "<script>alert(1)</script>"})
	if err := assessment.Save(filepath.Join(dir, synth.FileName(a)), a); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	report, csvPath := filepath.Join(out, "public.md"), filepath.Join(out, "public.csv")
	const minGroup = 8
	t.Setenv("DGMATURITY_SALT", "a test salt that is long enough")
	stdout, stderr, err := runCLI(t, "compare", dir, "--anonymise", "--min-group", fmt.Sprint(minGroup), "-o", report, "--csv", csvPath, "--format", "md,html")
	if err != nil {
		t.Fatalf("compare: %v\n%s", err, stderr)
	}
	charts := []string{"public-areas.svg", "public-principles.svg", "public-stages.svg", "public-heatmap.svg", "public-trend.svg"}
	want := csvPath + "\n" + report + "\n" + filepath.Join(out, "public.html") + "\n"
	for _, c := range charts {
		want += filepath.Join(out, c) + "\n"
	}
	if stdout != want {
		t.Errorf("stdout %q; want the written paths %q", stdout, want)
	}
	md, c := readFile(t, report), readFile(t, csvPath)
	// The HTML page and the charts are held to what the Markdown shows.
	pictures := readFile(t, filepath.Join(out, "public.html"))
	for _, name := range charts {
		pictures += readFile(t, filepath.Join(out, name))
	}

	secrets := map[string]bool{}
	for _, a := range all {
		secrets[a.Organisation.Name] = true
		secrets[a.Organisation.ID] = true
		for _, r := range a.Respondents {
			secrets[r.Name] = true
			secrets[r.Role] = true
		}
		for _, ans := range a.Answers {
			secrets[ans.Comment] = true
			secrets[ans.NA] = true
		}
	}
	delete(secrets, "")
	for s := range secrets {
		if strings.Contains(md, s) {
			t.Errorf("the anonymised report contains %q", s)
		}
		if strings.Contains(c, s) {
			t.Errorf("the anonymised CSV contains %q", s)
		}
		if strings.Contains(pictures, s) || strings.Contains(pictures, html.EscapeString(s)) {
			t.Errorf("the anonymised HTML or charts contain %q", s)
		}
	}
	for _, word := range []string{"Synthetic", "SYN-", "calc", "Confidential"} {
		if strings.Contains(md+c+pictures, word) {
			t.Errorf("the anonymised output contains %q", word)
		}
	}

	// PSOs per type, by their latest assessment (synthetic PSOs keep their type).
	perType := map[string]map[string]bool{}
	for _, a := range all {
		if perType[a.Organisation.Type] == nil {
			perType[a.Organisation.Type] = map[string]bool{}
		}
		perType[a.Organisation.Type][a.Organisation.Name] = true
	}
	groups := md[strings.Index(md, "## Peer groups"):strings.Index(md, "## Weakest")]
	small := 0
	for typ, psos := range perType {
		row := "| " + typ + " | "
		note := fmt.Sprintf("The peer group %q has fewer than %d PSOs", typ, minGroup)
		if len(psos) < minGroup {
			small++
			if strings.Contains(groups, row) {
				t.Errorf("peer group %s (%d PSOs) is shown, below the minimum %d", typ, len(psos), minGroup)
			}
			if !strings.Contains(md, note) {
				t.Errorf("the report does not say that %s was withheld", typ)
			}
		} else if !strings.Contains(groups, fmt.Sprintf("| %s | %d |", typ, len(psos))) {
			t.Errorf("peer group %s (%d PSOs) is missing", typ, len(psos))
		}
	}
	if small == 0 {
		t.Fatalf("no type group below %d in this sample (%v): the test checks nothing", minGroup, perType)
	}
	rows, err := csv.NewReader(strings.NewReader(c)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 2 || len(rows) > 1+len(all) {
		t.Errorf("%d CSV rows; want a header and at most %d assessments", len(rows), len(all))
	}
	// A PSO of a withheld group has no row at all: a row, even with its
	// type withheld, would give away a lone municipality's scores.
	for _, r := range rows[1:] {
		if !strings.HasPrefix(r[0], "PSO-") {
			t.Errorf("CSV row named %q, not a pseudonym", r[0])
		}
		if typ := r[1]; len(perType[typ]) < minGroup {
			t.Errorf("CSV has a row of type %q, a group of %d", typ, len(perType[typ]))
		}
	}

	// Pseudonyms are stable across runs.
	again := filepath.Join(out, "again.md")
	if _, _, err := runCLI(t, "compare", dir, "--anonymise", "--min-group", fmt.Sprint(minGroup), "-o", again); err != nil {
		t.Fatal(err)
	}
	if strings.ReplaceAll(readFile(t, again), "again-", "public-") != md {
		t.Error("two anonymised runs over the same files differ")
	}
}

func TestCompareInvalidFiles(t *testing.T) {
	dir, _ := synthFolder(t, 6, 5)
	if err := os.WriteFile(filepath.Join(dir, "broken.json"), []byte(`{"schema": `), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "empty.json"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	report := filepath.Join(t.TempDir(), "r.md")

	_, stderr, err := runCLI(t, "compare", dir, "-o", report)
	if err == nil || input.IsBad(err) {
		t.Fatalf("error %v; want a plain error (exit code 1)", err)
	}
	if err.Error() != "2 files were left out" {
		t.Errorf("error %q; want \"2 files were left out\"", err)
	}
	for _, f := range []string{"broken.json", "empty.json"} {
		if !strings.Contains(stderr, filepath.Join(dir, f)+":") {
			t.Errorf("stderr does not list %s with its reason:\n%s", f, stderr)
		}
	}
	if md := readFile(t, report); !strings.Contains(md, "2 of the 8 files considered could not be read") {
		t.Errorf("the report does not say that 2 of 8 files were left out")
	}

	if _, _, err := runCLI(t, "compare", dir, "-o", report, "--skip-invalid"); err != nil {
		t.Errorf("with --skip-invalid: %v; want success", err)
	}

	// Nothing valid at all: bad input, exit code 2.
	bad := t.TempDir()
	if err := os.WriteFile(filepath.Join(bad, "x.json"), []byte("[]"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"compare", bad}, {"compare", t.TempDir()}, {"compare", filepath.Join(bad, "nope.json")}} {
		if _, _, err := runCLI(t, args...); !input.IsBad(err) {
			t.Errorf("%v: error %v; want bad input (exit code 2)", args, err)
		}
	}
}

func TestCompareStdoutIsStable(t *testing.T) {
	dir, _ := synthFolder(t, 12, 9)
	csvPath := filepath.Join(t.TempDir(), "s.csv")
	out1, stderr, err := runCLI(t, "compare", dir, "--csv", csvPath)
	if err != nil {
		t.Fatal(err)
	}
	out2, _, err := runCLI(t, "compare", dir)
	if err != nil {
		t.Fatal(err)
	}
	if out1 != out2 || !strings.HasPrefix(out1, "# Digital government maturity across ") {
		t.Errorf("the report on stdout is not stable or not a report:\n%.200s", out1)
	}
	// The report has stdout; the CSV path goes to stderr.
	if !strings.Contains(stderr, csvPath) {
		t.Errorf("stderr %q does not name the CSV written", stderr)
	}
}

func TestCompareUsage(t *testing.T) {
	dir, _ := synthFolder(t, 2, 1)
	for _, args := range [][]string{
		{"compare"},
		{"compare", dir, "--min-group", "-1"},
		{"compare", dir, "--min-group", "0"},
		{"compare", dir, "--min-group", "0", "--anonymise"},
		{"compare", dir, "--salt", "x"},
		{"compare", dir, "-o", "same", "--csv", "same"},
	} {
		if _, _, err := runCLI(t, args...); !input.IsBad(err) {
			t.Errorf("%v: error %v; want a usage error (exit code 2)", args, err)
		}
	}
}

// TestCompareMinGroupZero: --min-group 0 once became the anonymised
// default of 5 in silence; it is refused, naming 1 as the way to show
// every group.
func TestCompareMinGroupZero(t *testing.T) {
	dir, _ := synthFolder(t, 2, 1)
	_, _, err := runCLI(t, "compare", dir, "--anonymise", "--min-group", "0")
	if !input.IsBad(err) || !strings.Contains(err.Error(), "--min-group must be 1 or more") || !strings.Contains(err.Error(), "1 shows every group") {
		t.Errorf("error %v; want a usage error saying 1 shows every group", err)
	}
}

func TestCompareProgress(t *testing.T) {
	dir, _ := synthFolder(t, 10, 2)
	for _, terminal := range []bool{true, false} {
		old := stderrIsTerminal
		stderrIsTerminal = func(io.Writer) bool { return terminal }
		var out, errOut bytes.Buffer
		clock := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
		app := &App{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Version: "test",
			// Each reading of the clock is 150 ms later: a slow run.
			Now: func() time.Time { clock = clock.Add(150 * time.Millisecond); return clock }}
		root := Root(app)
		root.SetArgs([]string{"compare", dir})
		err := root.Execute()
		stderrIsTerminal = old
		if err != nil {
			t.Fatal(err)
		}
		shown := strings.Contains(errOut.String(), "\r\x1b[Kread 10 of 10 files")
		if shown != terminal {
			t.Errorf("terminal %v: progress shown %v; stderr %q", terminal, shown, errOut.String())
		}
		if terminal && !strings.HasSuffix(errOut.String(), "\r\x1b[K") {
			t.Errorf("the progress line is not cleared at the end: %q", errOut.String())
		}
	}
}

// TestCompareAcrossReleases compares last year's 1.0.0 assessment with
// this year's 1.1.0 ones: the 1.0.0 file is compared on the questions both
// releases share, and the report names the shared questions whose wording
// changed.
func TestCompareAcrossReleases(t *testing.T) {
	dir := t.TempDir()
	old := readFile(t, release100Example)
	if err := os.WriteFile(filepath.Join(dir, "old.json"), []byte(old), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"agency-for-shared-digital-services-2026-03-02.json", "commune-de-wiltzerbach-2026-05-20.json"} {
		b := readFile(t, filepath.Join("..", "..", "examples", "reports", name))
		if err := os.WriteFile(filepath.Join(dir, name), []byte(b), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, stderr, err := runCLI(t, "compare", dir)
	if err != nil {
		t.Fatalf("compare: %v\n%s", err, stderr)
	}
	c := questionnaire.Diff(questionnaire.Releases()[0], questionnaire.Default())
	for _, want := range []string{
		"1 assessment was made with version 1.0.0 of the questionnaire; it is compared on the questions shared with version 1.1.0.",
		fmt.Sprintf("Up to %d questions of version 1.1.0 are missing from it", len(c.Added)),
		fmt.Sprintf("%d questions shared with version 1.0.0 are worded differently there (same construct, other words): %s.", len(c.Reworded), strings.Join(c.Reworded, ", ")),
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the comparison lacks %q", want)
		}
	}
	if !strings.Contains(out, "across 3 PSOs") {
		t.Errorf("the 1.0.0 assessment is not compared:\n%.300s", out)
	}
}
