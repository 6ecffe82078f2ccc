package cli

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	gossh "golang.org/x/crypto/ssh"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/workshop"
	"github.com/dgmaturity/dgmaturity/internal/workshop/sshtest"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// syncBuffer is a bytes.Buffer safe for a command writing while the test
// reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// served is a `workshop serve` running in the background.
type served struct {
	addr net.Addr
	code string
	key  gossh.PublicKey
	stop context.CancelFunc
	done chan error
	out  *syncBuffer
	err  *syncBuffer
}

// joinEnglish finds the join line, the code and the host key in what an
// English `workshop serve` prints.
var joinEnglish = regexp.MustCompile(`Join: +ssh -p (\d+) join@(\S+)\nCode: +(\S+)\nHost key: +(\S+)`)

// serveWorkshop runs `workshop serve` with args (no terminal: it serves
// until its context ends) and reads the join line, the code and the host
// key it prints.
func serveWorkshop(t *testing.T, args ...string) *served {
	t.Helper()
	return serveWorkshopSaying(t, joinEnglish, args...)
}

// serveWorkshopSaying is serveWorkshop reading the join instructions with
// re, whose groups are the port, the host, the code and the fingerprint.
func serveWorkshopSaying(t *testing.T, re *regexp.Regexp, args ...string) *served {
	t.Helper()
	out, errOut := &syncBuffer{}, &syncBuffer{}
	app := &App{Stdin: strings.NewReader(""), Stdout: out, Stderr: errOut, Version: "test",
		Now: func() time.Time { return time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC) }}
	ctx, cancel := context.WithCancel(context.Background())
	root := Root(app)
	root.SetArgs(append([]string{"workshop", "serve", "--listen", "127.0.0.1:0"}, args...))
	s := &served{stop: cancel, done: make(chan error, 1), out: out, err: errOut}
	go func() { s.done <- root.ExecuteContext(ctx) }()
	t.Cleanup(func() {
		cancel()
		<-s.done
	})
	deadline := time.Now().Add(10 * time.Second)
	for {
		if m := re.FindStringSubmatch(out.String()); m != nil {
			addr, err := net.ResolveTCPAddr("tcp", net.JoinHostPort(m[2], m[1]))
			if err != nil {
				t.Fatal(err)
			}
			s.addr, s.code = addr, m[3]
			state, _ := assessment.StateDir()
			k, err := workshop.LoadOrCreateHostKey(filepath.Join(state, workshop.HostKeyFile))
			if err != nil {
				t.Fatal(err)
			}
			if workshop.Fingerprint(k.PublicKey()) != m[4] {
				t.Fatalf("printed fingerprint %s is not the stored key's", m[4])
			}
			s.key = k.PublicKey()
			return s
		}
		select {
		case err := <-s.done:
			t.Fatalf("serve ended: %v\n%s%s", err, out, errOut)
		case <-time.After(10 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve printed no join instructions:\n%s%s", out, errOut)
		}
	}
}

// plan is what one participant will answer: the keys to type and the
// answers they must produce.
type plan struct {
	name, role string
	keys       string
	want       map[string]assessment.Answer
}

// randomPlan answers every question of q: a level, don't know, or N/A
// with a reason where the question allows it, some with a comment.
func randomPlan(q *questionnaire.Questionnaire, r *rand.Rand, name string) plan {
	p := plan{name: name, role: "Participant " + name, want: map[string]assessment.Answer{}}
	var keys strings.Builder
	for i, qu := range q.Questions {
		var a assessment.Answer
		if r.IntN(4) == 0 {
			a.Comment = fmt.Sprintf("%s on question %d", name, i+1)
			keys.WriteString("c" + a.Comment + "\r")
		}
		switch k := r.IntN(7); {
		case k == 5:
			a.DontKnow = true
			keys.WriteString("d")
		case k == 6 && qu.NA:
			a.NA = "not for " + name
			keys.WriteString("n" + a.NA + "\r")
		default:
			l := r.IntN(5)
			a.Level = &l
			keys.WriteString(fmt.Sprint(l))
		}
		p.want[qu.ID] = a
	}
	p.keys = keys.String()
	return p
}

