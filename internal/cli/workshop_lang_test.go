package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/dgmaturity/dgmaturity/internal/workshop/sshtest"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// joinFrench finds the join line, the code and the host key in what a
// French `workshop serve` prints (a no-break space before each colon).
var joinFrench = regexp.MustCompile(`Atelier «\x{a0}Ministère des Exemples\x{a0}» dans \S+\nRejoindre\x{a0}: +ssh -p (\d+) join@(\S+)\nCode\x{a0}: +(\S+)\nClé d'hôte\x{a0}: (\S+)`)

// englishCLIWord finds the English words of the workshop's command-line
// messages that none of their French texts uses.
var englishCLIWord = regexp.MustCompile(`\b(Workshop|Join|Host|key|terminal for|serving|interrupted|then|server|stopped|every|answer|kept|Continue|Or|answered|nothing|merge|must|least|not one|leave out|continues)\b`)

// noEnglishCLI fails when s, without the commands it quotes, holds an
// English word.
func noEnglishCLI(t *testing.T, what, s string) {
	t.Helper()
	s = regexp.MustCompile(`dgmaturity workshop (serve --resume|close) \S+`).ReplaceAllString(s, "")
	if w := englishCLIWord.FindString(s); w != "" {
		t.Errorf("%s has the English word %q:\n%s", what, w, s)
	}
}

// TestWorkshopUsageInFrench: the workshop's usage errors follow --lang.
func TestWorkshopUsageInFrench(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--max", "0"}, "--max doit valoir au moins 1"},
		{[]string{"--type", "club"}, "--type club\u00a0: n'est pas l'un des types "},
		{[]string{"--resume", t.TempDir(), "--org", "X"}, "--resume reprend un atelier tel qu'il a été lancé\u00a0: omettez --org et --out"},
		{[]string{"--org", "A\x07B"}, "--org A\\x07B\u00a0: contient le caractère U+0007"},
	} {
		_, _, err := runCLI(t, append([]string{"--lang", "fr", "workshop", "serve", "--listen", "127.0.0.1:0", "--out", t.TempDir()}, c.args...)...)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%v: %v; want %q", c.args, err, c.want)
		}
	}
}

// TestWorkshopInFrench serves a workshop with --lang fr: its lines are in
// French; resumed without --lang it stays French (the language is
// recorded), and so does its close.
func TestWorkshopInFrench(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	dir := filepath.Join(t.TempDir(), "ws")
	s := serveWorkshopSaying(t, joinFrench, "--lang", "fr", "--org", "Ministère des Exemples", "--out", dir)
	q := questionnaire.Default()
	// Ada answers one question; Bob none.
	for _, p := range []struct{ name, keys string }{{"Ada", "2"}, {"Bob", ""}} {
		c, err := sshtest.Dial(s.addr, sshtest.Config(s.key, gossh.Password(s.code)))
		if err != nil {
			t.Fatal(err)
		}
		term, err := sshtest.Shell(c, 100, 30)
		if err != nil {
			t.Fatal(err)
		}
		if !term.WaitFor("Rejoindre l'atelier", 10*time.Second) {
			t.Fatalf("%s: no French join screen: %q", p.name, term.Text())
		}
		term.Type(p.name + "\r\r")
		if !term.WaitFor(fmt.Sprintf("Question 1 sur %d", len(q.Questions)), 10*time.Second) {
			t.Fatalf("%s: no French question screen: %q", p.name, lastScreen(term.Text()))
		}
		term.Type(p.keys)
		if p.keys != "" && !term.WaitFor(q.Questions[0].ID+" enregistrée", 10*time.Second) {
			t.Fatalf("%s: the answer was not taken: %q", p.name, lastScreen(term.Text()))
		}
		term.Close()
	}
	stopServe(t, s)
	out, errOut := s.out.String(), s.err.String()
	if !strings.Contains(out, "Aucun terminal pour l'écran d'animation\u00a0: ") {
		t.Errorf("no French line for the missing terminal:\n%s", out)
	}
	if !strings.Contains(errOut, "Le serveur est arrêté\u202f; chaque réponse est conservée dans "+dir+".\nPour continuer\u00a0: dgmaturity workshop serve --resume "+dir) {
		t.Errorf("the stop is not said in French:\n%s", errOut)
	}
	noEnglishCLI(t, "serve's output", out+errOut)

	// Resumed without --lang, in an English environment: still French.
	again := serveWorkshopSaying(t, joinFrench, "--resume", dir)
	stopServe(t, again)
	noEnglishCLI(t, "the resumed serve's output", again.out.String()+again.err.String())

	stdout, stderr, err := runCLI(t, "workshop", "close", dir)
	if err != nil {
		t.Fatalf("workshop close: %v\n%s", err, stderr)
	}
	if strings.TrimSpace(stderr) != "Bob n'a répondu à aucune question et reste en dehors de la fusion" {
		t.Errorf("close's stderr is not the French note on Bob:\n%s", stderr)
	}
	report, err := os.ReadFile(filepath.Join(dir, "ministere-des-exemples-2026-03-02-workshop.md"))
	if err != nil {
		t.Fatalf("no workshop report: %v\n%s", err, stdout)
	}
	if !strings.HasPrefix(string(report), "# Atelier\u00a0: Ministère des Exemples") {
		t.Errorf("the workshop report is not in French:\n%.300s", report)
	}
}

// stopServe interrupts a `workshop serve` and waits for it to end.
func stopServe(t *testing.T, s *served) {
	t.Helper()
	s.stop()
	if err := <-s.done; err != ErrInterrupted {
		t.Fatalf("serve ended with %v; want an interruption", err)
	}
	s.done <- nil // for the cleanup
}
