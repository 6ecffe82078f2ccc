package e2e

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/synth"
	"github.com/dgmaturity/dgmaturity/internal/testbin"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// respondentAnswers writes an answers file of orgName on one date,
// answered by the respondent name, every question at level.
func respondentAnswers(t testing.TB, dir, name string, level int) string {
	t.Helper()
	q := questionnaire.Default()
	var b bytes.Buffer
	fmt.Fprintf(&b, "organisation: {name: %q, type: agency}\nrespondent: {name: %q, role: Tester}\ndate: 2026-03-01\nanswers:\n", orgName, name)
	for _, qu := range q.Questions {
		fmt.Fprintf(&b, "  %s: %d\n", qu.ID, level)
	}
	p := filepath.Join(dir, strings.ToLower(strings.ReplaceAll(name, " ", "-"))+".yaml")
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// exitCode returns a finished command's exit code, -1 when a signal ended
// it.
func exitCode(err error) int {
	if err == nil {
		return 0
	}
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	return -2
}

// TestConcurrentAnswersRunsLoseNothing starts two `assess --answers` of
// different respondents of one organisation and date at the same moment,
// with one --out, 50 times. They share the file names: exactly one may
// win; the other must be refused (exit 2) and say why, and the files must
// all be the winner's. Before the check and the write were one step, both
// exited 0 in about half of the rounds and one respondent was lost.
func TestConcurrentAnswersRunsLoseNothing(t *testing.T) {
	t.Parallel()
	home, state, in := t.TempDir(), t.TempDir(), t.TempDir()
	env := testEnv(home, state)
	people := []string{"Alice Lead", "Bob Officer"}
	files := []string{respondentAnswers(t, in, people[0], 1), respondentAnswers(t, in, people[1], 3)}
	for round := range 50 {
		out := filepath.Join(t.TempDir(), "reports")
		var wg sync.WaitGroup
		codes := make([]int, 2)
		stderr := make([]bytes.Buffer, 2)
		start := make(chan struct{})
		for i := range 2 {
			cmd := exec.Command(bin, "assess", "--answers", files[i], "--out", out)
			cmd.Env = env
			cmd.Stderr = &stderr[i]
			wg.Go(func() {
				<-start
				codes[i] = exitCode(cmd.Run())
			})
		}
		close(start)
		wg.Wait()
		jsonPath, mdPath, _ := outputs(t, out)
		var a assessment.Assessment
		data, err := os.ReadFile(jsonPath)
		if err != nil || json.Unmarshal(data, &a) != nil || len(a.Respondents) != 1 {
			t.Fatalf("round %d: %s is not one respondent's assessment: %v", round, jsonPath, err)
		}
		winner := a.Respondents[0].Name
		md, err := os.ReadFile(mdPath)
		if err != nil {
			t.Fatal(err)
		}
		for i, name := range people {
			switch {
			case name == winner && codes[i] != 0:
				t.Errorf("round %d: %s's assessment was written but the run exited %d: %s", round, name, codes[i], stderr[i].String())
			case name != winner && codes[i] == 0:
				t.Errorf("round %d: %s's run exited 0 but the files hold %s's assessment: an assessment was lost", round, name, winner)
			case name != winner && (codes[i] != 2 || !strings.Contains(stderr[i].String(), "already holds the assessment of")):
				t.Errorf("round %d: %s's run exited %d, want 2 with the reason: %s", round, name, codes[i], stderr[i].String())
			}
			if name != winner && bytes.Contains(md, []byte(name)) {
				t.Errorf("round %d: the report names %s but the assessment is %s's: the set is mixed", round, name, winner)
			}
		}
		if !bytes.Contains(md, []byte(winner)) {
			t.Errorf("round %d: the report does not name %s, whose assessment it goes with", round, winner)
		}
	}
}

// TestConcurrentDraftsLoseNothing starts two accessible sessions of one
// organisation on one day at the same moment, 50 times; each answers the
// first question and stops. Each must keep its own draft: two drafts, one
// per respondent, each with its answer.
func TestConcurrentDraftsLoseNothing(t *testing.T) {
	t.Parallel()
	for round := range 50 {
		home, state, out := t.TempDir(), t.TempDir(), t.TempDir()
		env := testEnv(home, state)
		people := []string{"Alice Lead", "Bob Officer"}
		// An earlier unfinished draft, so that both sessions are asked
		// whether to resume it whatever their timing (and answer n).
		q := questionnaire.Default()
		earlier := assessment.New(q, assessment.Organisation{Name: orgName, Type: "agency"}, assessment.Respondent{Name: "Earlier Person"}, "2026-01-01", "en", "dgmaturity test")
		earlierPath, err := assessment.CreateDraft(filepath.Join(state, "dgmaturity"), earlier)
		if err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		start := make(chan struct{})
		errs := make([]string, 2)
		for i, name := range people {
			cmd := exec.Command(bin, "assess", "--accessible", "--out", out)
			cmd.Env = env
			// n (not resuming the earlier draft), organisation, type 2
			// (agency), name, role, the first answer (level i+1), no
			// comment, then q to stop.
			cmd.Stdin = strings.NewReader(strings.Join([]string{"n", orgName, "2", name, "Tester", fmt.Sprint(i + 1), "", "q"}, "\n") + "\n")
			wg.Go(func() {
				<-start
				if b, err := cmd.CombinedOutput(); err != nil {
					errs[i] = fmt.Sprintf("%v: %s", err, b)
				}
			})
		}
		close(start)
		wg.Wait()
		for i, e := range errs {
			if e != "" {
				t.Fatalf("round %d: %s's session: %s", round, people[i], e)
			}
		}
		drafts, _ := draftFiles(t, state)
		got := map[string]int{}
		for _, d := range drafts {
			if d == earlierPath {
				continue
			}
			var a assessment.Assessment
			data, err := os.ReadFile(d)
			if err != nil || json.Unmarshal(data, &a) != nil || len(a.Respondents) != 1 {
				t.Fatalf("round %d: %s is not a one-respondent draft (%v)", round, d, err)
			}
			ans := a.Answers[questionnaire.Default().Questions[0].ID]
			if ans.Level != nil {
				got[a.Respondents[0].Name] = *ans.Level
			}
		}
		if len(drafts) != 3 || got[people[0]] != 1 || got[people[1]] != 2 {
			t.Fatalf("round %d: drafts %v hold the answers %v; want the earlier draft and two new ones, %s at 1 and %s at 2", round, drafts, got, people[0], people[1])
		}
	}
}

// TestInterruptCompare sends SIGINT (ctrl+c) to `compare` while it reads
// thousands of files: it must stop promptly, write neither the report nor
// the CSV, and exit 130. It used to run on, write both and exit 0.
func TestInterruptCompare(t *testing.T) {
	if testbin.Race {
		t.Skip("a timing test: a -race binary starts and exits several times slower; go test ./e2e (no -race) runs it")
	}
	t.Parallel()
	q := questionnaire.Default()
	in := t.TempDir()
	if err := synth.Write(in, 4000, 1, q); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	cmd := exec.Command(bin, "compare", in, "-o", filepath.Join(out, "c.md"), "--csv", filepath.Join(out, "c.csv"))
	cmd.Env = testEnv(t.TempDir(), t.TempDir())
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	waitReading(t, cmd.Process.Pid, in)
	sent := time.Now()
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	if code := exitCode(err); code != 130 {
		t.Errorf("exit code %d after ctrl+c, want 130; stderr:\n%s", code, stderr.String())
	}
	if d := time.Since(sent); d > 2*time.Second {
		t.Errorf("stopped %v after ctrl+c; want promptly", d)
	}
	if names := dirNames(t, out); len(names) != 0 {
		t.Errorf("the interrupted run left %v", names)
	}
}

// TestInterruptAnswersRun sends SIGINT at random moments of 40
// `assess --answers` runs. A run that exits 0 has written its whole set;
// one that is interrupted (exit 130, or killed before the handler was set
// up) has written nothing, not even a temporary file; and at least one run
// must have been interrupted with exit 130 (before the fix every run that
// got as far as the handler ran on and exited 0).
func TestInterruptAnswersRun(t *testing.T) {
	if testbin.Race {
		t.Skip("a timing test: a -race binary starts and exits several times slower; go test ./e2e (no -race) runs it")
	}
	t.Parallel()
	home, state, in := t.TempDir(), t.TempDir(), t.TempDir()
	env := testEnv(home, state)
	answers := respondentAnswers(t, in, "Alice Lead", 2)
	// How long a run takes here, to spread the signals over it.
	began := time.Now()
	assessAnswers(t, env, answers, t.TempDir())
	span := time.Since(began)
	interrupted := 0
	for round := range 40 {
		out := filepath.Join(t.TempDir(), "reports")
		cmd := exec.Command(bin, "assess", "--answers", answers, "--out", out)
		cmd.Env = env
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(rand.Int64N(int64(span))))
		_ = cmd.Process.Signal(syscall.SIGINT)
		code := exitCode(cmd.Wait())
		names := dirNames(t, out)
		switch code {
		case 0:
			if len(names) != 5 { // the assessment, two reports, two charts
				t.Errorf("round %d: exit 0 but %s holds %v", round, out, names)
			}
		case 130, -1:
			if code == 130 {
				interrupted++
			}
			if len(names) != 0 {
				t.Errorf("round %d: interrupted (exit %d) but %s holds %v", round, code, out, names)
			}
		default:
			t.Errorf("round %d: exit code %d", round, code)
		}
	}
	if interrupted == 0 {
		t.Errorf("no run of 40 exited 130 on ctrl+c (runs take %v here)", span)
	}
}

