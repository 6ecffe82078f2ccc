package workshop_test

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/workshop"
	"github.com/dgmaturity/dgmaturity/internal/workshop/sshtest"
)

func TestIsolation(t *testing.T) {
	f := start(t, nil)
	ada := f.join("Ada Lovelace", "Head of digital")
	bob := f.join("Bob Marley", "Data officer")

	// Ada comments the first question and answers it, then two more.
	const secret = "ZEBRA-SECRET-COMMENT"
	if err := ada.Type("c" + secret + "\r"); err != nil {
		t.Fatal(err)
	}
	// Her own screen shows it (else the check on Bob's below could not
	// fail).
	if !ada.WaitFor(secret, wait) {
		t.Fatalf("Ada's own session does not show her comment: %q", ada.Text())
	}
	if err := ada.Type("432"); err != nil {
		t.Fatal(err)
	}
	f.waitState("Ada's three answers", func(s workshop.State) bool { return answered(s, "Ada Lovelace") == 3 })
	// Bob answers the same questions differently.
	if err := bob.Type("0" + "1"); err != nil {
		t.Fatal(err)
	}
	f.waitState("Bob's two answers", func(s workshop.State) bool { return answered(s, "Bob Marley") == 2 })
	// Let any frame Bob would get settle, then look at all he received.
	time.Sleep(100 * time.Millisecond)
	got := bob.Text()
	for _, leak := range []string{secret, "Ada", "Lovelace", "Head of digital"} {
		if strings.Contains(got, leak) {
			t.Errorf("Bob's session shows %q", leak)
		}
	}

	// Bob's draft holds only his own answers.
	q := f.q
	bobDraft, _, err := assessment.Load(f.dir+"/drafts/bob-marley.json", q)
	if err != nil {
		t.Fatal(err)
	}
	for id, a := range bobDraft.Answers {
		if a.Comment != "" {
			t.Errorf("Bob's draft has a comment on %s: %q", id, a.Comment)
		}
	}
	first := q.Questions[0].ID
	if l := bobDraft.Answers[first].Level; l == nil || *l != 0 {
		t.Errorf("Bob's answer to %s = %v; want level 0", first, l)
	}
	adaDraft, _, err := assessment.Load(f.dir+"/drafts/ada-lovelace.json", q)
	if err != nil {
		t.Fatal(err)
	}
	if a := adaDraft.Answers[first]; a.Comment != secret || a.Level == nil || *a.Level != 4 {
		t.Errorf("Ada's answer to %s = %+v; want level 4 with her comment", first, a)
	}
}

func TestRevealShowsOnlyCounts(t *testing.T) {
	f := start(t, nil)
	ada := f.join("Ada", "")
	bob := f.join("Bob", "")
	if err := ada.Type("4"); err != nil {
		t.Fatal(err)
	}
	if err := bob.Type("1"); err != nil {
		t.Fatal(err)
	}
	f.waitState("two answers", func(s workshop.State) bool { return answered(s, "Ada")+answered(s, "Bob") == 2 })
	first := f.q.Questions[0].ID
	f.w.Reveal(first)
	for _, term := range []interface {
		WaitFor(string, time.Duration) bool
		Text() string
	}{ada, bob} {
		if !term.WaitFor("For discussion: "+first, wait) || !term.WaitFor("How the room answered (2 answers", wait) {
			t.Fatalf("no reveal on a participant's screen: %q", term.Text())
		}
	}
	if strings.Contains(bob.Text(), "Ada") {
		t.Error("the reveal names a participant")
	}
	// enter goes back to the questions (as esc does; a key typed right
	// after esc can be read as alt+key), and answering goes on.
	if err := bob.Type("\r"); err != nil {
		t.Fatal(err)
	}
	if err := bob.Type("2"); err != nil {
		t.Fatal(err)
	}
	f.waitState("Bob's second answer", func(s workshop.State) bool { return answered(s, "Bob") == 2 })
}

