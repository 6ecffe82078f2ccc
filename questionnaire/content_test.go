package questionnaire

import (
	"strings"
	"testing"
)

// TestDefaultContent asserts the properties the default instrument
// promises its users (issue 2): enough questions in every area, every
// principle carried widely, five observable levels per question, and a
// recommendation catalogue that covers every seed recommendation, principle
// and area.
func TestDefaultContent(t *testing.T) {
	// singleArea names the principles whose constructs all belong to one
	// area, and why. Tagging questions of other areas with them only to
	// spread them would be the spurious tags the review of 1.0.0 found.
	singleArea := map[string]string{
		"P9": "business cases, benefits, life-cycle costs and pilots are policy levers",
	}
	q := Default()
	if n := len(q.Questions); n < 48 {
		t.Errorf("%d questions, want at least 48", n)
	}
	perArea := map[string]int{}
	principleQuestions := map[string]int{}
	principleAreas := map[string]map[string]bool{}
	for _, qu := range q.Questions {
		perArea[qu.Area]++
		for _, p := range qu.Principles {
			principleQuestions[p]++
			if principleAreas[p] == nil {
				principleAreas[p] = map[string]bool{}
			}
			principleAreas[p][qu.Area] = true
		}
		if len(qu.Levels) != 5 {
			t.Errorf("%s has %d levels, want 5", qu.ID, len(qu.Levels))
		}
		if !strings.HasSuffix(strings.TrimSpace(qu.Text), "?") {
			t.Errorf("%s: the text is not a question: %q", qu.ID, qu.Text)
		}
		for l, s := range qu.Levels {
			if len(s) > 250 {
				t.Errorf("%s level %d is %d characters; keep level statements short", qu.ID, l, len(s))
			}
		}
		if qu.Help == "" || qu.Evidence == "" {
			t.Errorf("%s lacks help or evidence", qu.ID)
		}
	}
	for _, a := range q.Areas {
		if perArea[a.ID] < 10 {
			t.Errorf("area %s has %d questions, want at least 10", a.ID, perArea[a.ID])
		}
	}
	if len(q.Principles) != 12 || len(q.Areas) != 4 || len(q.Pillars) != 3 {
		t.Fatalf("structure: %d principles, %d areas, %d pillars; want 12, 4, 3", len(q.Principles), len(q.Areas), len(q.Pillars))
	}
	for _, p := range q.Principles {
		if principleQuestions[p.ID] < 3 {
			t.Errorf("principle %s is carried by %d questions, want at least 3", p.ID, principleQuestions[p.ID])
		}
		if len(principleAreas[p.ID]) < 2 && singleArea[p.ID] == "" {
			t.Errorf("principle %s is present in %d areas, want at least 2", p.ID, len(principleAreas[p.ID]))
		}
	}

	// The catalogue: every seed recommendation (22 in the review's four
	// lists) turned into at least one entry; every principle and area served.
	if len(q.Sources) != 22 {
		t.Errorf("%d seed recommendations, want the review's 22", len(q.Sources))
	}
	sourced := map[string]int{}
	recPrinciples := map[string]bool{}
	recAreas := map[string]bool{}
	for _, r := range q.Recommendations {
		if r.Source != "" {
			sourced[r.Source]++
		}
		for _, p := range r.Principles {
			recPrinciples[p] = true
		}
		recAreas[r.Area] = true
		if n := len(r.Steps); n < 4 || n > 8 {
			t.Errorf("%s has %d steps, want 4 to 8", r.ID, n)
		}
		for _, s := range r.Steps {
			if n := len(s.Text); n > 400 {
				t.Errorf("%s: a level-%d step is %d characters; keep each step one concrete action", r.ID, s.Level, n)
			}
		}
	}
	for _, s := range q.Sources {
		if sourced[s.ID] == 0 {
			t.Errorf("seed recommendation %s (%s) is not turned into any recommendation", s.ID, s.Text)
		}
	}
	for _, p := range q.Principles {
		if !recPrinciples[p.ID] {
			t.Errorf("no recommendation serves principle %s", p.ID)
		}
	}
	for _, a := range q.Areas {
		if !recAreas[a.ID] {
			t.Errorf("no recommendation in area %s", a.ID)
		}
	}
	na := 0
	for _, qu := range q.Questions {
		if qu.NA {
			na++
		}
	}
	if na > len(q.Questions)/4 {
		t.Errorf("%d questions allow \"not applicable\"; keep it to those where it can truly be so", na)
	}
}
