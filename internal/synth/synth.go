// Package synth generates synthetic, valid assessment files for tests and
// benchmarks: organisations of all four types with names such as
// "Synthetic Agency 0042", several assessments per organisation over the
// years with scores that drift, respondents and the odd comment. The output
// depends only on the seed, the count and the questionnaire, so that a test
// or a benchmark can regenerate the same files at will.
//
// Nothing here is real: every name starts with "Synthetic", so that a
// synthetic file can never be mistaken for a PSO's own result.
package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/scoring"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// Tool is the value of the "tool" field of every synthetic assessment.
const Tool = "dgmaturity synth"

// Write generates n assessments from seed and saves them into dir (created
// if missing) with assessment.Save, one file per assessment named
// <slug>-<date>.json. The same n, seed and questionnaire always give the
// same files. Files are written by a few goroutines at once (each save
// syncs to disk), but what each file holds does not depend on that.
func Write(dir string, n int, seed int64, q *questionnaire.Questionnaire) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("synth: create %s: %w", dir, err)
	}
	type job struct {
		path string
		a    *assessment.Assessment
	}
	jobs := make(chan job)
	var (
		wg       sync.WaitGroup
		once     sync.Once
		firstErr error
	)
	// Saving is bound by fsync, not by the CPU: more writers than cores.
	for range max(4, 2*runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			for j := range jobs {
				if err := assessment.Save(j.path, j.a); err != nil {
					once.Do(func() { firstErr = err })
				}
			}
		})
	}
	g := NewGenerator(seed, q)
	for range n {
		a := g.Next()
		jobs <- job{path: filepath.Join(dir, FileName(a)), a: a}
	}
	close(jobs)
	wg.Wait()
	if firstErr != nil {
		return fmt.Errorf("synth: %w", firstErr)
	}
	return nil
}

// Generate returns the n assessments Write would save, in the same order.
// Keep n small: every answer and comment stays in memory.
func Generate(n int, seed int64, q *questionnaire.Questionnaire) []*assessment.Assessment {
	g := NewGenerator(seed, q)
	out := make([]*assessment.Assessment, n)
	for i := range out {
		out[i] = g.Next()
	}
	return out
}

// FileName is the name Write gives an assessment's file: the slug of the
// organisation's name and the date, as the tool itself names them.
func FileName(a *assessment.Assessment) string {
	return assessment.Slug(a.Organisation.Name) + "-" + a.Date + ".json"
}

// typeNames are the organisation types with the word used in synthetic
// names and how often the type occurs (out of 20).
var typeNames = []struct {
	typ, word string
	share     int
}{
	{"ministry", "Ministry", 3},
	{"agency", "Agency", 9},
	{"municipality", "Municipality", 6},
	{"other", "Office", 2},
}

var roles = []string{"Head of digital", "Chief information officer", "Data protection officer", "Service manager", "Policy officer", "Head of IT"}

// Generator produces synthetic assessments one at a time, organisation by
// organisation: each organisation gets one to five assessments, a year or
// so apart, whose levels drift from a baseline of its own.
type Generator struct {
	q    *questionnaire.Questionnaire
	ref  assessment.QuestionnaireRef
	sc   *scoring.Scorer
	rng  *rand.Rand
	pso  int // organisations started so far
	left int // assessments still to give for the current organisation
	cur  psoState
}

// psoState is what stays fixed (or drifts) across one organisation's assessments.
type psoState struct {
	org     assessment.Organisation
	number  int
	base    float64            // baseline level, 0.3..3.4
	areaOff map[string]float64 // per-area offsets
	qOff    []float64          // per-question offsets
	drift   float64            // levels per year
	years   []int              // the year of each assessment
	round   int                // assessments given so far
}

