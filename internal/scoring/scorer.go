package scoring

import (
	"math"
	"slices"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// Scorer scores answers against one questionnaire. It resolves every id of
// the questionnaire once, so that scoring many assessments (a comparison of
// thousands of files) does no map lookups per question beyond reading the
// answer. A Scorer is read-only after NewScorer and safe for concurrent
// use; it must not be used after the questionnaire is changed.
type Scorer struct {
	q *questionnaire.Questionnaire
	// Per question: its area's position (-1 when unknown), the positions of
	// its principles and of their pillars, each once.
	area       []int
	principles [][]int
	pillars    [][]int
	// stages are the scale names of the levels 0..4.
	stages [questionnaire.MaxLevel + 1]string
	// cellIDs are the Matrix cells' ids, principle by principle.
	cellIDs []string
	recs    []rule
	// addresses is the number of addresses of all recs: the most gaps one
	// assessment's matches can hold.
	addresses int
}

// NewScorer resolves the questionnaire's ids for scoring. It reads q only
// through its exported slices, so it neither needs nor touches q's own index
// (the shared default instrument is never written to). Unknown ids (a
// question's area or principle, a condition's subject) are ignored; the
// questionnaire's validation reports them.
func NewScorer(q *questionnaire.Questionnaire) *Scorer {
	s := &Scorer{
		q:          q,
		area:       make([]int, len(q.Questions)),
		principles: make([][]int, len(q.Questions)),
		pillars:    make([][]int, len(q.Questions)),
	}
	areas := positions(len(q.Areas), func(i int) string { return q.Areas[i].ID })
	prins := positions(len(q.Principles), func(i int) string { return q.Principles[i].ID })
	pils := positions(len(q.Pillars), func(i int) string { return q.Pillars[i].ID })
	quests := positions(len(q.Questions), func(i int) string { return q.Questions[i].ID })
	pillarOf := make([]int, len(q.Principles))
	for i, p := range q.Principles {
		pillarOf[i] = lookup(pils, p.Pillar)
	}
	for i := range q.Questions {
		qu := &q.Questions[i]
		s.area[i] = lookup(areas, qu.Area)
		for _, id := range qu.Principles {
			p := lookup(prins, id)
			if p < 0 || slices.Contains(s.principles[i], p) {
				continue
			}
			s.principles[i] = append(s.principles[i], p)
			if pl := pillarOf[p]; pl >= 0 && !slices.Contains(s.pillars[i], pl) {
				s.pillars[i] = append(s.pillars[i], pl)
			}
		}
	}
	for l := range s.stages {
		s.stages[l] = q.LevelName(l)
	}
	s.cellIDs = make([]string, 0, len(q.Principles)*len(q.Areas))
	for _, p := range q.Principles {
		for _, a := range q.Areas {
			s.cellIDs = append(s.cellIDs, p.ID+"/"+a.ID)
		}
	}
	s.recs = make([]rule, len(q.Recommendations))
	for i := range q.Recommendations {
		r := &q.Recommendations[i]
		ru := rule{rec: r}
		for _, id := range r.Addresses {
			if p := lookup(quests, id); p >= 0 && !slices.Contains(ru.addresses, p) {
				ru.addresses = append(ru.addresses, p)
			}
		}
		s.recs[i] = ru
		s.addresses += len(ru.addresses)
	}
	return s
}

func positions(n int, id func(int) string) map[string]int {
	m := make(map[string]int, n)
	for i := range n {
		if _, dup := m[id(i)]; !dup {
			m[id(i)] = i
		}
	}
	return m
}

func lookup(m map[string]int, id string) int {
	if i, ok := m[id]; ok {
		return i
	}
	return -1
}

// Answer states.
const (
	stUnanswered = iota
	stLevel
	stDontKnow
	stNA
)

// given is what was answered to one question.
type given struct {
	state int
	level int // 0..4 for stLevel; 0 otherwise
}

// classify reads an answer. Validated answers set exactly one of level,
// don't know and N/A; should several be set, the level wins, then don't
// know. A level out of range is clamped to 0..4 so that scores stay in
// 0..100 (validation refuses such files before they get here).
func classify(a assessment.Answer, ok bool) given {
	switch {
	case !ok:
		return given{}
	case a.Level != nil:
		return given{state: stLevel, level: min(max(*a.Level, questionnaire.MinLevel), questionnaire.MaxLevel)}
	case a.DontKnow:
		return given{state: stDontKnow}
	case a.NA != "":
		return given{state: stNA}
	}
	return given{}
}

// weight is a question's weight; a missing or invalid one (0, negative,
// NaN) counts as 1, the loader's default.
func weight(w float64) float64 {
	if !(w > 0) || math.IsInf(w, 0) {
		return 1
	}
	return w
}

// acc accumulates the questions behind one Measure.
type acc struct {
	points, counted           float64 // Σ w·points and Σ w over level and don't know
	evidence, applicable      float64
	floor                     int
	n, answered, dk, na, unan int
}

func (a *acc) add(g given, w float64) {
	a.n++
	switch g.state {
	case stNA:
		a.na++
		return
	case stUnanswered:
		a.unan++
		a.applicable += w
		return
	case stDontKnow:
		a.dk++
		a.counted += w
	case stLevel:
		a.answered++
		a.evidence += w
		a.counted += w
		a.points += w * float64(g.level*PointsPerLevel)
		if a.floor < 0 || g.level < a.floor {
			a.floor = g.level
		}
	}
	a.applicable += w
}

func (a *acc) measure(id string) Measure {
	m := Measure{
		ID:               id,
		Floor:            a.floor,
		Questions:        a.n,
		Answered:         a.answered,
		DontKnow:         a.dk,
		NA:               a.na,
		Unanswered:       a.unan,
		EvidenceWeight:   a.evidence,
		ApplicableWeight: a.applicable,
		LowEvidence:      a.evidence < 0.5*a.applicable,
	}
	if a.counted > 0 {
		m.Defined = true
		m.Value = a.points / a.counted
	}
	return m
}

// Options are what matching needs beyond the answers.
type Options struct {
	// Targets are the levels aimed at; nil means assessment.DefaultTarget
	// for every question.
	Targets *assessment.Targets
	// OrgType is the organisation's type: recommendations and steps limited
	// to other types are left out. An empty type is served only by what
	// applies to every type.
	OrgType string
	// Lean scores for comparing many assessments (compare): the Result
	// holds the scores, stage, coverage and the matched recommendations in
	// their order, but no Matrix, Targets or Levels, and each Match has no
	// Steps (which recommendations match, and their priorities, are
	// unchanged). It saves the maps and step lists compare never shows.
	Lean bool
}

// Score scores the answers and matches the recommendations at the default
// targets, for no particular organisation type (see ScoreWith).
func (s *Scorer) Score(answers map[string]assessment.Answer) *Result {
	return s.ScoreWith(answers, Options{})
}

// ScoreWith scores the answers and matches the recommendations against the
// targets for the organisation type (see the package documentation for the
// method).
func (s *Scorer) ScoreWith(answers map[string]assessment.Answer, opt Options) *Result {
	r := &Result{StageLevel: -1}
	l := s.layout(opt.Lean)
	accs, givens := s.accumulate(r, answers, l)
	s.setMeasures(r, accs, l)
	s.setOverall(r, accs[0])
	targets := s.setTargets(r, opt)
	if !opt.Lean {
		r.Levels = s.levels(givens)
	}
	r.Matches = s.match(givens, targets, opt.OrgType, opt.Lean)
	return r
}

// accLayout places the accumulators of one scoring in one block: overall
// (at 0), areas, principles, pillars, then the principle-by-area cells row
// by row (none when the scoring is lean: it has no Matrix).
type accLayout struct {
	nA                         int // areas, the length of a cell row
	area, prin, pillar, matrix int // where each kind starts
	n                          int // the block's length
	lean                       bool
}

func (s *Scorer) layout(lean bool) accLayout {
	q := s.q
	l := accLayout{nA: len(q.Areas), area: 1, lean: lean}
	l.prin = l.area + len(q.Areas)
	l.pillar = l.prin + len(q.Principles)
	l.matrix = l.pillar + len(q.Pillars)
	l.n = l.matrix
	if !lean {
		l.n += len(q.Principles) * len(q.Areas)
	}
	return l
}

// accumulate classifies each answer, lists the unanswered, don't know and
// N/A questions in r, and adds each question to the accumulators it counts
// in. It returns the accumulators and the answers in question order.
func (s *Scorer) accumulate(r *Result, answers map[string]assessment.Answer, l accLayout) ([]acc, []given) {
	q := s.q
	accs := make([]acc, l.n)
	for i := range accs {
		accs[i].floor = -1
	}
	givens := make([]given, len(q.Questions))
	for i := range q.Questions {
		qu := &q.Questions[i]
		a, ok := answers[qu.ID]
		g := classify(a, ok)
		givens[i] = g
		switch g.state {
		case stUnanswered:
			r.Unanswered = append(r.Unanswered, qu.ID)
		case stDontKnow:
			r.DontKnow = append(r.DontKnow, qu.ID)
		case stNA:
			r.NA = append(r.NA, qu.ID)
		}
		w := weight(qu.Weight)
		accs[0].add(g, w)
		ar := s.area[i]
		if ar >= 0 {
			accs[l.area+ar].add(g, w)
		}
		for _, p := range s.principles[i] {
			accs[l.prin+p].add(g, w)
			if ar >= 0 && !l.lean {
				accs[l.matrix+p*l.nA+ar].add(g, w)
			}
		}
		for _, pl := range s.pillars[i] {
			accs[l.pillar+pl].add(g, w)
		}
	}
	return accs, givens
}

// setMeasures sets the area, principle and pillar measures of r, and its
// Matrix unless the scoring is lean.
func (s *Scorer) setMeasures(r *Result, accs []acc, l accLayout) {
	q := s.q
	r.Areas = make([]Measure, len(q.Areas))
	for i, a := range q.Areas {
		r.Areas[i] = accs[l.area+i].measure(a.ID)
	}
	r.Principles = make([]Measure, len(q.Principles))
	for i, p := range q.Principles {
		r.Principles[i] = accs[l.prin+i].measure(p.ID)
	}
	r.Pillars = make([]Measure, len(q.Pillars))
	for i, p := range q.Pillars {
		r.Pillars[i] = accs[l.pillar+i].measure(p.ID)
	}
	if l.lean {
		return
	}
	r.Matrix = make(map[string]map[string]Measure, len(q.Principles))
	for i, p := range q.Principles {
		row := make(map[string]Measure, l.nA)
		for j, a := range q.Areas {
			k := i*l.nA + j
			row[a.ID] = accs[l.matrix+k].measure(s.cellIDs[k])
		}
		r.Matrix[p.ID] = row
	}
}

// setOverall sets r's overall measure, stage and coverage from the overall
// accumulator and r's areas. The overall score is the mean of the areas,
// not of the questions, so that areas of different sizes weigh the same;
// its counts, weights and floor still cover every question.
func (s *Scorer) setOverall(r *Result, all acc) {
	var sum float64
	var defined int
	for _, m := range r.Areas {
		if m.Defined {
			sum += m.Value
			defined++
		}
	}
	o := all.measure("")
	o.Defined, o.Value = defined > 0, 0
	if defined > 0 {
		o.Value = sum / float64(defined)
		r.StageLevel = stageLevel(o.Value)
		r.Stage = s.stages[r.StageLevel]
	}
	r.Overall = o
	if o.ApplicableWeight > 0 {
		r.Coverage = o.EvidenceWeight / o.ApplicableWeight
	}
}

// levels returns the level of each question answered with a level or with
// don't know (0), by question id.
func (s *Scorer) levels(givens []given) map[string]int {
	levels := make(map[string]int, len(givens))
	for i, g := range givens {
		if g.state == stLevel || g.state == stDontKnow {
			levels[s.q.Questions[i].ID] = g.level
		}
	}
	return levels
}

// setTargets returns the target level of each question (1-4) in the order
// of the questions, and sets r.Targets by id unless the scoring is lean.
func (s *Scorer) setTargets(r *Result, opt Options) []int {
	q := s.q
	if !opt.Lean {
		r.Targets = make(map[string]int, len(q.Questions))
	}
	targets := make([]int, len(q.Questions))
	for i := range q.Questions {
		qu := &q.Questions[i]
		targets[i] = min(max(opt.Targets.For(qu.ID, qu.Area, qu.Principles), questionnaire.MinLevel+1), questionnaire.MaxLevel)
		if !opt.Lean {
			r.Targets[qu.ID] = targets[i]
		}
	}
	return targets
}
