package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/pflag"

	"github.com/dgmaturity/dgmaturity/internal/exit"
	"github.com/dgmaturity/dgmaturity/internal/testlang"
)

// englishChrome are words of the command line's own English sentences:
// none may come out of a French or German run.
var englishChrome = []string{
	"needs ", "was given", "were given", "Run ", "unknown", "must be", "Did you mean", "flag", "refused",
	"cannot be used", "name the same file", "keys the pseudonyms", "the salt has", "takes md", "no such release",
	"both choose", "warning", "note:", "respondent", "same PSO", "counted once", "left out", "more problems",
	"valid:", "translation of", "for an example", "for the commands", "does not take", "no such file",
}

// saysEnglish returns the first English word of englishChrome in s.
func saysEnglish(s string) string {
	for _, w := range englishChrome {
		if strings.Contains(s, w) {
			return w
		}
	}
	return ""
}

// TestUsageErrorsInLanguage runs wrong command lines with --lang fr and
// --lang de: each is refused as bad usage (exit 2) in that language, with
// the flag or command it is about still named; in English the words are
// those of earlier releases.
func TestUsageErrorsInLanguage(t *testing.T) {
	salt := filepath.Join(t.TempDir(), "salt")
	if err := os.WriteFile(salt, []byte("short\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		args    []string
		english string // the English message, byte for byte
		names   string // what every language's message names
	}{
		{[]string{"repot"}, `unknown command "repot". Did you mean report? Run dgmaturity --help for the commands.`, "repot"},
		{[]string{"report"}, "report needs one assessment file (ASSESSMENT.json); none was given. Run dgmaturity report --help for an example.", "dgmaturity report --help"},
		{[]string{"report", "a", "b"}, "report needs one assessment file (ASSESSMENT.json); 2 were given. Run dgmaturity report --help for an example.", "2"},
		{[]string{"merge", "a.json"}, "merge needs the assessment files of at least two respondents; 1 was given. Run dgmaturity merge --help for an example.", "merge"},
		{[]string{"compare"}, "compare needs at least one assessment file or folder; none was given. Run dgmaturity compare --help for an example.", "compare"},
		{[]string{"report", "--frob", "x"}, "unknown flag: --frob", "--frob"},
		{[]string{"report", "-z", "x"}, "unknown shorthand flag: 'z' in -z", "-z"},
		{[]string{"report", "x", "--target"}, "flag needs an argument: --target", "--target"},
		{[]string{"report", "x", "--target", "high"}, `invalid argument "high" for "--target" flag: strconv.ParseInt: parsing "high": invalid syntax`, "--target"},
		{[]string{"report", "x", "--target", "9"}, "--target must be a level from 1 to 4, not 9", "--target"},
		{[]string{"report", "x", "--format", "pdf"}, "--format takes md, html or md,html, not pdf", "pdf"},
		{[]string{"assess", "--format", "md,pdf"}, "--format takes md, html or md,html, not pdf", "pdf"},
		{[]string{"assess", "--answers", "a.yaml", "--resume", "d.json"}, "--answers and --resume cannot be used together: an answers file is a complete set of answers", "--resume"},
		{[]string{"compare", "x", "--min-group", "0"}, "--min-group must be 1 or more (1 shows every group), not 0", "--min-group"},
		{[]string{"compare", "x", "-o", "r.md", "--csv", "r.md"}, "-o and --csv name the same file", "--csv"},
		{[]string{"compare", "x", "--salt", "s"}, "--salt is refused: a secret on the command line can be read by other users of the machine (ps, /proc); put the salt in a file readable only by you and give --salt-file FILE, or set DGMATURITY_SALT", "--salt-file"},
		{[]string{"compare", "x", "--salt-file", salt}, "--salt-file keys the pseudonyms of --anonymise; give --anonymise too", "--anonymise"},
		{[]string{"compare", "x", "--anonymise", "--salt-file", salt}, "--salt-file " + salt + ": the salt has 5 characters; use at least 16, so that it cannot be guessed (e.g. the output of `openssl rand -hex 32`)", "16"},
		{[]string{"compare", "x", "--format", "html"}, "--format html needs -o: the HTML report and the charts are written beside the report file", "-o"},
		{[]string{"--release", "0.1.0", "questionnaire", "show"}, `--release 0.1.0: no such release of the built-in questionnaire (releases: 1.0.0, 1.1.0)`, "1.0.0, 1.1.0"},
		{[]string{"--release", "1.0.0", "--questionnaire", "q.yaml", "questionnaire", "show"}, "--release and --questionnaire both choose the questionnaire; give one", "--questionnaire"},
		{[]string{"questionnaire", "export", "--format", "xml"}, `--format must be yaml or json, not "xml"`, "xml"},
		{[]string{"questionnaire", "validate"}, "validate needs one questionnaire file (YAML), or --translation FILE; none was given. Run dgmaturity questionnaire validate --help for an example.", "--translation"},
		{[]string{"workshop", "close", "nope"}, "nope is not a workshop folder (no readable workshop.json): nope/workshop.json: no such file", "nope/workshop.json"},
		{[]string{"questionnaire", "show", "extra"}, `unknown command "extra" for "dgmaturity questionnaire show"`, "dgmaturity questionnaire show"},
	} {
		name := strings.Join(tt.args, " ")
		_, _, err := runCLI(t, tt.args...)
		if !exit.IsUsage(err) || err.Error() != tt.english {
			t.Errorf("%s: %v\nwant the usage error %q", name, err, tt.english)
		}
		for _, lang := range []string{"fr", "de"} {
			_, stderr, err := runCLI(t, append([]string{"--lang", lang}, tt.args...)...)
			switch {
			case !exit.IsUsage(err):
				t.Errorf("--lang %s %s: %v; want a usage error", lang, name, err)
			case saysEnglish(err.Error()) != "" || saysEnglish(stderr) != "":
				t.Errorf("--lang %s %s: %q (stderr %q) says %q", lang, name, err, stderr, saysEnglish(err.Error()+stderr))
			case !strings.Contains(err.Error(), tt.names):
				t.Errorf("--lang %s %s: %q does not name %q", lang, name, err, tt.names)
			}
		}
	}
}

// TestFlagErrorsAsPflag checks that in English every kind of pflag error
// reads as pflag words it.
func TestFlagErrorsAsPflag(t *testing.T) {
	app := &App{}
	for _, args := range [][]string{{"--nope"}, {"-x"}, {"-ox"}, {"--target"}, {"-o"}, {"--target", "x"}, {"-ox", "--target", "1", "-v", "---bad"}, {"-ov", "x"}} {
		fs := pflag.NewFlagSet("t", pflag.ContinueOnError)
		fs.SetOutput(new(strings.Builder))
		fs.Int("target", 0, "")
		fs.StringP("output", "o", "", "")
		fs.BoolP("verbose", "v", false, "")
		err := fs.Parse(args)
		if err == nil {
			continue
		}
		if got := flagError(app, err); !exit.IsUsage(got) || got.Error() != err.Error() {
			t.Errorf("%v: %q; want pflag's %q", args, got, err)
		}
	}
}

// TestMergeAndCompareWarningsInLanguage checks the warnings merge and
// compare print on stderr, and compare's files-left-out error, in French
// and German.
func TestMergeAndCompareWarningsInLanguage(t *testing.T) {
	in := t.TempDir()
	a := respondentFile(t, in, "Anne Schmit", "2026-03-01", 2, nil, nil)
	other := filepath.Join(in, "again")
	if err := os.MkdirAll(other, 0o755); err != nil {
		t.Fatal(err)
	}
	b := respondentFile(t, other, "Anne Schmit", "2026-03-01", 3, nil, nil)
	dir, _ := synthFolder(t, 6, 7)
	if err := os.WriteFile(filepath.Join(dir, "broken.json"), []byte(`{"schema": `), 0o644); err != nil {
		t.Fatal(err)
	}
	copyFile(t, b, filepath.Join(dir, "copy.json"))
	copyFile(t, b, filepath.Join(dir, "copy2.json"))
	for _, lang := range []string{"fr", "de"} {
		_, stderr, err := runCLI(t, "--lang", lang, "merge", a, b, "--out", t.TempDir())
		if err != nil || saysEnglish(stderr) != "" || !strings.Contains(stderr, "Anne Schmit") {
			t.Errorf("merge --lang %s: %v; stderr %q", lang, err, stderr)
		}
		_, stderr, err = runCLI(t, "--lang", lang, "compare", dir, "-o", filepath.Join(t.TempDir(), "r.md"))
		if err == nil || exit.IsUsage(err) || saysEnglish(err.Error()) != "" {
			t.Errorf("compare --lang %s: %v; want the files left out, in %s", lang, err, lang)
		}
		// The reasons a file is left out are in the run's language too.
		for _, l := range strings.Split(strings.TrimSpace(stderr), "\n") {
			if saysEnglish(l) != "" || strings.Contains(l, "JSON input") {
				t.Errorf("compare --lang %s says %q", lang, l)
			}
		}
		if !strings.Contains(stderr, "copy2.json") {
			t.Errorf("compare --lang %s: no duplicate warning in %q", lang, stderr)
		}
	}
}

// TestQuestionnaireShowInLanguage checks the outline's own words in
// French and German; the instrument's texts come from its translation.
func TestQuestionnaireShowInLanguage(t *testing.T) {
	for _, lang := range []string{"fr", "de"} {
		stdout, stderr, err := runCLI(t, "--lang", lang, "questionnaire", "show")
		if err != nil || stderr != "" {
			t.Fatalf("%s: %v %q", lang, err, stderr)
		}
		for _, w := range []string{"Pillars and principles", "Areas and questions", "core question", "Coverage", "questions per", "counts under", "recommendations,"} {
			if strings.Contains(stdout, w) {
				t.Errorf("questionnaire show --lang %s says %q", lang, w)
			}
		}
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestOutputRefusalsInLanguage: an output that must not be written (an
// input, a folder, a file where a folder is meant) is refused as bad usage
// in the run's language, naming the path; in English with the words of
// earlier releases.
func TestOutputRefusalsInLanguage(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.json")
	copyFile(t, filepath.Join("..", "..", "examples", "reports", "agency-for-shared-digital-services-2026-03-02.json"), in)
	folder := filepath.Join(dir, "folder.md")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		args    []string
		english string
	}{
		{[]string{"report", in, "-o", in}, in + " is one of the input files; refusing to overwrite it: give another output name"},
		{[]string{"report", in, "-o", folder}, folder + " is a folder; give a file name"},
		{[]string{"report", in, "-o", filepath.Join(in, "r.md")}, in + " is a file, not a folder: give a folder for the output"},
		{[]string{"assess", "--answers", filepath.Join("..", "..", "examples", "ministry.yaml"), "--out", in}, in + " is a file, not a folder: give a folder for the output"},
		// A run that asks questions refuses at once, not after an hour.
		{[]string{"assess", "--accessible", "--out", in}, in + " is a file, not a folder: give a folder for the output"},
		{[]string{"assess", "--accessible", "--out", filepath.Join(in, "sub")}, in + " is a file, not a folder: give a folder for the output"},
	} {
		name := strings.Join(tt.args, " ")
		stdout, _, err := runCLI(t, tt.args...)
		if !exit.IsUsage(err) || err.Error() != tt.english {
			t.Errorf("%s: %v\nwant the usage error %q", name, err, tt.english)
			continue
		}
		if stdout != "" {
			t.Errorf("%s: printed %q before refusing", name, stdout)
		}
		for _, lang := range []string{"fr", "de"} {
			app := NewApp("test")
			app.lang = lang // what main's error handler does with the error
			_, _, err := runCLI(t, append([]string{"--lang", lang}, tt.args...)...)
			said := app.Describe(err)
			if !exit.IsUsage(err) || saysEnglish(said) != "" || testlang.EnglishIn(said) != "" || strings.Contains(said, "give") {
				t.Errorf("--lang %s %s: %q; want a usage error in %s", lang, name, said, lang)
			}
			if !strings.Contains(said, filepath.Base(in)) && !strings.Contains(said, filepath.Base(folder)) {
				t.Errorf("--lang %s %s: %q names no path", lang, name, said)
			}
		}
	}
}
