package questionnaire

import (
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// retired lists, per release, the question ids of the previous release
// that it no longer asks, because their construct was dropped, split or
// merged (CHANGES.md says why, item by item). A retired id is never given
// to another question: the same id must mean the same construct in every
// release, or comparisons across years and carried answers would be wrong.
// Dropping a question from a release without listing it here fails
// TestStableIDs, so every retirement is a recorded decision.
var retired = map[string][]string{
	"1.1.0": {
		"CTX-03", "CTX-05", "CTX-06", "CTX-07", "CTX-11",
		"POL-03", "POL-05", "POL-12",
		"DATA-09", "DATA-10",
		"SVC-05", "SVC-08", "SVC-09",
	},
}

// retiredRecs is retired's counterpart for recommendation ids.
var retiredRecs = map[string][]string{
	"1.1.0": {
		"REC-CTX-04", "REC-CTX-05", "REC-CTX-06", "REC-CTX-10",
		"REC-DATA-07", "REC-DATA-08",
		"REC-POL-01", "REC-POL-02", "REC-POL-05", "REC-POL-11",
		"REC-SVC-08",
	},
}

// TestStableRecommendationIDs: a recommendation id dropped from a release
// is listed in retiredRecs and never comes back with another meaning.
func TestStableRecommendationIDs(t *testing.T) {
	all := Releases()
	gone := map[string]string{}
	for i := 1; i < len(all); i++ {
		prev, cur := all[i-1], all[i]
		in := map[string]bool{}
		for _, r := range cur.Recommendations {
			in[r.ID] = true
			if v, ok := gone[r.ID]; ok {
				t.Errorf("%s reuses %s, retired in %s", cur.Version, r.ID, v)
			}
		}
		var dropped []string
		for _, r := range prev.Recommendations {
			if !in[r.ID] {
				dropped = append(dropped, r.ID)
			}
		}
		slices.Sort(dropped)
		want := slices.Clone(retiredRecs[cur.Version])
		slices.Sort(want)
		if !slices.Equal(dropped, want) {
			t.Errorf("%s drops %v; retiredRecs says %v", cur.Version, dropped, want)
		}
		for _, id := range retiredRecs[cur.Version] {
			gone[id] = cur.Version
		}
	}
}

func TestReleases(t *testing.T) {
	all := Releases()
	if len(all) != len(releaseList) || len(all) < 2 {
		t.Fatalf("%d releases embedded, want every release of releaseList (%d)", len(all), len(releaseList))
	}
	if Default() != all[len(all)-1] {
		t.Error("Default() is not the newest release")
	}
	if Default().Version != "1.1.0" {
		t.Errorf("default version %s, want 1.1.0", Default().Version)
	}
	for i, q := range all {
		if i > 0 && !versionLess(all[i-1].Version, q.Version) {
			t.Errorf("release %s follows %s: releaseList must be oldest first", q.Version, all[i-1].Version)
		}
		got, ok := Release(q.ID, q.Version, strings.ToUpper(q.Hash()))
		if !ok || got != q {
			t.Errorf("Release(%s, %s, its hash) does not return the release", q.ID, q.Version)
		}
		if _, ok := Release(q.ID, q.Version, strings.Repeat("0", 64)); ok {
			t.Errorf("Release accepts an edited text of %s", q.Version)
		}
		if _, ok := Release("other-instrument", q.Version, q.Hash()); ok {
			t.Error("Release accepts another instrument's id")
		}
	}
	// Assessments made before the 1.0.0 file was converted to the staged
	// recommendations carry the old hash; they must still find 1.0.0.
	if q, ok := Release(DefaultID, "1.0.0", "7520246e699ad19248f0d72ed279ec0f1c66de53bdf587cbf1365d2a779eb255"); !ok || q.Version != "1.0.0" {
		t.Error("the pre-conversion hash of 1.0.0 does not find release 1.0.0")
	}
	if _, ok := Release(DefaultID, "9.9.9", Default().Hash()); ok {
		t.Error("Release accepts an unknown version")
	}
}

// versionLess compares two x.y.z versions numerically.
func versionLess(a, b string) bool {
	var x, y [3]int
	fmt.Sscanf(a, "%d.%d.%d", &x[0], &x[1], &x[2])
	fmt.Sscanf(b, "%d.%d.%d", &y[0], &y[1], &y[2])
	return slices.Compare(x[:], y[:]) < 0
}

// TestStableIDs holds the releases to the stable-id rule: an id kept from
// one release to the next keeps its area (a construct does not move), an
// id dropped is listed in retired, and a retired id never comes back.
func TestStableIDs(t *testing.T) {
	all := Releases()
	gone := map[string]string{} // retired id -> release that retired it
	for i := 1; i < len(all); i++ {
		prev, cur := all[i-1], all[i]
		c := Diff(prev, cur)
		want := slices.Clone(retired[cur.Version])
		got := slices.Clone(c.Removed)
		slices.Sort(want)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s drops %v from %s; the retired list says %v (list every dropped id, and only those)", cur.Version, got, prev.Version, want)
		}
		for _, id := range c.Shared {
			p, _ := prev.Question(id)
			q, _ := cur.Question(id)
			if p.Area != q.Area {
				t.Errorf("%s moves %s from area %s to %s: a changed construct needs a new id", cur.Version, id, p.Area, q.Area)
			}
		}
		for j := range cur.Questions {
			id := cur.Questions[j].ID
			if r, ok := gone[id]; ok {
				t.Errorf("%s reuses %s, retired in %s, for another question", cur.Version, id, r)
			}
		}
		for _, id := range retired[cur.Version] {
			gone[id] = cur.Version
		}
	}
	for v := range retired {
		found := false
		for _, q := range all {
			found = found || q.Version == v
		}
		if !found {
			t.Errorf("retired ids listed for %s, which is no release", v)
		}
	}
}

