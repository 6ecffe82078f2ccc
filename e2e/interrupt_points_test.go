package e2e

import (
	"bytes"
	"errors"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Bounds of TestInterruptAtManyPoints: it stops starting runs once the
// budget is spent, so that a loaded machine shortens it rather than failing
// it; it fails only if too few runs fit.
const (
	interruptRuns    = 32
	interruptBudget  = 40 * time.Second
	interruptMinRuns = 8
)

// TestInterruptAtManyPoints sends ctrl+c (SIGINT) to a run that publishes
// a set of files (assess --answers --out), at points spread over the
// whole life of the process: while the runtime starts, before the command
// runs, while it scores and renders, while it writes, and after it
// returned; every other run gets a second ctrl+c just after the first, as
// an impatient hand gives. Whatever the point, the exit contract holds:
// either the run finished (exit 0, the whole set written, the same bytes
// as an uninterrupted run) or it was interrupted (exit 130, or death by
// SIGINT before main could catch it, which a shell also reports as 130)
// and nothing was written at all: no file of the set, no temporary file.
func TestInterruptAtManyPoints(t *testing.T) {
	t.Parallel()
	answers, err := filepath.Abs("../examples/ministry.yaml")
	if err != nil {
		t.Fatal(err)
	}
	home := t.TempDir()
	ref := t.TempDir()
	begun := time.Now()
	cmd := exec.Command(bin, "assess", "--answers", answers, "--out", ref)
	cmd.Env = testEnv(home, t.TempDir())
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("uninterrupted run: %v\n%s", err, out)
	}
	// The points are spread over a little more than one run's length, so
	// that the last ones come after it; the length only places them.
	span := time.Since(begun) * 5 / 4
	want := readDir(t, ref)

	outcomes := map[string]int{}
	deadline := time.Now().Add(interruptBudget)
	runs := 0
	for ; runs < interruptRuns && time.Now().Before(deadline); runs++ {
		at := span * time.Duration(runs) / interruptRuns
		outcomes[interruptAt(t, answers, at, runs%2 == 1, want)]++
	}
	t.Logf("%d runs over %v: %v", runs, span, outcomes)
	if runs < interruptMinRuns {
		t.Fatalf("only %d runs fitted in %v", runs, interruptBudget)
	}
}

// interruptAt runs assess, interrupts it at the given time after its
// start (twice if twice), and checks what it left against want, the files
// of an uninterrupted run. It returns the outcome.
func interruptAt(t *testing.T, answers string, at time.Duration, twice bool, want map[string][]byte) string {
	t.Helper()
	out := t.TempDir()
	cmd := exec.Command(bin, "assess", "--answers", answers, "--out", out)
	cmd.Env = testEnv(t.TempDir(), t.TempDir())
	var stderr syncBuffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(at)
	_ = cmd.Process.Signal(syscall.SIGINT)
	if twice {
		time.Sleep(time.Millisecond)
		_ = cmd.Process.Signal(syscall.SIGINT)
	}
	err := cmd.Wait()
	got := readDir(t, out)
	var exit *exec.ExitError
	outcome := "finished"
	switch {
	case err == nil:
		if !sameFiles(got, want) {
			t.Errorf("at %v: exit 0 but the files differ from an uninterrupted run's: %v", at, slices.Sorted(maps.Keys(got)))
		}
		return outcome
	case errors.As(err, &exit) && exit.ExitCode() == 130:
		outcome = "exit 130"
		if !strings.Contains(stderr.String(), "interrupted") {
			t.Errorf("at %v: exit 130 without saying so; stderr:\n%s", at, stderr.String())
		}
	case errors.As(err, &exit) && exit.Sys().(syscall.WaitStatus).Signal() == syscall.SIGINT:
		// Only before main catches ctrl+c, while the runtime starts:
		// nothing has run that could say or write anything.
		outcome = "died of SIGINT"
		if stderr.String() != "" {
			t.Errorf("at %v: died of SIGINT after saying:\n%s", at, stderr.String())
		}
	default:
		t.Errorf("at %v: %v; want exit 0 or 130; stderr:\n%s", at, err, stderr.String())
		return "other"
	}
	if len(got) != 0 {
		t.Errorf("at %v: %s, yet it left %v", at, outcome, slices.Sorted(maps.Keys(got)))
	}
	return outcome
}

// readDir returns every file in dir (hidden and temporary ones too) by
// name.
func readDir(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = data
	}
	return files
}

// sameFiles reports whether a and b hold the same files with the same
// bytes.
func sameFiles(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for name, data := range a {
		if other, ok := b[name]; !ok || !bytes.Equal(data, other) {
			return false
		}
	}
	return true
}
