package synth

import (
	stdcmp "cmp"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

func TestGenerateIsDeterministicAndValid(t *testing.T) {
	q := questionnaire.Default()
	a := Generate(60, 7, q)
	b := Generate(60, 7, q)
	if diff := cmp.Diff(a, b); diff != "" {
		t.Fatalf("same seed, different assessments (-first +second):\n%s", diff)
	}
	if c := Generate(60, 8, q); cmp.Equal(a, c) {
		t.Error("another seed gave the same assessments")
	}
	types := map[string]bool{}
	perPSO := map[string][]string{}
	for _, x := range a {
		if err := assessment.Validate(x, q); err != nil {
			t.Fatalf("%s %s: invalid: %v", x.Organisation.Name, x.Date, err)
		}
		if !strings.HasPrefix(x.Organisation.Name, "Synthetic ") {
			t.Errorf("name %q does not start with Synthetic", x.Organisation.Name)
		}
		if x.Scores == nil || !x.Complete {
			t.Errorf("%s %s: not finished", x.Organisation.Name, x.Date)
		}
		types[x.Organisation.Type] = true
		perPSO[x.Organisation.Name] = append(perPSO[x.Organisation.Name], x.Date)
	}
	for _, typ := range assessment.OrganisationTypes {
		if !types[typ] {
			t.Errorf("no organisation of type %s among 60 assessments", typ)
		}
	}
	several := 0
	for name, dates := range perPSO {
		if len(dates) > 1 {
			several++
		}
		if !slices.IsSorted(dates) || len(slices.Compact(slices.Clone(dates))) != len(dates) {
			t.Errorf("%s: dates %v are not increasing", name, dates)
		}
	}
	if several == 0 {
		t.Error("no organisation was assessed more than once")
	}
}

func TestWriteSavesLoadableFiles(t *testing.T) {
	q := questionnaire.Default()
	dir := t.TempDir()
	if err := Write(dir, 25, 3, q); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 25 {
		t.Fatalf("got %d files, want 25", len(entries))
	}
	want := Generate(25, 3, q)
	for _, w := range want {
		got, _, err := assessment.Load(filepath.Join(dir, FileName(w)), q)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(w, got, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("%s differs from the generated assessment:\n%s", FileName(w), diff)
		}
	}
}

// TestWriteToDir writes synthetic files for trying the tool by hand:
//
//	SYNTH_DIR=/tmp/synthetic SYNTH_N=1000 go test ./internal/synth -run TestWriteToDir
//
// It is skipped unless SYNTH_DIR is set.
func TestWriteToDir(t *testing.T) {
	dir := os.Getenv("SYNTH_DIR")
	if dir == "" {
		t.Skip("SYNTH_DIR not set")
	}
	n, err := strconv.Atoi(stdcmp.Or(os.Getenv("SYNTH_N"), "100"))
	if err != nil {
		t.Fatal(err)
	}
	if err := Write(dir, n, 1, questionnaire.Default()); err != nil {
		t.Fatal(err)
	}
}
