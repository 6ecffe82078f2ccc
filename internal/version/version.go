// Package version tells which dgmaturity this is: the release version, the
// commit it was built from and when. Release builds set the three values
// with the linker (see .goreleaser.yaml); a plain `go build`, `go install`
// or `go run` leaves them empty, and Get then reads the module's build
// information instead, so that no field is ever empty.
package version

import (
	"fmt"
	"runtime"
	"runtime/debug"
)

// Set at link time by release builds:
//
//	-X github.com/dgmaturity/dgmaturity/internal/version.version=1.2.0
//	-X github.com/dgmaturity/dgmaturity/internal/version.commit=<full hash>
//	-X github.com/dgmaturity/dgmaturity/internal/version.date=<RFC 3339>
var version, commit, date string

// Unknown stands for a commit or date that neither the linker nor the build
// information gave (a build outside a git checkout, or with -buildvcs=false).
const Unknown = "unknown"

// Devel is the version of a build from a checkout that has no module
// version: `go run` and `go build` in the source tree, where the module
// reports "(devel)".
const Devel = "devel"

// Info is what --version prints.
type Info struct {
	// Version is the release version ("1.2.0"), the module version of a
	// `go install ...@v1.2.0` ("v1.2.0"), a pseudo-version, or Devel.
	Version string
	// Commit is the full commit hash, with "-dirty" when the build had
	// uncommitted changes, or Unknown.
	Commit string
	// Date is the build date in RFC 3339, or Unknown. Release builds take
	// it from the commit, not the clock (the SOURCE_DATE_EPOCH convention),
	// so that two builds of one commit are the same bytes; the fallback
	// reads the commit's time from the VCS stamp too.
	Date string
}

// Get returns the version of the running binary: the linker's values when
// it was built for release, else the module's build information.
func Get() Info {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		bi = nil
	}
	return resolve(version, commit, date, bi)
}

// resolve fills each field from the linker's value when there is one, else
// from the build information bi (which may be nil), else with Devel or
// Unknown. It is the whole logic of Get, kept pure for its tests.
func resolve(ldVersion, ldCommit, ldDate string, bi *debug.BuildInfo) Info {
	in := Info{Version: ldVersion, Commit: ldCommit, Date: ldDate}
	if bi != nil {
		settings := map[string]string{}
		for _, s := range bi.Settings {
			settings[s.Key] = s.Value
		}
		if in.Version == "" {
			// "(devel)" is what the go command puts for a build of the main
			// module without a version; it is no version, so say devel.
			if v := bi.Main.Version; v != "" && v != "(devel)" {
				in.Version = v
			}
		}
		if in.Commit == "" {
			if in.Commit = settings["vcs.revision"]; in.Commit != "" && settings["vcs.modified"] == "true" {
				in.Commit += "-dirty"
			}
		}
		if in.Date == "" {
			in.Date = settings["vcs.time"]
		}
	}
	if in.Version == "" {
		in.Version = Devel
	}
	if in.Commit == "" {
		in.Commit = Unknown
	}
	if in.Date == "" {
		in.Date = Unknown
	}
	return in
}

// String is the text of `dgmaturity --version` after the program's name:
// the version on the first line, then the commit, the build date and the
// Go toolchain and platform, one per line.
func (in Info) String() string {
	return fmt.Sprintf("%s\ncommit: %s\nbuilt:  %s\ngo:     %s %s/%s",
		in.Version, in.Commit, in.Date, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}
