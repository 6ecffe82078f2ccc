package publish

import (
	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/locale"
	"github.com/dgmaturity/dgmaturity/internal/scoring"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// Language returns the instrument and the printer a report is written
// with in lang (an assessment's recorded language, or a --lang flag): the
// instrument's texts from its translation into that language, the
// program's words from the message files. An empty or unsupported lang,
// or a language the instrument has no translation into, gives the
// instrument's own language (English when dgmaturity does not speak it),
// so that a report never mixes two languages of the program with one of
// the instrument.
func Language(q *questionnaire.Questionnaire, lang string) (*questionnaire.Questionnaire, *locale.Printer) {
	own := func() locale.Tag {
		if len(q.Languages) > 0 {
			if t, ok := locale.Parse(q.Languages[0]); ok {
				return t
			}
		}
		return locale.English
	}
	tag, ok := locale.Parse(lang)
	if lang == "" || !ok {
		return q, locale.For(own())
	}
	lq, err := q.Localized(string(tag))
	if err != nil {
		return q, locale.For(own())
	}
	return lq, locale.For(tag)
}

// StoredScores are the scores of r as an assessment file stores them:
// r.Stored with the stage named in the instrument's original language, so
// that the file does not depend on the language the assessment was
// answered or reported in (and a report in another language does not take
// the stored stage for an edited one).
func StoredScores(q *questionnaire.Questionnaire, r *scoring.Result) *assessment.Scores {
	s := r.Stored()
	if r.StageLevel >= 0 {
		s.Stage = q.Original().LevelName(r.StageLevel)
	}
	return s
}
