package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	goldenfile "github.com/dgmaturity/dgmaturity/internal/golden"
	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// runCLI runs the command tree with args, as main does, and returns what
// it wrote and its error.
func runCLI(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errOut bytes.Buffer
	app := &App{
		Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Version: "test",
		Now: func() time.Time { return time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC) },
	}
	root := Root(app)
	root.SetArgs(args)
	err = root.Execute()
	return out.String(), errOut.String(), err
}

func TestQuestionnaireValidateBad(t *testing.T) {
	path := filepath.Join("..", "..", "questionnaire", "testdata", "bad", "question-four-levels.yaml")
	stdout, _, err := runCLI(t, "questionnaire", "validate", path)
	if err == nil {
		t.Fatal("validate accepts a question with four levels")
	}
	if !input.IsBad(err) {
		t.Errorf("error %v is not bad input; want exit code 2", err)
	}
	want := path + ":45: questions[0].levels: must have exactly 5 level statements"
	if !strings.HasPrefix(err.Error(), want) {
		t.Errorf("error %q; want it to start with %q", err, want)
	}
	if stdout != "" {
		t.Errorf("stdout %q; want nothing", stdout)
	}
}

func TestQuestionnaireExportThenValidate(t *testing.T) {
	q := questionnaire.Default()
	dir := t.TempDir()
	for _, tt := range []struct {
		file     string
		args     []string
		wantJSON bool
	}{
		{"instrument.yaml", nil, false},
		{"instrument.json", nil, true}, // format from the extension
		{"other.txt", []string{"--format", "json"}, true},
	} {
		path := filepath.Join(dir, tt.file)
		args := append([]string{"questionnaire", "export", "-o", path}, tt.args...)
		stdout, _, err := runCLI(t, args...)
		if err != nil {
			t.Fatalf("export -o %s: %v", tt.file, err)
		}
		if stdout != path+"\n" {
			t.Errorf("export -o prints %q; want the path", stdout)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if isJSON := bytes.HasPrefix(data, []byte("{")); isJSON != tt.wantJSON {
			t.Errorf("%s: JSON %v, want %v", tt.file, isJSON, tt.wantJSON)
		}
		stdout, _, err = runCLI(t, "questionnaire", "validate", path)
		if err != nil {
			t.Fatalf("validate %s: %v", tt.file, err)
		}
		want := path + ": valid: " + strconv.Itoa(len(q.Questions)) + " questions, " + strconv.Itoa(len(q.Recommendations)) +
			" recommendations (oecd-dgs-2014 " + q.Version + ")\n"
		if stdout != want {
			t.Errorf("validate prints %q; want %q", stdout, want)
		}
		// The file the command uses reads back as the same instrument.
		back, err := questionnaire.Load(path)
		if err != nil || back.Hash() != q.Hash() {
			t.Errorf("%s reads back with another hash (%v)", tt.file, err)
		}
	}
	// No temporary file is left behind.
	entries, _ := os.ReadDir(dir)
	if len(entries) != 3 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("files in the folder: %v; want the three exports only", names)
	}
}

func TestQuestionnaireExportStdout(t *testing.T) {
	want, err := questionnaire.ExportYAML(questionnaire.Default())
	if err != nil {
		t.Fatal(err)
	}
	stdout, _, err := runCLI(t, "questionnaire", "export")
	if err != nil {
		t.Fatal(err)
	}
	if stdout != string(want) {
		t.Error("export to stdout differs from ExportYAML of the default instrument")
	}
	// --questionnaire is honoured.
	minimal := filepath.Join("..", "..", "questionnaire", "testdata", "minimal.yaml")
	stdout, _, err = runCLI(t, "--questionnaire", minimal, "questionnaire", "export", "--format", "json")
	if err != nil || !strings.Contains(stdout, `"id": "mini"`) {
		t.Errorf("export --questionnaire minimal.yaml --format json = %.80q, %v", stdout, err)
	}
}

func TestQuestionnaireUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"questionnaire", "export", "--format", "xml"},
		{"questionnaire", "validate"},
		{"questionnaire", "validate", "a.yaml", "b.yaml"},
		{"questionnaire", "show", "extra"},
		{"questionnaire", "nonsense"},
		{"questionnaire", "export", "--nonsense"},
		{"--lang", "xx", "questionnaire", "show"},
		{"questionnaire", "validate", filepath.Join("no", "such", "file.yaml")},
	} {
		_, _, err := runCLI(t, args...)
		if err == nil || !input.IsBad(err) {
			t.Errorf("%v: error %v; want bad usage or input (exit 2)", args, err)
		}
	}
}

func TestQuestionnaireShowGolden(t *testing.T) {
	stdout, _, err := runCLI(t, "questionnaire", "show")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "questionnaire-show.golden")
	goldenfile.Check(t, path, []byte(stdout))

	// The outline fits 100 columns; the matrix, from its heading on, 80.
	inMatrix := false
	for i, l := range strings.Split(stdout, "\n") {
		if strings.HasPrefix(l, "Coverage:") {
			inMatrix = true
		}
		limit := 100
		if inMatrix {
			limit = 80
		}
		if n := len([]rune(l)); n > limit {
			t.Errorf("line %d has %d columns, more than %d: %q", i+1, n, limit, l)
		}
	}
}

// TestQuestionnaireShowNarrow checks that a matrix with long labels still
// fits in 80 columns.
func TestQuestionnaireShowNarrow(t *testing.T) {
	q := questionnaire.Default()
	data, err := questionnaire.ExportYAML(q)
	if err != nil {
		t.Fatal(err)
	}
	long := strings.NewReplacer(
		"short: Context", "short: Contextual factors and institutional models",
		"short: Data-driven culture", "short: A very long label for the data-driven culture principle",
	).Replace(string(data))
	path := filepath.Join(t.TempDir(), "long.yaml")
	if err := os.WriteFile(path, []byte(long), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, _, err := runCLI(t, "--questionnaire", path, "questionnaire", "show")
	if err != nil {
		t.Fatal(err)
	}
	_, matrix, _ := strings.Cut(stdout, "Coverage:")
	for _, l := range strings.Split(matrix, "\n") {
		if n := len([]rune(l)); n > 80 {
			t.Errorf("matrix line has %d columns: %q", n, l)
		}
	}
	if !strings.Contains(matrix, "context") || !strings.Contains(matrix, "P3   A very long") {
		t.Errorf("matrix does not fall back to area ids and cut labels:\n%s", matrix)
	}
}
