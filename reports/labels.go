package reports

import (
	"cmp"

	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// The labels every report uses for areas and principles, escaped for
// Markdown; an unknown id stands for itself.

// areaTitle is the area's full title.
func areaTitle(q *questionnaire.Questionnaire, id string) string {
	if a, ok := q.Area(id); ok {
		return Escape(a.Title)
	}
	return Escape(id)
}

// principleShort is "P3 Data-driven culture": the id and the short label.
func principleShort(q *questionnaire.Questionnaire, id string) string {
	if p, ok := q.Principle(id); ok {
		return Escape(p.ID + " " + cmp.Or(p.Short, p.Title))
	}
	return Escape(id)
}

// principleTitle is "P3 Creation of a data-driven culture": the id and the
// OECD's title.
func principleTitle(q *questionnaire.Questionnaire, id string) string {
	if p, ok := q.Principle(id); ok {
		return Escape(p.ID + " " + p.Title)
	}
	return Escape(id)
}
