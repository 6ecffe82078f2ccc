package scoring

import (
	"slices"
	"strings"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// Merge consolidates the answers of several respondents of one organisation
// (a workshop) into one set of answers, question by question:
//
//   - If anyone gave a level, the consolidated answer is the median of the
//     levels given; with an even count it is the lower of the two middle
//     levels (a tie rounds down: a claim counts only as far as the group
//     backs it). Don't know and N/A from the others are then set aside.
//   - Else, if everyone who answered said N/A, it is N/A, with the distinct
//     reasons joined by "; " in respondent order.
//   - Else, if anyone said don't know, it is don't know: that covers
//     "everyone who answered said don't know" and also a mix of don't know
//     and N/A, because N/A needs everyone's agreement and a disputed
//     applicability that nobody can rate is a knowledge gap.
//   - A question nobody answered stays unanswered (absent from merged).
//
// Comments are not merged into the consolidated answer; they stay in the
// spread. spread has an entry for every question at least one respondent
// answered: Min and Max of the levels given (both -1 when nobody gave a
// level) and every respondent's own Answer, comment included, in the order
// of answers (a zero Answer for a respondent who left the question open).
// Only the questionnaire's questions are merged; other ids are ignored.
func Merge(q *questionnaire.Questionnaire, answers []map[string]assessment.Answer) (merged map[string]assessment.Answer, spread map[string]assessment.Spread) {
	merged = make(map[string]assessment.Answer)
	spread = make(map[string]assessment.Spread)
	levels := make([]int, 0, len(answers))
	given := make([]assessment.Answer, len(answers))
	for i := range q.Questions {
		id := q.Questions[i].ID
		levels = levels[:0]
		var answered, na, dk int
		var reasons []string
		for r, m := range answers {
			a, ok := m[id]
			given[r] = a
			g := classify(a, ok)
			switch g.state {
			case stUnanswered:
				continue
			case stLevel:
				levels = append(levels, g.level)
			case stDontKnow:
				dk++
			case stNA:
				na++
				if !slices.Contains(reasons, a.NA) {
					reasons = append(reasons, a.NA)
				}
			}
			answered++
		}
		if answered == 0 {
			continue
		}
		sp := assessment.Spread{Min: -1, Max: -1, Responses: slices.Clone(given)}
		switch {
		case len(levels) > 0:
			slices.Sort(levels)
			sp.Min, sp.Max = levels[0], levels[len(levels)-1]
			merged[id] = assessment.Lvl(levels[(len(levels)-1)/2])
		case na == answered:
			merged[id] = assessment.Answer{NA: strings.Join(reasons, "; ")}
		case dk > 0:
			merged[id] = assessment.Answer{DontKnow: true}
		}
		spread[id] = sp
	}
	return merged, spread
}

// Consolidate merges the respondents of the files of set (see
// assessment.MergeSet) into one consolidated assessment of q, in language
// lang: the first file's organisation (with an id that only a later file
// gives), the latest of the files' dates, every respondent, and the
// answers merged by Merge with their spread. repeats lists the respondents
// named in two files; both are counted.
func Consolidate(q *questionnaire.Questionnaire, set *assessment.MergeSet, lang, tool string) (c *assessment.Assessment, repeats []assessment.Repeat) {
	people, answers, repeats := set.Respondents()
	first := set.Files[0].A
	c = assessment.New(q, first.Organisation, assessment.Respondent{}, first.Date, lang, tool)
	c.Respondents = people
	c.Answers, c.Spread = Merge(q, answers)
	for _, f := range set.Files[1:] {
		c.Date = max(c.Date, f.A.Date)
		// Keep an organisation id that only some of the files give.
		if c.Organisation.ID == "" {
			c.Organisation.ID = f.A.Organisation.ID
		}
	}
	return c, repeats
}
