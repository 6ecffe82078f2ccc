package reports

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/scoring"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// workshopSample is a consolidated assessment of three respondents whose
// answers follow fixed patterns: agreement, gaps of one to four levels,
// don't know, not applicable against a level, and a question one of them
// left open.
func workshopSample(t testing.TB, people []assessment.Respondent) (*questionnaire.Questionnaire, *assessment.Assessment) {
	t.Helper()
	q := questionnaire.Default()
	answers := make([]map[string]assessment.Answer, len(people))
	for r := range answers {
		answers[r] = map[string]assessment.Answer{}
	}
	for i, qu := range q.Questions {
		base := 1 + i%3
		for r := range people {
			var a assessment.Answer
			switch {
			case i%11 == 0 && r == 2:
				a.DontKnow = true
			case i%13 == 5 && r == 1:
				continue // left open
			case qu.NA && r == 0:
				a.NA = "We run no such service."
			case i%7 == 3:
				// Wide disagreement: 0, 2, 4.
				a = assessment.Lvl(min(4, 2*r))
			case i%5 == 1:
				a = assessment.Lvl(min(4, base+r))
			default:
				a = assessment.Lvl(base)
			}
			if (i+r)%9 == 0 {
				a.Comment = people[r].Name + " on " + qu.ID + ": it depends on the unit."
			}
			answers[r][qu.ID] = a
		}
	}
	// Everyone says don't know to DATA-02.
	for r := range answers {
		answers[r]["DATA-02"] = assessment.Answer{DontKnow: true}
	}
	merged, spread := scoring.Merge(q, answers)
	a := assessment.New(q, assessment.Organisation{Name: "Ministry of Examples", Type: "ministry"}, assessment.Respondent{}, "2026-03-02", "en", "dgmaturity test")
	a.Respondents = people
	a.Answers = merged
	a.Spread = spread
	a.Complete = true
	return q, a
}

var workshopPeople = []assessment.Respondent{
	{Name: "Anne Schmit", Role: "Digital lead"},
	{Name: "Bob Kieffer", Role: "Head of IT"},
	{Name: "Chloé Weber", Role: "Data officer"},
}

func TestWorkshopGolden(t *testing.T) {
	q, a := workshopSample(t, workshopPeople)
	var b1, b2 bytes.Buffer
	if err := Workshop(&b1, q, a, WorkshopOptions{ReportFile: "ministry-of-examples-2026-03-02-consolidated.md"}); err != nil {
		t.Fatal(err)
	}
	if err := Workshop(&b2, q, a, WorkshopOptions{ReportFile: "ministry-of-examples-2026-03-02-consolidated.md"}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
		t.Fatal("two renderings of one assessment differ")
	}
	golden(t, "workshop.md.golden", b1.Bytes())

	md := b1.String()
	agenda := md[strings.Index(md, "## Discussion agenda"):strings.Index(md, "## Applicability to settle")]
	// The widest gap first: questions with i%7 == 3 are 0, 2, 4 apart (4
	// levels) unless someone said don't know; the fourth question of the
	// instrument is the first of them.
	fourth := q.Questions[3].ID
	if first := strings.Index(agenda, "### 1. "); first < 0 || !strings.HasPrefix(agenda[first:], "### 1. "+fourth+": 4 levels apart (0 to 4)") {
		t.Errorf("the agenda does not open with %s, 4 levels apart:\n%.300s", fourth, agenda[max(first, 0):])
	}
	// Don't know is shown as such and not counted in a gap: DATA-02 (all
	// don't know) is not on the agenda.
	if strings.Contains(agenda, "DATA-02") {
		t.Error("DATA-02, where everyone said don't know, is on the agenda")
	}
	if !strings.Contains(md, "| DATA-02 | ? | – | ? | ? | ? |") {
		t.Error("the consensus table does not show DATA-02 as ? everywhere")
	}
}

func TestWorkshopAgendaOrder(t *testing.T) {
	q, a := workshopSample(t, workshopPeople)
	var b bytes.Buffer
	if err := Workshop(&b, q, a, WorkshopOptions{}); err != nil {
		t.Fatal(err)
	}
	md := b.String()
	agenda := md[strings.Index(md, "## Discussion agenda"):strings.Index(md, "## Applicability to settle")]
	prevGap, prevID := 5, ""
	items := 0
	for _, line := range strings.Split(agenda, "\n") {
		if !strings.HasPrefix(line, "### ") {
			continue
		}
		items++
		var n, gap, lo, hi int
		var id string
		// "### 3. DATA-05: 2 levels apart (1 to 3)"
		fields := strings.Fields(strings.NewReplacer(":", " ", "(", " ", ")", " ", ".", " ").Replace(line))
		if len(fields) < 9 {
			t.Fatalf("agenda heading %q", line)
		}
		id = fields[2]
		for _, x := range []struct {
			s string
			v *int
		}{{fields[1], &n}, {fields[3], &gap}, {fields[6], &lo}, {fields[8], &hi}} {
			if _, err := fmt.Sscan(x.s, x.v); err != nil {
				t.Fatalf("agenda heading %q: %v", line, err)
			}
		}
		if gap < AgendaGap || gap != hi-lo {
			t.Errorf("%s: gap %d from %d to %d", id, gap, lo, hi)
		}
		if gap > prevGap || (gap == prevGap && id < prevID) {
			t.Errorf("%s (gap %d) comes after %s (gap %d)", id, gap, prevID, prevGap)
		}
		prevGap, prevID = gap, id
	}
	if items == 0 {
		t.Fatal("empty agenda")
	}
}

// TestWorkshopHostileText renders names, roles, comments and reasons that
// try to break out of Markdown, through a real renderer.
func TestWorkshopHostileText(t *testing.T) {
	evil := "Evil | Corp\n# Owned `code` <script>alert(1)</script> <img src=x onerror=alert(2)>"
	people := []assessment.Respondent{{Name: evil, Role: evil}, {Name: "B", Role: evil}, {Name: evil + "2"}}
	q, a := workshopSample(t, people)
	a.Organisation.Name = evil
	for id, sp := range a.Spread {
		for i := range sp.Responses {
			if sp.Responses[i].Answered() {
				sp.Responses[i].Comment = evil
			}
			if sp.Responses[i].NA != "" {
				sp.Responses[i].NA = evil
			}
		}
		a.Spread[id] = sp
	}
	var md, html bytes.Buffer
	if err := Workshop(&md, q, a, WorkshopOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert(md.Bytes(), &html); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"<script", "<img src=x", "<h1>Owned", "<h2>Owned", "<code>code</code>"} {
		if strings.Contains(html.String(), bad) {
			t.Errorf("rendered workshop report contains %q", bad)
		}
	}
	for _, line := range strings.Split(md.String(), "\n") {
		if strings.HasPrefix(line, "#") && strings.Contains(line, "Owned") && !strings.HasPrefix(line, "# Workshop: ") {
			t.Errorf("user text started a heading: %q", line)
		}
	}
}

func TestWorkshopRefusesBrokenSpread(t *testing.T) {
	q, a := workshopSample(t, workshopPeople)
	a.Respondents = a.Respondents[:2]
	if err := Workshop(&bytes.Buffer{}, q, a, WorkshopOptions{}); err == nil {
		t.Error("a spread of 3 responses for 2 respondents was accepted")
	}
}