// TestWorkshopThirtyParticipants serves a workshop with the command, lets
// 30 participants answer every question at once over SSH, stops the
// server, closes the workshop with the command, and checks that nothing
// was lost and that the consolidated result is what `merge` makes of the
// participants' files.
func TestWorkshopThirtyParticipants(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	dir := filepath.Join(t.TempDir(), "ws")
	s := serveWorkshop(t, "--org", "Ministry of Examples", "--type", "ministry", "--out", dir)
	q := questionnaire.Default()
	r := rand.New(rand.NewPCG(14, 30))
	n := 30
	switch {
	case testing.Short():
		n = 2
	case raceEnabled:
		n = 6 // 30 sessions rendering under the race detector take minutes
	}
	plans := make([]plan, n)
	for i := range plans {
		plans[i] = randomPlan(q, r, fmt.Sprintf("Participant %02d", i+1))
	}

	var wg sync.WaitGroup
	errs := make(chan error, n)
	for _, p := range plans {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := sshtest.Dial(s.addr, sshtest.Config(s.key, gossh.Password(s.code)))
			if err != nil {
				errs <- fmt.Errorf("%s: %w", p.name, err)
				return
			}
			term, err := sshtest.Shell(c, 80, 24)
			if err != nil {
				errs <- fmt.Errorf("%s: %w", p.name, err)
				return
			}
			defer term.Close()
			if !term.WaitFor("Join the workshop", 10*time.Second) {
				errs <- fmt.Errorf("%s: no join screen", p.name)
				return
			}
			term.Type(p.name + "\r" + p.role + "\r")
			if !term.WaitFor(fmt.Sprintf(" of %d", len(q.Questions)), 10*time.Second) {
				errs <- fmt.Errorf("%s: no first question", p.name)
				return
			}
			term.Type(p.keys)
			// After the last question the review opens.
			if !term.WaitFor("Review", 90*time.Second) {
				errs <- fmt.Errorf("%s: never reached the review: %q", p.name, lastScreen(term.Text()))
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if t.Failed() {
		t.FailNow()
	}

	// Stop the server (as q on the facilitator's screen does), then close.
	s.stop()
	if err := <-s.done; err != ErrInterrupted {
		t.Fatalf("serve ended with %v; want an interruption", err)
	}
	s.done <- nil // for the cleanup
	stdout, stderr, err := runCLI(t, "workshop", "close", dir)
	if err != nil {
		t.Fatalf("workshop close: %v\n%s", err, stderr)
	}

	// Nothing lost: every participant's published file holds exactly the
	// answers they typed.
	published, _ := filepath.Glob(filepath.Join(dir, "respondents", "*.json"))
	if len(published) != n {
		t.Fatalf("%d assessments published; want %d:\n%s", len(published), n, stdout)
	}
	byName := map[string]map[string]assessment.Answer{}
	for _, path := range published {
		a, _, err := assessment.Load(path, q)
		if err != nil {
			t.Fatal(err)
		}
		byName[a.Respondents[0].Name] = a.Answers
	}
	for _, p := range plans {
		if diff := cmp.Diff(p.want, byName[p.name]); diff != "" {
			t.Errorf("%s: published answers differ from those typed (-typed +published):\n%s", p.name, diff)
		}
	}

	// The consolidated assessment and the workshop report are those of
	// `merge` run on the published files, in the order close printed them
	// (the order of joining).
	var order []string
	for _, line := range strings.Split(stdout, "\n") {
		if strings.Contains(line, string(filepath.Separator)+"respondents"+string(filepath.Separator)) && strings.HasSuffix(line, ".json") {
			order = append(order, line)
		}
	}
	if len(order) != n {
		t.Fatalf("close printed %d published files; want %d:\n%s", len(order), n, stdout)
	}
	again := t.TempDir()
	if _, stderr, err := runCLI(t, append([]string{"merge", "--out", again}, order...)...); err != nil {
		t.Fatalf("merge: %v\n%s", err, stderr)
	}
	for _, name := range []string{"ministry-of-examples-2026-03-02-consolidated.json", "ministry-of-examples-2026-03-02-workshop.md", "ministry-of-examples-2026-03-02-consolidated.md"} {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatalf("close did not write %s: %v\n%s", name, err, stdout)
		}
		want, err := os.ReadFile(filepath.Join(again, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from merge's (-merge +close):\n%s", name, cmp.Diff(string(want), string(got)))
		}
	}
	if !strings.Contains(stdout, "ministry-of-examples-2026-03-02-workshop.md") {
		t.Errorf("close did not print the workshop report's path:\n%s", stdout)
	}
}

// lastScreen is the end of a terminal's text, for failure messages.
func lastScreen(s string) string { return s[max(0, len(s)-1500):] }
