// Package testbin builds the dgmaturity binary for the tests that run it
// as users do (e2e, hostile, the start-up benchmark of cmd/dgmaturity):
// once per test binary, on first use, removed when the tests end. It is a
// test helper; no program imports it.
package testbin

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

// EnvBin names a binary to test instead of building one, such as a build
// of an earlier commit, to see a test fail before its fix.
const EnvBin = "DGMATURITY_E2E_BIN"

var (
	once  sync.Once
	dir   string
	path  string
	built error
)

// Main runs the tests of a package that uses Path, then removes the
// binary built for them; call it from TestMain as os.Exit(testbin.Main(m)).
func Main(m *testing.M) int {
	code := m.Run()
	if dir != "" {
		os.RemoveAll(dir)
	}
	return code
}

// Path returns the binary under test: $DGMATURITY_E2E_BIN if set, else
// ./cmd/dgmaturity built once into a temporary folder. Under -race the
// binary is built with -race too, so that the race detector watches the
// real program (its concurrent draft saves) and not only the test harness.
func Path() (string, error) {
	once.Do(func() {
		if b := os.Getenv(EnvBin); b != "" {
			path = b
			return
		}
		if dir, built = os.MkdirTemp("", "dgmaturity-test-"); built != nil {
			return
		}
		path = filepath.Join(dir, "dgmaturity")
		if runtime.GOOS == "windows" {
			path += ".exe"
		}
		if built = build(path); built != nil {
			os.RemoveAll(dir)
			dir = ""
		}
	})
	return path, built
}

// build compiles ./cmd/dgmaturity from the module root into out.
func build(out string) error {
	gomod, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return fmt.Errorf("go env GOMOD: %w", err)
	}
	args := []string{"build", "-o", out}
	if Race {
		args = append(args, "-race")
	}
	cmd := exec.Command("go", append(args, "./cmd/dgmaturity")...)
	cmd.Dir = filepath.Dir(strings.TrimSpace(string(gomod)))
	if b, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build: %w\n%s", err, b)
	}
	return nil
}
