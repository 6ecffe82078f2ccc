package version

import (
	"runtime/debug"
	"strings"
	"testing"
)

func buildInfo(mainVersion string, settings ...string) *debug.BuildInfo {
	bi := &debug.BuildInfo{Main: debug.Module{Path: "github.com/dgmaturity/dgmaturity", Version: mainVersion}}
	for i := 0; i+1 < len(settings); i += 2 {
		bi.Settings = append(bi.Settings, debug.BuildSetting{Key: settings[i], Value: settings[i+1]})
	}
	return bi
}

func TestResolve(t *testing.T) {
	const rev = "e0c1fbe0123456789abcdef0123456789abcdef0"
	const when = "2026-11-30T18:04:05Z"
	tests := []struct {
		name                   string
		ldV, ldC, ldD          string
		bi                     *debug.BuildInfo
		wantV, wantC, wantDate string
	}{
		{
			name: "release build: the linker's values win over the build info",
			ldV:  "1.2.0", ldC: rev, ldD: when,
			bi:    buildInfo("v9.9.9", "vcs.revision", "ffff", "vcs.time", "2000-01-01T00:00:00Z"),
			wantV: "1.2.0", wantC: rev, wantDate: when,
		},
		{
			name:  "go install module@version: the module version and its VCS stamp",
			bi:    buildInfo("v1.2.0", "vcs.revision", rev, "vcs.time", when),
			wantV: "v1.2.0", wantC: rev, wantDate: when,
		},
		{
			name:  "go build in a checkout with changes: a pseudo-version, a dirty commit",
			bi:    buildInfo("v0.0.0-20261130180405-e0c1fbe01234+dirty", "vcs.revision", rev, "vcs.time", when, "vcs.modified", "true"),
			wantV: "v0.0.0-20261130180405-e0c1fbe01234+dirty", wantC: rev + "-dirty", wantDate: when,
		},
		{
			name:  "go run without VCS stamps: devel, unknown, unknown",
			bi:    buildInfo("(devel)"),
			wantV: Devel, wantC: Unknown, wantDate: Unknown,
		},
		{
			name:  "no build info at all",
			wantV: Devel, wantC: Unknown, wantDate: Unknown,
		},
		{
			name: "a version from the linker alone keeps the commit from the build info",
			ldV:  "1.2.0",
			bi:   buildInfo("(devel)", "vcs.revision", rev, "vcs.time", when),
			// The linker's version with the stamp's commit and date: each
			// field is taken where it is known.
			wantV: "1.2.0", wantC: rev, wantDate: when,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := resolve(tt.ldV, tt.ldC, tt.ldD, tt.bi)
			want := Info{Version: tt.wantV, Commit: tt.wantC, Date: tt.wantDate}
			if got != want {
				t.Errorf("resolve = %+v, want %+v", got, want)
			}
		})
	}
}

// TestGetNeverEmpty runs the real fallback: a test binary has no linker
// values, so Get reads this binary's build information.
func TestGetNeverEmpty(t *testing.T) {
	in := Get()
	if in.Version == "" || in.Commit == "" || in.Date == "" {
		t.Fatalf("Get() = %+v: an empty field", in)
	}
}

func TestString(t *testing.T) {
	s := Info{Version: "1.2.0", Commit: "abc", Date: "2026-11-30T18:04:05Z"}.String()
	lines := strings.Split(s, "\n")
	if len(lines) != 4 || lines[0] != "1.2.0" || lines[1] != "commit: abc" || lines[2] != "built:  2026-11-30T18:04:05Z" || !strings.HasPrefix(lines[3], "go:     go") {
		t.Errorf("String() =\n%s", s)
	}
}
