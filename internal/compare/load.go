// Package compare reads many assessment files and summarises them for the
// ministry's comparison report: the distributions of the scores across
// PSOs, peer groups by organisation type, the weakest principles, the
// recommendations most often needed, and each PSO's change over time.
//
// Load streams the files: a small pool of workers parses and scores one
// file each at a time, and a single aggregator keeps only what the
// statistics need of every assessment (a Record: ids, date, scores and the
// ids of the matched recommendations), never the answers or comments. Every
// score is recomputed from the answers with the instrument in use;
// assessments of another version of the same instrument are compared on
// the questions both versions share. Summarise then computes the
// statistics, with names replaced by stable pseudonyms and small groups
// withheld when asked to anonymise.
package compare

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/internal/locale"
	"github.com/dgmaturity/dgmaturity/internal/scoring"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// Record is what a comparison keeps of one assessment. Scores are rounded
// to one decimal, as the assessment file and the CSV hold them, so that the
// report's statistics can be reproduced from the CSV; an undefined score
// (every question of it not applicable) is NaN.
type Record struct {
	// File is the path the assessment was read from.
	File string
	// Key identifies the PSO across files (see OrganisationKey).
	Key string
	// OrgID, Name and Type are the organisation as the file gives them.
	OrgID, Name, Type string
	// Date is the assessment's date, YYYY-MM-DD.
	Date string
	// Respondents counts the people who answered (several for a workshop's
	// consolidated assessment).
	Respondents int
	// Instrument is the questionnaire the assessment was made with.
	Instrument assessment.QuestionnaireRef
	// OtherVersion is true when Instrument is not the instrument in use
	// (another version or another text of it): the assessment was scored
	// on the questions both share, and Lacking counts the questions of the
	// instrument in use that it has no answer to (left out of its scores).
	OtherVersion bool
	Lacking      int
	// Overall, Stage and Coverage are the overall score, its stage name and
	// the share of applicable weight answered with a level (0..1, two decimals).
	Overall  float64
	Stage    string
	Coverage float64
	// Areas, Principles and Pillars are in the instrument's order.
	Areas, Principles, Pillars []float64
	// Recommendations are the ids of the matched recommendations, in
	// priority order. The strings are the instrument's own (no copies).
	Recommendations []string
	// StoredDiffers is true when the scores stored in the file differ from
	// the recomputed ones (an edited file); the recomputed ones are used.
	StoredDiffers bool
}

// Problem is a file that was left out, and why.
type Problem struct {
	File string
	Err  error
}

// Lines returns the problem as lines "file: reason" (several when the file
// has several problems), each naming the file once.
func (p Problem) Lines() []string { return p.LinesIn(nil) }

// LinesIn returns the lines of Lines with the reasons in pr's language
// (English for a nil pr).
func (p Problem) LinesIn(pr *locale.Printer) []string {
	var es input.Errors
	var e *input.Error
	switch {
	case errors.As(p.Err, &es):
	case errors.As(p.Err, &e):
		es = input.Errors{e}
	default:
		return []string{input.QuotePath(p.File) + ": " + input.Describe(p.Err, pr)}
	}
	out := make([]string, len(es))
	for i, x := range es {
		if x.File == "" {
			y := *x
			y.File = p.File
			x = &y
		}
		out[i] = x.In(pr)
	}
	return out
}

// Duplicate is an assessment left out because another file holds an
// assessment of the same PSO on the same date (a copy, or one respondent's
// file beside the workshop's consolidated assessment): only one counts, the
// one with the most respondents, then the one whose path sorts last.
type Duplicate struct {
	File, Kept string
}

// Set is the outcome of Load: the records of the valid assessments sorted
// by PSO key, date and file, and the files left out.
type Set struct {
	// Instrument is the questionnaire in use.
	Instrument *questionnaire.Questionnaire
	// Files counts the files considered (found in folders or named).
	Files int
	// Read are the files read, sorted: the run's inputs, which no output
	// may overwrite.
	Read []string
	// Records are the valid, distinct assessments.
	Records []Record
	// Problems are the files left out as unreadable or invalid, by path.
	Problems []Problem
	// Duplicates are valid assessments left out as duplicates.
	Duplicates []Duplicate
}

