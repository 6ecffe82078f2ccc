package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

const pkgVersion = "github.com/dgmaturity/dgmaturity/internal/version"

// buildBinary builds this command into a temporary folder with the given
// -ldflags (none when empty) and returns the binary's path.
func buildBinary(t *testing.T, ldflags string) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "dgmaturity")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	args := []string{"build", "-o", bin}
	if ldflags != "" {
		args = append(args, "-ldflags", ldflags)
	}
	cmd := exec.Command("go", append(args, ".")...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// runBinary runs bin with args in an environment of the test's own and
// returns its standard output.
func runBinary(t *testing.T, bin string, args ...string) string {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = []string{"HOME=" + t.TempDir(), "XDG_STATE_HOME=" + t.TempDir(), "NO_COLOR=1", "PATH=" + os.Getenv("PATH")}
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", bin, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// TestVersionFromLdflags builds the binary as a release is built (the
// -X flags of .goreleaser.yaml) and checks that --version prints the three
// values and that an assessment written by it names the same version.
func TestVersionFromLdflags(t *testing.T) {
	const (
		ver    = "1.2.3"
		commit = "0123456789abcdef0123456789abcdef01234567"
		date   = "2026-11-30T18:04:05Z"
	)
	bin := buildBinary(t, "-s -w -X "+pkgVersion+".version="+ver+" -X "+pkgVersion+".commit="+commit+" -X "+pkgVersion+".date="+date)

	out := runBinary(t, bin, "--version")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	want := []string{"dgmaturity " + ver, "commit: " + commit, "built:  " + date}
	if len(lines) != 4 || lines[0] != want[0] || lines[1] != want[1] || lines[2] != want[2] || !strings.HasPrefix(lines[3], "go:     go") {
		t.Fatalf("--version printed\n%s\nwant the lines %q and the Go version", out, want)
	}

	dir := t.TempDir()
	runBinary(t, bin, "assess", "--answers", filepath.Join("..", "..", "examples", "ministry.yaml"), "--out", dir)
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) != 1 {
		t.Fatalf("assess wrote %v (%v), want one .json", files, err)
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	var a struct {
		Tool string `json:"tool"`
	}
	if err := json.Unmarshal(data, &a); err != nil {
		t.Fatal(err)
	}
	if a.Tool != "dgmaturity "+ver {
		t.Errorf("tool = %q, want %q", a.Tool, "dgmaturity "+ver)
	}
}

// TestVersionFallback builds the binary as `go build` does, without
// linker values: --version still prints a version, a commit and a date
// (from the build information, or devel and unknown), never an empty one.
func TestVersionFallback(t *testing.T) {
	out := runBinary(t, buildBinary(t, ""), "--version")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 {
		t.Fatalf("--version printed\n%s\nwant four lines", out)
	}
	for i, prefix := range []string{"dgmaturity ", "commit: ", "built:  "} {
		v, ok := strings.CutPrefix(lines[i], prefix)
		if !ok || strings.TrimSpace(v) == "" {
			t.Errorf("line %d is %q: want %q and a value", i+1, lines[i], prefix)
		}
	}
}
