package publish

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dgmaturity/dgmaturity/internal/exit"
	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/internal/safefile"
)

// names lists dir, hidden files included.
func names(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestSetRefusesAnInputAsOutput(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.json")
	write(t, in, "the assessment")
	link := filepath.Join(dir, "hard.md")
	if err := os.Link(in, link); err != nil {
		t.Skip("no hard links here:", err)
	}
	for _, out := range []string{in, link, filepath.Join(dir, ".", "a.json")} {
		err := Set{Inputs: []string{in}, Outputs: []Output{{Path: filepath.Join(dir, "other.svg"), Data: []byte("svg")}, {Path: out, Data: []byte("# report")}}}.Publish()
		var r *input.Refusal
		if !errors.As(err, &r) || !exit.IsUsage(err) || !strings.Contains(err.Error(), "one of the input files") {
			t.Errorf("output %s: error %v; want a usage refusal naming the input", out, err)
		}
	}
	if got, _ := os.ReadFile(in); string(got) != "the assessment" {
		t.Errorf("the input now holds %q", got)
	}
	if n := names(t, dir); len(n) != 2 {
		t.Errorf("the folder holds %v; want only the input and its link (nothing written)", n)
	}
}

func TestSetRefusesWhatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "x.json")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "plain")
	write(t, file, "x")
	cases := map[string]string{
		"a folder at an output's name": folder,
		"a file as the output folder":  filepath.Join(file, "r.md"),
		"a folder name":                dir + string(filepath.Separator),
	}
	addSpecialFiles(dir, cases)
	for what, path := range cases {
		done := make(chan error, 1)
		go func() {
			done <- Set{Outputs: []Output{{Path: filepath.Join(dir, "ok.svg"), Data: []byte("svg")}, {Path: path, Data: []byte("x"), Claim: func([]byte) error { return nil }}}}.Publish()
		}()
		select {
		case err := <-done:
			var r *input.Refusal
			if !errors.As(err, &r) || !exit.IsUsage(err) {
				t.Errorf("%s: error %v; want a usage refusal", what, err)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: Publish hangs", what)
		}
		if _, err := os.Stat(filepath.Join(dir, "ok.svg")); err == nil {
			t.Errorf("%s: the other file of the set was written", what)
		}
	}
}

var errDiskFull = errors.New("no space left on device")

// TestSetAllOrNothing makes the last temporary file of a set fail (a full
// disk): nothing of the set may appear, no temporary file remain, and an
// earlier version of a file stay as it was.
func TestSetAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	md := filepath.Join(dir, "r.md")
	write(t, md, "previous report")
	calls := 0
	safefile.SyncFile = func(f *os.File) error {
		if calls++; calls == 3 {
			return errDiskFull
		}
		return f.Sync()
	}
	t.Cleanup(func() { safefile.SyncFile = (*os.File).Sync })
	err := Set{Outputs: []Output{
		{Path: filepath.Join(dir, "r.json"), Data: []byte("{}"), Claim: func([]byte) error { return nil }},
		{Path: filepath.Join(dir, "r.svg"), Data: []byte("svg")},
		{Path: md, Data: []byte("new report")},
	}}.Publish()
	if !errors.Is(err, errDiskFull) {
		t.Fatalf("error %v; want the disk-full error", err)
	}
	if n := names(t, dir); len(n) != 1 || n[0] != "r.md" {
		t.Errorf("the folder holds %v; want only the earlier report", n)
	}
	if got, _ := os.ReadFile(md); string(got) != "previous report" {
		t.Errorf("the earlier report now holds %q", got)
	}
}

// TestSetClaimRefusal: when a claimed name is taken and its owner refuses,
// nothing of the set is published, not even the files that would replace.
func TestSetClaimRefusal(t *testing.T) {
	dir := t.TempDir()
	js := filepath.Join(dir, "a.json")
	write(t, js, `{"respondents":[{"name":"Alice"}]}`)
	refused := errors.New("held by Alice")
	err := Set{Outputs: []Output{
		{Path: js, Data: []byte("{}"), Claim: func(old []byte) error {
			if !strings.Contains(string(old), "Alice") {
				t.Errorf("Claim got %q; want the existing file", old)
			}
			return refused
		}},
		{Path: filepath.Join(dir, "a.md"), Data: []byte("# Bob")},
	}}.Publish()
	if !errors.Is(err, refused) {
		t.Fatalf("error %v; want the claim's refusal", err)
	}
	if n := names(t, dir); len(n) != 1 {
		t.Errorf("the folder holds %v; want only Alice's file", n)
	}

	// A refused set leaves no folder it made either.
	deep := filepath.Join(dir, "new", "deeper")
	err = Set{Outputs: []Output{
		{Path: filepath.Join(deep, "r.md"), Data: []byte("r")},
		{Path: js, Data: []byte("{}"), Claim: func([]byte) error { return refused }},
	}}.Publish()
	if !errors.Is(err, refused) {
		t.Fatalf("error %v; want the claim's refusal", err)
	}
	if n := names(t, dir); len(n) != 1 {
		t.Errorf("after a refusal the folder holds %v; want only Alice's file", n)
	}
}

// TestSetCleansStaleTemporaryFiles: what a run killed in the middle of a
// write left in an output folder is removed at the next write there, once
// it is old enough not to be another run's write in progress.
func TestSetCleansStaleTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	stale := filepath.Join(dir, ".r.md.dgmaturity-tmp-0123456789abcdef")
	fresh := filepath.Join(dir, ".r.md.dgmaturity-tmp-fedcba9876543210")
	mine := filepath.Join(dir, ".notes.tmp-1")
	for _, p := range []string{stale, fresh, mine} {
		write(t, p, "partial")
	}
	old := time.Now().Add(-2 * safefile.StaleAge)
	for _, p := range []string{stale, mine} {
		if err := os.Chtimes(p, old, old); err != nil {
			t.Fatal(err)
		}
	}
	if err := (Set{Outputs: []Output{{Path: filepath.Join(dir, "r.md"), Data: []byte("r")}}}).Publish(); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]bool{stale: false, fresh: true, mine: true} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s: remains %v, want %v", filepath.Base(p), err == nil, want)
		}
	}
}
