package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const ministryBase = "ministry-of-rural-affairs-and-heritage-2026-04-15"

// runOK runs the command line in-process (runCLI) and returns stderr,
// failing the test on an error.
func runOK(t *testing.T, args ...string) string {
	t.Helper()
	_, stderr, err := runCLI(t, args...)
	if err != nil {
		t.Fatalf("dgmaturity %s: %v\n%s", strings.Join(args, " "), err, stderr)
	}
	return stderr
}

// TestReportLanguages renders an assessment answered in French in the
// language it records, and in English and German with --lang: the
// English rendering is byte for byte the committed English report of
// the same answers (the language changes the words, never the scores),
// and no rendering warns that the stored scores differ (the stored stage
// is in the instrument's original language).
func TestReportLanguages(t *testing.T) {
	fr := filepath.Join("..", "..", "examples", "reports", "fr", ministryBase+".json")
	dir := t.TempDir()

	out := filepath.Join(dir, "recorded.md")
	if stderr := runOK(t, "report", fr, "-o", out); stderr != "" {
		t.Errorf("warnings: %s", stderr)
	}
	md := read(t, out)
	if !strings.HasPrefix(md, "# Maturité numérique de l'administration\u00a0: ") || !strings.Contains(md, "Auto-évaluation du 15 avril 2026") {
		t.Errorf("the recorded language (fr) was not used:\n%s", md[:min(len(md), 300)])
	}

	en := filepath.Join(dir, ministryBase+".md")
	if stderr := runOK(t, "report", fr, "--lang", "en", "-o", en); stderr != "" {
		t.Errorf("warnings: %s", stderr)
	}
	want := read(t, filepath.Join("..", "..", "examples", "reports", ministryBase+".md"))
	if got := read(t, en); got != want {
		t.Errorf("report --lang en of the French assessment differs from the English report:\n%s", firstLineDiff(want, got))
	}

	de := filepath.Join(dir, "de.md")
	if stderr := runOK(t, "report", fr, "--lang", "de_LU.UTF-8", "-o", de); stderr != "" {
		t.Errorf("warnings: %s", stderr)
	}
	md = read(t, de)
	if !strings.HasPrefix(md, "# Reifegrad der digitalen Verwaltung: ") || !strings.Contains(md, "Selbstbewertung vom 15. April 2026") || !strings.Contains(md, "Gesamtpunktzahl **41,") {
		t.Errorf("--lang de was not used:\n%s", md[:min(len(md), 300)])
	}
	if svg := read(t, filepath.Join(dir, "de.svg")); !strings.Contains(svg, "Punktzahlen der Grundsätze, 15. April 2026") {
		t.Errorf("the chart is not in German:\n%s", svg[:min(len(svg), 400)])
	}
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func firstLineDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) && i < len(gl); i++ {
		if wl[i] != gl[i] {
			return "want: " + wl[i] + "\ngot:  " + gl[i]
		}
	}
	return "lengths differ"
}

// TestCompareAcrossLanguages compares assessments answered in French,
// German and English together: the result is the same as comparing the
// English files (ids, not texts), and --lang writes the report and the
// CSV header in the language asked for, with the same CSV cells.
func TestCompareAcrossLanguages(t *testing.T) {
	ex := filepath.Join("..", "..", "examples", "reports")
	mixed := []string{
		filepath.Join(ex, "fr", "agency-for-shared-digital-services-2025-03-04.json"),
		filepath.Join(ex, "de", "agency-for-shared-digital-services-2026-03-02.json"),
		filepath.Join(ex, "fr", "commune-de-wiltzerbach-2026-05-20.json"),
		filepath.Join(ex, ministryBase+".json"),
	}
	english := []string{
		filepath.Join(ex, "agency-for-shared-digital-services-2025-03-04.json"),
		filepath.Join(ex, "agency-for-shared-digital-services-2026-03-02.json"),
		filepath.Join(ex, "commune-de-wiltzerbach-2026-05-20.json"),
		filepath.Join(ex, ministryBase+".json"),
	}
	dir := t.TempDir()
	out := func(name string) string { return filepath.Join(dir, name) }
	runOK(t, append([]string{"compare", "--lang", "en", "-o", out("en.md"), "--csv", out("en.csv")}, english...)...)
	if stderr := runOK(t, append([]string{"compare", "--lang", "en", "-o", out("mixed.md"), "--csv", out("mixed.csv")}, mixed...)...); stderr != "" {
		t.Errorf("warnings: %s", stderr)
	}
	// The reports differ only in the names of the charts they link.
	if read(t, out("en.md")) != strings.ReplaceAll(read(t, out("mixed.md")), "mixed-", "en-") || read(t, out("en.csv")) != read(t, out("mixed.csv")) {
		t.Error("comparing files of three languages differs from comparing the English files")
	}
	runOK(t, append([]string{"compare", "--lang", "de", "-o", out("de.md"), "--csv", out("de.csv")}, mixed...)...)
	md := read(t, out("de.md"))
	if !strings.HasPrefix(md, "# Digitaler Reifegrad von 3 öffentlichen Stellen") || !strings.Contains(md, "## Veränderung seit der vorherigen Bewertung") {
		t.Errorf("the comparison is not in German:\n%s", md[:min(len(md), 400)])
	}
	_, enRows, _ := strings.Cut(read(t, out("en.csv")), "\r\n")
	head, deRows, _ := strings.Cut(read(t, out("de.csv")), "\r\n")
	if !strings.HasPrefix(head, "stelle,art_organisation,datum,") || deRows != enRows {
		t.Errorf("German CSV: header %q; rows equal to the English ones: %v", head, deRows == enRows)
	}
}