// LoadOptions tune Load.
type LoadOptions struct {
	// Workers parse and score files in parallel; 0 means GOMAXPROCS.
	Workers int
	// Progress, when set, is called by the single aggregating goroutine
	// after each file with the number of files done and the total.
	Progress func(done, total int)
}

// Load finds the assessment files under paths (a folder is read
// recursively for *.json files; a file named explicitly is read whatever
// its extension), reads, validates and scores each, and returns what the
// statistics need. Unreadable and invalid files become Problems; Load
// itself does not fail.
func Load(paths []string, q *questionnaire.Questionnaire, opt LoadOptions) *Set {
	set, _ := LoadContext(context.Background(), paths, q, opt)
	return set
}

// LoadContext is Load that stops promptly when ctx is cancelled (ctrl+c):
// the files not yet read are skipped and ctx's error is returned with the
// partial set, which must then not be reported.
func LoadContext(ctx context.Context, paths []string, q *questionnaire.Questionnaire, opt LoadOptions) (*Set, error) {
	// Each file makes short-lived garbage (its decoded answers, its score)
	// while what is kept stays small (one Record a file): collecting less
	// often saves a fifth of the time for a few more MiB of heap.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	files, problems, err := files(ctx, paths)
	set := &Set{Instrument: q, Files: len(files) + len(problems), Read: files}
	if err != nil {
		return set, err
	}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = max(1, min(workers, len(files)))

	type result struct {
		i   int
		rec Record
		err error
	}
	jobs := make(chan int)
	results := make(chan result, workers)
	sc := scoring.NewScorer(q)
	l := &loader{q: q, sc: sc}
	for range workers {
		go func() {
			for i := range jobs {
				if err := ctx.Err(); err != nil {
					// Stopped: drain the remaining jobs without reading.
					results <- result{i: i, err: err}
					continue
				}
				rec, err := l.one(files[i])
				results <- result{i: i, rec: rec, err: err}
			}
		}()
	}
	go func() {
		for i := range files {
			jobs <- i
		}
		close(jobs)
	}()

	// The single aggregator: results arrive in any order and are stored by
	// index, so the outcome does not depend on scheduling.
	recs := make([]Record, len(files))
	ok := make([]bool, len(files))
	for done := 1; done <= len(files); done++ {
		r := <-results
		if r.err != nil {
			problems = append(problems, Problem{File: files[r.i], Err: r.err})
		} else {
			recs[r.i], ok[r.i] = r.rec, true
		}
		if opt.Progress != nil {
			opt.Progress(done, len(files))
		}
	}
	if err := ctx.Err(); err != nil {
		return set, err
	}
	for i := range recs {
		if ok[i] {
			set.Records = append(set.Records, recs[i])
		}
	}
	slices.SortStableFunc(problems, func(a, b Problem) int { return strings.Compare(a.File, b.File) })
	set.Problems = problems
	reconcileKeys(set.Records)
	slices.SortFunc(set.Records, func(a, b Record) int {
		if c := strings.Compare(a.Key, b.Key); c != 0 {
			return c
		}
		if c := strings.Compare(a.Date, b.Date); c != 0 {
			return c
		}
		return strings.Compare(a.File, b.File)
	})
	set.Records, set.Duplicates = dedupe(set.Records)
	return set, nil
}

// Files lists the files under paths: folders are walked recursively for
// files ending in .json (any case), skipping hidden folders and files; a
// path given explicitly is taken whatever its name. The list is sorted and
// free of repeats. Paths that cannot be read become Problems.
func Files(paths []string) ([]string, []Problem) {
	f, p, _ := files(context.Background(), paths)
	return f, p
}

