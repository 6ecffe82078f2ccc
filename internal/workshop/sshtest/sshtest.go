// Package sshtest drives a workshop over real SSH connections for tests
// and benchmarks: a client from golang.org/x/crypto/ssh with a terminal,
// the keys it types, and the output it receives.
package sshtest

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"
)

// Config is a client configuration that trusts only hostKey.
func Config(hostKey gossh.PublicKey, auth ...gossh.AuthMethod) *gossh.ClientConfig {
	return &gossh.ClientConfig{
		User:            "join",
		Auth:            auth,
		HostKeyCallback: gossh.FixedHostKey(hostKey),
		Timeout:         10 * time.Second,
	}
}

// Dial connects to addr.
func Dial(addr net.Addr, cfg *gossh.ClientConfig) (*gossh.Client, error) {
	return gossh.Dial("tcp", addr.String(), cfg)
}

// Terminal is an interactive session with a pseudo-terminal.
type Terminal struct {
	Client  *gossh.Client
	Session *gossh.Session
	in      io.WriteCloser

	mu     sync.Mutex
	out    bytes.Buffer
	notify chan struct{}
	done   chan struct{}
}

// Shell opens a session with a w x h xterm-256color terminal and starts
// its shell.
func Shell(c *gossh.Client, w, h int) (*Terminal, error) { return ShellEnv(c, w, h, "xterm-256color") }

// ShellEnv is Shell with the terminal type term and environment
// variables env ("NAME=value") sent as ssh's SendEnv does.
func ShellEnv(c *gossh.Client, w, h int, term string, env ...string) (*Terminal, error) {
	s, err := c.NewSession()
	if err != nil {
		return nil, fmt.Errorf("new session: %w", err)
	}
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		if err := s.Setenv(k, v); err != nil {
			return nil, fmt.Errorf("setenv %s: %w", k, err)
		}
	}
	in, err := s.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := s.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := s.RequestPty(term, h, w, gossh.TerminalModes{}); err != nil {
		return nil, fmt.Errorf("request pty: %w", err)
	}
	if err := s.Shell(); err != nil {
		return nil, fmt.Errorf("shell: %w", err)
	}
	t := &Terminal{Client: c, Session: s, in: in, notify: make(chan struct{}, 1), done: make(chan struct{})}
	go func() {
		defer close(t.done)
		buf := make([]byte, 32<<10)
		for {
			n, err := out.Read(buf)
			if n > 0 {
				t.mu.Lock()
				t.out.Write(buf[:n])
				t.mu.Unlock()
				select {
				case t.notify <- struct{}{}:
				default:
				}
			}
			if err != nil {
				return
			}
		}
	}()
	return t, nil
}

// Type sends keys as a terminal would ("\r" is enter, "\x1b" escape).
func (t *Terminal) Type(s string) error {
	_, err := io.WriteString(t.in, s)
	return err
}

// Output returns everything received so far, raw.
func (t *Terminal) Output() []byte {
	t.mu.Lock()
	defer t.mu.Unlock()
	return bytes.Clone(t.out.Bytes())
}

// Text returns everything received so far without escape sequences.
func (t *Terminal) Text() string { return ansi.Strip(string(t.Output())) }

// Len is the number of bytes received so far.
func (t *Terminal) Len() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.out.Len()
}

// Received returns a channel that receives a value after output arrives.
func (t *Terminal) Received() <-chan struct{} { return t.notify }

// WaitFor waits until the output, without escape sequences, contains s.
func (t *Terminal) WaitFor(s string, d time.Duration) bool {
	deadline := time.After(d)
	for {
		if strings.Contains(t.Text(), s) {
			return true
		}
		select {
		case <-t.notify:
		case <-t.done:
			return strings.Contains(t.Text(), s)
		case <-deadline:
			return false
		}
	}
}

// Done is closed when the session's output ends.
func (t *Terminal) Done() <-chan struct{} { return t.done }

// Close ends the session and the connection.
func (t *Terminal) Close() {
	_ = t.Session.Close()
	_ = t.Client.Close()
}

// Discard drops the output received so far (a long benchmark would
// otherwise keep every frame in memory).
func (t *Terminal) Discard() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.out = bytes.Buffer{}
}

// KeyToFrame types key and returns how long the first output after it
// took to arrive.
func (t *Terminal) KeyToFrame(key string, d time.Duration) (time.Duration, error) {
	t.Discard()
	select { // a signal from earlier output would end the wait at once
	case <-t.notify:
	default:
	}
	began := time.Now()
	if err := t.Type(key); err != nil {
		return 0, err
	}
	deadline := time.After(d)
	for t.Len() == 0 {
		select {
		case <-t.notify:
		case <-t.done:
			return 0, io.EOF
		case <-deadline:
			return 0, fmt.Errorf("no frame within %v after %q", d, key)
		}
	}
	return time.Since(began), nil
}

// Resize tells the server that the terminal is now w x h.
func (t *Terminal) Resize(w, h int) error { return t.Session.WindowChange(h, w) }
