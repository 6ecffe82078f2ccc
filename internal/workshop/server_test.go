package workshop_test

import (
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/dgmaturity/dgmaturity/internal/workshop"
	"github.com/dgmaturity/dgmaturity/internal/workshop/sshtest"
)

// newKey returns a fresh client key.
func newKey(t testing.TB) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// answerer answers keyboard-interactive questions with code.
func answerer(code string) gossh.KeyboardInteractiveChallenge {
	return func(_, _ string, questions []string, _ []bool) ([]string, error) {
		out := make([]string, len(questions))
		for i := range out {
			out[i] = code
		}
		return out, nil
	}
}

func TestAuthentication(t *testing.T) {
	known := newKey(t)
	f := start(t, func(c *workshop.ServerConfig) { c.AuthorizedKeys = []gossh.PublicKey{known.PublicKey()} })
	refused := []struct {
		name string
		auth []gossh.AuthMethod
	}{
		{"no auth (none)", nil},
		{"empty password", []gossh.AuthMethod{gossh.Password("")}},
		{"blank password", []gossh.AuthMethod{gossh.Password("   ")}},
		{"wrong code", []gossh.AuthMethod{gossh.Password("ABCD-EFGH-JKMN")}},
		{"wrong code, keyboard-interactive", []gossh.AuthMethod{gossh.KeyboardInteractive(answerer("WRONG-CODE"))}},
		{"empty code, keyboard-interactive", []gossh.AuthMethod{gossh.KeyboardInteractive(answerer(""))}},
		{"code with one character changed", []gossh.AuthMethod{gossh.Password(f.code[:len(f.code)-1] + otherChar(f.code[len(f.code)-1]))}},
		{"unknown key", []gossh.AuthMethod{gossh.PublicKeys(newKey(t))}},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			c, err := f.dial(tc.auth...)
			if err == nil {
				c.Close()
				t.Fatal("connected; want refused")
			}
			if !strings.Contains(err.Error(), "unable to authenticate") {
				t.Fatalf("err = %v; want an authentication failure", err)
			}
		})
	}
	admitted := []struct {
		name string
		auth []gossh.AuthMethod
	}{
		{"code as password", []gossh.AuthMethod{gossh.Password(f.code)}},
		{"code in lower case with spaces", []gossh.AuthMethod{gossh.Password(strings.ToLower(strings.ReplaceAll(f.code, "-", " ")))}},
		{"code, keyboard-interactive", []gossh.AuthMethod{gossh.KeyboardInteractive(answerer(f.code))}},
		{"authorised key", []gossh.AuthMethod{gossh.PublicKeys(known)}},
		{"unknown key, then the code", []gossh.AuthMethod{gossh.PublicKeys(newKey(t)), gossh.Password(f.code)}},
	}
	for _, tc := range admitted {
		t.Run(tc.name, func(t *testing.T) {
			c, err := f.dial(tc.auth...)
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			c.Close()
		})
	}
}

// otherChar returns a code character other than c.
func otherChar(c byte) string {
	if c == 'A' {
		return "B"
	}
	return "A"
}

func TestWrongHostKeyIsNoticed(t *testing.T) {
	f := start(t, nil)
	_, err := sshtest.Dial(f.srv.Addr(), sshtest.Config(newKey(t).PublicKey(), gossh.Password(f.code)))
	if err == nil {
		t.Fatal("a client that expects another host key connected")
	}
}

func TestFailedAttemptsAreCapped(t *testing.T) {
	f := start(t, func(c *workshop.ServerConfig) { c.MaxFailures = 3 })
	for i := range 3 {
		if c, err := f.dial(gossh.Password("WRONG")); err == nil {
			c.Close()
			t.Fatalf("attempt %d: wrong code admitted", i)
		}
	}
	// The address has used up its attempts: even the right code is refused.
	c, err := f.dial(gossh.Password(f.code))
	if err == nil {
		c.Close()
		t.Fatal("the right code was admitted after the cap")
	}
	if f.srv.Refused() < 4 {
		t.Fatalf("Refused = %d; want at least 4", f.srv.Refused())
	}
}

func TestFailuresAreSlowedDown(t *testing.T) {
	f := start(t, func(c *workshop.ServerConfig) {
		c.FailDelay, c.MaxFailDelay = 40*time.Millisecond, 40*time.Millisecond
	})
	began := time.Now()
	if c, err := f.dial(gossh.Password("WRONG")); err == nil {
		c.Close()
		t.Fatal("wrong code admitted")
	}
	if d := time.Since(began); d < 40*time.Millisecond {
		t.Fatalf("a wrong code was answered after %v; want at least the 40ms delay", d)
	}
}

func TestOnlyInteractiveSessions(t *testing.T) {
	f := start(t, nil)
	c, err := f.dial(gossh.Password(f.code))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()

	t.Run("exec", func(t *testing.T) {
		s, err := c.NewSession()
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if err := s.Run("cat /etc/passwd"); err == nil {
			t.Fatal("exec request accepted")
		}
	})
	t.Run("subsystem", func(t *testing.T) {
		s, err := c.NewSession()
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if err := s.RequestSubsystem("sftp"); err == nil {
			t.Fatal("sftp subsystem accepted")
		}
	})
	t.Run("agent forwarding", func(t *testing.T) {
		s, err := c.NewSession()
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		ok, err := s.SendRequest("auth-agent-req@openssh.com", true, nil)
		if err != nil || ok {
			t.Fatalf("agent request: ok=%v err=%v; want refused", ok, err)
		}
	})
	t.Run("local port forwarding", func(t *testing.T) {
		conn, err := c.Dial("tcp", f.srv.Addr().String())
		if err == nil {
			conn.Close()
			t.Fatal("direct-tcpip channel accepted")
		}
	})
	t.Run("remote port forwarding", func(t *testing.T) {
		ln, err := c.Listen("tcp", "127.0.0.1:0")
		if err == nil {
			ln.Close()
			t.Fatal("tcpip-forward accepted")
		}
	})
	t.Run("shell without a terminal", func(t *testing.T) {
		msg, err := shellWithoutTerminal(t, c)
		var exit *gossh.ExitError
		if !errors.As(err, &exit) || exit.ExitStatus() != 1 {
			t.Fatalf("exit: %v; want status 1", err)
		}
		if !strings.Contains(string(msg), "interactive terminal") {
			t.Fatalf("message %q; want it to ask for a terminal", msg)
		}
	})
}

func TestParticipantCap(t *testing.T) {
	f := start(t, func(c *workshop.ServerConfig) { c.Max = 2 })
	f.join("Ada", "")
	second := f.terminal()
	if !second.WaitFor("Join the workshop", wait) {
		t.Fatal("the second participant got no join screen")
	}
	third := f.terminal()
	if !third.WaitFor("The workshop is full (2 participants)", wait) {
		t.Fatalf("the third participant was not told the workshop is full; got %q", third.Text())
	}
	<-third.Done()
	// When someone leaves, the next one gets in.
	second.Close()
	deadline := time.Now().Add(wait)
	for f.srv.Connected() > 1 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	fourth := f.terminal()
	if !fourth.WaitFor("Join the workshop", wait) {
		t.Fatalf("after one left, the next was not let in; got %q", fourth.Text())
	}
}
