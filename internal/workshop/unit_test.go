package workshop

import (
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestNewCode(t *testing.T) {
	shape := regexp.MustCompile(`^[` + codeAlphabet + `]{4}-[` + codeAlphabet + `]{4}-[` + codeAlphabet + `]{4}$`)
	seen := map[string]bool{}
	for range 200 {
		c, err := NewCode()
		if err != nil {
			t.Fatal(err)
		}
		if !shape.MatchString(c) {
			t.Fatalf("code %q is not three groups of four unambiguous characters", c)
		}
		if seen[c] {
			t.Fatalf("code %q made twice", c)
		}
		seen[c] = true
	}
	for _, bad := range "0O1IL" {
		if strings.ContainsRune(codeAlphabet, bad) {
			t.Errorf("the alphabet holds the ambiguous %q", bad)
		}
	}
}

func TestCodeMatches(t *testing.T) {
	const code = "K7PM-3QXH-R9TD"
	for typed, want := range map[string]bool{
		"K7PM-3QXH-R9TD": true, "k7pm 3qxh r9td": true, "K7PM3QXHR9TD": true, " k7pm-3qxh-r9td ": true,
		"": false, "   ": false, "--": false, "K7PM-3QXH-R9T": false, "K7PM-3QXH-R9TE": false, "K7PM-3QXH-R9TDX": false,
	} {
		if got := codeMatches(code, typed); got != want {
			t.Errorf("codeMatches(%q) = %v; want %v", typed, got, want)
		}
	}
	if codeMatches("", "") {
		t.Error("an empty code matches an empty guess")
	}
}

func TestLimiter(t *testing.T) {
	now := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	l := newLimiter(100*time.Millisecond, time.Second, 5, 15*time.Minute)
	l.now = func() time.Time { return now }
	var delays []time.Duration
	for range 5 {
		if l.blocked("10.0.0.7") {
			t.Fatal("blocked before the cap")
		}
		delays = append(delays, l.fail("10.0.0.7"))
	}
	want := []time.Duration{100 * time.Millisecond, 200 * time.Millisecond, 400 * time.Millisecond, 800 * time.Millisecond, time.Second}
	for i := range want {
		if delays[i] != want[i] {
			t.Errorf("delay %d = %v; want %v", i+1, delays[i], want[i])
		}
	}
	if !l.blocked("10.0.0.7") {
		t.Fatal("not blocked after 5 failures")
	}
	if l.blocked("10.0.0.8") {
		t.Fatal("another address is blocked")
	}
	l.succeed("10.0.0.7") // a blocked address stays blocked
	if !l.blocked("10.0.0.7") {
		t.Fatal("success lifted the block")
	}
	now = now.Add(16 * time.Minute)
	if l.blocked("10.0.0.7") {
		t.Fatal("still blocked after the window")
	}
	// Success before the cap forgets the failures.
	l.fail("10.0.0.9")
	l.succeed("10.0.0.9")
	if d := l.fail("10.0.0.9"); d != 100*time.Millisecond {
		t.Errorf("delay after a success = %v; want the first delay again", d)
	}
}

func TestHostKeyIsMadeOnceAndKept(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state", HostKeyFile)
	a, err := LoadOrCreateHostKey(path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := LoadOrCreateHostKey(path)
	if err != nil {
		t.Fatal(err)
	}
	if Fingerprint(a.PublicKey()) != Fingerprint(b.PublicKey()) {
		t.Fatal("the second start made another host key")
	}
	if !strings.HasPrefix(Fingerprint(a.PublicKey()), "SHA256:") {
		t.Errorf("fingerprint %q is not in OpenSSH's form", Fingerprint(a.PublicKey()))
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && info.Mode().Perm() != 0o600 {
		t.Errorf("host key mode %v; want 0600", info.Mode().Perm())
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("the state folder holds %d files; want the key alone (no temporary file left)", len(entries))
	}
	if err := os.WriteFile(path, []byte("not a key"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadOrCreateHostKey(path); err == nil {
		t.Error("a broken host key was accepted (or silently replaced)")
	}
}
