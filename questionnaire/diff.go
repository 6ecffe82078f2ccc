package questionnaire

import (
	"slices"
	"strings"
)

// Changes says how the questions of two versions of an instrument relate.
// Question ids are stable: an id both versions hold measures the same
// construct in both (the default instrument's tests hold its releases to
// this), so answers to a shared question can be compared and carried.
type Changes struct {
	// Shared are the ids both versions hold, in the order of the newer.
	Shared []string
	// Reworded are the shared ids whose question text or level statements
	// differ: the same construct, described in other words. A subset of
	// Shared.
	Reworded []string
	// Removed are the ids only the older version holds, in its order.
	Removed []string
	// Added are the ids only the newer version holds, in its order.
	Added []string
}

// Diff compares the questions of an older and a newer version of an
// instrument.
func Diff(older, newer *Questionnaire) Changes {
	var c Changes
	old := make(map[string]*Question, len(older.Questions))
	for i := range older.Questions {
		old[older.Questions[i].ID] = &older.Questions[i]
	}
	for i := range newer.Questions {
		nq := &newer.Questions[i]
		oq, ok := old[nq.ID]
		if !ok {
			c.Added = append(c.Added, nq.ID)
			continue
		}
		c.Shared = append(c.Shared, nq.ID)
		if norm(oq.Text) != norm(nq.Text) || !slices.EqualFunc(oq.Levels, nq.Levels, func(a, b string) bool { return norm(a) == norm(b) }) {
			c.Reworded = append(c.Reworded, nq.ID)
		}
	}
	for i := range older.Questions {
		if _, ok := newer.Question(older.Questions[i].ID); !ok {
			c.Removed = append(c.Removed, older.Questions[i].ID)
		}
	}
	return c
}

// norm folds the white space of a text, so that a re-wrapped line does not
// count as a change.
func norm(s string) string { return strings.Join(strings.Fields(s), " ") }
