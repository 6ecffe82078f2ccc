package assessment

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestStateDirPerSystem(t *testing.T) {
	tests := []struct {
		name string
		goos string
		env  map[string]string
		home string
		want string // "" when an error is wanted
	}{
		// Linux and other Unix systems: XDG.
		{"linux default", "linux", nil, "/home/ana", "/home/ana/.local/state/dgmaturity"},
		{"linux XDG_STATE_HOME", "linux", map[string]string{"XDG_STATE_HOME": "/srv/state/"}, "/home/ana", "/srv/state/dgmaturity"},
		{"linux relative XDG_STATE_HOME is ignored", "linux", map[string]string{"XDG_STATE_HOME": "state"}, "/home/ana", "/home/ana/.local/state/dgmaturity"},
		{"freebsd like linux", "freebsd", nil, "/usr/home/ana", "/usr/home/ana/.local/state/dgmaturity"},
		{"linux home is root", "linux", nil, "/", "/.local/state/dgmaturity"},
		{"linux no home", "linux", nil, "", ""},
		{"linux relative home", "linux", nil, "ana", ""},

		// macOS: Application Support, unless XDG_STATE_HOME is set.
		{"darwin default", "darwin", nil, "/Users/ana", "/Users/ana/Library/Application Support/dgmaturity"},
		{"darwin XDG_STATE_HOME wins", "darwin", map[string]string{"XDG_STATE_HOME": "/Users/ana/.state"}, "/Users/ana", "/Users/ana/.state/dgmaturity"},
		{"darwin ignores LOCALAPPDATA", "darwin", map[string]string{"LOCALAPPDATA": `C:\x`}, "/Users/ana", "/Users/ana/Library/Application Support/dgmaturity"},
		{"darwin no home", "darwin", nil, "", ""},

		// Windows: %LocalAppData%, unless XDG_STATE_HOME is set.
		{"windows LocalAppData", "windows", map[string]string{"LOCALAPPDATA": `C:\Users\ana\AppData\Local`}, `C:\Users\ana`, `C:\Users\ana\AppData\Local\dgmaturity`},
		{"windows LocalAppData with a trailing backslash", "windows", map[string]string{"LOCALAPPDATA": `D:\Profiles\ana\Local\`}, `C:\Users\ana`, `D:\Profiles\ana\Local\dgmaturity`},
		{"windows LocalAppData on a share", "windows", map[string]string{"LOCALAPPDATA": `\\srv\profiles\ana`}, `C:\Users\ana`, `\\srv\profiles\ana\dgmaturity`},
		{"windows XDG_STATE_HOME wins", "windows", map[string]string{"XDG_STATE_HOME": `E:\state`, "LOCALAPPDATA": `C:\Users\ana\AppData\Local`}, `C:\Users\ana`, `E:\state\dgmaturity`},
		{"windows XDG_STATE_HOME with forward slashes", "windows", map[string]string{"XDG_STATE_HOME": `c:/state`}, `C:\Users\ana`, `c:/state\dgmaturity`},
		{"windows Unix-style XDG_STATE_HOME is not absolute there", "windows", map[string]string{"XDG_STATE_HOME": "/state", "LOCALAPPDATA": `C:\L`}, `C:\Users\ana`, `C:\L\dgmaturity`},
		{"windows drive-relative LocalAppData is ignored", "windows", map[string]string{"LOCALAPPDATA": `C:Local`}, `C:\Users\ana`, `C:\Users\ana\AppData\Local\dgmaturity`},
		{"windows no LocalAppData", "windows", nil, `C:\Users\ana`, `C:\Users\ana\AppData\Local\dgmaturity`},
		{"windows drive root", "windows", map[string]string{"LOCALAPPDATA": `C:\`}, "", `C:\dgmaturity`},
		{"windows nothing", "windows", nil, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := stateDir(tt.goos, func(k string) string { return tt.env[k] }, tt.home)
			if tt.want == "" {
				if err == nil {
					t.Fatalf("stateDir = %q, want an error", got)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("stateDir = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

// TestStateDirThisSystem checks the exported function on the system the
// test runs on: XDG_STATE_HOME wins, and the path is a native one.
func TestStateDirThisSystem(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_STATE_HOME", dir)
	got, err := StateDir()
	if err != nil || got != filepath.Join(dir, "dgmaturity") {
		t.Errorf("StateDir() = %q, %v; want %q", got, err, filepath.Join(dir, "dgmaturity"))
	}

	t.Setenv("XDG_STATE_HOME", "")
	got, err = StateDir()
	home, _ := os.UserHomeDir()
	want := map[string]string{
		"windows": filepath.Join(os.Getenv("LOCALAPPDATA"), "dgmaturity"),
		"darwin":  filepath.Join(home, "Library", "Application Support", "dgmaturity"),
	}[runtime.GOOS]
	if want == "" {
		want = filepath.Join(home, ".local", "state", "dgmaturity")
	}
	if home != "" && (err != nil || got != want) {
		t.Errorf("StateDir() = %q, %v; want %q", got, err, want)
	}
}
