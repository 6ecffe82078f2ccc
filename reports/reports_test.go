package reports

import (
	"bytes"
	"encoding/xml"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	goldenfile "github.com/dgmaturity/dgmaturity/internal/golden"
	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/internal/scoring"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	goldenfile.Check(t, filepath.Join("testdata", name), got)
}

// sample loads an example answers file against the default instrument.
func sample(t testing.TB, name string) (*questionnaire.Questionnaire, *assessment.Assessment, *scoring.Result) {
	t.Helper()
	q := questionnaire.Default()
	a, err := assessment.LoadAnswers(filepath.Join("..", "examples", name), q, "2026-01-01")
	if err != nil {
		t.Fatal(err)
	}
	a.Tool = "dgmaturity test"
	a.Complete = true
	return q, a, scoring.ScoreAssessment(q, a, 0)
}

// TestMarkdownProgressGolden renders the ministry's report with progress
// since an earlier assessment in which every level was one lower, and with
// its own targets; and a report in which every target is met ("beyond your
// targets").
func TestMarkdownProgressGolden(t *testing.T) {
	q, a, r := sample(t, "ministry.yaml")
	prev := *a
	prev.Date = "2025-01-01"
	prev.Answers = map[string]assessment.Answer{}
	for id, ans := range a.Answers {
		if ans.Level != nil && *ans.Level > 0 {
			ans = assessment.Lvl(*ans.Level - 1)
		}
		prev.Answers[id] = ans
	}
	// One question went down since.
	prev.Answers["CTX-02"] = assessment.Lvl(4)
	pr := scoring.ScoreAssessment(q, &prev, 0)
	p := scoring.CompareResults(q, prev.Date, pr, r)
	var b bytes.Buffer
	if err := Markdown(&b, q, a, r, Options{ChartFile: "chart.svg", Progress: p}); err != nil {
		t.Fatal(err)
	}
	golden(t, "ministry-progress.md.golden", b.Bytes())

	met := *a
	met.Answers = map[string]assessment.Answer{}
	for id := range a.Answers {
		met.Answers[id] = assessment.Lvl(3)
	}
	met.Answers["DATA-05"] = assessment.Lvl(2)
	met.Targets = &assessment.Targets{Questions: map[string]int{"DATA-05": 2}, Areas: map[string]int{"services": 3}}
	b.Reset()
	if err := Markdown(&b, q, &met, scoring.ScoreAssessment(q, &met, 0), Options{}); err != nil {
		t.Fatal(err)
	}
	golden(t, "beyond.md.golden", b.Bytes())
}

func TestMarkdownGolden(t *testing.T) {
	for _, name := range []string{"ministry.yaml", "municipality.yaml"} {
		t.Run(name, func(t *testing.T) {
			q, a, r := sample(t, name)
			var b1, b2 bytes.Buffer
			if err := Markdown(&b1, q, a, r, Options{ChartFile: "chart.svg"}); err != nil {
				t.Fatal(err)
			}
			if err := Markdown(&b2, q, a, r, Options{ChartFile: "chart.svg"}); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
				t.Fatal("two renders of the same input differ")
			}
			golden(t, strings.TrimSuffix(name, ".yaml")+".md.golden", b1.Bytes())
		})
	}
}

