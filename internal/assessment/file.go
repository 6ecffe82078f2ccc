package assessment

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// MaxFileSize is the largest assessment file read (5 MiB); a consolidated
// workshop assessment with long comments stays far below it.
const MaxFileSize = 5 * input.MiB

// Load reads an assessment file (at most MaxFileSize) with Parse.
func Load(path string, q *questionnaire.Questionnaire) (*Assessment, []input.Msg, error) {
	data, err := input.ReadFile(path, MaxFileSize)
	if err != nil {
		return nil, nil, err
	}
	return Parse(path, data, q)
}

// Parse reads an assessment file (dgmaturity/assessment/v1, JSON) and runs
// the checks of Validate on it, naming file, line and field of every
// problem (input.Errors). It refuses a missing or other schema tag, and a
// file made with another instrument than q (id, version or sha256; q may be
// nil to skip that check, e.g. to list files of several instruments); duplicate
// keys, unknown fields and values of the wrong type. Drafts (complete false)
// are read with the same rules.
//
// The warnings are about things that do not stop the file from being used:
// stored recommendation ids that q does not know. Stored scores are not
// compared here (scoring is above this package): callers recompute them and
// add StoredDiffers to the warnings.
func Parse(file string, data []byte, q *questionnaire.Questionnaire) (*Assessment, []input.Msg, error) {
	if len(data) > MaxFileSize {
		return nil, nil, &input.Error{File: file, Msg: input.TooLarge(MaxFileSize)}
	}
	data, err := input.Check(file, data)
	if err != nil {
		return nil, nil, err
	}
	root, errs := input.ParseJSON(file, data)
	if root == nil {
		return nil, nil, errs.Err()
	}
	if root.Kind != input.KindObject {
		return nil, nil, &input.Error{File: file, Line: root.Line, Msg: input.M("input.file_a.not_object", "Schema", SchemaV1)}
	}
	// The schema tag first: a file of another kind or version would
	// otherwise drown in unknown fields.
	switch sn := root.Get("schema"); {
	case sn == nil:
		return nil, nil, &input.Error{File: file, Line: root.Line, Field: "schema",
			Msg: input.M("input.file_a.missing_schema", "Schema", strconv.Quote(SchemaV1))}
	case sn.Kind != input.KindString:
		return nil, nil, &input.Error{File: file, Line: sn.Line, Field: "schema",
			Msg: input.M("input.file_a.schema_kind", "Schema", strconv.Quote(SchemaV1), "Found", sn.Describe(true))}
	case sn.Text != SchemaV1:
		return nil, nil, &input.Error{File: file, Line: sn.Line, Field: "schema",
			Msg: unsupportedSchema(strconv.Quote(input.Clip(sn.Text)))}
	}
	c := &checker{file: file, json: true, errs: errs}
	c.shape(root, reflect.TypeOf(Assessment{}))
	c.blankNA(root)
	if len(c.errs) > 0 {
		c.errs = sortErrors(c.errs)
		return nil, nil, c.errs.Err()
	}
	var a Assessment
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&a); err != nil {
		// The tree checks above leave nothing for the decoder to refuse;
		// should they miss a case, the error still names file and line.
		return nil, nil, decodeError(file, data, err)
	}
	// Left-out lists and maps read as empty ones, so that callers can add
	// answers to a loaded draft without a nil map.
	if a.Answers == nil {
		a.Answers = map[string]Answer{}
	}
	if a.Respondents == nil {
		a.Respondents = []Respondent{}
	}
	w := &where{doc: &input.Doc{File: file, Root: root}}
	if es := checkInstrument(&a, q, w); len(es) > 0 {
		es = sortErrors(es)
		return nil, nil, es.Err()
	}
	if es := checkBody(&a, q, w); len(es) > 0 {
		es = sortErrors(es)
		return nil, nil, es.Err()
	}
	return &a, recommendationWarnings(&a, q), nil
}

