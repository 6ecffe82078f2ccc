package e2e

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"
)

// Terminal size of the interactive runs: wide enough for the area sidebar
// (100 columns), a little taller than the 24-line minimum.
const (
	termCols = 100
	termRows = 30
)

// waitLimit bounds a single wait for the screen: generous, because a busy
// CI machine running the race detector can stall for seconds.
const waitLimit = 15 * time.Second

// session is one run of the binary in a pseudo-terminal. A goroutine reads
// the terminal without pause (Bubble Tea writes queries such as the
// background colour; nobody answers them, and a full terminal buffer would
// block the program) and applies the output to a vt screen that the test
// inspects.
type session struct {
	t   testing.TB
	cmd *exec.Cmd
	pty *os.File

	mu     sync.Mutex
	screen *vt
	raw    bytes.Buffer
	// observe, when set, sees the screen after every chunk of output,
	// under mu: the random kill test tracks the questions confirmed.
	observe func(screen string)

	// notify gets a token after each chunk of output.
	notify chan struct{}
	// eof is closed when the terminal reports the end of the output.
	eof chan struct{}
	// exited is closed once the process has ended; waitErr says how.
	exited  chan struct{}
	waitErr error
	// deadline ends every wait of the session: the bound of the test.
	deadline time.Time
	// closeOnce guards close.
	closeOnce sync.Once
}

// startSession runs the binary with args in a new 100x30 pseudo-terminal.
// The process is killed at the end of the test if it is still running.
func startSession(t testing.TB, env []string, deadline time.Time, args ...string) *session {
	t.Helper()
	return startObserved(t, env, deadline, nil, args...)
}

// startObserved is startSession with an observer of the screen, set
// before the first byte of output is read.
func startObserved(t testing.TB, env []string, deadline time.Time, observe func(string), args ...string) *session {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: termCols, Rows: termRows})
	if err != nil {
		t.Fatalf("start %v in a pseudo-terminal: %v", args, err)
	}
	s := &session{
		t: t, cmd: cmd, pty: f,
		screen:   newVT(termCols, termRows),
		observe:  observe,
		notify:   make(chan struct{}, 1),
		eof:      make(chan struct{}),
		exited:   make(chan struct{}),
		deadline: deadline,
	}
	go s.read()
	go func() {
		s.waitErr = cmd.Wait()
		close(s.exited)
	}()
	t.Cleanup(s.close)
	return s
}

// close kills the process if it is still running, waits until it and its
// output have ended and closes the terminal. It may be called more than
// once; the test's cleanup calls it in any case.
func (s *session) close() {
	s.closeOnce.Do(func() {
		_ = s.cmd.Process.Kill() // an error only says it has ended already
		<-s.exited
		<-s.eof
		s.pty.Close()
	})
}

// read applies the terminal's output to the screen until the terminal
// closes (EIO on Linux once the process and its terminal are gone).
func (s *session) read() {
	defer close(s.eof)
	buf := make([]byte, 32*1024)
	for {
		n, err := s.pty.Read(buf)
		if n > 0 {
			s.mu.Lock()
			s.screen.Write(buf[:n])
			s.raw.Write(buf[:n])
			if s.observe != nil {
				s.observe(s.screen.String())
			}
			s.mu.Unlock()
			select {
			case s.notify <- struct{}{}:
			default:
			}
		}
		if err != nil {
			return
		}
	}
}

// Screen returns the text on the screen now.
func (s *session) Screen() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.screen.String()
}

// locked runs f while no output is applied to the screen: f sees the
// same state as the observer.
func (s *session) locked(f func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f()
}

// Raw returns every byte the program wrote, for diagnostics.
func (s *session) Raw() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.raw.String()
}

// waitFor waits until ok holds for the screen and returns that screen;
// after waitLimit, at the session's deadline or when the program ends
// first, the test fails with the screen shown.
func (s *session) waitFor(what string, ok func(screen string) bool) string {
	s.t.Helper()
	limit := time.Now().Add(waitLimit)
	if !s.deadline.IsZero() && s.deadline.Before(limit) {
		limit = s.deadline
	}
	timer := time.NewTimer(time.Until(limit))
	defer timer.Stop()
	for {
		scr := s.Screen()
		if ok(scr) {
			return scr
		}
		select {
		case <-s.notify:
		case <-timer.C:
			s.t.Fatalf("timed out waiting for %s; the screen shows:\n%s", what, scr)
		case <-s.eof:
			if scr := s.Screen(); ok(scr) {
				return scr
			}
			s.t.Fatalf("the program ended while waiting for %s; the screen shows:\n%s", what, s.Screen())
		}
	}
}

// waitText waits until every one of texts is on the screen.
func (s *session) waitText(texts ...string) string {
	s.t.Helper()
	return s.waitFor(strings.Join(texts, " and "), func(scr string) bool {
		for _, x := range texts {
			if !strings.Contains(scr, x) {
				return false
			}
		}
		return true
	})
}

// Key bytes as a terminal sends them.
const (
	keyEnter  = "\r"
	keyRight  = "\x1b[C"
	keyDown   = "\x1b[B"
	keyTab    = "\t"
	keyPgDown = "\x1b[6~"
	keyHome   = "\x1b[H"
	keyEnd    = "\x1b[F"
)

// press types keys into the terminal.
func (s *session) press(keys string) {
	s.t.Helper()
	if _, err := s.pty.Write([]byte(keys)); err != nil {
		s.t.Fatalf("type %q: %v", keys, err)
	}
}

// kill ends the process with SIGKILL, without warning, and waits for it.
func (s *session) kill() {
	s.t.Helper()
	if err := s.cmd.Process.Signal(syscall.SIGKILL); err != nil && !errors.Is(err, os.ErrProcessDone) {
		s.t.Fatalf("kill: %v", err)
	}
	<-s.exited
}

// waitExit waits for the process to end, killed or not, within the
// usual limit.
func (s *session) waitExit() {
	s.t.Helper()
	select {
	case <-s.exited:
	case <-time.After(waitLimit):
		s.t.Fatalf("the program did not end; the screen shows:\n%s", s.Screen())
	}
}

// wait waits for the process to end by itself and returns its exit code.
func (s *session) wait() int {
	s.t.Helper()
	limit := time.Now().Add(waitLimit)
	if !s.deadline.IsZero() && s.deadline.Before(limit) {
		limit = s.deadline
	}
	select {
	case <-s.exited:
	case <-time.After(time.Until(limit)):
		s.t.Fatalf("the program did not end; the screen shows:\n%s", s.Screen())
	}
	<-s.eof // all output read
	var ee *exec.ExitError
	switch {
	case s.waitErr == nil:
		return 0
	case errors.As(s.waitErr, &ee):
		return ee.ExitCode()
	}
	s.t.Fatalf("wait: %v", s.waitErr)
	return -1
}
