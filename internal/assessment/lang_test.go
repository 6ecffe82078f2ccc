package assessment

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/internal/locale"
	"github.com/dgmaturity/dgmaturity/internal/testlang"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// badFile is a refused file of the test data and the error its reader gave.
type badFile struct {
	path string
	err  error
}

// readAll reads every file matching pattern with read and keeps the errors;
// a file read without error is not one of the bad files (good.yaml).
func readAll(t *testing.T, pattern string, read func(path string, data []byte) error) []badFile {
	t.Helper()
	paths, err := filepath.Glob(pattern)
	if err != nil || len(paths) == 0 {
		t.Fatalf("%s: no files (%v)", pattern, err)
	}
	var out []badFile
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := read(p, data); err != nil {
			out = append(out, badFile{p, err})
		}
	}
	return out
}

// everyBadFile reads the bad files of the three formats kept in the
// repository (internal/assessment/testdata/bad, hostile/testdata,
// questionnaire/testdata) and a few made here, as their readers do.
func everyBadFile(t *testing.T) []badFile {
	q, def := testQuestionnaire(t), questionnaire.Default()
	mini, err := questionnaire.Load("../../questionnaire/testdata/minimal.yaml")
	if err != nil {
		t.Fatal(err)
	}
	parseQ := func(p string, data []byte) error { _, err := questionnaire.Parse(p, data); return err }
	var files []badFile
	// The files of testdata/bad hold a placeholder for the questionnaire's
	// hash, so they are read again through readTestdata, which fills it in.
	files = append(files, readAll(t, "testdata/bad/*", func(p string, _ []byte) error {
		if filepath.Ext(p) == ".golden" {
			return nil
		}
		data := readTestdata(t, p)
		if strings.HasPrefix(filepath.Base(p), "answers-") {
			_, err := ParseAnswers(p, data, q, today)
			return err
		}
		_, _, err := Parse(p, data, q)
		return err
	})...)
	files = append(files, readAll(t, "../../hostile/testdata/answers/*", func(p string, data []byte) error {
		_, err := ParseAnswers(p, data, def, today)
		return err
	})...)
	files = append(files, readAll(t, "../../hostile/testdata/questionnaire/*", parseQ)...)
	files = append(files, readAll(t, "../../questionnaire/testdata/bad/*", parseQ)...)
	files = append(files, readAll(t, "../../questionnaire/testdata/translation-bad/*", func(p string, data []byte) error {
		_, err := questionnaire.ParseTranslation(p, data)
		return err
	})...)
	files = append(files, readAll(t, "../../questionnaire/testdata/translation-mismatch/*", func(p string, data []byte) error {
		tr, err := questionnaire.ParseTranslation(p, data)
		if err != nil {
			return err
		}
		return tr.CheckComplete(mini)
	})...)
	// Made here: what the hostile tests generate at run time.
	for name, data := range map[string]string{
		"empty.yaml":   "",
		"deep.json":    `{"answers": ` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + "}",
		"nul.yaml":     "organisation:\n  name: \x00\n",
		"latin1.yaml":  "organisation:\n  name: \xe9t\xe9\n",
		"comma.json":   "{\"date\": \"2026-03-01\"\n\"answers\": {}}",
		"literal.json": `{"answers": tru}`,
		"tab.yaml":     "answers:\n\tCTX-01: 3\n",
	} {
		if _, err := ParseAnswers(name, []byte(data), def, today); err != nil {
			files = append(files, badFile{name, err})
		}
	}
	if len(files) < 150 {
		t.Fatalf("only %d bad files read", len(files))
	}
	return files
}

// TestReasonsInEveryLanguage reads every bad file and shows its problems in
// French and German: every reason is a message, none is left in English,
// the "file:line: field: " before it is the one the English error has, and
// the English rendering is Error's, byte for byte.
func TestReasonsInEveryLanguage(t *testing.T) {
	files := everyBadFile(t)
	t.Logf("%d files", len(files))
	for _, f := range files {
		es := flatten(f.err)
		if len(es) == 0 {
			t.Errorf("%s: %v is not an input error", f.path, f.err)
			continue
		}
		if got := input.Describe(f.err, nil); got != f.err.Error() {
			t.Errorf("%s: English rendering\n%s\nwant Error()\n%s", f.path, got, f.err.Error())
		}
		for _, e := range es {
			if e.Msg.ID == "" {
				t.Errorf("%s: reason %q is not a message", f.path, e.Reason)
				continue
			}
			prefix, ok := strings.CutSuffix(e.Error(), e.Why(nil))
			if !ok {
				t.Errorf("%s: %q does not end in its reason %q", f.path, e.Error(), e.Why(nil))
			}
			for _, tag := range locale.Supported[1:] {
				p := locale.For(tag)
				why := e.Why(p)
				switch {
				case why == e.Why(nil):
					t.Errorf("%s: %s: reason left in English: %q", f.path, tag, why)
				case strings.Contains(why, "[input."):
					t.Errorf("%s: %s: a message is missing: %q", f.path, tag, why)
				case testlang.EnglishIn(why) != "":
					t.Errorf("%s: %s: English word %q in %q", f.path, tag, testlang.EnglishIn(why), why)
				}
				if got := e.In(p); got != prefix+why {
					t.Errorf("%s: %s: %q; want the English prefix %q before the reason", f.path, tag, got, prefix)
				}
			}
		}
		for _, tag := range locale.Supported[1:] {
			lines := make([]string, len(es))
			for i, e := range es {
				lines[i] = e.In(locale.For(tag))
			}
			if got, want := input.Describe(f.err, locale.For(tag)), strings.Join(lines, "\n"); got != want {
				t.Errorf("%s: %s: Describe gives\n%s\nwant\n%s", f.path, tag, got, want)
			}
		}
	}
}

// TestReasonsWrapped checks that a reason wrapped in another error is
// translated in place, the wrapping words kept.
func TestReasonsWrapped(t *testing.T) {
	_, err := ParseAnswers("a.yaml", []byte("answers:\n  CTX-1: 3\n"), questionnaire.Default(), today)
	if err == nil {
		t.Fatal("answers with an unknown id read")
	}
	wrapped := errors.Join(errors.New("resume"), err)
	got := input.Describe(wrapped, locale.For(locale.French))
	if !strings.HasPrefix(got, "resume\n") || !strings.Contains(got, "question inconnue \"CTX-1\"") {
		t.Errorf("wrapped error in French: %q", got)
	}
}
