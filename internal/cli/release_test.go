package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/input"
)

// oldAnswers is an answers file written for release 1.0.0: it names
// questions that 1.1.0 retired.
const oldAnswers = `organisation: {name: Old Office, type: other}
date: 2025-06-01
answers:
  CTX-01: 2
  CTX-03: {level: 1, comment: "a 1.0.0 question"}
  SVC-05: 3
`

// TestReleaseFlag: last year's answers file is refused by the current
// release, with the reason, and scored with --release 1.0.0; the flag is
// checked.
func TestReleaseFlag(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "old.yaml")
	if err := os.WriteFile(in, []byte(oldAnswers), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := runCLI(t, "assess", "--answers", in, "--out", dir)
	if !input.IsBad(err) || !strings.Contains(err.Error(), "it was asked in release 1.0.0") {
		t.Fatalf("the current release scores a 1.0.0 answers file, or does not say why not: %v", err)
	}
	stdout, _, err := runCLI(t, "--release", "1.0.0", "assess", "--answers", in, "--out", dir)
	if err != nil {
		t.Fatalf("--release 1.0.0: %v", err)
	}
	a, _, err := assessment.Load(strings.Fields(stdout)[0], nil)
	if err != nil {
		t.Fatal(err)
	}
	if a.Questionnaire.Version != "1.0.0" || a.Answers["CTX-03"].Comment != "a 1.0.0 question" {
		t.Errorf("made with %s, CTX-03 %+v; want 1.0.0 with the comment", a.Questionnaire.Version, a.Answers["CTX-03"])
	}
	for _, args := range [][]string{
		{"--release", "0.1.0", "questionnaire", "show"},
		{"--release", "1.0.0", "--questionnaire", in, "questionnaire", "show"},
	} {
		if _, _, err := runCLI(t, args...); !input.IsBad(err) {
			t.Errorf("%v: %v; want a usage error", args, err)
		}
	}
	out, _, err := runCLI(t, "--release", "1.0.0", "questionnaire", "show")
	if err != nil || !strings.Contains(out, "oecd-dgs-2014 1.0.0: 48 questions") {
		t.Errorf("questionnaire show with --release 1.0.0: %v\n%.200s", err, out)
	}
}
