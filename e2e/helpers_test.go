package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// orgName is the organisation of every test run.
const orgName = "Example Agency"

// fillForm answers the start form by keys: the organisation, the type
// agency (one step right of ministry), no name and no role, and the
// language it offers. Each field is
// typed into only once the screen shows it focused (huh marks the focused
// field with a bar): huh moves the focus through commands, and keys sent
// earlier would land in the previous field.
func fillForm(s *session) {
	s.t.Helper()
	s.waitText("┃ Organisation")
	s.press(orgName)
	s.waitText(orgName)
	s.press(keyEnter)
	s.waitText("┃ Type of organisation", "┃ ← Ministry →")
	s.press(keyRight)
	s.waitText("┃ ← Agency →")
	s.press(keyEnter)
	s.waitText("┃ Your name")
	s.press(keyEnter)
	s.waitText("┃ Your role")
	s.press(keyEnter)
	s.waitText("┃ Language", "┃ ← English →") // the environment's language: none, so English
	s.press(keyEnter)
}

// questionShown are the texts that show question i on the screen: its id
// and its position in the header.
func questionShown(q *questionnaire.Questionnaire, i int) []string {
	return []string{fmt.Sprintf("%s · Question %d of %d", q.Questions[i].ID, i+1, len(q.Questions))}
}

// waitQuestion waits until question i is on the screen.
func waitQuestion(s *session, q *questionnaire.Questionnaire, i int) {
	s.t.Helper()
	s.waitText(questionShown(q, i)...)
}

// waitAfter waits for the screen that confirms the answer to question i:
// the next question, or the review after the last one.
func waitAfter(s *session, q *questionnaire.Questionnaire, i int) {
	s.t.Helper()
	if i+1 < len(q.Questions) {
		waitQuestion(s, q, i+1)
		return
	}
	s.waitText("Review", fmt.Sprintf("%d of %d answered", len(q.Questions), len(q.Questions)))
}

// draftFiles lists the drafts folder of the state folder state: the draft
// files (*.json) and the temporary files of atomic writes (.*.dgmaturity-tmp-*).
func draftFiles(t testing.TB, state string) (drafts, temps []string) {
	t.Helper()
	dir := filepath.Join(state, "dgmaturity", "drafts")
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		switch name := e.Name(); {
		case strings.HasPrefix(name, ".") && strings.Contains(name, "tmp-"):
			temps = append(temps, filepath.Join(dir, name))
		case strings.HasSuffix(name, ".json"):
			drafts = append(drafts, filepath.Join(dir, name))
		default:
			t.Errorf("unexpected file in the drafts folder: %s", name)
		}
	}
	return drafts, temps
}

// onlyDraft returns the one draft file of the state folder.
func onlyDraft(t testing.TB, state string) string {
	t.Helper()
	drafts, _ := draftFiles(t, state)
	if len(drafts) != 1 {
		t.Fatalf("want one draft in %s, found %v", state, drafts)
	}
	return drafts[0]
}

// answersYAML writes an answers file of orgName (an agency) with the
// answers, in the questionnaire's order, for `assess --answers`.
func answersYAML(q *questionnaire.Questionnaire, date, lang string, answers map[string]assessment.Answer) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "organisation: {name: %q, type: agency}\ndate: %s\nlanguage: %s\nanswers:\n", orgName, date, lang)
	for _, qu := range q.Questions {
		a, ok := answers[qu.ID]
		if !ok {
			continue
		}
		fields := []string{}
		switch {
		case a.Level != nil:
			fields = append(fields, fmt.Sprintf("level: %d", *a.Level))
		case a.DontKnow:
			fields = append(fields, "dont_know: true")
		case a.NA != "":
			fields = append(fields, fmt.Sprintf("na: %q", a.NA))
		}
		if a.Comment != "" {
			fields = append(fields, fmt.Sprintf("comment: %q", a.Comment))
		}
		fmt.Fprintf(&b, "  %s: {%s}\n", qu.ID, strings.Join(fields, ", "))
	}
	return b.Bytes()
}