var (
	// ownerWord: a level-3 statement names who owns the routine.
	ownerWord = regexp.MustCompile(`(?i)\b(named|owners?|responsible|accountable)\b`)
	// measureWord: a level-4 statement says what is measured and improved.
	measureWord = regexp.MustCompile(`(?i)\b(measur\w*|indicators?|track\w*|evaluat\w*|audit\w*|monitor\w*|counts?)\b`)
	// yesNo: a question that opens like this invites yes or no, not one of
	// five levels.
	yesNo = regexp.MustCompile(`^(Does|Do|Did|Has|Have|Is|Are|Was|Were|Can|Will|Should)\b`)
)

// TestScaleCoherence checks, for every release from 1.1.0 on, what a
// program can see of the scale's promise: level 3 is owned, level 4 is
// measured and improved, questions ask "how", every principle is measured
// by at least four questions and every question is answered by at least
// one recommendation.
func TestScaleCoherence(t *testing.T) {
	for _, q := range Releases() {
		if versionLess(q.Version, "1.1.0") {
			continue // 1.0.0 stays as published; its faults are why 1.1.0 exists
		}
		t.Run(q.Version, func(t *testing.T) { checkScale(t, q) })
	}
}

func checkScale(t *testing.T, q *Questionnaire) {
	perPrinciple := map[string]int{}
	addressed := map[string]bool{}
	for _, r := range q.Recommendations {
		for _, id := range r.Addresses {
			addressed[id] = true
		}
	}
	for _, qu := range q.Questions {
		for _, p := range qu.Principles {
			perPrinciple[p]++
		}
		if len(qu.Levels) != 5 {
			t.Errorf("%s has %d levels, want 5", qu.ID, len(qu.Levels))
			continue
		}
		if !ownerWord.MatchString(qu.Levels[3]) {
			t.Errorf("%s level 3 names no owner: %q", qu.ID, qu.Levels[3])
		}
		if !measureWord.MatchString(qu.Levels[4]) {
			t.Errorf("%s level 4 measures nothing: %q", qu.ID, qu.Levels[4])
		}
		if yesNo.MatchString(strings.TrimSpace(qu.Text)) {
			t.Errorf("%s is worded yes/no but answered on five levels: %q", qu.ID, qu.Text)
		}
		if !addressed[qu.ID] {
			t.Errorf("%s is addressed by no recommendation", qu.ID)
		}
	}
	for _, p := range q.Principles {
		if n := perPrinciple[p.ID]; n < 4 {
			t.Errorf("principle %s is measured by %d questions, want at least 4", p.ID, n)
		}
	}
	if n := len(q.Questions); n < 48 || n > 56 {
		t.Errorf("%d questions; keep the instrument to about an hour (48 to 56)", n)
	}
}

// TestScaleCheckCatchesFaults feeds the checks the faults the review of
// 1.0.0 found, so that a check that can no longer fail is noticed.
func TestScaleCheckCatchesFaults(t *testing.T) {
	for _, bad := range []string{"Does your organisation keep an inventory?", "Has a named member been made accountable?"} {
		if !yesNo.MatchString(bad) {
			t.Errorf("yes/no wording not caught: %q", bad)
		}
	}
	if yesNo.MatchString("How does your organisation keep an inventory?") {
		t.Error("a how-question is taken for yes/no")
	}
	// Level statements of 1.0.0 that the review found lacking.
	if ownerWord.MatchString("At least one service project runs as a pilot with a multidisciplinary team.") {
		t.Error("a level 3 without an owner passes")
	}
	if measureWord.MatchString("The organisation leads or hosts a community of practice and reuses what other PSOs share.") {
		t.Error("a level 4 that only shares passes")
	}
}

// TestDiffAcrossReleases: compare and carried answers rely on Diff.
func TestDiffAcrossReleases(t *testing.T) {
	all := Releases()
	old, cur := all[0], all[len(all)-1]
	c := Diff(old, cur)
	if len(c.Shared)+len(c.Added) != len(cur.Questions) || len(c.Shared)+len(c.Removed) != len(old.Questions) {
		t.Fatalf("Diff does not partition the questions: %+v", c)
	}
	for _, id := range c.Reworded {
		if !slices.Contains(c.Shared, id) {
			t.Errorf("reworded %s is not shared", id)
		}
	}
	// CTX-01 was a yes/no question in 1.0.0 and is a how-question in 1.1.0.
	if !slices.Contains(c.Reworded, "CTX-01") {
		t.Error("CTX-01 was reworded but Diff does not say so")
	}
	if same := Diff(cur, cur); len(same.Reworded)+len(same.Added)+len(same.Removed) != 0 {
		t.Errorf("a release differs from itself: %+v", same)
	}
}

// TestChangesListsRetired keeps the release notes and the retired list of
// this test in step: CHANGES.md names, for each release, the ids it
// retired, and they are the ones listed here.
func TestChangesListsRetired(t *testing.T) {
	data, err := os.ReadFile("default/CHANGES.md")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(data)), " ")
	for v, ids := range retired {
		head := "Retired in " + v + " (never to be reused): "
		i := strings.Index(text, head)
		if i < 0 {
			t.Errorf("CHANGES.md has no line %q", head)
			continue
		}
		rest := text[i+len(head):]
		rest = rest[:strings.Index(rest, ".")]
		got := strings.Split(rest, ", ")
		if !slices.Equal(got, ids) {
			t.Errorf("CHANGES.md retires %v in %s; the test lists %v", got, v, ids)
		}
	}
}