// files is Files, stopping when ctx is cancelled.
func files(ctx context.Context, paths []string) ([]string, []Problem, error) {
	seen := make(map[string]bool)
	var files []string
	var problems []Problem
	add := func(p string) {
		p = filepath.Clean(p)
		if !seen[p] {
			seen[p] = true
			files = append(files, p)
		}
	}
	for _, root := range paths {
		st, err := os.Stat(root)
		if err != nil {
			// ReadFile words the reason (no such file, permission denied).
			_, rerr := input.ReadFile(root, 1)
			if rerr == nil {
				rerr = err
			}
			problems = append(problems, Problem{File: root, Err: rerr})
			continue
		}
		if !st.IsDir() {
			add(root)
			continue
		}
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if cerr := ctx.Err(); cerr != nil {
				return cerr
			}
			if err != nil {
				problems = append(problems, Problem{File: p, Err: errors.New("cannot be read: " + unwrapPath(err))})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			hidden := p != root && strings.HasPrefix(d.Name(), ".")
			if d.IsDir() {
				if hidden {
					return fs.SkipDir
				}
				return nil
			}
			if hidden || !strings.EqualFold(filepath.Ext(p), ".json") {
				return nil
			}
			if d.Type().IsRegular() {
				add(p)
			} else if d.Type()&fs.ModeSymlink != 0 {
				// A link to a file counts; links to folders are not followed
				// (they could loop).
				if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
					add(p)
				}
			}
			return nil
		})
		if cerr := ctx.Err(); cerr != nil {
			return nil, nil, cerr
		}
		if err != nil {
			problems = append(problems, Problem{File: root, Err: errors.New("cannot be read: " + unwrapPath(err))})
		}
	}
	slices.Sort(files)
	return files, problems, nil
}

