package workshop_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	gossh "golang.org/x/crypto/ssh"

	"github.com/dgmaturity/dgmaturity/internal/locale"
	"github.com/dgmaturity/dgmaturity/internal/workshop"
	"github.com/dgmaturity/dgmaturity/internal/workshop/sshtest"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// englishWord finds the English words of the workshop's messages that no
// French text of them uses.
var englishWord = regexp.MustCompile(`\b(the|The|is|full|Please|tell|facilitator|closed|paused|answers|saved|Thank|you|Join|joined|connected|Host|key|Questions|Agenda|People|NA|someone|name|Type|gave|workshop|Workshop|move|reveal|stop)\b`)

// noEnglish fails when s holds an English word.
func noEnglish(t *testing.T, what, s string) {
	t.Helper()
	if w := englishWord.FindString(s); w != "" {
		t.Errorf("%s has the English word %q:\n%s", what, w, s)
	}
}

// TestFrenchWorkshop serves a workshop started in French over loopback
// SSH: the join prompt, the refusals, the join errors, the facilitator's
// screen and the goodbye are all in French.
func TestFrenchWorkshop(t *testing.T) {
	f := startIn(t, "fr", func(c *workshop.ServerConfig) { c.Max = 1 })

	// ssh's prompt for the code.
	var prompt []string
	c, err := f.dial(gossh.KeyboardInteractive(func(name, instruction string, questions []string, _ []bool) ([]string, error) {
		prompt = append([]string{name, instruction}, questions...)
		return []string{f.code}, nil
	}))
	if err != nil {
		t.Fatalf("dial: %v", err)
	}
	want := []string{"atelier dgmaturity", "Saisissez le code d'accès que l'animateur ou l'animatrice vous a donné.", "Code d'accès\u00a0: "}
	if fmt.Sprint(prompt) != fmt.Sprint(want) {
		t.Errorf("the code prompt is %q; want %q", prompt, want)
	}

	// A session without a terminal is refused in French.
	t.Run("no terminal", func(t *testing.T) {
		msg, _ := shellWithoutTerminal(t, c)
		if !strings.Contains(msg, "Cet atelier a besoin d'un terminal interactif") {
			t.Errorf("refusal %q; want it in French", msg)
		}
		noEnglish(t, "the refusal", msg)
	})

	// Ada joins on French screens and answers one question.
	ada, err := sshtest.Shell(c, 100, 30)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(ada.Close)
	if !ada.WaitFor("Rejoindre l'atelier", wait) {
		t.Fatalf("no French join screen; got %q", ada.Text())
	}
	if err := ada.Type("Ada\r\r"); err != nil {
		t.Fatal(err)
	}
	if !ada.WaitFor(fmt.Sprintf("Question 1 sur %d", len(f.q.Questions)), wait) {
		t.Fatalf("no French question screen; got %q", ada.Text())
	}
	if err := ada.Type("2"); err != nil {
		t.Fatal(err)
	}
	f.waitState("Ada's answer", func(s workshop.State) bool { return answered(s, "Ada") == 1 })

	// The workshop holds one: the next is told it is full.
	full := f.terminal()
	if !full.WaitFor("L'atelier est complet (1 personne).", wait) {
		t.Errorf("the next participant was not told in French that the workshop is full; got %q", full.Text())
	}
	<-full.Done()
	noEnglish(t, "the full workshop's message", full.Text())

	// Ada's name is taken while she is connected.
	_, _, err = f.w.Join(nil, "ada", "", "")
	if !errors.Is(err, workshop.ErrNameInUse) || !strings.HasPrefix(err.Error(), "une personne de ce nom est connectée") {
		t.Errorf("joining under a name in use: %v; want ErrNameInUse in French", err)
	}

	// The facilitator's screen.
	m := workshop.NewFacilitator(f.w, f.srv, workshop.FacilitatorInfo{Join: "ssh -p 2222 join@127.0.0.1", Code: f.code, Fingerprint: "SHA256:x", Dir: f.dir})
	mm, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 30})
	m = mm.(workshop.Facilitator)
	view := m.View().Content
	for _, want := range []string{"atelier dgmaturity", "Rejoindre\u00a0: ssh", "Clé d'hôte\u00a0: SHA256:x", "Ordre du jour (0)", "?:0  s.o.:0"} {
		if !strings.Contains(view, want) {
			t.Errorf("the facilitator's screen lacks %q:\n%s", want, view)
		}
	}
	noEnglish(t, "the facilitator's screen", strings.ReplaceAll(view, "ssh -p 2222 join@127.0.0.1", ""))
	if title := m.View().WindowTitle; title != "atelier dgmaturity" {
		t.Errorf("window title %q", title)
	}

	// Closing says goodbye in French; then the door says it is closed.
	if _, err := f.w.Close(func([]string, string) error { return nil }); err != nil {
		t.Fatal(err)
	}
	if !ada.WaitFor("L'atelier est clôturé\u00a0: vos réponses sont chez l'animateur ou l'animatrice. Merci.", wait) {
		t.Errorf("Ada was not thanked in French; got %q", lastLines(ada.Text()))
	}
	noEnglish(t, "the goodbye", lastLines(ada.Text()))
	late := f.terminal()
	if !late.WaitFor("L'atelier est clôturé ou mis en pause par l'animation.", wait) {
		t.Errorf("a participant after the close was not told in French; got %q", late.Text())
	}
	noEnglish(t, "the closed workshop's message", late.Text())
}

