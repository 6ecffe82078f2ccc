package assessment

import (
	"bytes"
	"errors"
	"fmt"
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
	if len(data) > MaxAnswersSize {
		return nil, &input.Error{File: file, Reason: "is larger than the 1 MiB limit"}
	}
	data, err := input.Check(file, data)
	if err != nil {
		return nil, err
	}
	isJSON := bytes.TrimLeft(data, " \t\r\n")[0] == '{'
	c := &checker{file: file, json: isJSON}
	var root *node
	if isJSON {
		root, c.errs = parseJSON(file, data)
	} else {
		// Decoded into a map of nodes: the values are read from the tree,
		// which keeps every line, and unknown fields are refused there
		// with a suggestion.
		var top map[string]yaml.Node
		doc, err := input.DecodeYAML(file, data, &top)
		if err != nil {
			return nil, err
		}
		root, c.errs = fromYAML(file, doc.Root)
	}
	if root == nil {
		return nil, c.errs.Err()
	}
	if root.kind != kindObject {
		return nil, &input.Error{File: file, Line: root.line, Reason: "must be a JSON object at the top"}
	}
	c.keys(root, answersFields)

	a := &Assessment{
		Schema:        SchemaV1,
		Questionnaire: QuestionnaireRef{ID: q.ID, Version: q.Version, SHA256: q.Hash()},
		Respondents:   []Respondent{},
		Answers:       map[string]Answer{},
		Complete:      true,
	}
	if on := root.get("organisation"); on != nil && on.kind != kindNull {
		if on.kind != kindObject {
			c.addAt(on, fmt.Sprintf("expected %s with name and type, found %s", c.object(), on.describe(isJSON)), "organisation")
		} else {
			c.keys(on, []string{"id", "name", "type"}, "organisation")
			a.Organisation = Organisation{
				ID:   c.text(on.get("id"), "organisation", "id"),
				Name: c.text(on.get("name"), "organisation", "name"),
				Type: strings.ToLower(c.text(on.get("type"), "organisation", "type")),
			}
		}
	}
	singular := false
	rn, rsn := root.get("respondent"), root.get("respondents")
	switch {
	case rn != nil && rsn != nil:
		c.addAt(rsn, "give either respondent or respondents, not both", "respondents")
	case rn != nil && rn.kind != kindNull:
		singular = true
		if r, ok := c.respondent(rn, "respondent"); ok {
			a.Respondents = append(a.Respondents, r)
		}
	case rsn != nil && rsn.kind != kindNull:
		if rsn.kind != kindArray {
			c.addAt(rsn, fmt.Sprintf("expected a list of respondents, found %s", rsn.describe(isJSON)), "respondents")
			break
		}
		for i, kid := range rsn.kids {
			// Keep positions aligned with the file, so that later checks
			// name the right line.
			r, _ := c.respondent(kid, "respondents", i)
			a.Respondents = append(a.Respondents, r)
		}
	}
	a.Date = today
	if dn := root.get("date"); dn != nil && dn.kind != kindNull {
		a.Date = c.text(dn, "date")
	}
	a.Language = strings.ToLower(c.text(root.get("language"), "language"))

	w := &where{file: file, root: root}
	a.Targets = c.targets(root.get("targets"), q)
	an := root.get("answers")
	switch {
	case an == nil || an.kind == kindNull:
		c.add(root.lineOf("answers"), "missing: the answers, one per question id (e.g. CTX-01: 3)", "answers")
	case an.kind != kindObject:
		c.addAt(an, fmt.Sprintf("expected %s of question ids to answers, found %s", c.object(), an.describe(isJSON)), "answers")
	case len(an.keys) == 0:
		c.addAt(an, "no question is answered", "answers")
	default:
		for i, id := range an.keys {
			if ans, ok := c.answer(an.kids[i], "answers", id); ok {
				a.Answers[id] = ans
			} else if _, known := q.Question(id); !known {
				// checkBody sees only the answers kept: an unknown id
				// left unanswered (X-99: ~) would otherwise pass unseen.
				c.addAt(an.kids[i], w.unknownQuestion(id, q), "answers", id)
			}
		}
	}

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
func (c *checker) text(n *node, path ...any) string {
	if n == nil {
		return ""
	}
	switch n.kind {
	case kindNull:
		return ""
	case kindString, kindNumber:
		return strings.TrimSpace(n.text)
	}
	c.addAt(n, fmt.Sprintf("expected text, found %s", n.describe(c.json)), path...)
	return ""
}

// respondent reads {name, role}.
func (c *checker) respondent(n *node, path ...any) (Respondent, bool) {
	if n.kind != kindObject {
		c.addAt(n, fmt.Sprintf("expected %s with name and role, found %s", c.object(), n.describe(c.json)), path...)
		return Respondent{}, false
	}
	c.keys(n, []string{"name", "role"}, path...)
	return Respondent{
		Name: c.text(n.get("name"), append(path, "name")...),
		Role: c.text(n.get("role"), append(path, "role")...),
	}, true
}

// answer reads one answer of an answers file: a level, "dont_know", or a
// mapping of level, dont_know, na and comment. It reports false for an
// unanswered question and for an answer it refused.
func (c *checker) answer(n *node, path ...any) (Answer, bool) {
	levelPath := append(append([]any{}, path...), "level")
	switch n.kind {
	case kindNull:
		return Answer{}, false
	case kindNumber:
		l, ok := c.level(n, levelPath...)
		return Answer{Level: &l}, ok
	case kindString:
		if n.text == "dont_know" {
			return Answer{DontKnow: true}, true
		}
		if isDigits(strings.TrimSpace(n.text)) {
			c.level(n, levelPath...)
			return Answer{}, false
		}
		hint := ""
		if squash(n.text) == "dontknow" {
			hint = " (did you mean dont_know?)"
		}
		c.addAt(n, fmt.Sprintf("expected a level 0-4, dont_know, or %s with level, dont_know or na; found %s%s",
			c.object(), n.describe(c.json), hint), path...)
		return Answer{}, false
	case kindObject:
		c.keys(n, answerFields, path...)
		var a Answer
		ok := true
		if ln := n.get("level"); ln != nil && ln.kind != kindNull {
			l, lok := c.level(ln, levelPath...)
			a.Level, ok = &l, ok && lok
		}
		if dn := n.get("dont_know"); dn != nil && dn.kind != kindNull {
			if dn.kind != kindBool {
				c.addAt(dn, fmt.Sprintf("expected true or false, found %s", dn.describe(c.json)), append(path, "dont_know")...)
				ok = false
			} else {
				a.DontKnow = strings.EqualFold(dn.text, "true")
			}
		}
		if nn := n.get("na"); nn != nil {
			if nn.kind != kindString && nn.kind != kindNumber || strings.TrimSpace(nn.text) == "" {
				c.addAt(nn, naReason, append(path, "na")...)
				ok = false
			} else {
				a.NA = strings.TrimSpace(nn.text)
			}
		}
		if cn := n.get("comment"); cn != nil {
			a.Comment = c.text(cn, append(path, "comment")...)
		}
		return a, ok && (a.Answered() || a.Comment != "")
	}
	c.addAt(n, fmt.Sprintf("expected a level 0-4, dont_know, or %s with level, dont_know or na; found %s",
		c.object(), n.describe(c.json)), path...)
	return Answer{}, false
}

// level reads a level's number; whether it lies in 0-4 is for checkAnswer.
func (c *checker) level(n *node, path ...any) (int, bool) {
	switch {
	case n.kind == kindString && isDigits(strings.TrimSpace(n.text)):
		c.addAt(n, fmt.Sprintf("expected a whole number from 0 to 4, found %s (write the number without quotes)", n.describe(c.json)), path...)
	case !n.whole():
		c.addAt(n, fmt.Sprintf("expected a whole number from 0 to 4, found %s", n.describe(c.json)), path...)
	default:
		return int(n.num), true
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
func (c *checker) targets(n *node, q *questionnaire.Questionnaire) *Targets {
	if n == nil || n.kind == kindNull {
		return nil
	}
	if n.kind != kindObject {
		c.addAt(n, fmt.Sprintf("expected %s of area, principle or question ids to target levels 1-4, found %s", c.object(), n.describe(c.json)), "targets")
		return nil
	}
	t := &Targets{}
	put := func(m *map[string]int, id string, l int) {
		if *m == nil {
			*m = map[string]int{}
		}
		(*m)[id] = l
	}
	for i, id := range n.keys {
		kid := n.kids[i]
		if !kid.whole() || kid.num < 1 || kid.num > questionnaire.MaxLevel {
			c.addAt(kid, fmt.Sprintf("expected a target level, a whole number from 1 to 4, found %s", kid.describe(c.json)), "targets", id)
			continue
		}
		l := int(kid.num)
		if _, ok := q.Area(id); ok {
			put(&t.Areas, id, l)
		} else if _, ok := q.Principle(id); ok {
			put(&t.Principles, id, l)
		} else if _, ok := q.Question(id); ok {
			put(&t.Questions, id, l)
		} else {
			c.addAt(kid, fmt.Sprintf("%s is not an area, principle or question of the questionnaire", input.Quote(id)), "targets", id)
		}
	}
	if !t.Specific() {
		return nil
	}
	return t
}
