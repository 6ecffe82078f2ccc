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
	time.Sleep(250 * time.Millisecond) // started, reading
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
			if len(names) != 3 {
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
