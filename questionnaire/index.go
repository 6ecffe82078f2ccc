package questionnaire

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
)

// index maps ids to positions in the questionnaire's slices.
type index struct {
	questions       map[string]int
	principles      map[string]int
	areas           map[string]int
	pillars         map[string]int
	sources         map[string]int
	recommendations map[string]int
	byArea          map[string][]int
}

// Reindex rebuilds the id lookups and the content hash. Load calls it; call
// it again after changing a Questionnaire built by hand.
func (q *Questionnaire) Reindex() {
	ix := &index{
		questions:       make(map[string]int, len(q.Questions)),
		principles:      make(map[string]int, len(q.Principles)),
		areas:           make(map[string]int, len(q.Areas)),
		pillars:         make(map[string]int, len(q.Pillars)),
		sources:         make(map[string]int, len(q.Sources)),
		recommendations: make(map[string]int, len(q.Recommendations)),
		byArea:          make(map[string][]int, len(q.Areas)),
	}
	for i, x := range q.Questions {
		ix.questions[x.ID] = i
		ix.byArea[x.Area] = append(ix.byArea[x.Area], i)
	}
	for i, x := range q.Principles {
		ix.principles[x.ID] = i
	}
	for i, x := range q.Areas {
		ix.areas[x.ID] = i
	}
	for i, x := range q.Pillars {
		ix.pillars[x.ID] = i
	}
	for i, x := range q.Sources {
		ix.sources[x.ID] = i
	}
	for i, x := range q.Recommendations {
		ix.recommendations[x.ID] = i
	}
	q.index = ix
	q.hash = computeHash(q)
	bare := *q
	bare.Recommendations, bare.index = nil, nil
	q.qhash = computeHash(&bare)
}

func (q *Questionnaire) ix() *index {
	if q.index == nil {
		q.Reindex()
	}
	return q.index
}

// computeHash is the SHA-256 of the canonical JSON form. JSON of a struct
// has a fixed field order, so the hash does not depend on YAML layout,
// comments or key order in the file.
func computeHash(q *Questionnaire) string {
	b, err := json.Marshal(q)
	if err != nil {
		// Marshal of plain structs of strings and numbers cannot fail.
		panic("questionnaire: hash: " + err.Error())
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// Hash returns the SHA-256 (hex) of the instrument's content, which an
// assessment records so that it is never read against another text.
func (q *Questionnaire) Hash() string {
	q.ix()
	return q.hash
}

// Question returns the question with the id, if any.
func (q *Questionnaire) Question(id string) (*Question, bool) {
	i, ok := q.ix().questions[id]
	if !ok {
		return nil, false
	}
	return &q.Questions[i], true
}

// Principle returns the principle with the id, if any.
func (q *Questionnaire) Principle(id string) (*Principle, bool) {
	i, ok := q.ix().principles[id]
	if !ok {
		return nil, false
	}
	return &q.Principles[i], true
}

// Area returns the area with the id, if any.
func (q *Questionnaire) Area(id string) (*Area, bool) {
	i, ok := q.ix().areas[id]
	if !ok {
		return nil, false
	}
	return &q.Areas[i], true
}

// Pillar returns the pillar with the id, if any.
func (q *Questionnaire) Pillar(id string) (*Pillar, bool) {
	i, ok := q.ix().pillars[id]
	if !ok {
		return nil, false
	}
	return &q.Pillars[i], true
}

// Source returns the review recommendation with the id, if any.
func (q *Questionnaire) Source(id string) (*Source, bool) {
	i, ok := q.ix().sources[id]
	if !ok {
		return nil, false
	}
	return &q.Sources[i], true
}

// Recommendation returns the catalogue entry with the id, if any.
func (q *Questionnaire) Recommendation(id string) (*Recommendation, bool) {
	i, ok := q.ix().recommendations[id]
	if !ok {
		return nil, false
	}
	return &q.Recommendations[i], true
}

// QuestionIndex returns the position of the question in Questions, or -1.
func (q *Questionnaire) QuestionIndex(id string) int {
	i, ok := q.ix().questions[id]
	if !ok {
		return -1
	}
	return i
}

// AreaQuestions returns the positions in Questions of the area's questions,
// in questionnaire order.
func (q *Questionnaire) AreaQuestions(area string) []int {
	return q.ix().byArea[area]
}

// LevelName returns the scale's name for a level, or "" when out of range.
func (q *Questionnaire) LevelName(level int) string {
	for _, s := range q.Scale {
		if s.Level == level {
			return s.Name
		}
	}
	return ""
}
