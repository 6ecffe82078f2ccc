package questionnaire

import (
	"embed"
	"fmt"
	"sync"
)

// releaseFiles holds every released version of the default instrument,
// one file per version (default/oecd-dgs-2014-VERSION.yaml); CHANGES.md
// beside them says what each release changed and why.
//
//go:embed default/*.yaml
var releaseFiles embed.FS

// translationFiles holds translations/*.yaml. The folder is embedded whole
// (it always holds a README.md) so that the build does not fail while no
// translation is shipped.
//
//go:embed translations
var translationFiles embed.FS

// releaseList names the released versions of the default instrument,
// oldest first. A release is never edited once published: an assessment
// records the version and content hash it was made with, and must find the
// same texts years later. A new release is a new file and a new line here;
// the newest is the default.
var releaseList = []string{"1.0.0", "1.1.0"}

// DefaultID is the id of the embedded default instrument.
const DefaultID = "oecd-dgs-2014"

// releases holds each release's parsed instrument, parsed on first use:
// the tool's start-up pays only for the newest, and an old assessment for
// its own version.
var releases = make([]struct {
	once sync.Once
	q    *Questionnaire
}, len(releaseList))

// release returns the i-th release of releaseList, parsed once. The files
// are checked by the package's tests; a failure here is a build defect,
// not a user error.
func release(i int) *Questionnaire {
	r := &releases[i]
	r.once.Do(func() {
		v := releaseList[i]
		name, data, err := releaseFile(i)
		if err != nil {
			panic(fmt.Sprintf("questionnaire: embedded release %s is missing: %v", v, err))
		}
		q, err := Parse(name, data)
		if err != nil {
			panic(fmt.Sprintf("questionnaire: embedded release %s is invalid: %v", v, err))
		}
		if q.ID != DefaultID || q.Version != v {
			panic(fmt.Sprintf("questionnaire: embedded file %s holds %s %s", name, q.ID, q.Version))
		}
		r.q = q
	})
	return r.q
}

// releaseFile returns the name and the bytes of the i-th release's file.
func releaseFile(i int) (string, []byte, error) {
	name := "default/" + DefaultID + "-" + releaseList[i] + ".yaml"
	data, err := releaseFiles.ReadFile(name)
	return name, data, err
}

// Default returns the embedded default instrument: the newest release,
// parsed once. The value is shared: callers must not change it (use
// Translate or a copy of an exported file to get another instrument).
func Default() *Questionnaire { return release(len(releaseList) - 1) }

// Releases returns every released version of the default instrument,
// oldest first; the last is Default(). The values are shared and must not
// be changed.
func Releases() []*Questionnaire {
	all := make([]*Questionnaire, len(releaseList))
	for i := range releaseList {
		all[i] = release(i)
	}
	return all
}

// Release returns the released version of the default instrument that an
// assessment made with questionnaire id, version and content hash sha256
// was made with, or false when there is none: another instrument, an
// unknown version, or a text of a known version that was edited (its hash
// matches neither the release nor a recorded earlier text of it; see
// Matches).
func Release(id, version, sha256 string) (*Questionnaire, bool) {
	if id != DefaultID {
		return nil, false
	}
	for i, v := range releaseList {
		if v != version {
			continue
		}
		if q := release(i); q.Matches(sha256) {
			return q, true
		}
		return nil, false
	}
	return nil, false
}

// Preload starts parsing the default instrument in the background, so that
// the work overlaps with the command line's and the terminal's start-up;
// Default then waits for it instead of starting it. It costs nothing when
// another instrument is used but the time of one parse on a spare core.
func Preload() { go Default() }