// TestMergeAcrossLanguages merges the example workshop's respondents, who
// answered in French, German and English: merge --lang en writes the
// same four files as merging their English assessments (committed under
// examples/workshop/reports).
func TestMergeAcrossLanguages(t *testing.T) {
	ws := filepath.Join("..", "..", "examples", "workshop")
	people, err := filepath.Glob(filepath.Join(ws, "*.yaml"))
	if err != nil || len(people) != 3 {
		t.Fatalf("want the workshop's three answer files, found %v (%v)", people, err)
	}
	dir := t.TempDir()
	var files []string
	for i, p := range people {
		out := filepath.Join(dir, strings.TrimSuffix(filepath.Base(p), ".yaml"))
		stdout, stderr, err := runCLI(t, "assess", "--lang", []string{"fr", "de", "en"}[i], "--answers", p, "--out", out)
		if err != nil {
			t.Fatalf("assess %s: %v\n%s", p, err, stderr)
		}
		files = append(files, strings.Fields(stdout)[0])
	}
	stdout, stderr, err := runCLI(t, append([]string{"merge", "--lang", "en", "--out", filepath.Join(dir, "merged")}, files...)...)
	if err != nil {
		t.Fatalf("merge: %v\n%s", err, stderr)
	}
	written := strings.Fields(stdout)
	if len(written) != 8 {
		t.Fatalf("merge printed %q", written)
	}
	for _, w := range written {
		if strings.HasSuffix(w, ".json") {
			continue // the tool version and the clock differ from the examples' run
		}
		want := read(t, filepath.Join(ws, "reports", filepath.Base(w)))
		// The examples were written by version 0.1.0; this run is "test".
		got := strings.ReplaceAll(read(t, w), "dgmaturity test", "dgmaturity 0.1.0")
		if got != want {
			t.Errorf("%s differs from the English merge:\n%s", filepath.Base(w), firstLineDiff(want, got))
		}
	}
}

// TestReportEditedInFrench: an edited French assessment is warned about on
// standard error (in the run's language, here English), and its French
// report says so in French, with no English sentence.
func TestReportEditedInFrench(t *testing.T) {
	src := read(t, filepath.Join("..", "..", "examples", "reports", "fr", ministryBase+".json"))
	edited := strings.Replace(src, `"overall": 41`, `"overall": 71`, 1)
	if edited == src {
		t.Fatal("the example's overall score no longer starts with 41; update the test")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "edited.json")
	if err := os.WriteFile(in, []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	stderr := runOK(t, "report", in)
	if !strings.Contains(stderr, "stored overall score 71") {
		t.Errorf("no warning on stderr: %q", stderr)
	}
	md := read(t, filepath.Join(dir, "edited.md"))
	if !strings.Contains(md, "> **Remarque.** Le score global enregistré (71,0) diffère du score recalculé (41,0).") || strings.Contains(md, "stored overall") {
		t.Errorf("the French report does not note the edited score in French:\n%s", md[:min(len(md), 600)])
	}
}
