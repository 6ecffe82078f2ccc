package e2e

import (
	"bytes"
	"os/exec"
	"strings"
	"testing"
)

// runBin runs the built binary with args, stdin empty, and returns its
// output and exit code.
func runBin(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = testEnv(t.TempDir(), t.TempDir())
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	_ = cmd.Run()
	return o.String(), e.String(), cmd.ProcessState.ExitCode()
}

// TestCommandLineAsANewUserMeetsIt checks issue 12's command-line items
// on the built binary: the bare command's flags, the nearest command for a
// typo, the missing argument named, help without padding when piped, the
// man page and the completion scripts.
func TestCommandLineAsANewUserMeetsIt(t *testing.T) {
	t.Parallel()
	if _, stderr, code := runBin(t, "--out", t.TempDir(), "--org", "X", "--answers", "/nonexistent.yaml"); code != 2 || strings.Contains(stderr, "unknown flag") {
		t.Errorf("dgmaturity --out --org --answers: exit %d, %s", code, stderr)
	}
	if _, stderr, code := runBin(t, "asess"); code != 2 || !strings.Contains(stderr, "Did you mean assess?") || !strings.Contains(stderr, "--help") {
		t.Errorf("dgmaturity asess: exit %d, %s", code, stderr)
	}
	if _, stderr, code := runBin(t, "report"); code != 2 || !strings.Contains(stderr, "report needs one assessment file") {
		t.Errorf("dgmaturity report: exit %d, %s", code, stderr)
	}
	stdout, _, code := runBin(t, "assess", "--help")
	if code != 0 || !strings.Contains(strings.Join(strings.Fields(stdout), " "), "\"2 strategy exists but unknown\"") {
		t.Errorf("assess --help does not document the line protocol (exit %d)", code)
	}
	for i, l := range strings.Split(stdout, "\n") {
		if strings.HasSuffix(l, " ") {
			t.Errorf("piped help line %d is padded: %q", i+1, l)
		}
	}
	if stdout, _, code := runBin(t, "man"); code != 0 || !strings.HasPrefix(stdout, ".TH DGMATURITY 1") {
		t.Errorf("dgmaturity man: exit %d, %.60q", code, stdout)
	}
	for _, sh := range []string{"bash", "zsh", "fish", "powershell"} {
		if stdout, _, code := runBin(t, "completion", sh); code != 0 || !strings.Contains(stdout, "dgmaturity") {
			t.Errorf("dgmaturity completion %s: exit %d", sh, code)
		}
	}
}