// outputs returns the assessment, report and radar chart files in dir,
// failing unless there is exactly one of each, beside one HTML report and
// the area chart, and nothing else.
func outputs(t testing.TB, dir string) (jsonPath, mdPath, svgPath string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	for _, n := range names {
		p := filepath.Join(dir, n)
		switch filepath.Ext(n) {
		case ".json":
			jsonPath = p
		case ".md":
			mdPath = p
		case ".svg":
			if !strings.HasSuffix(n, "-areas.svg") {
				svgPath = p
			}
		}
	}
	stem := strings.TrimSuffix(jsonPath, ".json")
	if len(names) != 5 || jsonPath == "" || mdPath != stem+".md" || svgPath != stem+".svg" || !slices.Contains(names, filepath.Base(stem)+".html") {
		t.Fatalf("%s holds %v; want one .json, .md, .html and .svg, and the -areas.svg chart", dir, names)
	}
	return jsonPath, mdPath, svgPath
}

// assessAnswers runs `dgmaturity assess --answers answers --out out` and
// fails unless it succeeds.
func assessAnswers(t testing.TB, env []string, answers, out string) {
	t.Helper()
	cmd := exec.Command(bin, "assess", "--answers", answers, "--out", out)
	cmd.Env = env
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("assess --answers: %v\n%s", err, b)
	}
}

// compareWithAnswersRun writes answers as an answers file, runs
// `assess --answers` on it and checks that the assessment file it writes
// equals got's (the "tool" field aside, should it differ) and that the
// reports are byte-identical.
func compareWithAnswersRun(t testing.TB, env []string, q *questionnaire.Questionnaire, gotDir string, answers map[string]assessment.Answer) {
	t.Helper()
	gotJSON, gotMD, gotSVG := outputs(t, gotDir)
	var head struct {
		Date     string `json:"date"`
		Language string `json:"language"`
	}
	data, err := os.ReadFile(gotJSON)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &head); err != nil {
		t.Fatalf("%s: %v", gotJSON, err)
	}
	// The run's own date, so that a test running over midnight still
	// compares like with like.
	file := filepath.Join(t.TempDir(), "answers.yaml")
	if err := os.WriteFile(file, answersYAML(q, head.Date, head.Language, answers), 0o644); err != nil {
		t.Fatal(err)
	}
	wantDir := t.TempDir()
	assessAnswers(t, env, file, wantDir)
	wantJSON, wantMD, wantSVG := outputs(t, wantDir)
	if filepath.Base(gotJSON) != filepath.Base(wantJSON) {
		t.Errorf("file names differ: %s, want %s", filepath.Base(gotJSON), filepath.Base(wantJSON))
	}

	got, want := readJSON(t, gotJSON), readJSON(t, wantJSON)
	if got["tool"] != want["tool"] {
		t.Logf("tool differs (allowed): %v, want %v", got["tool"], want["tool"])
		delete(got, "tool")
		delete(want, "tool")
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("assessment differs from the one assess --answers writes (-want +got):\n%s", diff)
	}
	sameBytes(t, gotMD, wantMD)
	sameBytes(t, gotSVG, wantSVG)

	// The written assessment is a valid one of the default instrument and
	// holds exactly the answers given.
	a, _, err := assessment.Load(gotJSON, q)
	if err != nil {
		t.Fatalf("load %s: %v", gotJSON, err)
	}
	if diff := cmp.Diff(answers, a.Answers); diff != "" {
		t.Errorf("answers in %s (-given +written):\n%s", gotJSON, diff)
	}
}

// readJSON decodes a JSON file into generic values.
func readJSON(t testing.TB, path string) map[string]any {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var v map[string]any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return v
}

// sameBytes fails unless the two files are byte-identical, showing a diff.
func sameBytes(t testing.TB, got, want string) {
	t.Helper()
	g, err := os.ReadFile(got)
	if err != nil {
		t.Fatal(err)
	}
	w, err := os.ReadFile(want)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(g, w) {
		t.Errorf("%s differs from %s (-want +got):\n%s", got, want, cmp.Diff(string(w), string(g)))
	}
}
