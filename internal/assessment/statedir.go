package assessment

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// StateDir returns the folder for dgmaturity's state (the drafts, and the
// live workshop's host key), in the place each system's users and backup
// tools expect:
//
//   - $XDG_STATE_HOME/dgmaturity when XDG_STATE_HOME is set to an absolute
//     path, on every system (the XDG spec ignores a relative one);
//   - Windows: %LocalAppData%\dgmaturity (local, not roaming: a draft
//     belongs to this machine), else %UserProfile%\AppData\Local\dgmaturity;
//   - macOS: ~/Library/Application Support/dgmaturity;
//   - Linux and other systems: ~/.local/state/dgmaturity.
//
// It does not create the folder.
func StateDir() (string, error) {
	home, _ := os.UserHomeDir()
	dir, err := stateDir(runtime.GOOS, os.Getenv, home)
	if err != nil {
		return "", err
	}
	return filepath.Clean(dir), nil
}

// stateDir is StateDir's logic for the system goos, given its environment
// and the user's home folder ("" when unknown). It is pure and builds the
// path with goos's separator, so that the Windows and macOS rules are
// tested on any system.
func stateDir(goos string, getenv func(string) string, home string) (string, error) {
	if d := getenv("XDG_STATE_HOME"); d != "" && isAbs(goos, d) {
		return join(goos, d, "dgmaturity"), nil
	}
	switch goos {
	case "windows":
		if d := getenv("LOCALAPPDATA"); d != "" && isAbs(goos, d) {
			return join(goos, d, "dgmaturity"), nil
		}
		if home == "" || !isAbs(goos, home) {
			return "", errors.New("no folder for drafts: neither %LocalAppData% nor %UserProfile% is set")
		}
		return join(goos, home, "AppData", "Local", "dgmaturity"), nil
	case "darwin", "ios":
		if home == "" || !isAbs(goos, home) {
			return "", errors.New("no folder for drafts: neither $XDG_STATE_HOME nor $HOME is set")
		}
		return join(goos, home, "Library", "Application Support", "dgmaturity"), nil
	default:
		if home == "" || !isAbs(goos, home) {
			return "", errors.New("no folder for drafts: neither $XDG_STATE_HOME nor $HOME is set")
		}
		return join(goos, home, ".local", "state", "dgmaturity"), nil
	}
}

// isAbs reports whether p is an absolute path on goos: on Windows a drive
// letter followed by a slash or backslash (C:\Users), or a UNC path
// (\\server\share); elsewhere a leading slash.
func isAbs(goos, p string) bool {
	if goos != "windows" {
		return strings.HasPrefix(p, "/")
	}
	if strings.HasPrefix(p, `\\`) || strings.HasPrefix(p, "//") {
		return true
	}
	return len(p) >= 3 && p[1] == ':' && (p[2] == '\\' || p[2] == '/') &&
		('a' <= p[0]|0x20 && p[0]|0x20 <= 'z')
}

// join appends elems to base with goos's separator, dropping the separators
// base ends with.
func join(goos, base string, elems ...string) string {
	sep, trim := "/", "/"
	if goos == "windows" {
		sep, trim = `\`, `\/`
	}
	// A root ("/", `C:\`) trims to "" or "C:", and gets its separator back.
	out := strings.TrimRight(base, trim)
	for _, e := range elems {
		out += sep + e
	}
	return out
}
