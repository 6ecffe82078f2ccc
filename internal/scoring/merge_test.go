package scoring

import (
	"testing"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
)

func TestMerge(t *testing.T) {
	q := testQuestionnaire()
	dk := assessment.Answer{DontKnow: true}
	na := func(reason string) assessment.Answer { return assessment.Answer{NA: reason} }
	lc := func(l int, comment string) assessment.Answer { return assessment.Answer{Level: &l, Comment: comment} }
	none := assessment.Answer{}
	L := assessment.Lvl

	// Each case is what the respondents, in order, said to CTX-01 (none =
	// left open); wantOK false means no consolidated answer and no spread.
	tests := []struct {
		name    string
		said    []assessment.Answer
		want    assessment.Answer
		min     int
		max     int
		wantOK  bool
		wantSay []assessment.Answer // the spread's responses when not simply said
	}{
		// Sorted 1 3 4: the middle one is 3.
		{"odd count", []assessment.Answer{L(4), L(1), L(3)}, L(3), 1, 4, true, nil},
		// 1 2: the two middle levels are 1 and 2; a tie rounds down → 1.
		{"even count rounds down", []assessment.Answer{L(2), L(1)}, L(1), 1, 2, true, nil},
		// Sorted 0 2 3 4: middles 2 and 3 → 2.
		{"even of four", []assessment.Answer{L(3), L(0), L(4), L(2)}, L(2), 0, 4, true, nil},
		{"all don't know", []assessment.Answer{dk, dk}, dk, -1, -1, true, nil},
		// Levels 2 3 (don't know set aside): lower middle 2.
		{"don't know and levels", []assessment.Answer{dk, L(3), L(2)}, L(2), 2, 3, true, nil},
		// Some N/A, one level: the level.
		{"mixed N/A", []assessment.Answer{na("no board"), L(3)}, L(3), 3, 3, true, nil},
		// Everyone N/A: the distinct reasons in order.
		{"all N/A", []assessment.Answer{na("no services"), na("outsourced"), na("no services")},
			na("no services; outsourced"), -1, -1, true, nil},
		// No level, N/A not unanimous: don't know.
		{"don't know and N/A", []assessment.Answer{na("x"), dk}, dk, -1, -1, true, nil},
		// One left it open: the others decide; the open one keeps its place.
		{"someone left it open", []assessment.Answer{none, L(2)}, L(2), 2, 2, true, nil},
		{"nobody answered", []assessment.Answer{none, none}, none, 0, 0, false, nil},
		// Comments stay in the spread, not in the consolidated answer.
		{"comments", []assessment.Answer{lc(2, "we think so"), lc(4, "surely")}, L(2), 2, 4, true, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var in []map[string]assessment.Answer
			for _, a := range tt.said {
				m := map[string]assessment.Answer{"NOPE-01": L(1)} // unknown id: ignored
				if a.Answered() || a.Comment != "" {
					m["CTX-01"] = a
				}
				in = append(in, m)
			}
			merged, spread := Merge(q, in)
			got, ok := merged["CTX-01"]
			sp, spOK := spread["CTX-01"]
			if ok != tt.wantOK || spOK != tt.wantOK {
				t.Fatalf("merged present %v, spread present %v, want %v", ok, spOK, tt.wantOK)
			}
			if len(merged) > 1 || len(spread) > 1 {
				t.Errorf("merged %v spread %v: only CTX-01 expected", merged, spread)
			}
			if !ok {
				return
			}
			if d := diff(tt.want, got); d != "" {
				t.Errorf("merged (-want +got):\n%s", d)
			}
			wantSpread := assessment.Spread{Min: tt.min, Max: tt.max, Responses: tt.said}
			if d := diff(wantSpread, sp); d != "" {
				t.Errorf("spread (-want +got):\n%s", d)
			}
		})
	}
}

func TestMergeWhole(t *testing.T) {
	q := testQuestionnaire()
	a := answersA()
	b := map[string]assessment.Answer{"CTX-01": assessment.Lvl(2), "DATA-04": assessment.Lvl(1)}
	merged, spread := Merge(q, []map[string]assessment.Answer{a, b})
	// CTX-01: 4 and 2 → 2. CTX-02: only a, level 1, comment dropped.
	// CTX-03: only a, N/A. DATA-01: only a, don't know. DATA-04: only b → 1.
	want := map[string]assessment.Answer{
		"CTX-01":  assessment.Lvl(2),
		"CTX-02":  assessment.Lvl(1),
		"CTX-03":  {NA: "we have no board"},
		"DATA-01": {DontKnow: true},
		"DATA-02": assessment.Lvl(4),
		"DATA-03": assessment.Lvl(2),
		"DATA-04": assessment.Lvl(1),
	}
	if d := diff(want, merged); d != "" {
		t.Errorf("merged (-want +got):\n%s", d)
	}
	if len(spread) != 7 {
		t.Errorf("spread has %d questions, want 7", len(spread))
	}
	if got := spread["CTX-02"].Responses; len(got) != 2 || got[0].Comment == "" || got[1].Answered() {
		t.Errorf("CTX-02 responses = %+v, want a's commented answer then an empty one", got)
	}
	// Merge of nobody.
	if m, s := Merge(q, nil); len(m) != 0 || len(s) != 0 {
		t.Errorf("Merge(nil) = %v, %v", m, s)
	}
}

// TestConsolidate checks the consolidated assessment's frame: the first
// file's organisation with an id only a later file gives, the latest date,
// every respondent and the merged answers.
func TestConsolidate(t *testing.T) {
	q := testQuestionnaire()
	var set assessment.MergeSet
	for _, f := range []struct {
		who, date, id string
		level         int
	}{{"Anne", "2026-03-01", "", 1}, {"Bob", "2026-03-03", "REG-1", 3}, {"Anne", "2026-03-02", "", 2}} {
		a := assessment.New(q, assessment.Organisation{Name: "Ministry", ID: f.id}, assessment.Respondent{Name: f.who}, f.date, "en", "test")
		a.Answers["CTX-01"] = assessment.Lvl(f.level)
		if err := set.Add(f.who+f.date+".json", a); err != nil {
			t.Fatal(err)
		}
	}
	c, repeats := Consolidate(q, &set, "fr", "dgmaturity test")
	if c.Date != "2026-03-03" || c.Organisation.ID != "REG-1" || c.Language != "fr" || len(c.Respondents) != 3 {
		t.Errorf("consolidated %s, id %q, language %s, %d respondents; want 2026-03-03, REG-1, fr, 3", c.Date, c.Organisation.ID, c.Language, len(c.Respondents))
	}
	if l := c.Answers["CTX-01"].Level; l == nil || *l != 2 || len(c.Spread["CTX-01"].Responses) != 3 {
		t.Errorf("CTX-01 %+v, spread %+v; want the median 2 of 3 responses", c.Answers["CTX-01"], c.Spread["CTX-01"])
	}
	if len(repeats) != 1 || repeats[0].Name != "Anne" {
		t.Errorf("repeats %+v; want Anne once", repeats)
	}
}
