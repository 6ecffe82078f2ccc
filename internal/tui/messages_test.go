package tui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/locale"
)

// TestMessageIDsExist reads the sources of the interactive side (this
// package, the accessible mode, the command line) for message ids and
// (and the facilitator's screen) checks that each has a text in every language: a typo in an id would
// otherwise show "[id]" on screen. (locale's own tests check that every
// message has all its languages.)
func TestMessageIDsExist(t *testing.T) {
	idPattern := regexp.MustCompile(`"((?:tui|cli|accessible)\.[a-z0-9_]+(?:\.[a-z0-9_]+)+)"`)
	seen := 0
	for _, dir := range []string{".", "../accessible", "../cli", "../workshop"} {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range idPattern.FindAllStringSubmatch(string(src), -1) {
				seen++
				for _, tag := range locale.Supported {
					if got := locale.For(tag).N(m[1], 2); strings.HasPrefix(got, "[") {
						t.Errorf("%s: message %q has no %s text", f, m[1], tag)
					}
				}
			}
		}
	}
	// Ids built at run time.
	for _, typ := range assessment.OrganisationTypes {
		for _, tag := range locale.Supported {
			if got := locale.For(tag).T("tui.orgtype." + typ); strings.HasPrefix(got, "[") {
				t.Errorf("organisation type %q has no %s name", typ, tag)
			}
		}
	}
	for _, k := range keyWords {
		if got := locale.For(locale.German).T("tui.keyname." + strings.ReplaceAll(k, "+", "_")); strings.HasPrefix(got, "[") {
			t.Errorf("key name %q has no German name", k)
		}
	}
	if seen < 50 {
		t.Errorf("only %d message ids found in the sources; is the pattern right?", seen)
	}
}
