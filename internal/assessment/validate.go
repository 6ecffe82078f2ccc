package assessment

import (
	"maps"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// where places the problems the semantic checks find: in which file, on
// which line (looked up in the decoded tree, when there is one) and under
// which field name.
type where struct {
	// doc is the file the assessment was read from (nil for one in
	// memory: problems then have no file and no line).
	doc *input.Doc
	// rename maps a field path of the Assessment to the path the file used
	// (an answers file may say "respondent" for "respondents[0]").
	rename func(path []any) []any
	// suggested counts the "did you mean" searches, which are bounded so
	// that a file of many thousand wrong ids is refused quickly.
	suggested int
}

func (w *where) err(reason input.Msg, path ...any) *input.Error {
	if w.rename != nil {
		path = w.rename(path)
	}
	return w.doc.Err(reason, path...)
}

// Validate runs on an in-memory assessment the checks that Load runs on a
// file: the schema tag; the instrument (id, version and sha256 equal to q's,
// when q is not nil); organisation, respondents, date and language; every
// answer (known question, one of level, dont_know and na, level 0-4, na only
// where the question allows it and with a reason); and the spread. Problems
// are returned as input.Errors without file or line.
func Validate(a *Assessment, q *questionnaire.Questionnaire) error {
	w := &where{}
	if a.Schema != SchemaV1 {
		return w.err(unsupportedSchema(strconv.Quote(a.Schema)), "schema")
	}
	if es := checkInstrument(a, q, w); len(es) > 0 {
		return es.Err()
	}
	return checkBody(a, q, w).Err()
}

// checkInstrument checks the questionnaire reference and, when q is not
// nil, that the assessment was made with q. A mismatch is reported alone:
// the answers of another instrument would only add noise.
func checkInstrument(a *Assessment, q *questionnaire.Questionnaire, w *where) input.Errors {
	var errs input.Errors
	ref := a.Questionnaire
	if ref.ID == "" {
		errs = append(errs, w.err(input.M("input.assessment.missing_questionnaire_id"), "questionnaire", "id"))
	}
	if ref.Version == "" {
		errs = append(errs, w.err(input.M("input.assessment.missing_questionnaire_version"), "questionnaire", "version"))
	}
	errs = append(errs, checkText(ref.ID, false, w, "questionnaire", "id")...)
	errs = append(errs, checkText(ref.Version, false, w, "questionnaire", "version")...)
	errs = append(errs, checkText(a.Tool, false, w, "tool")...)
	if !sha256Hex.MatchString(ref.SHA256) {
		errs = append(errs, w.err(input.M("input.assessment.bad_sha256", "Found", strconv.Quote(input.Clip(ref.SHA256))), "questionnaire", "sha256"))
	}
	if len(errs) > 0 || q == nil {
		return errs
	}
	switch {
	case ref.ID != q.ID:
		errs = append(errs, w.err(input.M("input.assessment.other_questionnaire", "Made", strconv.Quote(ref.ID), "InUse", strconv.Quote(q.ID)), "questionnaire", "id"))
	case ref.Version != q.Version:
		errs = append(errs, w.err(input.M("input.assessment.other_version", "Made", input.Quote(ref.Version), "ID", strconv.Quote(q.ID), "InUse", q.Version), "questionnaire", "version"))
	case !q.Matches(ref.SHA256):
		errs = append(errs, w.err(input.M("input.assessment.other_text", "ID", strconv.Quote(q.ID), "Version", q.Version, "Made", ref.SHA256, "InUse", q.Hash()), "questionnaire", "sha256"))
	}
	return errs
}

var (
	sha256Hex = regexp.MustCompile(`^[0-9a-fA-F]{64}$`)
	dateForm  = regexp.MustCompile(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`)
	langForm  = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$`)
)

// checkText applies the one text policy (input.CheckText) to a text of
// the file: what could drive, reorder or hide what a terminal shows is
// refused. Comments and reasons (lines true) may hold line breaks and tabs.
func checkText(s string, lines bool, w *where, path ...any) input.Errors {
	mode := input.SingleLine
	if lines {
		mode = input.Multiline
	}
	if reason := input.TextProblem(s, mode); reason.ID != "" {
		return input.Errors{w.err(reason, path...)}
	}
	return nil
}

// checkKeys applies the text policy to the keys of a map read from the
// file (question ids, score ids): a key is shown in messages and reports.
func checkKeys[V any](m map[string]V, w *where, path ...any) input.Errors {
	var errs input.Errors
	for k := range m {
		if reason := input.TextProblem(k, input.SingleLine); reason.ID != "" {
			errs = append(errs, w.err(input.M("input.assessment.bad_key", "Key", input.Quote(k), "Reason", reason), append(slices.Clone(path), k)...))
		}
	}
	// Map order is random: sort what was found, not every key.
	slices.SortFunc(errs, func(a, b *input.Error) int { return strings.Compare(a.Field, b.Field) })
	return errs
}

// checkDate checks a YYYY-MM-DD date that is a real day of the calendar.
func checkDate(date string) input.Msg {
	if !dateForm.MatchString(date) {
		return input.M("input.assessment.date_form", "Found", strconv.Quote(input.Clip(date)))
	}
	if _, err := time.Parse(time.DateOnly, date); err != nil {
		return input.M("input.assessment.date_not_a_day", "Date", date)
	}
	return input.Msg{}
}

// checkBody checks what answers files and assessment files share.
func checkBody(a *Assessment, q *questionnaire.Questionnaire, w *where) input.Errors {
	var errs input.Errors
	o := a.Organisation
	switch {
	case strings.TrimSpace(o.Name) == "" && o.Type == "" && o.ID == "":
		errs = append(errs, w.err(input.M("input.assessment.missing_organisation"), "organisation"))
	default:
		if strings.TrimSpace(o.Name) == "" {
			errs = append(errs, w.err(input.M("input.assessment.missing_organisation_name"), "organisation", "name"))
		}
		if o.Type == "" {
			errs = append(errs, w.err(input.M("input.assessment.missing_organisation_type", "Types", strings.Join(OrganisationTypes, ", ")), "organisation", "type"))
		} else if !slices.Contains(OrganisationTypes, o.Type) {
			errs = append(errs, w.err(input.M("input.assessment.unknown_organisation_type", "Type", strconv.Quote(input.Clip(o.Type)), "Types", strings.Join(OrganisationTypes, ", ")), "organisation", "type"))
		}
	}
	for i, r := range a.Respondents {
		if strings.TrimSpace(r.Name) == "" {
			errs = append(errs, w.err(input.M("input.assessment.missing_respondent_name"), "respondents", i, "name"))
		}
		errs = append(errs, checkText(r.Name, false, w, "respondents", i, "name")...)
		errs = append(errs, checkText(r.Role, false, w, "respondents", i, "role")...)
	}
	errs = append(errs, checkText(o.Name, false, w, "organisation", "name")...)
	errs = append(errs, checkText(o.ID, false, w, "organisation", "id")...)
	if a.Date == "" {
		errs = append(errs, w.err(input.M("input.assessment.missing_date"), "date"))
	} else if reason := checkDate(a.Date); reason.ID != "" {
		errs = append(errs, w.err(reason, "date"))
	}
	if a.Language != "" && !langForm.MatchString(a.Language) {
		errs = append(errs, w.err(input.M("input.assessment.language", "Found", strconv.Quote(input.Clip(a.Language))), "language"))
	}
	// Keys first: an id that could drive a terminal is refused as such,
	// and never reaches the "unknown question" message.
	keyErrs := checkKeys(a.Answers, w, "answers")
	keyErrs = append(keyErrs, checkKeys(a.Spread, w, "spread")...)
	if sc := a.Scores; sc != nil {
		keyErrs = append(keyErrs, checkKeys(sc.Areas, w, "scores", "areas")...)
		keyErrs = append(keyErrs, checkKeys(sc.Principles, w, "scores", "principles")...)
		keyErrs = append(keyErrs, checkKeys(sc.Pillars, w, "scores", "pillars")...)
		keyErrs = append(keyErrs, checkText(sc.Stage, false, w, "scores", "stage")...)
	}
	for i, id := range a.Recommendations {
		// Checked before the field path is built: one allocation less per
		// id of every file compare reads.
		if reason := input.TextProblem(id, input.SingleLine); reason.ID != "" {
			keyErrs = append(keyErrs, w.err(reason, "recommendations", i))
		}
	}
	if len(keyErrs) > 0 {
		return append(errs, keyErrs...)
	}
	// The happy path checks the answers in map order; only when one is
	// refused are they checked again in the order of their ids, so that
	// the messages (and which unknown ids get a suggestion) are the same
	// on every run.
	// The probe's errors are dropped: it is given no field path, which
	// would cost an allocation per answer and is only read in messages.
	bad := false
	probe := &where{}
	for id, ans := range a.Answers {
		if len(checkAnswer(ans, id, q, probe)) > 0 {
			bad = true
			break
		}
	}
	if bad {
		for _, id := range slices.Sorted(maps.Keys(a.Answers)) {
			errs = append(errs, checkAnswer(a.Answers[id], id, q, w, "answers", id)...)
		}
	}
	errs = append(errs, checkTargets(a.Targets, q, w)...)
	errs = append(errs, checkStored(a, w)...)
	for _, id := range slices.Sorted(maps.Keys(a.Spread)) {
		s := a.Spread[id]
		if q != nil {
			if _, ok := q.Question(id); !ok {
				errs = append(errs, w.err(w.unknownQuestion(id, q), "spread", id))
				continue
			}
		}
		// Min and max are -1 when nobody gave a level (all don't know or n/a).
		noLevels := s.Min == -1 && s.Max == -1 && !anyLevel(s.Responses)
		if !noLevels && (!inScale(s.Min) || !inScale(s.Max) || s.Min > s.Max) {
			errs = append(errs, w.err(input.M("input.assessment.spread_range", "Min", s.Min, "Max", s.Max), "spread", id))
		}
		for i, r := range s.Responses {
			errs = append(errs, checkAnswer(r, id, q, w, "spread", id, "responses", i)...)
		}
	}
	return errs
}

// checkAnswer checks one answer to question id, found at path.
func checkAnswer(ans Answer, id string, q *questionnaire.Questionnaire, w *where, path ...any) input.Errors {
	var qu *questionnaire.Question
	if q != nil {
		var ok bool
		if qu, ok = q.Question(id); !ok {
			return input.Errors{w.err(w.unknownQuestion(id, q), path...)}
		}
	}
	var errs input.Errors
	given := 0
	if ans.Level != nil {
		given++
	}
	if ans.DontKnow {
		given++
	}
	if ans.NA != "" {
		given++
	}
	if given > 1 {
		errs = append(errs, w.err(input.M("input.answer.several"), path...))
	}
	if ans.Level != nil && !inScale(*ans.Level) {
		errs = append(errs, w.err(input.M("input.answer.level_outside", "Level", *ans.Level), append(path, "level")...))
	}
	if ans.NA != "" {
		if strings.TrimSpace(ans.NA) == "" {
			errs = append(errs, w.err(naReason, append(path, "na")...))
		}
		if qu != nil && !qu.NA {
			errs = append(errs, w.err(input.M("input.answer.na_not_allowed", "ID", id), append(path, "na")...))
		}
		errs = append(errs, checkText(ans.NA, true, w, append(path, "na")...)...)
	}
	// The comment's field path is built only for a refused comment (most
	// answers have none, and this runs for every answer compare reads).
	if reason := input.TextProblem(ans.Comment, input.Multiline); reason.ID != "" {
		errs = append(errs, w.err(reason, append(path, "comment")...))
	}
	return errs
}

// naReason refuses "not applicable" without a reason.
var naReason = input.M("input.answer.na_reason")

// unsupportedSchema refuses a schema tag (quoted) this version does not
// read.
func unsupportedSchema(tag string) input.Msg {
	return input.M("input.assessment.unsupported_schema", "Found", tag, "Reads", strconv.Quote(SchemaV1))
}

// anyLevel reports whether any of the answers has a level.
func anyLevel(as []Answer) bool {
	for _, a := range as {
		if a.Level != nil {
			return true
		}
	}
	return false
}

func inScale(l int) bool { return l >= questionnaire.MinLevel && l <= questionnaire.MaxLevel }

// unknownQuestion says that id is not a question of q, suggesting the
// closest id when one is near.
func (w *where) unknownQuestion(id string, q *questionnaire.Questionnaire) input.Msg {
	if w.suggested++; w.suggested <= maxErrors {
		// A question an earlier release of the built-in instrument asked:
		// say so, rather than suggest a look-alike id with another meaning.
		if v := retiredIn(id, q); v != "" {
			return input.M("input.answer.retired_question", "ID", strconv.Quote(input.Clip(id)), "Release", v, "Questionnaire", q.ID, "InUse", q.Version)
		}
		ids := make([]string, len(q.Questions))
		for i, x := range q.Questions {
			ids[i] = x.ID
		}
		if c := closest(id, ids); c != "" {
			return input.M("input.answer.unknown_question_near", "ID", strconv.Quote(input.Clip(id)), "Near", c)
		}
	}
	return input.M("input.answer.unknown_question", "ID", strconv.Quote(input.Clip(id)), "Questionnaire", q.ID)
}

// retiredIn returns the latest release of q's built-in instrument, older
// than q, that asked question id, or "" when none did (or q is not a
// release of the built-in instrument).
func retiredIn(id string, q *questionnaire.Questionnaire) string {
	if q.ID != questionnaire.DefaultID {
		return ""
	}
	found := ""
	for _, r := range questionnaire.Releases() {
		if r.Version == q.Version {
			break
		}
		if _, ok := r.Question(id); ok {
			found = r.Version
		}
	}
	return found
}

// checkTargets checks the recorded targets: levels 1 to 4, and ids of the
// right kind when q is given.
func checkTargets(t *Targets, q *questionnaire.Questionnaire, w *where) input.Errors {
	if t == nil {
		return nil
	}
	var errs input.Errors
	if t.Default != 0 && !validTarget(t.Default) {
		errs = append(errs, w.err(input.M("input.target.range", "Found", t.Default), "targets", "default"))
	}
	for _, g := range []struct {
		key     string
		m       map[string]int
		known   func(string) bool
		unknown string
	}{
		{"areas", t.Areas, func(id string) bool { _, ok := q.Area(id); return ok }, "input.target.not_area"},
		{"principles", t.Principles, func(id string) bool { _, ok := q.Principle(id); return ok }, "input.target.not_principle"},
		{"questions", t.Questions, func(id string) bool { _, ok := q.Question(id); return ok }, "input.target.not_question"},
	} {
		for _, id := range slices.Sorted(maps.Keys(g.m)) {
			switch {
			case q != nil && !g.known(id):
				errs = append(errs, w.err(input.M(g.unknown, "ID", strconv.Quote(input.Clip(id))), "targets", g.key, id))
			case !validTarget(g.m[id]):
				errs = append(errs, w.err(input.M("input.target.range", "Found", g.m[id]), "targets", g.key, id))
			}
		}
	}
	return errs
}

// validTarget reports whether l can be a target: a level above 0 (a target
// of 0 would ask for nothing).
func validTarget(l int) bool { return l > questionnaire.MinLevel && l <= questionnaire.MaxLevel }

// storedPhases and storedPriorities are the values a stored roadmap step
// may carry, as the JSON Schema lists them (a test keeps them equal) and
// as scoring writes them (scoring.Phases, its bands).
var (
	storedPhases     = []string{"Foundations", "Consolidation", "Leadership"}
	storedPriorities = []string{"High", "Medium", "Low"}
)

// checkStored checks what a file stores for convenience (scores, the
// recommendations' roadmap) against the bounds of the JSON Schema. Reports
// recompute them, but a file is saved again as it was read (a finished
// assessment resumed as a draft): a value the schema forbids must be
// refused here, or it is written out again. A part left out reads as its
// zero value, which the schema allows.
func checkStored(a *Assessment, w *where) input.Errors {
	var errs input.Errors
	if sc := a.Scores; sc != nil {
		if !inRange(sc.Overall, 100) {
			errs = append(errs, w.err(input.M("input.stored.score", "Found", storedNumber(sc.Overall)), "scores", "overall"))
		}
		if !inRange(sc.Coverage, 1) {
			errs = append(errs, w.err(input.M("input.stored.coverage", "Found", storedNumber(sc.Coverage)), "scores", "coverage"))
		}
		for _, g := range []struct {
			key string
			m   map[string]float64
		}{{"areas", sc.Areas}, {"principles", sc.Principles}, {"pillars", sc.Pillars}} {
			for _, id := range slices.Sorted(maps.Keys(g.m)) {
				if v := g.m[id]; !inRange(v, 100) {
					errs = append(errs, w.err(input.M("input.stored.score", "Found", storedNumber(v)), "scores", g.key, id))
				}
			}
		}
	}
	for i, it := range a.Roadmap {
		errs = append(errs, checkText(it.Recommendation, false, w, "roadmap", i, "recommendation")...)
		if !validTarget(it.Level) {
			errs = append(errs, w.err(input.M("input.target.range", "Found", it.Level), "roadmap", i, "level"))
		}
		if !slices.Contains(storedPhases, it.Phase) {
			errs = append(errs, w.err(input.M("input.stored.phase", "Found", strconv.Quote(input.Clip(it.Phase))), "roadmap", i, "phase"))
		}
		if !slices.Contains(storedPriorities, it.Priority) {
			errs = append(errs, w.err(input.M("input.stored.priority", "Found", strconv.Quote(input.Clip(it.Priority))), "roadmap", i, "priority"))
		}
		if it.Step < 0 {
			errs = append(errs, w.err(input.M("input.stored.step", "Found", it.Step), "roadmap", i, "step"))
		}
		if len(it.Questions) == 0 {
			errs = append(errs, w.err(input.M("input.stored.no_questions"), "roadmap", i, "questions"))
		}
		for j, mv := range it.Questions {
			errs = append(errs, checkText(mv.ID, false, w, "roadmap", i, "questions", j, "id")...)
			if !inScale(mv.Level) {
				errs = append(errs, w.err(input.M("input.answer.level_outside", "Level", mv.Level), "roadmap", i, "questions", j, "level"))
			}
			if !validTarget(mv.Target) {
				errs = append(errs, w.err(input.M("input.target.range", "Found", mv.Target), "roadmap", i, "questions", j, "target"))
			}
		}
	}
	return errs
}

// inRange reports whether v lies in 0..limit.
func inRange(v, limit float64) bool { return v >= 0 && v <= limit }

// storedNumber is a number from the file as a message shows it: the local
// way, with the decimals it has; a huge one in exponent form, not as
// hundreds of digits.
func storedNumber(v float64) any {
	if math.Abs(v) >= 1e9 {
		return strconv.FormatFloat(v, 'g', 6, 64)
	}
	return input.Number{Value: v, Decimals: -1}
}
