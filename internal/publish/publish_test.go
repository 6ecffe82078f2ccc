package publish

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

func TestWriteNamesTheFiles(t *testing.T) {
	q := questionnaire.Default()
	a := assessment.New(q, assessment.Organisation{Name: "Example Agency", Type: "agency"}, assessment.Respondent{Name: "A"}, "2026-03-01", "en", "")
	for _, qu := range q.Questions {
		a.Answers[qu.ID] = assessment.Lvl(2)
	}
	dir := filepath.Join(t.TempDir(), "out")
	p, err := Write(dir, q, a, "dgmaturity test", Options{Name: "example-agency-2026-03-01-consolidated"})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{p.Assessment, p.Report, p.Chart} {
		if filepath.Dir(f) != dir || filepath.Base(f)[:len("example-agency-2026-03-01-consolidated")] != "example-agency-2026-03-01-consolidated" {
			t.Errorf("written %s; want it in %s under the given name", f, dir)
		}
		if _, err := os.Stat(f); err != nil {
			t.Error(err)
		}
	}
	if _, _, err := assessment.Load(p.Assessment, q); err != nil {
		t.Errorf("the written assessment does not load: %v", err)
	}
	for _, bad := range []string{"../x", "a/b", ".", ".."} {
		if _, err := Write(dir, q, a, "t", Options{Name: bad}); err == nil {
			t.Errorf("Write accepted the name %q", bad)
		}
	}
}

// TestWriteRefusesOtherRespondent: two respondents of one organisation on
// one day share a file name; the second must not erase the first.
func TestWriteRefusesOtherRespondent(t *testing.T) {
	q := questionnaire.Default()
	dir := t.TempDir()
	answer := func(name string) *assessment.Assessment {
		a := assessment.New(q, assessment.Organisation{Name: "Example Agency", Type: "agency"}, assessment.Respondent{Name: name}, "2026-03-01", "en", "")
		a.Answers[q.Questions[0].ID] = assessment.Lvl(1)
		return a
	}
	first, err := Write(dir, q, answer("Alice"), "t", Options{})
	if err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(first.Assessment)
	if _, err := Write(dir, q, answer("Alice"), "t", Options{}); err != nil {
		t.Fatalf("rewriting one's own assessment refused: %v", err)
	}
	_, err = Write(dir, q, answer("Bob"), "t", Options{})
	if !input.IsBad(err) || !strings.Contains(err.Error(), "Alice") {
		t.Fatalf("err = %v, want a usage error naming Alice", err)
	}
	after, _ := os.ReadFile(first.Assessment)
	if string(before) != string(after) {
		t.Error("Alice's assessment was changed")
	}
}

// TestWriteReturnsWhatItWrote: the scores and the Markdown report come
// back with the paths, the report as it is in its file, so that the
// interactive run neither scores again nor reads the file back.
func TestWriteReturnsWhatItWrote(t *testing.T) {
	q := questionnaire.Default()
	a := assessment.New(q, assessment.Organisation{Name: "Example Agency", Type: "agency"}, assessment.Respondent{Name: "A"}, "2026-03-01", "en", "")
	a.Answers[q.Questions[0].ID] = assessment.Lvl(3)
	p, err := Write(t.TempDir(), q, a, "t", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if md, err := os.ReadFile(p.Report); err != nil || string(md) != string(p.Markdown) {
		t.Errorf("Markdown is not the report written (%v)", err)
	}
	if p.Result == nil || p.Result.Overall.Value != a.Scores.Overall {
		t.Errorf("Result = %+v, want the scores stored in the assessment", p.Result)
	}
	p, err = Write(t.TempDir(), q, a, "t", Options{Formats: Formats{HTML: true}})
	if err != nil {
		t.Fatal(err)
	}
	if p.Report != "" || p.Markdown != nil || p.Result == nil {
		t.Errorf("HTML only: Report %q, %d bytes of Markdown, Result %v; want no Markdown report and the scores", p.Report, len(p.Markdown), p.Result)
	}
}