func TestRadarSVG(t *testing.T) {
	q, a, r := sample(t, "ministry.yaml")
	var b bytes.Buffer
	if err := RadarSVG(&b, q, r, a.Organisation.Name+` <script>alert("x")</script> & co`); err != nil {
		t.Fatal(err)
	}
	// Well-formed XML, with the hostile title as text only.
	dec := xml.NewDecoder(bytes.NewReader(b.Bytes()))
	for {
		tok, err := dec.Token()
		if err != nil {
			if err.Error() != "EOF" {
				t.Fatalf("chart is not well-formed XML: %v", err)
			}
			break
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "script" {
			t.Fatal("a script element reached the chart")
		}
	}
	for _, p := range q.Principles {
		if !bytes.Contains(b.Bytes(), []byte(">"+p.ID+" ")) {
			t.Errorf("chart has no label for %s", p.ID)
		}
	}
	golden(t, "ministry.svg.golden", b.Bytes())
}

func TestEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Agency | Unit", `Agency \| Unit`},
		{"line one\nline two\r\nthree", "line one line two three"},
		{"use `rm -rf`", "use \\`rm -rf\\`"},
		{"# Heading", `\# Heading`},
		{"<script>alert(1)</script>", `\<script\>alert(1)\</script\>`},
		{`<img src=x onerror="alert(1)">`, `\<img src=x onerror="alert(1)"\>`},
		{"1. first", `1\. first`},
		{"- item", `\- item`},
		{"Ville d'Esch-sur-Alzette", "Ville d'Esch-sur-Alzette"},
		{"[link](javascript:alert(1))", `\[link\](javascript:alert(1))`},
		{"&lt;b&gt;", `\&lt;b\&gt;`},
	}
	for _, tt := range tests {
		if got := Escape(tt.in); got != tt.want {
			t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestHostileUserText renders a report whose every user field is hostile,
// through a real Markdown renderer (goldmark with tables, as GitHub), and
// checks that nothing became HTML, a heading or a broken table.
func TestHostileUserText(t *testing.T) {
	q, a, _ := sample(t, "ministry.yaml")
	evil := "Evil | Corp\n# Owned `code` <script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3))"
	a.Organisation.Name = evil
	a.Respondents = []assessment.Respondent{{Name: evil, Role: evil}}
	for id, ans := range a.Answers {
		if ans.Level != nil {
			ans.Comment = evil
			a.Answers[id] = ans
		}
	}
	a.Answers["SVC-12"] = assessment.Answer{NA: evil}
	r := scoring.Score(q, a.Answers)
	var md bytes.Buffer
	if err := Markdown(&md, q, a, r, Options{ChartFile: "c.svg", Warnings: []input.Msg{evilWarning(evil)}}); err != nil {
		t.Fatal(err)
	}
	var html bytes.Buffer
	gm := goldmark.New(goldmark.WithExtensions(extension.GFM))
	if err := gm.Convert(md.Bytes(), &html); err != nil {
		t.Fatal(err)
	}
	h := html.String()
	for _, bad := range []string{"<script", "<img src=x", "href=\"javascript:", "<h1>Owned", "<h2>Owned", "<code>code</code>"} {
		if strings.Contains(h, bad) {
			t.Errorf("rendered report contains %q", bad)
		}
	}
	// Our own headings are the only ones: no line of the Markdown starts
	// with '#' unless we wrote it.
	for _, line := range strings.Split(md.String(), "\n") {
		if strings.HasPrefix(line, "#") && strings.Contains(line, "Owned") && !strings.HasPrefix(line, "# Digital government maturity: ") {
			t.Errorf("user text started a heading: %q", line)
		}
	}
	// Every table row of the area table keeps its five cells.
	if n := strings.Count(h, "<h2>Scores by area</h2>"); n != 1 {
		t.Fatalf("area table heading found %d times", n)
	}
	if !strings.Contains(h, "Evil | Corp") && !strings.Contains(h, "Evil \\| Corp") {
		t.Errorf("the organisation name was lost from the rendered report")
	}
}

// A long organisation name makes a title that fits the chart on two lines
// instead of one clipped at both edges (issue 12, item 16).
func TestRadarTitleFitsTheChart(t *testing.T) {
	name := "Administration des services techniques de l'agriculture et du développement rural du pays"
	title := name + ": principle scores, 2026-03-01"
	lines := titleLines(title)
	if len(lines) != 2 || strings.Join(lines, " ") != title {
		t.Fatalf("title lines %q", lines)
	}
	for _, l := range lines {
		if titleWidth(l) > radarWidth-2*titleMargin {
			t.Errorf("line %q is wider than the chart", l)
		}
	}
	if got := titleLines("Short name: principle scores, 2026-03-01"); len(got) != 1 {
		t.Errorf("a short title was split: %q", got)
	}
}

// evilWarning is a warning that quotes hostile text from a file, as a
// stored recommendation id would be quoted.
func evilWarning(evil string) input.Msg {
	return input.M("input.warning.stored_recommendation", "ID", evil, "Questionnaire", "q", "Version", "1")
}
