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
	"runtime"
	"testing"

	"github.com/dgmaturity/dgmaturity/internal/testbin"
)

// bin is the dgmaturity binary built by TestMain.
var bin string

// TestMain builds the binary once for every test of the package.
func TestMain(m *testing.M) {
	if runtime.GOOS == "windows" {
		// The tests drive the binary in a Unix pseudo-terminal; on Windows
		// the README's `go test ./...` passes over them, saying so.
		fmt.Println("e2e: skipped on Windows: the tests need a Unix pseudo-terminal")
		os.Exit(0)
	}
	var err error
	if bin, err = testbin.Path(); err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		os.Exit(1)
	}
	os.Exit(testbin.Main(m))
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