// dirNames lists dir, hidden files included; a missing dir is empty.
func dirNames(t testing.TB, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// run runs the binary with args in env and returns its exit code and
// standard error.
func run(t testing.TB, env []string, args ...string) (int, string) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	done := make(chan error, 1)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return exitCode(err), stderr.String()
	case <-time.After(20 * time.Second):
		_ = cmd.Process.Kill()
		t.Fatalf("%v hangs", args)
	}
	return 0, ""
}

// example copies the example ministry's assessment into dir.
func example(t testing.TB, dir, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "examples", "reports", "ministry-of-rural-affairs-and-heritage-2026-04-15.json"))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestOutputsNeverReplaceInputs: an output that is one of the inputs (by
// name, or the same file under another name) is refused with exit 2 and
// the input left as it was. `report a.json -o a.json` used to replace the
// assessment with Markdown and exit 0.
func TestOutputsNeverReplaceInputs(t *testing.T) {
	t.Parallel()
	env := testEnv(t.TempDir(), t.TempDir())
	dir := t.TempDir()
	a := example(t, dir, "a.json")
	b := example(t, dir, "b.json")
	alias := filepath.Join(dir, "alias.csv")
	if err := os.Link(b, alias); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(a)
	for _, args := range [][]string{
		{"report", a, "-o", a},
		{"compare", a, b, "-o", b},
		{"compare", a, b, "--csv", a},
		{"compare", dir, "--csv", alias},
	} {
		code, stderr := run(t, env, args...)
		if code != 2 || !strings.Contains(stderr, "input") {
			t.Errorf("%v: exit %d, want 2 with the reason; stderr: %s", args[:3], code, stderr)
		}
		for _, p := range []string{a, b} {
			if got, _ := os.ReadFile(p); !bytes.Equal(got, before) {
				t.Fatalf("%v replaced the input %s", args, filepath.Base(p))
			}
		}
	}
	if names := dirNames(t, dir); len(names) != 3 {
		t.Errorf("the folder holds %v; want only the inputs", names)
	}
}

// TestNoPartialSets: an output set that cannot be written whole is not
// written at all. A folder at the .json name used to leave the .md and the
// .svg without their assessment; `report -o EXISTING_DIR` an orphan chart;
// compare wrote its CSV and then failed on -o.
func TestNoPartialSets(t *testing.T) {
	t.Parallel()
	env := testEnv(t.TempDir(), t.TempDir())
	in := t.TempDir()
	answers := respondentAnswers(t, in, "Alice Lead", 2)
	a := example(t, in, "a.json")

	out := t.TempDir()
	if err := os.Mkdir(filepath.Join(out, "example-agency-2026-03-01.json"), 0o755); err != nil {
		t.Fatal(err)
	}
	if code, stderr := run(t, env, "assess", "--answers", answers, "--out", out); code != 2 {
		t.Errorf("assess with a folder at the .json name: exit %d, want 2: %s", code, stderr)
	}
	if names := dirNames(t, out); len(names) != 1 {
		t.Errorf("assess with a folder at the .json name left %v", names)
	}

	out = filepath.Join(t.TempDir(), "folder")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	if code, stderr := run(t, env, "report", a, "-o", out); code != 2 {
		t.Errorf("report -o FOLDER: exit %d, want 2: %s", code, stderr)
	}
	if names := dirNames(t, out); len(names) != 0 {
		t.Errorf("report -o FOLDER left %v", names)
	}
	if names := dirNames(t, filepath.Dir(out)); len(names) != 1 {
		t.Errorf("report -o FOLDER left %v beside the folder", names)
	}

	out = t.TempDir()
	if code, stderr := run(t, env, "compare", a, "--csv", filepath.Join(out, "c.csv"), "-o", out); code != 2 {
		t.Errorf("compare -o FOLDER: exit %d, want 2: %s", code, stderr)
	}
	if names := dirNames(t, out); len(names) != 0 {
		t.Errorf("compare -o FOLDER left %v", names)
	}

	// A link to /dev/zero and a FIFO at the assessment's name: the
	// overwrite check used to read the first until memory ran out and to
	// hang on the second. Both are refused at once, nothing read.
	for _, special := range []string{"zero", "fifo"} {
		out := t.TempDir()
		at := filepath.Join(out, "example-agency-2026-03-01.json")
		var err error
		if special == "zero" {
			err = os.Symlink("/dev/zero", at)
		} else {
			err = mkfifo(at)
		}
		if err != nil {
			t.Fatal(err)
		}
		if code, stderr := run(t, env, "assess", "--answers", answers, "--out", out); code != 2 || !strings.Contains(stderr, "not a regular file") {
			t.Errorf("%s at the .json name: exit %d, want 2 saying it is not a regular file: %s", special, code, stderr)
		}
		if names := dirNames(t, out); len(names) != 1 {
			t.Errorf("%s at the .json name: the folder holds %v", special, names)
		}
	}

	// --out naming a regular file is bad usage.
	file := filepath.Join(t.TempDir(), "report.md")
	if err := os.WriteFile(file, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, stderr := run(t, env, "assess", "--answers", answers, "--out", file); code != 2 || !strings.Contains(stderr, "not a folder") {
		t.Errorf("--out FILE: exit %d, want 2 saying it is not a folder: %s", code, stderr)
	}
}

// TestOutputPermissionsAndStaleFiles: new files follow the umask (the
// test's environment has the usual 022, so 0644), a replaced file keeps its
// mode (a 0600 report used to become 0644), and a temporary file that a
// killed run left in the output folder is removed by the next write there.
func TestOutputPermissionsAndStaleFiles(t *testing.T) {
	t.Parallel()
	env := testEnv(t.TempDir(), t.TempDir())
	dir := t.TempDir()
	a := example(t, dir, "a.json")
	md := filepath.Join(dir, "a.md")
	stale := filepath.Join(dir, ".a.md.dgmaturity-tmp-0123456789abcdef")
	if err := os.WriteFile(stale, []byte("half a rep"), 0o644); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(stale, old, old); err != nil {
		t.Fatal(err)
	}
	if code, stderr := run(t, env, "report", a); code != 0 {
		t.Fatalf("report: exit %d: %s", code, stderr)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("the stale temporary file is still there after the next write")
	}
	if err := os.Chmod(md, 0o600); err != nil {
		t.Fatal(err)
	}
	if code, stderr := run(t, env, "report", a); code != 0 {
		t.Fatalf("report again: exit %d: %s", code, stderr)
	}
	if st, err := os.Stat(md); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("the rewritten report has mode %v (%v); want its 0600 kept", st.Mode().Perm(), err)
	}
}

// TestMergeWarnsOnEditedScores: merge, like report, says when a file's
// stored scores differ from the ones recomputed from its answers.
func TestMergeWarnsOnEditedScores(t *testing.T) {
	t.Parallel()
	env := testEnv(t.TempDir(), t.TempDir())
	dir := t.TempDir()
	ws := filepath.Join("..", "examples", "workshop")
	out := filepath.Join(dir, "one")
	// The workshop's respondents, scored into their own folders.
	var files []string
	for i, f := range []string{"digital-lead.yaml", "head-of-it.yaml"} {
		o := filepath.Join(dir, fmt.Sprint(i))
		assessAnswers(t, env, filepath.Join(ws, f), o)
		j, _, _ := outputs(t, o)
		files = append(files, j)
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	m["scores"].(map[string]any)["overall"] = 99.9
	edited, _ := json.Marshal(m)
	if err := os.WriteFile(files[0], edited, 0o644); err != nil {
		t.Fatal(err)
	}
	code, stderr := run(t, env, "merge", files[0], files[1], "--out", out)
	if code != 0 {
		t.Fatalf("merge: exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "warning: "+files[0]) || !strings.Contains(stderr, "99.9") {
		t.Errorf("merge did not warn about the edited score:\n%s", stderr)
	}
}

// waitReading waits until the process has a file of dir open: it is then
// past its start-up and reading, which a fixed sleep could not promise on
// a busy machine (the signal then came before the program could catch it).
// Where /proc is not there it waits a quarter of a second.
func waitReading(t *testing.T, pid int, dir string) {
	t.Helper()
	fds := fmt.Sprintf("/proc/%d/fd", pid)
	if _, err := os.Stat(fds); err != nil {
		time.Sleep(250 * time.Millisecond)
		return
	}
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		entries, _ := os.ReadDir(fds)
		for _, e := range entries {
			if target, err := os.Readlink(filepath.Join(fds, e.Name())); err == nil && strings.HasPrefix(target, dir+string(filepath.Separator)) {
				return
			}
		}
		time.Sleep(time.Millisecond)
	}
	t.Fatalf("the process did not open a file of %s in 30 s", dir)
}
