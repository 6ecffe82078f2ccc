package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/dgmaturity/dgmaturity/internal/input"
)

// The bare command is the assessment: it takes every flag assess takes.
func TestBareCommandTakesAssessFlags(t *testing.T) {
	out := filepath.Join(t.TempDir(), "reports")
	stdout, _, err := runCLI(t, "--answers", filepath.Join("..", "..", "examples", "ministry.yaml"), "--out", out, "--org", "Ministère Exemple")
	if err != nil {
		t.Fatalf("dgmaturity --answers --out --org: %v", err)
	}
	if !strings.Contains(stdout, filepath.Join(out, "ministere-exemple-2026-04-15.json")) {
		t.Errorf("stdout %q does not name the assessment file in %s", stdout, out)
	}
	root := Root(NewApp("test"))
	for _, name := range []string{"answers", "org", "out", "accessible", "resume"} {
		if root.Flags().Lookup(name) == nil {
			t.Errorf("dgmaturity has no --%s", name)
		}
	}
}

// Without --out the files go to ./dgmaturity-reports/, created.
func TestDefaultOutputFolder(t *testing.T) {
	answers, err := filepath.Abs(filepath.Join("..", "..", "examples", "ministry.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	t.Chdir(dir)
	stdout, _, err := runCLI(t, "assess", "--answers", answers)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(stdout, filepath.Join(DefaultOutDir, "ministry-")) {
		t.Errorf("stdout %q: want the files under %s/", stdout, DefaultOutDir)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != DefaultOutDir {
		t.Errorf("the current folder holds %v; want only %s", entries, DefaultOutDir)
	}
}

func TestUnknownCommandSuggests(t *testing.T) {
	_, _, err := runCLI(t, "asess")
	if err == nil || !input.IsBad(err) {
		t.Fatalf("err = %v; want a usage error", err)
	}
	for _, want := range []string{`unknown command "asess"`, "Did you mean assess?", "--help"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

func TestMissingArgumentsSayWhich(t *testing.T) {
	for args, want := range map[string]string{
		"report":                 "report needs one assessment file (ASSESSMENT.json); none was given",
		"merge a.json":           "merge needs the assessment files of at least two respondents; 1 was given",
		"compare":                "compare needs at least one assessment file or folder",
		"questionnaire validate": "validate needs one questionnaire file",
	} {
		_, _, err := runCLI(t, strings.Fields(args)...)
		if err == nil || !input.IsBad(err) || !strings.Contains(err.Error(), want) {
			t.Errorf("dgmaturity %s: err = %v; want a usage error with %q", args, err, want)
		}
	}
}

// Help piped to a file has no padding, and long texts are paragraphs
// that fang wraps at the terminal's width, not lines broken at 90.
func TestHelpHasNoPaddingWhenPiped(t *testing.T) {
	stdout, _, err := runCLI(t, "assess", "--help")
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range strings.Split(stdout, "\n") {
		if strings.HasSuffix(l, " ") {
			t.Errorf("help line %d ends in spaces: %q", i+1, l)
		}
	}
}

func TestHelpFitsEightyColumns(t *testing.T) {
	termWidth = func() int { return 80 }
	defer func() { termWidth = helpWidth }()
	root := Root(NewApp("test"))
	fitHelp(root, 80, true)
	var check func(c *cobra.Command)
	check = func(c *cobra.Command) {
		room := flagRoom(c, 80)
		c.Flags().VisitAll(func(f *pflag.Flag) {
			for _, l := range strings.Split(f.Usage, "\n") {
				if len(l) > room {
					t.Errorf("%s --%s: line %q is wider than %d", c.CommandPath(), f.Name, l, room)
				}
			}
		})
		for _, sc := range c.Commands() {
			check(sc)
		}
	}
	check(root)
	if strings.Contains(reflow("a\nb\n\n  c\n- d"), "a\nb") {
		t.Error("reflow keeps a line break inside a paragraph")
	}
}

// Issue 11 item 7: --org follows the readers' text policy: what it would
// put into a draft or an assessment must read back.
func TestOrgIsCheckedLikeTheReaders(t *testing.T) {
	for _, org := range []string{"Evil\x1b]0;pwned\x07", "A\u202eB", "Zero\u200bwidth"} {
		_, _, err := runCLI(t, "assess", "--org", org, "--answers", filepath.Join("..", "..", "examples", "ministry.yaml"), "--out", t.TempDir())
		if err == nil || !input.IsBad(err) || !strings.Contains(err.Error(), "--org contains") {
			t.Errorf("--org %q: err = %v; want a usage error naming the character", org, err)
		}
		if err != nil && strings.ContainsAny(err.Error(), "\x1b\u202e\u200b") {
			t.Errorf("the error repeats the character raw: %q", err)
		}
	}
}
