package hostile

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/dgmaturity/dgmaturity/internal/input"
)

// evil is a file name that retitles the terminal, clears it and reverses
// the text after it, were it printed raw.
const evil = "x\x1b]0;pwned\x07\x1b[2J\u202egnp"

// TestHostileFileNames gives compare and merge files whose names hold
// escape sequences and a bidi override, so that each of their warnings and
// problems names one: the names must be shown escaped, never raw.
func TestHostileFileNames(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows file names cannot hold control characters")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name string, data []byte) string {
		p := filepath.Join(in, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	write(evil+"-broken.json", []byte(`{"schema": `))
	write(evil+"-copy.json", saved)
	plain := write("plain.json", saved)
	// An edited stored score, still within 0-100: read with a warning.
	edited := write(evil+"-edited.json", regexp.MustCompile(`"overall": [0-9.]+`).ReplaceAll(saved, []byte(`"overall": 1`)))

	runIt := func(args ...string) string {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Env = []string{"HOME=" + dir, "NO_COLOR=1", "TERM=dumb", "PATH=" + os.Getenv("PATH")}
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		_ = cmd.Run()
		return out.String()
	}
	check := func(what, out string, wants ...string) {
		t.Helper()
		if r, bad := input.BadRune(out, input.Multiline); bad {
			t.Errorf("%s printed U+%04X raw:\n%q", what, r, out)
		}
		for _, w := range wants {
			if !strings.Contains(out, w) {
				t.Errorf("%s: output lacks %q:\n%s", what, w, out)
			}
		}
	}
	shown := input.QuotePath(filepath.Join(in, evil))
	check("compare", runIt("compare", in, "-o", filepath.Join(dir, "c.md")),
		shown+"-broken.json", "same PSO and date", shown+"-edited.json")
	check("merge", runIt("merge", plain, edited, "--out", filepath.Join(dir, "m")),
		"is also in", shown+"-edited.json")
}
