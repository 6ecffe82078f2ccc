package assessment

import (
	"bytes"
	"errors"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// MaxAnswersSize is the largest answers file read (1 MiB): the full
// questionnaire answered with long comments fits many times over.
const MaxAnswersSize = 1 * input.MiB

// answersFields are the top-level fields of an answers file.
var answersFields = []string{"organisation", "respondent", "respondents", "date", "language", "targets", "answers"}

// answerFields are the fields of an answer written as a mapping.
var answerFields = []string{"level", "dont_know", "na", "comment"}

// LoadAnswers reads an answers file (at most MaxAnswersSize) with
// ParseAnswers.
func LoadAnswers(path string, q *questionnaire.Questionnaire, today string) (*Assessment, error) {
	data, err := input.ReadFile(path, MaxAnswersSize)
	if err != nil {
		return nil, err
	}
	return ParseAnswers(path, data, q, today)
}

// ParseAnswers reads an answers file, the input of the non-interactive run,
// into an Assessment made with q: Schema, Questionnaire and Complete (true)
// set, Tool and Scores left for the caller. The file is JSON when its first
// non-space byte is '{', else YAML:
//
//	organisation: {id: LU-123, name: Example Agency, type: agency}
//	respondent:   {name: A. Lead, role: Head of digital}   # or respondents: [{...}, ...]
//	date: 2026-03-01                                       # optional; default today
//	language: en                                           # optional
//	targets: {data: 4, P3: 4, DATA-03: 2}                  # optional; by area, principle or question id
//	answers:
//	  CTX-01: 3
//	  CTX-02: {level: 1, comment: "strategy exists, not known outside IT"}
//	  DATA-04: dont_know                                   # or {dont_know: true, comment: ...}
//	  SVC-07: {na: "we deliver no services to the public", comment: ...}
//
// Every problem is reported with file, line and field, all in one pass, as
// input.Errors. Decisions worth knowing:
//   - Unanswered questions are allowed. A partial file gives a partial
//     assessment that is still Complete (nothing more will be asked);
//     scoring lists the missing questions as unanswered. An answer written
//     as nothing (CTX-01: ~), as an empty mapping, or as a mapping with only
//     a comment is such an unanswered question (the comment is kept).
//   - A level is a whole number 0-4; 2.0 counts as 2, but 1.5, "2" and true
//     are refused. The organisation type and the language are matched
//     without regard to case and stored in lower case.
//   - At least one answer must be given: an empty answers file is a mistake.
//   - targets maps area, principle and question ids to target levels 1-4
//     (ids are unique across an instrument, so one map serves all three);
//     the default target of the other questions comes from the caller
//     (--target), else DefaultTarget.
func ParseAnswers(file string, data []byte, q *questionnaire.Questionnaire, today string) (*Assessment, error) {
	if q == nil {
		return nil, errors.New("read answers: no questionnaire given")
	}
	root, c, err := answersTree(file, data)
	if err != nil {
		return nil, err
	}
	c.keys(root, answersFields)

	a := &Assessment{
		Schema:        SchemaV1,
		Questionnaire: QuestionnaireRef{ID: q.ID, Version: q.Version, SHA256: q.Hash()},
		Respondents:   []Respondent{},
		Answers:       map[string]Answer{},
		Complete:      true,
		Date:          today,
	}
	a.Organisation = c.organisation(root.Get("organisation"))
	var singular bool
	a.Respondents, singular = c.respondents(root)
	if dn := root.Get("date"); dn != nil && dn.Kind != input.KindNull {
		a.Date = c.text(dn, "date")
	}
	a.Language = strings.ToLower(c.text(root.Get("language"), "language"))

	w := &where{doc: &input.Doc{File: file, Root: root}}
	a.Targets = c.targets(root.Get("targets"), q)
	c.answers(root, q, w, a.Answers)

	if singular {
		w.rename = func(path []any) []any {
			if len(path) >= 2 && path[0] == "respondents" && path[1] == 0 {
				return append([]any{"respondent"}, path[2:]...)
			}
			return path
		}
	}
	c.errs = append(c.errs, overlooked(c.errs, checkBody(a, q, w))...)
	if len(c.errs) > 0 {
		c.errs = sortErrors(c.errs)
		return nil, c.errs.Err()
	}
	return a, nil
}

// answersTree checks and decodes an answers file (JSON when its first
// non-space byte is '{', else YAML) into a tree whose top is an object,
// with a checker that holds the decoding problems found so far.
func answersTree(file string, data []byte) (*input.Node, *checker, error) {
	if len(data) > MaxAnswersSize {
		return nil, nil, &input.Error{File: file, Msg: input.TooLarge(MaxAnswersSize)}
	}
	data, err := input.Check(file, data)
	if err != nil {
		return nil, nil, err
	}
	isJSON := bytes.TrimLeft(data, " \t\r\n")[0] == '{'
	c := &checker{file: file, json: isJSON}
	var root *input.Node
	if isJSON {
		root, c.errs = input.ParseJSON(file, data)
	} else {
		// Decoded into a map of nodes: the values are read from the tree,
		// which keeps every line, and unknown fields are refused there
		// with a suggestion.
		var top map[string]yaml.Node
		doc, err := input.DecodeYAML(file, data, &top)
		if err != nil {
			return nil, nil, err
		}
		root, c.errs = doc.Root, doc.Problems
	}
	if root == nil {
		return nil, nil, c.errs.Err()
	}
	if root.Kind != input.KindObject {
		return nil, nil, &input.Error{File: file, Line: root.Line, Msg: input.M("input.answers.not_object")}
	}
	return root, c, nil
}

// organisation reads the organisation of an answers file (on may be nil).
func (c *checker) organisation(on *input.Node) Organisation {
	if on == nil || on.Kind == input.KindNull {
		return Organisation{}
	}
	if on.Kind != input.KindObject {
		c.addAt(on, input.M("input.answers.organisation_shape", "Object", c.object(), "Found", on.Describe(c.json)), "organisation")
		return Organisation{}
	}
	c.keys(on, []string{"id", "name", "type"}, "organisation")
	return Organisation{
		ID:   c.text(on.Get("id"), "organisation", "id"),
		Name: c.text(on.Get("name"), "organisation", "name"),
		Type: strings.ToLower(c.text(on.Get("type"), "organisation", "type")),
	}
}

// respondents reads respondent (one, then singular is true) or
// respondents (a list) of an answers file.
func (c *checker) respondents(root *input.Node) (rs []Respondent, singular bool) {
	rs = []Respondent{}
	rn, rsn := root.Get("respondent"), root.Get("respondents")
	switch {
	case rn != nil && rsn != nil:
		c.addAt(rsn, input.M("input.answers.respondent_both"), "respondents")
	case rn != nil && rn.Kind != input.KindNull:
		singular = true
		if r, ok := c.respondent(rn, "respondent"); ok {
			rs = append(rs, r)
		}
	case rsn != nil && rsn.Kind != input.KindNull:
		if rsn.Kind != input.KindArray {
			c.addAt(rsn, input.M("input.answers.respondents_shape", "Found", rsn.Describe(c.json)), "respondents")
			break
		}
		for i, kid := range rsn.Kids {
			// Keep positions aligned with the file, so that later checks
			// name the right line.
			r, _ := c.respondent(kid, "respondents", i)
			rs = append(rs, r)
		}
	}
	return rs, singular
}

// answers reads the answers of an answers file into into.
func (c *checker) answers(root *input.Node, q *questionnaire.Questionnaire, w *where, into map[string]Answer) {
	an := root.Get("answers")
	switch {
	case an == nil || an.Kind == input.KindNull:
		c.add(root.LineOf("answers"), input.M("input.answers.missing"), "answers")
	case an.Kind != input.KindObject:
		c.addAt(an, input.M("input.answers.shape", "Object", c.object(), "Found", an.Describe(c.json)), "answers")
	case len(an.Keys) == 0:
		c.addAt(an, input.M("input.answers.none"), "answers")
	default:
		for i, id := range an.Keys {
			if ans, ok := c.answer(an.Kids[i], "answers", id); ok {
				into[id] = ans
			} else if _, known := q.Question(id); !known {
				// checkBody sees only the answers kept: an unknown id
				// left unanswered (X-99: ~) would otherwise pass unseen.
				c.addAt(an.Kids[i], w.unknownQuestion(id, q), "answers", id)
			}
		}
	}
}

// overlooked returns the problems of later that are not about a field
// already refused in earlier (or a part or parent of one): a value of the
// wrong type is read as missing, and saying so again would be noise.
func overlooked(earlier, later input.Errors) input.Errors {
	related := func(a, b string) bool {
		return a == b || strings.HasPrefix(b, a+".") || strings.HasPrefix(b, a+"[") ||
			strings.HasPrefix(a, b+".") || strings.HasPrefix(a, b+"[")
	}
	var out input.Errors
next:
	for _, l := range later {
		for _, e := range earlier {
			if e.Field != "" && related(e.Field, l.Field) {
				continue next
			}
		}
		out = append(out, l)
	}
	return out
}

// text reads a text field: text, or a number taken as written (an id such
// as 12345); nothing gives "". Surrounding white space is dropped.
func (c *checker) text(n *input.Node, path ...any) string {
	if n == nil {
		return ""
	}
	switch n.Kind {
	case input.KindNull:
		return ""
	case input.KindString, input.KindNumber:
		return strings.TrimSpace(n.Text)
	}
	c.addAt(n, input.Expected(input.M("input.kind.text"), n.Describe(c.json)), path...)
	return ""
}

// respondent reads {name, role}.
func (c *checker) respondent(n *input.Node, path ...any) (Respondent, bool) {
	if n.Kind != input.KindObject {
		c.addAt(n, input.M("input.answers.respondent_shape", "Object", c.object(), "Found", n.Describe(c.json)), path...)
		return Respondent{}, false
	}
	c.keys(n, []string{"name", "role"}, path...)
	return Respondent{
		Name: c.text(n.Get("name"), append(path, "name")...),
		Role: c.text(n.Get("role"), append(path, "role")...),
	}, true
}

// answer reads one answer of an answers file: a level, "dont_know", or a
// mapping of level, dont_know, na and comment. It reports false for an
// unanswered question and for an answer it refused.
func (c *checker) answer(n *input.Node, path ...any) (Answer, bool) {
	levelPath := append(append([]any{}, path...), "level")
	switch n.Kind {
	case input.KindNull:
		return Answer{}, false
	case input.KindNumber:
		l, ok := c.level(n, levelPath...)
		return Answer{Level: &l}, ok
	case input.KindString:
		if n.Text == "dont_know" {
			return Answer{DontKnow: true}, true
		}
		if isDigits(strings.TrimSpace(n.Text)) {
			c.level(n, levelPath...)
			return Answer{}, false
		}
		id := "input.answers.answer_shape"
		if squash(n.Text) == "dontknow" {
			id = "input.answers.answer_dont_know"
		}
		c.addAt(n, input.M(id, "Object", c.object(), "Found", n.Describe(c.json)), path...)
		return Answer{}, false
	case input.KindObject:
		c.keys(n, answerFields, path...)
		var a Answer
		ok := true
		if ln := n.Get("level"); ln != nil && ln.Kind != input.KindNull {
			l, lok := c.level(ln, levelPath...)
			a.Level, ok = &l, ok && lok
		}
		if dn := n.Get("dont_know"); dn != nil && dn.Kind != input.KindNull {
			if dn.Kind != input.KindBool {
				c.addAt(dn, input.Expected(input.M("input.kind.bool"), dn.Describe(c.json)), append(path, "dont_know")...)
				ok = false
			} else {
				a.DontKnow = strings.EqualFold(dn.Text, "true")
			}
		}
		if nn := n.Get("na"); nn != nil {
			if nn.Kind != input.KindString && nn.Kind != input.KindNumber || strings.TrimSpace(nn.Text) == "" {
				c.addAt(nn, naReason, append(path, "na")...)
				ok = false
			} else {
				a.NA = strings.TrimSpace(nn.Text)
			}
		}
		if cn := n.Get("comment"); cn != nil {
			a.Comment = c.text(cn, append(path, "comment")...)
		}
		return a, ok && (a.Answered() || a.Comment != "")
	}
	c.addAt(n, input.M("input.answers.answer_shape", "Object", c.object(), "Found", n.Describe(c.json)), path...)
	return Answer{}, false
}

// level reads a level's number; whether it lies in 0-4 is for checkAnswer.
func (c *checker) level(n *input.Node, path ...any) (int, bool) {
	switch {
	case n.Kind == input.KindString && isDigits(strings.TrimSpace(n.Text)):
		c.addAt(n, input.M("input.answers.level_quoted", "Found", n.Describe(c.json)), path...)
	case !n.Whole():
		c.addAt(n, input.M("input.answers.level", "Found", n.Describe(c.json)), path...)
	default:
		return int(n.Num), true
	}
	return 0, false
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// squash lowercases s and keeps only its letters, so that "Don't know",
// "dont-know" and "DONTKNOW" compare equal.
func squash(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// targets reads the answers file's targets: a mapping of area, principle
// and question ids to levels 1-4. It returns nil when there are none.
func (c *checker) targets(n *input.Node, q *questionnaire.Questionnaire) *Targets {
	if n == nil || n.Kind == input.KindNull {
		return nil
	}
	if n.Kind != input.KindObject {
		c.addAt(n, input.M("input.answers.targets_shape", "Object", c.object(), "Found", n.Describe(c.json)), "targets")
		return nil
	}
	t := &Targets{}
	put := func(m *map[string]int, id string, l int) {
		if *m == nil {
			*m = map[string]int{}
		}
		(*m)[id] = l
	}
	for i, id := range n.Keys {
		kid := n.Kids[i]
		if !kid.Whole() || kid.Num < 1 || kid.Num > questionnaire.MaxLevel {
			c.addAt(kid, input.M("input.answers.target_level", "Found", kid.Describe(c.json)), "targets", id)
			continue
		}
		l := int(kid.Num)
		if _, ok := q.Area(id); ok {
			put(&t.Areas, id, l)
		} else if _, ok := q.Principle(id); ok {
			put(&t.Principles, id, l)
		} else if _, ok := q.Question(id); ok {
			put(&t.Questions, id, l)
		} else {
			c.addAt(kid, input.M("input.answers.target_unknown", "ID", input.Quote(id)), "targets", id)
		}
	}
	if !t.Specific() {
		return nil
	}
	return t
}
