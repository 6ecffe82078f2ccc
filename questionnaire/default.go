package questionnaire

import (
	"embed"
	"fmt"
	"sync"
)

// defaultFile is the embedded default instrument.
//
//go:embed default/oecd-dgs-2014.yaml
var defaultFile []byte

// translationFiles holds translations/*.yaml. The folder is embedded whole
// (it always holds a README.md) so that the build does not fail while no
// translation is shipped.
//
//go:embed translations
var translationFiles embed.FS

var (
	defaultOnce sync.Once
	defaultQ    *Questionnaire
)

// Default returns the embedded default instrument, parsed once. The value
// is shared: callers must not change it (use Translate or a copy of an
// exported file to get another instrument).
func Default() *Questionnaire {
	defaultOnce.Do(func() {
		q, err := Parse("default/oecd-dgs-2014.yaml", defaultFile)
		if err != nil {
			// The embedded file is checked by the package's tests; a failure
			// here is a build defect, not a user error.
			panic(fmt.Sprintf("questionnaire: embedded default instrument is invalid: %v", err))
		}
		defaultQ = q
	})
	return defaultQ
}

// Preload starts parsing the default instrument in the background, so that
// the work overlaps with the command line's and the terminal's start-up;
// Default then waits for it instead of starting it. It costs nothing when
// another instrument is used but the time of one parse on a spare core.
func Preload() { go Default() }
