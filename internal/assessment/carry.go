package assessment

import (
	"sort"

	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// Carry returns the answers that can be carried from an assessment made
// with questionnaire from into one made with to, for instance when a draft
// of last year's release is finished in the current one. An answer is
// carried when both versions hold its question (question ids are stable:
// the same id measures the same construct) and the answer fits the new
// question: "not applicable" only where the new question allows it.
// Left lists, sorted, the ids of the answers not carried; their questions
// are asked afresh. The answers map is not changed.
func Carry(answers map[string]Answer, from, to *questionnaire.Questionnaire) (carried map[string]Answer, left []string) {
	carried = make(map[string]Answer, len(answers))
	for id, a := range answers {
		if !a.Answered() && a.Comment == "" {
			continue
		}
		_, inFrom := from.Question(id)
		q, inTo := to.Question(id)
		switch {
		case !inFrom || !inTo:
			left = append(left, id)
		case a.NA != "" && !q.NA:
			left = append(left, id)
		case a.Level != nil && (*a.Level < 0 || *a.Level >= len(q.Levels)):
			left = append(left, id)
		default:
			carried[id] = a
		}
	}
	sort.Strings(left)
	return carried, left
}