func unwrapPath(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// loader reads and scores one file; it is shared by the workers and only
// read.
type loader struct {
	q  *questionnaire.Questionnaire
	sc *scoring.Scorer
}

func (l *loader) one(path string) (Record, error) {
	q := l.q
	// The file is checked against the instrument it was made with, in the
	// one pass of LoadFast: the instrument in use (same id, version and
	// text), else the built-in release of that version, so that last
	// year's files are checked as fully as this year's.
	a, _, err := assessment.LoadFast(path, func(ref assessment.QuestionnaireRef) *questionnaire.Questionnaire {
		if ref.ID == q.ID && ref.Version == q.Version && q.Matches(ref.SHA256) {
			return q
		}
		if r, ok := questionnaire.Release(ref.ID, ref.Version, ref.SHA256); ok {
			return r
		}
		return nil
	})
	if err != nil {
		return Record{}, err
	}
	ref := a.Questionnaire
	switch {
	case !a.Complete:
		return Record{}, &input.Error{File: path, Field: "complete", Reason: "is an unfinished draft (complete: false); finish it before comparing"}
	case ref.ID != q.ID:
		return Record{}, &input.Error{File: path, Field: "questionnaire.id",
			Reason: fmt.Sprintf("was made with questionnaire %q, not %q (the one in use): nothing to compare it on", ref.ID, q.ID)}
	}
	rec := Record{
		File:        path,
		Key:         OrganisationKey(a.Organisation),
		OrgID:       strings.TrimSpace(a.Organisation.ID),
		Name:        a.Organisation.Name,
		Type:        a.Organisation.Type,
		Date:        a.Date,
		Respondents: len(a.Respondents),
		Instrument:  ref,
	}
	answers := a.Answers
	if ref.Version != q.Version || !q.Matches(ref.SHA256) {
		// Another version: compare on the questions both share. A question
		// of the instrument in use that the file has no answer to is most
		// likely not in its version; it is left out (as not applicable
		// leaves a question out), not counted as unanswered. Answers to
		// questions the instrument in use lacks are ignored by scoring.
		rec.OtherVersion = true
		shared := make(map[string]assessment.Answer, len(q.Questions))
		for i := range q.Questions {
			id := q.Questions[i].ID
			if x, ok := answers[id]; ok && x.Answered() {
				shared[id] = x
			} else {
				rec.Lacking++
				shared[id] = assessment.Answer{NA: "not in questionnaire version " + ref.Version}
			}
		}
		answers = shared
	}
	// "Most often needed" counts the recommendations a PSO needs at the
	// default target, whatever targets it chose: the same bar for every PSO.
	// Lean: compare shows no matrix, targets or steps, only which
	// recommendations are needed.
	r := l.sc.ScoreWith(answers, scoring.Options{OrgType: a.Organisation.Type, Lean: true})
	if !rec.OtherVersion && a.Scores != nil && len(assessment.StoredDiffers(a.Scores, r.Stored())) > 0 {
		rec.StoredDiffers = true
	}
	rec.Overall = math.NaN()
	if r.Overall.Defined {
		rec.Overall = scoring.Round1(r.Overall.Value)
	}
	rec.Stage = r.Stage
	rec.Coverage = scoring.RoundCoverage(r.Coverage)
	rec.Areas = values(r.Areas)
	rec.Principles = values(r.Principles)
	rec.Pillars = values(r.Pillars)
	if ids := r.RecommendationIDs(); len(ids) > 0 {
		rec.Recommendations = ids
	}
	return rec, nil
}

// values are the scores rounded as stored, NaN where undefined.
func values(ms []scoring.Measure) []float64 {
	out := make([]float64, len(ms))
	for i, m := range ms {
		out[i] = math.NaN()
		if m.Defined {
			out[i] = scoring.Round1(m.Value)
		}
	}
	return out
}

// OrganisationKey identifies a PSO across assessment files: "id:" and its
// id when the file gives one, else "name:" and its name folded (lower case,
// runs of white space as one space, trimmed). Two files are of the same PSO
// when their keys are equal; Load also joins a file without an id to the
// PSO that carries the same folded name and an id, when exactly one does.
func OrganisationKey(o assessment.Organisation) string {
	if id := foldSpace(o.ID); id != "" {
		return "id:" + id
	}
	return "name:" + FoldName(o.Name)
}

// FoldName folds a name for comparison (see input.FoldName): Unicode NFC,
// no invisible characters, lower case, runs of white space as one space, no
// leading or trailing space. Names that differ only by normalisation
// ("Ministère" in NFC and NFD) are one PSO.
func FoldName(s string) string { return input.FoldName(s) }

// foldSpace folds an organisation id: NFC, runs of white space as one
// space; case is kept (register ids may be case-sensitive).
func foldSpace(s string) string { return strings.Join(strings.Fields(norm.NFC.String(s)), " ") }

// SameOrganisation reports whether two organisations are the same PSO:
// the same id when both give one, else the same folded name (see
// assessment.SameOrganisation, which merge's rules use too).
func SameOrganisation(a, b assessment.Organisation) bool { return assessment.SameOrganisation(a, b) }

// reconcileKeys gives a record without an organisation id the key of the
// PSO with the same folded name and an id, when exactly one such PSO
// exists: a PSO that started giving its register id is still one PSO.
func reconcileKeys(recs []Record) {
	ids := make(map[string]map[string]bool) // folded name -> id keys
	for _, r := range recs {
		if strings.HasPrefix(r.Key, "id:") {
			n := FoldName(r.Name)
			if ids[n] == nil {
				ids[n] = make(map[string]bool)
			}
			ids[n][r.Key] = true
		}
	}
	for i := range recs {
		r := &recs[i]
		if !strings.HasPrefix(r.Key, "name:") {
			continue
		}
		if keys := ids[FoldName(r.Name)]; len(keys) == 1 {
			for k := range keys {
				r.Key = k
			}
		}
	}
}

// dedupe keeps one record per PSO and date: the one with the most
// respondents (a workshop's consolidated assessment rather than one
// respondent's file), then the last of the sorted records (the file whose
// path sorts last).
func dedupe(recs []Record) ([]Record, []Duplicate) {
	var dups []Duplicate
	out := recs[:0]
	for i := 0; i < len(recs); {
		j := i + 1
		for j < len(recs) && recs[j].Key == recs[i].Key && recs[j].Date == recs[i].Date {
			j++
		}
		keep := i
		for k := i + 1; k < j; k++ {
			if recs[k].Respondents >= recs[keep].Respondents {
				keep = k
			}
		}
		for k := i; k < j; k++ {
			if k != keep {
				dups = append(dups, Duplicate{File: recs[k].File, Kept: recs[keep].File})
			}
		}
		out = append(out, recs[keep])
		i = j
	}
	return out, dups
}
