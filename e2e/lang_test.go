package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// TestInteractiveInGerman runs `LANG=de_LU.UTF-8 dgmaturity` from the form
// to the report preview: every screen in German, the assessment records
// "de", and the report is German.
func TestInteractiveInGerman(t *testing.T) {
	t.Parallel()
	start := time.Now()
	q := questionnaire.Default()
	home, state, out := t.TempDir(), t.TempDir(), t.TempDir()
	env := append(testEnv(home, state), "LANG=de_LU.UTF-8")
	s := startSession(t, env, start.Add(60*time.Second), "--out", out)

	s.waitText("Neue Bewertung", "┃ Organisation (Pflichtfeld)")
	s.press(orgName)
	s.waitText(orgName)
	s.press(keyEnter)
	s.waitText("┃ Art der Organisation", "┃ ← Ministerium →")
	s.press(keyEnter)
	s.waitText("┃ Ihr Name")
	s.press(keyEnter)
	s.waitText("┃ Ihre Funktion")
	s.press(keyEnter)
	s.waitText("┃ Sprache", "┃ ← Deutsch →")
	s.press(keyEnter)
	for i := range q.Questions {
		s.waitText(fmt.Sprintf("%s · Frage %d von %d", q.Questions[i].ID, i+1, len(q.Questions)))
		s.press("2")
	}
	// Every question answered: the review lists every answer.
	s.waitText("Übersicht", "[ Alle Antworten (52) ]")
	s.press("f")
	s.waitText("Ziele", "s überspringen")
	s.press(keyEnter)
	s.waitText("Reifegrad: In Entwicklung", "Ergebnisse", "Geschriebene Dateien")
	s.press(keyTab)
	s.waitText("[ Berichtsvorschau ]", "Reife der digitalen Verwaltung")
	s.press("q")
	if code := s.wait(); code != 0 {
		t.Fatalf("exit code %d; output:\n%s", code, s.Screen())
	}
	files, _ := filepath.Glob(filepath.Join(out, "*.json"))
	if len(files) != 1 {
		t.Fatalf("assessment files %v", files)
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	var a struct{ Language string }
	if err := json.Unmarshal(data, &a); err != nil || a.Language != "de" {
		t.Errorf("assessment language %q, %v; want de", a.Language, err)
	}
	md, _ := filepath.Glob(filepath.Join(out, "*.md"))
	report, _ := os.ReadFile(md[0])
	if !regexp.MustCompile(`(?m)^## Zusammenfassung`).Match(report) {
		t.Errorf("the report is not German:\n%.400s", report)
	}
}
