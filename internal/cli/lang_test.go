package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/internal/locale"
)

func TestValidateTranslation(t *testing.T) {
	for _, lang := range []string{"fr", "de"} {
		path := filepath.Join("..", "..", "questionnaire", "translations", lang+".yaml")
		stdout, _, err := runCLI(t, "questionnaire", "validate", "--translation", path)
		if err != nil || !strings.Contains(stdout, "valid: a complete "+lang+" translation of oecd-dgs-2014 1.1.0") {
			t.Errorf("%s: %q, %v", lang, stdout, err)
		}
	}
	// Against release 1.0.0 the 1.1.0 translation is refused: another
	// release, and ids 1.0.0 does not have.
	fr := filepath.Join("..", "..", "questionnaire", "translations", "fr.yaml")
	if _, _, err := runCLI(t, "--release", "1.0.0", "questionnaire", "validate", "--translation", fr); err == nil || !input.IsBad(err) ||
		!strings.Contains(err.Error(), "version: translates release 1.1.0, not 1.0.0") {
		t.Errorf("fr.yaml against 1.0.0: %v", err)
	}

	// An unknown id and a missing one, each listed with a line.
	bad := filepath.Join(t.TempDir(), "lb.yaml")
	data := "language: lb\nquestionnaire: oecd-dgs-2014\nversion: 1.1.0\ntitle: Selbstbewäertung\ntexts:\n  NOPE-01:\n    text: Eppes\n"
	if err := os.WriteFile(bad, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, _, err := runCLI(t, "questionnaire", "validate", "--translation", bad)
	if err == nil || !input.IsBad(err) || stdout != "" {
		t.Fatalf("a partial translation passed: %q, %v", stdout, err)
	}
	for _, want := range []string{
		bad + `:6: texts.NOPE-01: no pillar, principle, area, source, question or recommendation of oecd-dgs-2014 has the id "NOPE-01"`,
		bad + ":5: texts: has no entry for the question CTX-01",
		bad + ":1: scale: is missing",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
}

// runCLIEnv is runCLI with an environment.
func runCLIEnv(t *testing.T, env map[string]string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errOut bytes.Buffer
	app := &App{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Version: "test",
		Now:    func() time.Time { return time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC) },
		Getenv: func(k string) string { return env[k] },
	}
	root := Root(app)
	root.SetArgs(args)
	err = root.Execute()
	return out.String(), errOut.String(), err
}

func TestLanguageChoice(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		lang string
		want locale.Tag
	}{
		{"nothing", nil, "", locale.English},
		{"LANG", map[string]string{"LANG": "de_LU.UTF-8"}, "", locale.German},
		{"LC_ALL before LANG", map[string]string{"LANG": "de_LU.UTF-8", "LC_ALL": "fr_LU.UTF-8"}, "", locale.French},
		{"--lang before the environment", map[string]string{"LANG": "de_LU.UTF-8"}, "fr", locale.French},
		{"C locale", map[string]string{"LANG": "C"}, "", locale.English},
	}
	for _, tt := range tests {
		app := &App{Getenv: func(k string) string { return tt.env[k] }, lang: tt.lang}
		if got, err := app.Chosen(); err != nil || got != tt.want {
			t.Errorf("%s: %s, %v; want %s", tt.name, got, err, tt.want)
		}
	}
	_, _, err := runCLI(t, "--lang", "xx", "questionnaire", "show")
	if err == nil || !strings.Contains(err.Error(), "--lang xx: dgmaturity speaks en (English), fr (français) and de (Deutsch)") {
		t.Errorf("--lang xx: %v", err)
	}
}

// TestLanguageFallback runs an instrument with no translation in the
// language asked for: it runs in English, and says so once, in the
// language asked for.
func TestLanguageFallback(t *testing.T) {
	stdout, stderr, err := runCLIEnv(t, map[string]string{"LANG": "fr_LU.UTF-8"}, "--release", "1.0.0", "questionnaire", "show")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr, "le questionnaire oecd-dgs-2014 1.0.0 n'existe pas en français") || strings.Count(stderr, "dgmaturity:") != 1 {
		t.Errorf("stderr %q; want the note once, in French", stderr)
	}
	if !strings.Contains(stdout, "Openness and Engagement (openness)") {
		t.Errorf("the 1.0.0 questionnaire is not shown in English:\n%.300s", stdout)
	}
	stdout, stderr, err = runCLIEnv(t, map[string]string{"LANG": "fr_LU.UTF-8"}, "questionnaire", "show")
	if err != nil || stderr != "" || !strings.Contains(stdout, "Ouverture et engagement (openness)") {
		t.Errorf("1.1.0 in French: %v, %q\n%.300s", err, stderr, stdout)
	}
}