func TestDisconnectAndResume(t *testing.T) {
	f := start(t, nil)
	ada := f.join("Ada", "Lead")
	if err := ada.Type("123"); err != nil {
		t.Fatal(err)
	}
	f.waitState("three answers", func(s workshop.State) bool { return answered(s, "Ada") == 3 })

	// While Ada is connected, nobody else can take her name.
	other := f.terminal()
	other.WaitFor("Join the workshop", wait)
	other.Type(" ada \r\r")
	if !other.WaitFor("someone with this name is connected now", wait) {
		t.Fatalf("a second session took a connected participant's name: %q", other.Text())
	}
	other.Close()

	// Bob is answering too.
	bob := f.join("Bob", "")
	if err := bob.Type("0"); err != nil {
		t.Fatal(err)
	}
	f.waitState("Bob's answer", func(s workshop.State) bool { return answered(s, "Bob") == 1 })

	// Ada's connection breaks (the TCP connection closes under the SSH
	// session).
	ada.Client.Conn.Close()
	f.waitState("Ada away", func(s workshop.State) bool {
		return !s.Participants[0].Connected && s.Participants[1].Connected
	})
	// Bob's session goes on.
	if err := bob.Type("1"); err != nil {
		t.Fatal(err)
	}
	f.waitState("Bob's second answer", func(s workshop.State) bool { return answered(s, "Bob") == 2 })

	// She comes back under the same name (other case and spacing) and
	// carries on at the fourth question.
	again := f.join("ADA", "")
	if !again.WaitFor("Welcome back: 3 of", wait) {
		t.Fatalf("no welcome back: %q", again.Text())
	}
	if err := again.Type("4"); err != nil {
		t.Fatal(err)
	}
	s := f.waitState("four answers", func(s workshop.State) bool { return answered(s, "Ada") == 4 })
	if len(s.Participants) != 2 {
		t.Fatalf("participants = %d; want Ada once and Bob", len(s.Participants))
	}
	a, _, err := assessment.Load(f.dir+"/drafts/ada.json", f.q)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []int{1, 2, 3, 4} {
		got := a.Answers[f.q.Questions[i].ID].Level
		if got == nil || *got != want {
			t.Errorf("question %d: level %v; want %d", i, got, want)
		}
	}
}

func TestKeyBoundName(t *testing.T) {
	key := newKey(t)
	f := start(t, func(c *workshop.ServerConfig) { c.AuthorizedKeys = []gossh.PublicKey{key.PublicKey()} })
	c, err := f.dial(gossh.PublicKeys(key))
	if err != nil {
		t.Fatal(err)
	}
	term, err := shellOf(c)
	if err != nil {
		t.Fatal(err)
	}
	term.WaitFor("Join the workshop", wait)
	term.Type("Keyholder\r\r")
	f.waitState("Keyholder", func(s workshop.State) bool { return len(s.Participants) == 1 && s.Participants[0].Connected })
	term.Close()
	f.waitState("Keyholder away", func(s workshop.State) bool { return !s.Participants[0].Connected })
	// Someone with the code cannot take over the name of a key holder.
	imp := f.terminal()
	imp.WaitFor("Join the workshop", wait)
	imp.Type("keyholder\r\r")
	if !imp.WaitFor("joined with another key", wait) {
		t.Fatalf("the code took over a key holder's name: %q", imp.Text())
	}
}

