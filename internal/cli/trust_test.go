package cli

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/dgmaturity/dgmaturity/internal/compare"
	"github.com/dgmaturity/dgmaturity/internal/input"
)

// variant writes the example ministry's assessment into dir under name,
// with the changes applied to its decoded JSON.
func variant(t *testing.T, dir, name string, change func(m map[string]any)) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "examples", "reports", "ministry-of-rural-affairs-and-heritage-2026-04-15.json"))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	change(m)
	out, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, out, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func org(name, typ string) func(map[string]any) {
	return func(m map[string]any) {
		o := m["organisation"].(map[string]any)
		o["name"] = name
		o["type"] = typ
		delete(o, "id")
	}
}

func both(fs ...func(map[string]any)) func(map[string]any) {
	return func(m map[string]any) {
		for _, f := range fs {
			f(m)
		}
	}
}

func date(d string) func(map[string]any) { return func(m map[string]any) { m["date"] = d } }

func respondent(name string) func(map[string]any) {
	return func(m map[string]any) {
		m["respondents"] = []any{map[string]any{"name": name, "role": "Tester"}}
	}
}

// TestNormalisedNamesAreOnePSO: "Ministère" typed as one character (NFC)
// and as e and a combining accent (NFD) is one PSO for compare and merge.
func TestNormalisedNamesAreOnePSO(t *testing.T) {
	const name = "Ministère de l'Intérieur"
	nfc, nfd := norm.NFC.String(name), norm.NFD.String(name)
	if nfc == nfd {
		t.Fatal("the test name has no accent to decompose")
	}
	dir := t.TempDir()
	a := variant(t, dir, "a.json", both(org(nfc, "ministry"), date("2025-04-15"), respondent("Anne")))
	b := variant(t, dir, "b.json", both(org(nfd, "ministry"), date("2026-04-15"), respondent("Bert")))

	csvPath := filepath.Join(t.TempDir(), "c.csv")
	if _, stderr, err := runCLI(t, "compare", a, b, "--csv", csvPath); err != nil {
		t.Fatalf("compare: %v\n%s", err, stderr)
	}
	rows, err := csv.NewReader(strings.NewReader(readFile(t, csvPath))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || rows[1][0] != rows[2][0] {
		t.Errorf("the CSV rows name %q and %q: two PSOs, want one", rows[1][0], rows[2][0])
	}

	if _, stderr, err := runCLI(t, "merge", a, b, "--out", t.TempDir()); err != nil {
		t.Errorf("merge of one PSO written two ways: %v\n%s", err, stderr)
	}
}

// TestCompareAnonymisedWithholdsEverything searches the anonymised report
// and CSV for every value a withheld group would give away: the pseudonym
// and dates of a lone municipality, the date of the only assessment of a
// year, and the free text of a questionnaire version.
func TestCompareAnonymisedWithholdsEverything(t *testing.T) {
	const salt = "a test salt that is long enough"
	t.Setenv("DGMATURITY_SALT", salt)
	dir := t.TempDir()
	for i, n := range []string{"Agency A", "Agency B", "Agency C", "Agency D", "Agency E"} {
		variant(t, dir, n+".json", both(org(n, "agency"), date("2026-0"+string(rune('1'+i))+"-10")))
	}
	// Agency A was also assessed, alone, in 2023: a withheld year.
	variant(t, dir, "a-2023.json", both(org("Agency A", "agency"), date("2023-06-06")))
	// The only municipality.
	variant(t, dir, "town.json", both(org("Commune de Seul", "municipality"), date("2026-07-07")))
	// A copy made with a questionnaire "version" that is free text.
	variant(t, dir, "draft.json", both(org("Agency F", "agency"), date("2026-08-08"), func(m map[string]any) {
		m["questionnaire"].(map[string]any)["version"] = "1.0.0 draft by Jean Dupont"
	}))

	out := t.TempDir()
	md, csvPath := filepath.Join(out, "public.md"), filepath.Join(out, "public.csv")
	_, stderr, err := runCLI(t, "compare", dir, "--anonymise", "--min-group", "3", "-o", md, "--csv", csvPath)
	if err != nil {
		t.Fatalf("compare: %v\n%s", err, stderr)
	}
	all := readFile(t, md) + readFile(t, csvPath)
	withheld := []string{
		compare.Pseudonym("name:"+input.FoldName("Commune de Seul"), salt), "2026-07-07", // the lone municipality
		"2023-06-06",       // the only assessment of 2023
		"Jean", "draft by", // free text in questionnaire.version
		"Commune", "Agency", "Seul",
	}
	for _, w := range withheld {
		if strings.Contains(all, w) {
			t.Errorf("the anonymised output contains %q", w)
		}
	}
	if testing.Verbose() {
		t.Log(all)
	}
	if !strings.Contains(readFile(t, md), "left out of the table of PSOs") {
		t.Error("the report does not say that the rows of withheld groups were left out")
	}
}

// TestCompareSalt: the salt never comes from the command line; without
// one, a random salt is used and stderr says how to keep pseudonyms stable.
func TestCompareSalt(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"Agency A", "Agency B"} {
		variant(t, dir, n+".json", org(n, "agency"))
	}
	_, _, err := runCLI(t, "compare", dir, "--anonymise", "--salt", "secret-on-the-command-line")
	if !input.IsBad(err) || !strings.Contains(err.Error(), "--salt-file") {
		t.Errorf("--salt: %v; want it refused, pointing to --salt-file", err)
	}
	t.Setenv("DGMATURITY_SALT", "")
	out1, stderr, err := runCLI(t, "compare", dir, "--anonymise", "--min-group", "1")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr, "random salt") || !strings.Contains(stderr, "--salt-file") {
		t.Errorf("no note about the random salt: %q", stderr)
	}
	out2, _, _ := runCLI(t, "compare", dir, "--anonymise", "--min-group", "1")
	if out1 == out2 {
		t.Error("two runs with random salts gave the same pseudonyms")
	}
	saltFile := filepath.Join(t.TempDir(), "salt")
	if err := os.WriteFile(saltFile, []byte("short\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := runCLI(t, "compare", dir, "--anonymise", "--salt-file", saltFile); !input.IsBad(err) {
		t.Errorf("a 5-character salt: %v; want it refused", err)
	}
	if err := os.WriteFile(saltFile, []byte("a salt of enough characters\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	a, _, err := runCLI(t, "compare", dir, "--anonymise", "--min-group", "1", "--salt-file", saltFile)
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("DGMATURITY_SALT", "a salt of enough characters")
	b, _, _ := runCLI(t, "compare", dir, "--anonymise", "--min-group", "1")
	if a != b || !strings.Contains(a, compare.Pseudonym("name:agency a", "a salt of enough characters")) {
		t.Error("the same salt from a file and from the environment gave different pseudonyms")
	}
}