// NewGenerator returns a generator seeded with seed for questionnaire q.
func NewGenerator(seed int64, q *questionnaire.Questionnaire) *Generator {
	return &Generator{
		q:   q,
		ref: assessment.QuestionnaireRef{ID: q.ID, Version: q.Version, SHA256: q.Hash()},
		sc:  scoring.NewScorer(q),
		rng: rand.New(rand.NewPCG(uint64(seed), 0x5eed_d16a_7a11)),
	}
}

func (g *Generator) startPSO() {
	g.pso++
	r := g.rng
	pick := r.IntN(20)
	typ := typeNames[len(typeNames)-1]
	for _, t := range typeNames {
		if pick < t.share {
			typ = t
			break
		}
		pick -= t.share
	}
	s := psoState{
		number:  g.pso,
		base:    0.3 + 3.1*r.Float64(),
		areaOff: make(map[string]float64, len(g.q.Areas)),
		qOff:    make([]float64, len(g.q.Questions)),
		// Mostly improving, some standing still, a few sliding back.
		drift: r.NormFloat64()*0.25 + 0.2,
	}
	s.org = assessment.Organisation{Name: fmt.Sprintf("Synthetic %s %04d", typ.word, g.pso), Type: typ.typ}
	// Half of the organisations carry a register id, as real ones may.
	if r.IntN(2) == 0 {
		s.org.ID = fmt.Sprintf("SYN-%04d", g.pso)
	}
	for _, a := range g.q.Areas {
		s.areaOff[a.ID] = r.NormFloat64() * 0.5
	}
	for i := range s.qOff {
		s.qOff[i] = r.NormFloat64() * 0.6
	}
	// One to five assessments, one or two years apart, the last in 2024
	// or 2025, so that no date lies in the future.
	g.left = 1 + r.IntN(5)
	s.years = make([]int, g.left)
	s.years[g.left-1] = 2024 + r.IntN(2)
	for i := g.left - 2; i >= 0; i-- {
		s.years[i] = s.years[i+1] - 1 - r.IntN(2)
	}
	g.cur = s
}

// Next returns the next synthetic assessment: complete, scored, with its
// matched recommendations, valid against the questionnaire.
func (g *Generator) Next() *assessment.Assessment {
	if g.left == 0 {
		g.startPSO()
	}
	g.left--
	r, s := g.rng, &g.cur
	date := fmt.Sprintf("%04d-%02d-%02d", s.years[s.round], 1+r.IntN(12), 1+r.IntN(28))
	t := float64(s.round)
	s.round++
	a := &assessment.Assessment{
		Schema:        assessment.SchemaV1,
		Tool:          Tool,
		Questionnaire: g.ref,
		Organisation:  s.org,
		Respondents: []assessment.Respondent{{
			Name: fmt.Sprintf("Synthetic Respondent %04d-%d", s.number, s.round),
			Role: roles[r.IntN(len(roles))],
		}},
		Date:     date,
		Language: "en",
		Answers:  make(map[string]assessment.Answer, len(g.q.Questions)),
		Complete: true,
	}
	for i := range g.q.Questions {
		qu := &g.q.Questions[i]
		var ans assessment.Answer
		switch x := r.Float64(); {
		case qu.NA && x < 0.08:
			ans.NA = fmt.Sprintf("Synthetic reason %04d-%d: out of scope", s.number, s.round)
		case x < 0.13:
			ans.DontKnow = true
		default:
			v := s.base + s.areaOff[qu.Area] + s.qOff[i] + s.drift*t + r.NormFloat64()*0.45
			ans = assessment.Lvl(min(max(int(math.Round(v)), questionnaire.MinLevel), questionnaire.MaxLevel))
		}
		if r.IntN(12) == 0 {
			ans.Comment = fmt.Sprintf("Synthetic comment %04d-%d on %s", s.number, s.round, qu.ID)
		}
		a.Answers[qu.ID] = ans
	}
	res := g.sc.ScoreWith(a.Answers, scoring.OptionsFor(a, 0))
	a.Scores = res.Stored()
	a.Recommendations = res.RecommendationIDs()
	return a
}
