// Package golden is the project's one golden-file helper for tests: every
// package with golden files compares its output with them through Check,
// and `go test ./pkg -update` rewrites them (then read the git diff).
package golden

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// update is the one -update flag, defined by every test binary that
// imports this package.
var update = flag.Bool("update", false, "rewrite golden files instead of comparing with them")

// Update reports whether the test run was given -update.
func Update() bool { return *update }

// Check compares got with the file at path, or with -update writes got
// there (creating its folder). A difference fails the test with a line
// diff (-want +got).
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test with -update to create it)", err)
	}
	if !bytes.Equal(want, got) {
		t.Errorf("%s differs (-want +got; go test -update rewrites it, then review git diff):\n%s", path, cmp.Diff(string(want), string(got)))
	}
}
