package e2e

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestBadFileInTheUsersLanguage runs `dgmaturity --lang fr assess
// --answers BAD.yaml` and its German and English forms: the reason is in
// the run's language after the untranslated "file:line: field: ", and the
// exit code is 2 whatever the language.
func TestBadFileInTheUsersLanguage(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	answers := "organisation: {name: Example Agency, type: agency}\ndate: 2026-03-01\nanswers:\n  CTX-1: 3\n"
	if err := os.WriteFile(bad, []byte(answers), 0o600); err != nil {
		t.Fatal(err)
	}
	prefix := "dgmaturity: " + bad + ":4: answers.CTX-1: "
	for _, tt := range []struct {
		name string
		args []string
		env  string
		want string
	}{
		{"--lang fr", []string{"--lang", "fr"}, "", "question inconnue \"CTX-1\" (vouliez-vous dire CTX-01\u202f?)"},
		{"LANG=de", nil, "LANG=de_LU.UTF-8", "unbekannte Frage \"CTX-1\" (meinten Sie CTX-01?)"},
		{"English", nil, "", "unknown question \"CTX-1\" (did you mean CTX-01?)"},
	} {
		args := append(tt.args, "assess", "--answers", bad, "--out", filepath.Join(dir, "out"))
		cmd := exec.Command(bin, args...)
		cmd.Env = testEnv(t.TempDir(), t.TempDir())
		if tt.env != "" {
			cmd.Env = append(cmd.Env, tt.env)
		}
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		_ = cmd.Run()
		if code := cmd.ProcessState.ExitCode(); code != 2 {
			t.Errorf("%s: exit %d; want 2", tt.name, code)
		}
		if got, want := strings.TrimRight(stderr.String(), "\n"), prefix+tt.want; got != want {
			t.Errorf("%s: stderr\n%s\nwant\n%s", tt.name, got, want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "out")); !os.IsNotExist(err) {
		t.Errorf("a refused file made the output folder (%v)", err)
	}
}