func TestKillAndResume(t *testing.T) {
	f := start(t, nil)
	people := map[string]string{"Ada": "4321", "Bob": "0123", "Chloe": "22"}
	for name, keys := range people {
		term := f.join(name, "")
		if err := term.Type(keys); err != nil {
			t.Fatal(err)
		}
	}
	f.waitState("all answers", func(s workshop.State) bool {
		for name, keys := range people {
			if answered(s, name) != len(keys) {
				return false
			}
		}
		return true
	})
	before := f.w.State()

	// The server dies: connections cut, the workshop object gone.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	_ = f.srv.Shutdown(ctx)
	cancel()

	w, err := workshop.Open(workshop.Config{Questionnaire: f.q, Dir: f.dir, Resume: true, Tool: "dgmaturity test", Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	after := w.State()
	if len(after.Participants) != 3 {
		t.Fatalf("resumed with %d participants; want 3", len(after.Participants))
	}
	for i, p := range after.Participants {
		if p.Connected {
			t.Errorf("%s is connected after a restart", p.Name)
		}
		if b := before.Participants[i]; p.Name != b.Name || p.Answered != b.Answered {
			t.Errorf("participant %d: %s with %d answers; want %s with %d (in the order they joined)", i, p.Name, p.Answered, b.Name, b.Answered)
		}
	}
	for i := range before.Questions {
		if !equalDist(before.Questions[i].Dist, after.Questions[i].Dist) {
			t.Errorf("question %s: distribution %+v after the restart; want %+v", before.Questions[i].ID, after.Questions[i].Dist, before.Questions[i].Dist)
		}
	}
	// The resumed server takes Bob back where he was.
	f.w = w
	f.serve()
	bob := f.join("Bob", "")
	if !bob.WaitFor("Welcome back: 4 of", wait) {
		t.Fatalf("Bob was not taken back: %q", bob.Text())
	}
}

func equalDist(a, b workshop.Distribution) bool {
	if a.DontKnow != b.DontKnow || a.NA != b.NA || len(a.Levels) != len(b.Levels) {
		return false
	}
	for i := range a.Levels {
		if a.Levels[i] != b.Levels[i] {
			return false
		}
	}
	return true
}

func TestStartRefusesAnExistingWorkshop(t *testing.T) {
	f := start(t, nil)
	_, err := workshop.Open(workshop.Config{Questionnaire: f.q, Dir: f.dir, Tool: "t",
		Organisation: assessment.Organisation{Name: "Other", Type: "agency"}})
	if err == nil || !strings.Contains(err.Error(), "--resume") {
		t.Fatalf("err = %v; want a refusal pointing to --resume", err)
	}
}

func TestSizedToTheTerminalAndItsColours(t *testing.T) {
	f := start(t, nil)
	dial := func(term string, env ...string) *sshtest.Terminal {
		c, err := f.dial(gossh.Password(f.code))
		if err != nil {
			t.Fatal(err)
		}
		s, err := sshtest.ShellEnv(c, 80, 24, term, env...)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(s.Close)
		if !s.WaitFor("Join the workshop", wait) {
			t.Fatalf("no join screen: %q", s.Text())
		}
		return s
	}
	colour := regexp.MustCompile(`\x1b\[[0-9;]*(38|48);[25];`)

	rich := dial("xterm-256color")
	rich.Type("Rich\r\r")
	if !rich.WaitFor(fmt.Sprintf(" of %d", len(f.q.Questions)), wait) {
		t.Fatal("no question screen")
	}
	if !colour.Match(rich.Output()) {
		t.Error("an xterm-256color client got no colour")
	}
	// 80 columns: no area sidebar; widened to 120, it appears.
	if strings.Contains(rich.Text(), "Answered 0 of") {
		t.Fatal("the sidebar is drawn at 80 columns")
	}
	if err := rich.Resize(120, 30); err != nil {
		t.Fatal(err)
	}
	if !rich.WaitFor("Answered 0 of", wait) {
		t.Errorf("the screen did not follow the resize to 120 columns: %q", rich.Text())
	}

	plain := dial("xterm-256color", "NO_COLOR=1")
	plain.Type("Plain\r\r")
	if !plain.WaitFor(fmt.Sprintf(" of %d", len(f.q.Questions)), wait) {
		t.Fatal("no question screen")
	}
	if m := colour.Find(plain.Output()); m != nil {
		t.Errorf("a NO_COLOR client got colour: %q", m)
	}
}

func TestPauseEndsSessionsAndKeepsAnswers(t *testing.T) {
	f := start(t, nil)
	ada := f.join("Ada", "")
	ada.Type("3")
	f.waitState("Ada's answer", func(s workshop.State) bool { return answered(s, "Ada") == 1 })
	f.w.Pause()
	<-ada.Done()
	if !strings.Contains(ada.Text(), "paused the workshop; your answers are saved") {
		t.Errorf("Ada was not told of the pause: %q", ada.Text())
	}
	late := f.terminal()
	if !late.WaitFor("closed or paused", wait) {
		t.Errorf("a session opened during the pause: %q", late.Text())
	}
	a, _, err := assessment.Load(f.dir+"/drafts/ada.json", f.q)
	if err != nil || len(a.Answers) != 1 {
		t.Fatalf("draft after the pause: %v, %v", a, err)
	}
}

func TestNamesInOtherScriptsGetTheirOwnDrafts(t *testing.T) {
	f := start(t, nil)
	f.join("李华", "")
	f.join("Ελένη", "")
	s := f.waitState("two", func(s workshop.State) bool { return len(s.Participants) == 2 })
	if s.Participants[0].Name != "李华" || s.Participants[1].Name != "Ελένη" {
		t.Fatalf("participants %+v", s.Participants)
	}
	for _, name := range []string{"participant.json", "participant-2.json"} {
		if _, _, err := assessment.Load(f.dir+"/drafts/"+name, f.q); err != nil {
			t.Error(err)
		}
	}
}