// recommendationWarnings warns of stored recommendation ids that q does
// not know. The file is not named: whoever says the warning names it.
func recommendationWarnings(a *Assessment, q *questionnaire.Questionnaire) []input.Msg {
	var warnings []input.Msg
	if q != nil {
		for _, id := range a.Recommendations {
			if _, ok := q.Recommendation(id); !ok {
				warnings = append(warnings, input.M("input.warning.stored_recommendation",
					"ID", fmt.Sprintf("%q", input.Clip(id)), "Questionnaire", q.ID, "Version", q.Version))
			}
		}
	}
	return warnings
}

// LoadFast is Load for reading many files (compare), with the instrument
// to check each file against chosen from the file's own questionnaire
// reference (choose may return nil: no instrument check, as Load with a nil
// q). A file is decoded with encoding/json and checked with the checks of
// Validate when plainJSON finds none of the leniencies of encoding/json in
// it (see fast.go), as in every file the tool writes; any other file, and
// any file refused, goes through Parse, which names the line of every
// problem. The outcome is Load's followed by Validate against the chosen
// instrument, only faster: the line numbers are worked out only for the
// files that are refused.
func LoadFast(path string, choose func(QuestionnaireRef) *questionnaire.Questionnaire) (*Assessment, []input.Msg, error) {
	data, err := input.ReadFile(path, MaxFileSize)
	if err != nil {
		return nil, nil, err
	}
	if a := decodeFast(data); a != nil {
		q := choose(a.Questionnaire)
		w := &where{doc: &input.Doc{File: path}}
		es := checkInstrument(a, q, w)
		if len(es) == 0 {
			es = checkBody(a, q, w)
		}
		if len(es) == 0 {
			return a, recommendationWarnings(a, q), nil
		}
	}
	// Not canonical, or refused: the strict reader, for exact lines.
	a, warnings, err := Parse(path, data, nil)
	if err != nil {
		return nil, nil, err
	}
	if q := choose(a.Questionnaire); q != nil {
		w := &where{doc: &input.Doc{File: path}}
		es := checkInstrument(a, q, w)
		if len(es) == 0 {
			es = checkBody(a, q, w)
		}
		if len(es) > 0 {
			return nil, nil, sortErrors(es).Err()
		}
		warnings = recommendationWarnings(a, q)
	}
	return a, warnings, nil
}

// blankNA refuses "na": "" (and blank reasons), which encoding/json would
// read as no na at all.
func (c *checker) blankNA(root *input.Node) {
	check := func(ans *input.Node, path ...any) {
		if nn := ans.Get("na"); nn != nil && nn.Kind == input.KindString && strings.TrimSpace(nn.Text) == "" {
			c.addAt(nn, naReason, append(path, "na")...)
		}
	}
	if an := root.Get("answers"); an != nil && an.Kind == input.KindObject {
		for i, id := range an.Keys {
			check(an.Kids[i], "answers", id)
		}
	}
	if sn := root.Get("spread"); sn != nil && sn.Kind == input.KindObject {
		for i, id := range sn.Keys {
			if rn := sn.Kids[i].Get("responses"); rn != nil && rn.Kind == input.KindArray {
				for j, r := range rn.Kids {
					check(r, "spread", id, "responses", j)
				}
			}
		}
	}
}

// decodeError names the line of an encoding/json error.
func decodeError(file string, data []byte, err error) error {
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	nl := input.NewLines(data)
	switch {
	case errors.As(err, &te):
		// Go's names of the types: a case the tree checks should never leave.
		return &input.Error{File: file, Line: nl.At(int(max(te.Offset-1, 0))), Field: te.Field,
			Msg: input.Expected(input.M("input.kind.as_written", "Text", te.Type.String()), input.M("input.kind.as_written", "Text", te.Value))}
	case errors.As(err, &se):
		return &input.Error{File: file, Line: nl.At(int(max(se.Offset-1, 0))), Msg: input.NotJSON(se)}
	}
	return &input.Error{File: file, Msg: input.M("input.json.other", "Detail", strings.TrimPrefix(err.Error(), "json: "))}
}

