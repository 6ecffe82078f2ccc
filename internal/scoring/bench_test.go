package scoring

import (
	"testing"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// fullAnswers answers every question of q with a level (0..4 in turn), so
// that every score is defined and many recommendations match.
func fullAnswers(q *questionnaire.Questionnaire) map[string]assessment.Answer {
	answers := make(map[string]assessment.Answer, len(q.Questions))
	for i, qu := range q.Questions {
		answers[qu.ID] = assessment.Lvl(i % (questionnaire.MaxLevel + 1))
	}
	return answers
}

// BenchmarkScore measures Score on a complete answer set of the default
// instrument: resolving the ids, the weighted means, the matrix, and the
// matching of the recommendation catalogue, as one report or one
// interactive results screen needs.
func BenchmarkScore(b *testing.B) {
	q := questionnaire.Default()
	answers := fullAnswers(q)
	b.ReportAllocs()
	for b.Loop() {
		if r := Score(q, answers); !r.Overall.Defined {
			b.Fatal("overall score undefined")
		}
	}
}

// BenchmarkScorerScore measures scoring with a Scorer made once, as
// compare does for thousands of files.
func BenchmarkScorerScore(b *testing.B) {
	q := questionnaire.Default()
	s := NewScorer(q)
	answers := fullAnswers(q)
	b.ReportAllocs()
	for b.Loop() {
		if r := s.Score(answers); !r.Overall.Defined {
			b.Fatal("overall score undefined")
		}
	}
}
