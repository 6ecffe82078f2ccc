package examples_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMain pins the environment's language to none (LC_ALL=C), so that
// the examples are written the same on every machine: merge and compare
// write in the environment's language when --lang is not given.
func TestMain(m *testing.M) {
	if err := os.Setenv("LC_ALL", "C"); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(m.Run())
}

// englishPhrases are words of the English reports that must not appear in
// a French or German one (names and user text aside, none of them occurs
// in the examples' translated texts).
var englishPhrases = []string{
	"## Summary", "## Scores by area", "## Recommendations", "## Roadmap", "## Answers", "## Method\n",
	"Answer: ", "Why it applies", "Steps:", " priority", "Progress since", "don't know", "not applicable",
	"Self-assessment of", "Questionnaire:", "principle scores", "Scores out of 100", "n/a",
	"# Workshop:", "Discussion agenda", "Consensus (median)", "Scores side by side",
}

// TestExamplesInFrenchAndGerman runs the examples again with --lang fr and
// --lang de (assess, with the earlier assessment for the progress section,
// and the workshop's merge) and compares the files written with the
// committed ones in reports/fr, reports/de, workshop/reports/fr and
// workshop/reports/de; no English phrase of the reports may be left in
// them. Refresh them with: go test ./examples -update.
func TestExamplesInFrenchAndGerman(t *testing.T) {
	files, err := filepath.Glob("*.yaml")
	if err != nil || len(files) < 3 {
		t.Fatalf("want at least 3 example answer files, found %v (%v)", files, err)
	}
	for _, lang := range []string{"fr", "de"} {
		for _, f := range files {
			t.Run(lang+"/"+f, func(t *testing.T) {
				out := t.TempDir()
				earlier, _ := filepath.Glob(filepath.Join("earlier", strings.TrimSuffix(f, ".yaml")+"-*.yaml"))
				for _, e := range earlier {
					same(t, filepath.Join("reports", lang), run(t, "assess", "--lang", lang, "--answers", e, "--out", out))
				}
				written := run(t, "assess", "--lang", lang, "--answers", f, "--out", out)
				if len(written) < 5 {
					t.Fatalf("assess printed %q, want the assessment, two reports and the charts", written)
				}
				noEnglish(t, written)
				same(t, filepath.Join("reports", lang), written)
			})
		}
		t.Run(lang+"/workshop", func(t *testing.T) {
			people, err := filepath.Glob(filepath.Join("workshop", "*.yaml"))
			if err != nil || len(people) < 2 {
				t.Fatalf("want the workshop's answer files, found %v (%v)", people, err)
			}
			tmp := t.TempDir()
			var assessments []string
			for _, p := range people {
				out := filepath.Join(tmp, strings.TrimSuffix(filepath.Base(p), ".yaml"))
				assessments = append(assessments, run(t, "assess", "--lang", lang, "--answers", p, "--out", out)[0])
			}
			written := run(t, append(append([]string{"merge", "--lang", lang}, assessments...), "--out", filepath.Join(tmp, "merged"))...)
			if len(written) != 8 {
				t.Fatalf("merge printed %v, want eight paths", written)
			}
			noEnglish(t, written)
			same(t, filepath.Join("workshop", "reports", lang), written)
		})
	}
}

func noEnglish(t *testing.T, paths []string) {
	t.Helper()
	for _, p := range paths {
		if strings.HasSuffix(p, ".json") {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range englishPhrases {
			if i := strings.Index(string(b), w); i >= 0 {
				t.Errorf("%s: English %q in %q", filepath.Base(p), w, string(b[max(0, i-40):min(len(b), i+40)]))
			}
		}
	}
}