// Marshal encodes a as an assessment file: JSON indented by two spaces,
// map keys sorted, no HTML escaping, a trailing newline. An empty Schema is
// written as SchemaV1, and missing lists and maps as empty ones rather than
// null, as the JSON Schema asks.
func Marshal(a *Assessment) ([]byte, error) {
	out := canonical(a)
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(out); err != nil {
		return nil, fmt.Errorf("encode assessment: %w", err)
	}
	return b.Bytes(), nil
}

// canonical returns a copy of a as Marshal writes it: the schema tag set,
// and empty lists and maps where a has none.
func canonical(a *Assessment) *Assessment {
	out := *a
	if out.Schema == "" {
		out.Schema = SchemaV1
	}
	if out.Respondents == nil {
		out.Respondents = []Respondent{}
	}
	if out.Answers == nil {
		out.Answers = map[string]Answer{}
	}
	if a.Scores != nil {
		s := *a.Scores
		for _, m := range []*map[string]float64{&s.Areas, &s.Principles, &s.Pillars} {
			if *m == nil {
				*m = map[string]float64{}
			}
		}
		out.Scores = &s
	}
	return &out
}

// scoreTolerance is how far stored and recomputed scores may differ before
// the stored ones count as edited: rounding to one decimal stays within it.
const scoreTolerance = 0.05

// StoredDiffers compares the scores stored in a file with the ones
// recomputed from its answers and returns, as messages, every difference
// beyond 0.05 points (0.05 percentage points for coverage), e.g. "stored
// overall score 61.2 differs from the recomputed 57.5". Either being nil
// gives nil. Callers add the messages to their warnings.
func StoredDiffers(stored, recomputed *Scores) []input.Msg {
	if stored == nil || recomputed == nil {
		return nil
	}
	var out []input.Msg
	if differs(stored.Overall, recomputed.Overall) {
		out = append(out, input.M("input.warning.overall_differs", "Stored", score(stored.Overall), "Recomputed", score(recomputed.Overall)))
	}
	if stored.Stage != recomputed.Stage {
		out = append(out, input.M("input.warning.stage_differs", "Stored", fmt.Sprintf("%q", stored.Stage), "Recomputed", fmt.Sprintf("%q", recomputed.Stage)))
	}
	out = append(out, mapDiffers("area", stored.Areas, recomputed.Areas)...)
	out = append(out, mapDiffers("principle", stored.Principles, recomputed.Principles)...)
	out = append(out, mapDiffers("pillar", stored.Pillars, recomputed.Pillars)...)
	if differs(100*stored.Coverage, 100*recomputed.Coverage) {
		out = append(out, input.M("input.warning.coverage_differs", "Stored", score(100*stored.Coverage), "Recomputed", score(100*recomputed.Coverage)))
	}
	return out
}

func differs(a, b float64) bool { return math.Abs(a-b) > scoreTolerance+1e-9 }

// score is a score in a warning: one decimal, written the way of the
// warning's language.
func score(v float64) input.Number { return input.Number{Value: v, Decimals: 1} }

// mapDiffers compares the stored and recomputed scores of one kind of
// group (area, principle or pillar: the message ids input.warning.KIND_*).
func mapDiffers(kind string, stored, recomputed map[string]float64) []input.Msg {
	var out []input.Msg
	for _, id := range slices.Sorted(maps.Keys(stored)) {
		r, ok := recomputed[id]
		switch {
		case !ok:
			out = append(out, input.M("input.warning."+kind+"_unknown", "ID", id, "Stored", score(stored[id])))
		case differs(stored[id], r):
			out = append(out, input.M("input.warning."+kind+"_differs", "ID", id, "Stored", score(stored[id]), "Recomputed", score(r)))
		}
	}
	for _, id := range slices.Sorted(maps.Keys(recomputed)) {
		if _, ok := stored[id]; !ok {
			out = append(out, input.M("input.warning."+kind+"_missing", "ID", id, "Recomputed", score(recomputed[id])))
		}
	}
	return out
}
