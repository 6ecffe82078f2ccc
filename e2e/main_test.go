// Package e2e holds the end-to-end tests of dgmaturity: they build the
// real binary once and run it as people and scripts do, in a
// pseudo-terminal (keys in, screen out) and with piped input, then compare
// what it wrote with what `assess --answers` writes for the same answers.
// They also kill interactive runs at chosen and at random moments and check
// that the draft on disk is always a valid assessment holding every answer
// the screen had confirmed.
//
// The package has only tests; it needs a Unix pseudo-terminal.
package e2e

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// bin is the dgmaturity binary built by TestMain.
var bin string

// TestMain builds the binary once for every test of the package.
func TestMain(m *testing.M) {
	os.Exit(runTests(m))
}

// runTests builds the binary into a temporary folder, runs the tests and
// removes the folder (os.Exit in TestMain would skip a defer).
func runTests(m *testing.M) int {
	if runtime.GOOS == "windows" {
		// The tests drive the binary in a Unix pseudo-terminal; on Windows
		// the README's `go test ./...` passes over them, saying so.
		fmt.Println("e2e: skipped on Windows: the tests need a Unix pseudo-terminal")
		return 0
	}
	dir, err := os.MkdirTemp("", "dgmaturity-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	bin = filepath.Join(dir, "dgmaturity")
	if b := os.Getenv("DGMATURITY_E2E_BIN"); b != "" {
		// Run the suite against another build, such as one of an earlier
		// commit, to see a test fail before its fix.
		bin = b
	} else if err := build(bin); err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	return m.Run()
}

// build compiles ./cmd/dgmaturity from the module root into out. Under
// -race the binary is built with -race too, so that the race detector
// watches the real program (its concurrent draft saves) and not only the
// test harness.
func build(out string) error {
	gomod, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return fmt.Errorf("go env GOMOD: %w", err)
	}
	root := filepath.Dir(strings.TrimSpace(string(gomod)))
	args := []string{"build", "-o", out}
	if raceEnabled {
		args = append(args, "-race")
	}
	cmd := exec.Command("go", append(args, "./cmd/dgmaturity")...)
	cmd.Dir = root
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %w\n%s", err, b)
	}
	return nil
}

// testEnv is the environment of a run: nothing from the developer's own
// (no real state folder, no colour settings), a home and a state folder of
// the test's, a common terminal type and no colour.
func testEnv(home, state string) []string {
	return []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + home,
		"XDG_STATE_HOME=" + state,
		"TERM=xterm-256color",
		"NO_COLOR=1",
	}
}
