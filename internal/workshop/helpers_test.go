package workshop_test

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/workshop"
	"github.com/dgmaturity/dgmaturity/internal/workshop/sshtest"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// wait bounds every wait of the tests; they normally take milliseconds.
const wait = 10 * time.Second

// fixture is a workshop served on loopback.
type fixture struct {
	t    testing.TB
	q    *questionnaire.Questionnaire
	dir  string
	w    *workshop.Workshop
	srv  *workshop.Server
	key  gossh.Signer
	code string
	cfg  workshop.ServerConfig
}

// testNow pins the workshop's date.
func testNow() time.Time { return time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC) }

// start serves a new workshop in a temporary folder.
func start(t testing.TB, change func(*workshop.ServerConfig)) *fixture {
	t.Helper()
	return startIn(t, "", change)
}

// startIn serves a new workshop in the language lang ("" is English).
func startIn(t testing.TB, lang string, change func(*workshop.ServerConfig)) *fixture {
	t.Helper()
	q, err := questionnaire.Default().Localized(lang)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	w, err := workshop.Open(workshop.Config{
		Questionnaire: q, Lang: lang, Dir: dir, Tool: "dgmaturity test", Now: testNow,
		Organisation: assessment.Organisation{Name: "Ministry of Tests", Type: "ministry"},
	})
	if err != nil {
		t.Fatal(err)
	}
	key, err := workshop.LoadOrCreateHostKey(filepath.Join(t.TempDir(), workshop.HostKeyFile))
	if err != nil {
		t.Fatal(err)
	}
	code, err := workshop.NewCode()
	if err != nil {
		t.Fatal(err)
	}
	cfg := workshop.ServerConfig{Listen: "127.0.0.1:0", HostKey: key, Code: code,
		FailDelay: time.Millisecond, MaxFailDelay: 4 * time.Millisecond, MaxFailures: 1000}
	if change != nil {
		change(&cfg)
	}
	f := &fixture{t: t, q: q, dir: dir, w: w, key: key, code: code, cfg: cfg}
	f.serve()
	return f
}

// serve starts a server for f.w.
func (f *fixture) serve() {
	f.t.Helper()
	srv, err := workshop.NewServer(f.w, f.cfg)
	if err != nil {
		f.t.Fatal(err)
	}
	if err := srv.Listen(); err != nil {
		f.t.Fatal(err)
	}
	go func() { _ = srv.Serve() }()
	f.srv = srv
	f.t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
	})
}

// dial connects with the given authentication.
func (f *fixture) dial(auth ...gossh.AuthMethod) (*gossh.Client, error) {
	return sshtest.Dial(f.srv.Addr(), sshtest.Config(f.key.PublicKey(), auth...))
}

// terminal connects with the join code and opens a 100x30 terminal.
func (f *fixture) terminal() *sshtest.Terminal {
	f.t.Helper()
	c, err := f.dial(gossh.Password(f.code))
	if err != nil {
		f.t.Fatalf("dial: %v", err)
	}
	term, err := sshtest.Shell(c, 100, 30)
	if err != nil {
		f.t.Fatalf("shell: %v", err)
	}
	f.t.Cleanup(term.Close)
	return term
}

// join connects and joins under name, waiting until the workshop has
// them connected.
func (f *fixture) join(name, role string) *sshtest.Terminal {
	f.t.Helper()
	term := f.terminal()
	if !term.WaitFor("Join the workshop", wait) {
		f.t.Fatalf("%s: no join screen; got %q", name, term.Text())
	}
	if err := term.Type(name + "\r" + role + "\r"); err != nil {
		f.t.Fatal(err)
	}
	f.waitState(name+" connected", func(s workshop.State) bool {
		for _, p := range s.Participants {
			if strings.EqualFold(p.Name, strings.TrimSpace(name)) && p.Connected {
				return true
			}
		}
		return false
	})
	// Keys typed before the question screen shows go nowhere.
	if !term.WaitFor(fmt.Sprintf(" of %d", len(f.q.Questions)), wait) {
		f.t.Fatalf("%s: no question screen; got %q", name, term.Text())
	}
	return term
}

// waitState waits until cond holds for the workshop's state.
func (f *fixture) waitState(what string, cond func(workshop.State) bool) workshop.State {
	f.t.Helper()
	return waitFor(f.t, f.w, what, cond)
}

func waitFor(t testing.TB, w *workshop.Workshop, what string, cond func(workshop.State) bool) workshop.State {
	t.Helper()
	deadline := time.Now().Add(wait)
	for {
		s := w.State()
		if cond(s) {
			return s
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s; state: %+v", what, s.Participants)
		}
		select {
		case <-w.Changes():
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// answered returns how many questions name has answered.
func answered(s workshop.State, name string) int {
	for _, p := range s.Participants {
		if p.Name == name {
			return p.Answered
		}
	}
	return -1
}

// shellOf opens a 100x30 terminal on a connected client.
func shellOf(c *gossh.Client) (*sshtest.Terminal, error) { return sshtest.Shell(c, 100, 30) }

// shellWithoutTerminal asks c for a shell without a terminal and returns
// what the server said on stderr and how the session ended.
func shellWithoutTerminal(t *testing.T, c *gossh.Client) (string, error) {
	t.Helper()
	s, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	stderr, _ := s.StderrPipe()
	if err := s.Shell(); err != nil {
		t.Fatal(err)
	}
	msg, _ := io.ReadAll(stderr)
	return string(msg), s.Wait()
}
