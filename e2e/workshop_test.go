package e2e

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/workshop"
	"github.com/dgmaturity/dgmaturity/internal/workshop/sshtest"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// lockedBuffer collects a process's output while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// server is a running `workshop serve` without a terminal.
type server struct {
	cmd         *exec.Cmd
	out, errOut *lockedBuffer
	addr        net.Addr
	code, fp    string
}

// startServer runs the binary's workshop serve and reads its join
// instructions.
func startServer(t *testing.T, env []string, args ...string) *server {
	t.Helper()
	s := &server{out: &lockedBuffer{}, errOut: &lockedBuffer{}}
	s.cmd = exec.Command(bin, append([]string{"workshop", "serve", "--listen", "127.0.0.1:0"}, args...)...)
	s.cmd.Env = env
	s.cmd.Stdout, s.cmd.Stderr = s.out, s.errOut
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.cmd.Process.Kill(); _ = s.cmd.Wait() })
	re := regexp.MustCompile(`Join: +ssh -p (\d+) join@(\S+)\nCode: +(\S+)\nHost key: +(\S+)`)
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		if m := re.FindStringSubmatch(s.out.String()); m != nil {
			addr, err := net.ResolveTCPAddr("tcp", net.JoinHostPort(m[2], m[1]))
			if err != nil {
				t.Fatal(err)
			}
			s.addr, s.code, s.fp = addr, m[3], m[4]
			return s
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("workshop serve printed no join instructions:\n%s\n%s", s.out, s.errOut)
	return nil
}

// participant connects to s and joins as name.
func (s *server) participant(t *testing.T, key gossh.PublicKey, name string, total int) *sshtest.Terminal {
	t.Helper()
	c, err := sshtest.Dial(s.addr, sshtest.Config(key, gossh.Password(s.code)))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	term, err := sshtest.Shell(c, 80, 24)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(term.Close)
	if !term.WaitFor("Join the workshop", 10*time.Second) {
		t.Fatalf("%s: no join screen: %q", name, term.Text())
	}
	term.Type(name + "\r\r")
	if !term.WaitFor(fmt.Sprintf(" of %d", total), 10*time.Second) {
		t.Fatalf("%s: no question screen: %q", name, term.Text())
	}
	return term
}

// waitAnswers waits until the draft at path holds n answers.
func waitAnswers(t *testing.T, path string, q *questionnaire.Questionnaire, n int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		a, _, err := assessment.Load(path, q)
		if err == nil && len(a.Answers) == n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: want %d answers; got %v, %v", path, n, a, err)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestWorkshopKillAndResume kills a live workshop's server with SIGKILL
// while two participants are answering, resumes it with --resume, lets
// them carry on where they were, stops it with SIGINT and closes it with
// `workshop close`.
func TestWorkshopKillAndResume(t *testing.T) {
	home, state := t.TempDir(), t.TempDir()
	env := testEnv(home, state)
	dir := filepath.Join(t.TempDir(), "ws")
	q := questionnaire.Default()
	total := len(q.Questions)

	first := startServer(t, env, "--org", "Ministry of Examples", "--type", "ministry", "--out", dir)
	hostKey, err := workshop.LoadOrCreateHostKey(filepath.Join(state, "dgmaturity", workshop.HostKeyFile))
	if err != nil {
		t.Fatal(err)
	}
	if workshop.Fingerprint(hostKey.PublicKey()) != first.fp {
		t.Fatalf("printed fingerprint %s is not the key in the state folder", first.fp)
	}
	ada := first.participant(t, hostKey.PublicKey(), "Ada", total)
	bob := first.participant(t, hostKey.PublicKey(), "Bob", total)
	ada.Type("432")
	bob.Type("01")
	waitAnswers(t, filepath.Join(dir, "drafts", "ada.json"), q, 3)
	waitAnswers(t, filepath.Join(dir, "drafts", "bob.json"), q, 2)

	if err := first.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = first.cmd.Wait()
	<-ada.Done()

	second := startServer(t, env, "--resume", dir)
	if second.fp != first.fp {
		t.Errorf("the host key changed between runs: %s, then %s", first.fp, second.fp)
	}
	if second.code == first.code {
		t.Errorf("the resumed workshop kept the join code %s; want a new one", first.code)
	}
	ada = second.participant(t, hostKey.PublicKey(), "Ada", total)
	if !ada.WaitFor(fmt.Sprintf("Welcome back: 3 of %d", total), 10*time.Second) {
		t.Fatalf("Ada was not taken back: %q", ada.Text())
	}
	bob = second.participant(t, hostKey.PublicKey(), "Bob", total)
	ada.Type("1")
	bob.Type("2")
	waitAnswers(t, filepath.Join(dir, "drafts", "ada.json"), q, 4)
	waitAnswers(t, filepath.Join(dir, "drafts", "bob.json"), q, 3)

	// ctrl+c on the facilitator's side stops without closing: exit 130.
	if err := second.cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	err = second.cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 130 {
		t.Fatalf("serve ended with %v; want exit code 130\n%s", err, second.errOut)
	}
	if !strings.Contains(second.errOut.String(), "--resume "+dir) {
		t.Errorf("serve did not say how to continue:\n%s", second.errOut)
	}

	closeCmd := exec.Command(bin, "workshop", "close", dir)
	closeCmd.Env = env
	out, err := closeCmd.Output()
	if err != nil {
		t.Fatalf("workshop close: %v\n%s", err, out)
	}
	consolidated := strings.TrimSpace(string(out))
	if !strings.Contains(consolidated, "-consolidated.json") || !strings.Contains(consolidated, "-workshop.md") {
		t.Fatalf("close printed:\n%s", out)
	}
	path := ""
	for _, line := range strings.Split(consolidated, "\n") {
		if strings.HasSuffix(line, "-consolidated.json") {
			path = line
		}
	}
	c, _, err := assessment.Load(path, q)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Respondents) != 2 {
		t.Fatalf("consolidated %d respondents; want 2", len(c.Respondents))
	}
	want := [][]int{{4, 3, 2, 1}, {0, 1, 2}}
	for r, levels := range want {
		for i, l := range levels {
			got := c.Spread[q.Questions[i].ID].Responses[r].Level
			if got == nil || *got != l {
				t.Errorf("%s, question %d: level %v; want %d", c.Respondents[r].Name, i+1, got, l)
			}
		}
	}
	if _, err := os.Stat(filepath.Join(dir, workshop.MetaFile)); err != nil {
		t.Fatal(err)
	}
	// A closed workshop is not resumed.
	again := exec.Command(bin, "workshop", "serve", "--resume", dir, "--listen", "127.0.0.1:0")
	again.Env = env
	if b, err := again.CombinedOutput(); err == nil || !strings.Contains(string(b), "closed already") {
		t.Errorf("resuming a closed workshop: %v\n%s", err, b)
	}
}