// TestFrenchCloseWithNoAnswers: closing a French workshop nobody answered
// in says why in French.
func TestFrenchCloseWithNoAnswers(t *testing.T) {
	f := startIn(t, "fr", nil)
	_, err := f.w.Close(func([]string, string) error { return nil })
	if err == nil || err.Error() != "clôture de l'atelier\u00a0: personne n'a encore répondu à une question, il n'y a donc rien à fusionner" {
		t.Errorf("close: %v; want the French reason", err)
	}
}

// lastLines is the end of a terminal's text, after its screens.
func lastLines(s string) string { return s[max(0, len(s)-300):] }

// TestResumeKeepsTheLanguage: a workshop records its language; resuming
// keeps it unless another is asked for, which is then recorded; a folder
// made before languages were recorded reads as English and is left as it
// is when resumed in English.
func TestResumeKeepsTheLanguage(t *testing.T) {
	f := startIn(t, "fr", nil)
	if lang, ok := workshop.LanguageOf(f.dir); !ok || lang != "fr" {
		t.Fatalf("LanguageOf = %q, %v; want fr", lang, ok)
	}
	resume := func(lang string) *workshop.Workshop {
		t.Helper()
		q, err := questionnaire.Default().Localized(lang)
		if err != nil {
			t.Fatal(err)
		}
		w, err := workshop.Open(workshop.Config{Questionnaire: q, Lang: lang, Dir: f.dir, Resume: true, Tool: "dgmaturity test", Now: testNow})
		if err != nil {
			t.Fatal(err)
		}
		return w
	}
	if w := resume(""); w.Meta().Language != "fr" || w.Printer().Tag() != locale.French {
		t.Errorf("resumed without a language: %q, %s; want fr", w.Meta().Language, w.Printer().Tag())
	}
	if w := resume("de"); w.Meta().Language != "de" || w.Printer().Tag() != locale.German {
		t.Errorf("resumed in German: %q, %s", w.Meta().Language, w.Printer().Tag())
	}
	if lang, _ := workshop.LanguageOf(f.dir); lang != "de" {
		t.Errorf("the new language was not recorded: %q", lang)
	}

	// A folder of before: no language.
	path := filepath.Join(f.dir, workshop.MetaFile)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	old := regexp.MustCompile(`\s*"language": "de",`).ReplaceAll(data, nil)
	if err := os.WriteFile(path, old, 0o644); err != nil {
		t.Fatal(err)
	}
	if lang, ok := workshop.LanguageOf(f.dir); !ok || lang != "en" {
		t.Errorf("LanguageOf an old folder = %q, %v; want en", lang, ok)
	}
	if w := resume("en"); w.Printer().Tag() != locale.English {
		t.Errorf("an old folder resumed in English speaks %s", w.Printer().Tag())
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, old) {
		t.Errorf("resuming an old folder in English rewrote %s:\n%s", workshop.MetaFile, now)
	}
}
