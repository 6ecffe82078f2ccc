package questionnaire

import (
	"cmp"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/dgmaturity/dgmaturity/internal/input"
)

var (
	// idPattern keeps ids usable as YAML keys, file-name parts and
	// command-line arguments without quoting.
	idPattern = regexp.MustCompile(`^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,62}[A-Za-z0-9])?$`)
	// semverPattern is the regular expression of semver.org (2.0.0).
	semverPattern = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)` +
		`(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?` +
		`(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$`)
	// langPattern is a simple BCP 47 tag: "en", "fr", "de-CH", "pt-BR".
	langPattern = regexp.MustCompile(`^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$`)
)

// checker collects the problems of one file, each with its line.
type checker struct {
	doc  *input.Doc
	file string
	errs input.Errors
}

func newChecker(doc *input.Doc) *checker {
	c := &checker{doc: doc}
	if doc != nil {
		c.file = doc.File
	}
	return c
}

// add records a problem with the node at path.
func (c *checker) add(reason input.Msg, path ...any) {
	c.errs = append(c.errs, &input.Error{File: c.file, Line: c.doc.Line(path...), Field: input.FieldPath(path...), Msg: reason})
}

// err returns the problems sorted by line (stable, so that problems on one
// line keep the order they were found in).
func (c *checker) err() error {
	slices.SortStableFunc(c.errs, func(a, b *input.Error) int { return cmp.Compare(a.Line, b.Line) })
	return c.errs.Err()
}

// present reports whether the file has a node at path.
func (c *checker) present(path ...any) bool { return c.doc.Node(path...) != nil }

// text checks a required text: not blank, no control characters.
func (c *checker) text(s string, path ...any) {
	if strings.TrimSpace(s) == "" {
		c.add(input.M("input.q.empty"), path...)
		return
	}
	c.printable(s, path...)
}

// printable refuses, in any text of the file, what the one text policy
// (input.CheckText) refuses: characters that could drive a terminal
// (controls, escape sequences), reorder what it shows (bidirectional
// controls) or hide text (invisible format characters, line separators).
// Texts may span lines.
func (c *checker) printable(s string, path ...any) {
	if reason := input.TextProblem(s, input.Multiline); reason.ID != "" {
		c.add(reason, path...)
	}
}

// wholeNumber reports whether the node at path, if any, is a whole number
// (1, or 1.0 as JSON tools may write it). yaml.v3 truncates 1.5 into an
// int field without a word.
func (c *checker) wholeNumber(path ...any) bool {
	n := c.doc.Node(path...)
	return n == nil || n.Kind == input.KindNumber && (n.IntLit || n.Whole())
}

// nodeText is what the file says at path, for messages.
func (c *checker) nodeText(path ...any) string {
	if n := c.doc.Node(path...); n != nil && n.Kind != input.KindObject && n.Kind != input.KindArray {
		return n.Text
	}
	return ""
}

// ids is the one namespace of every id in an instrument: translation files
// key their texts by id alone, so an id may name one thing only.
type ids struct {
	c     *checker
	kinds map[string]idUse
}

type idUse struct {
	kind string
	line int
}

// declare registers the id of the kind at path (the path of the id field)
// and reports whether it is new and well formed.
func (x *ids) declare(kind, id string, path ...any) bool {
	if id == "" {
		x.c.add(required, path...)
		return false
	}
	if !idPattern.MatchString(id) {
		x.c.add(badID(id), path...)
		return false
	}
	line := x.c.doc.Line(path...)
	if prev, ok := x.kinds[id]; ok {
		if prev.kind == kind {
			x.c.add(input.M("input.q.duplicate_id", "Kind", kindName(kind), "ID", strconv.Quote(id), "Line", prev.line), path...)
		} else {
			x.c.add(input.M("input.q.id_taken", "ID", strconv.Quote(id), "Kind", kindName(prev.kind), "Line", prev.line), path...)
		}
		return false
	}
	x.kinds[id] = idUse{kind, line}
	return true
}

func (x *ids) is(kind, id string) bool { u, ok := x.kinds[id]; return ok && u.kind == kind }

// validate checks everything the decoder cannot: required fields, ids and
// the references between them, counts, ranges and whole numbers. doc may
// be nil for an instrument built in memory (the errors then have no lines).
func validate(q *Questionnaire, doc *input.Doc) error {
	c := newChecker(doc)
	x := &ids{c: c, kinds: map[string]idUse{}}

	c.header(q)
	c.scale(q.Scale, "scale")

	if len(q.Pillars) == 0 {
		c.add(input.M("input.q.no_pillar"), "pillars")
	}
	for i, p := range q.Pillars {
		x.declare("pillar", p.ID, "pillars", i, "id")
		c.text(p.Title, "pillars", i, "title")
	}

	if len(q.Principles) == 0 {
		c.add(input.M("input.q.no_principle"), "principles")
	}
	for i, p := range q.Principles {
		x.declare("principle", p.ID, "principles", i, "id")
		if p.Pillar == "" {
			c.add(required, "principles", i, "pillar")
		} else if !x.is("pillar", p.Pillar) {
			c.add(input.M("input.q.unknown_pillar", "ID", strconv.Quote(p.Pillar)), "principles", i, "pillar")
		}
		c.text(p.Title, "principles", i, "title")
		c.text(p.Short, "principles", i, "short")
		c.text(p.Summary, "principles", i, "summary")
	}

	if len(q.Areas) == 0 {
		c.add(input.M("input.q.no_area"), "areas")
	}
	for i, a := range q.Areas {
		x.declare("area", a.ID, "areas", i, "id")
		c.text(a.Title, "areas", i, "title")
		c.text(a.Short, "areas", i, "short")
		c.text(a.Summary, "areas", i, "summary")
	}

	for i, s := range q.Sources {
		x.declare("source", s.ID, "sources", i, "id")
		if s.Area == "" {
			c.add(required, "sources", i, "area")
		} else if !x.is("area", s.Area) {
			c.add(unknownArea(s.Area), "sources", i, "area")
		}
		c.text(s.Text, "sources", i, "text")
	}

	if len(q.Questions) == 0 {
		c.add(input.M("input.q.no_question"), "questions")
	}
	for i, qu := range q.Questions {
		c.question(x, i, qu)
	}

	for i, r := range q.Recommendations {
		c.recommendation(x, i, r)
	}

	c.coverage(q, x)
	c.catalogue(q, x)
	return c.err()
}

func (c *checker) header(q *Questionnaire) {
	switch {
	case q.ID == "":
		c.add(required, "id")
	case !idPattern.MatchString(q.ID):
		c.add(badID(q.ID), "id")
	}
	switch {
	case q.Version == "":
		c.add(required, "version")
	case !semverPattern.MatchString(q.Version):
		c.add(input.M("input.q.semver", "Found", strconv.Quote(q.Version), "Example", "1.0.0"), "version")
	}
	c.text(q.Title, "title")
	c.printable(q.Description, "description")
	if len(q.Languages) == 0 {
		c.add(input.M("input.q.no_language"), "languages")
	}
	seen := map[string]bool{}
	for i, l := range q.Languages {
		switch {
		case !langPattern.MatchString(l):
			c.add(input.M("input.q.language_code", "Found", strconv.Quote(l)), "languages", i)
		case seen[l]:
			c.add(input.M("input.q.language_twice", "Language", strconv.Quote(l)), "languages", i)
		}
		seen[l] = true
	}
}

// scale checks the five levels 0..4, in order, each named. Translations
// use it too.
func (c *checker) scale(s []ScaleLevel, path ...any) {
	at := func(more ...any) []any { return append(slices.Clip(path), more...) }
	if len(s) != MaxLevel-MinLevel+1 {
		c.add(input.M("input.q.scale_count", "Want", MaxLevel-MinLevel+1, "Min", MinLevel, "Max", MaxLevel, "Found", len(s)), path...)
	}
	for i, l := range s {
		switch {
		case !c.wholeNumber(at(i, "level")...):
			c.add(input.M("input.q.scale_whole", "Found", c.nodeText(at(i, "level")...)), at(i, "level")...)
		case !c.present(at(i, "level")...) && c.doc != nil:
			c.add(required, at(i, "level")...)
		case l.Level != MinLevel+i:
			c.add(input.M("input.q.scale_order", "Want", MinLevel+i, "Min", MinLevel, "Max", MaxLevel, "Found", l.Level), at(i, "level")...)
		}
		c.text(l.Name, at(i, "name")...)
		c.printable(l.Summary, at(i, "summary")...)
	}
}

func (c *checker) question(x *ids, i int, q Question) {
	p := func(more ...any) []any { return append([]any{"questions", i}, more...) }
	x.declare("question", q.ID, p("id")...)
	if q.Area == "" {
		c.add(required, p("area")...)
	} else if !x.is("area", q.Area) {
		c.add(unknownArea(q.Area), p("area")...)
	}
	c.principles(x, q.Principles, p("principles")...)
	switch {
	case !c.present(p("weight")...) && c.doc != nil:
		c.add(input.M("input.q.weight_required"), p("weight")...)
	case !(q.Weight > 0) || math.IsInf(q.Weight, 0):
		c.add(badWeight(q.Weight), p("weight")...)
	}
	c.text(q.Text, p("text")...)
	c.text(q.Help, p("help")...)
	c.text(q.Evidence, p("evidence")...)
	if len(q.Levels) != MaxLevel-MinLevel+1 {
		c.add(levelCount(len(q.Levels)), p("levels")...)
	}
	for j, l := range q.Levels {
		c.text(l, p("levels", j)...)
	}
}

// principles checks a list of principle references: at least one, each
// known, none twice.
func (c *checker) principles(x *ids, list []string, path ...any) {
	at := func(j int) []any { return append(slices.Clip(path), j) }
	if len(list) == 0 {
		c.add(input.M("input.q.name_principle"), path...)
	}
	seen := map[string]bool{}
	for j, id := range list {
		switch {
		case !x.is("principle", id):
			c.add(input.M("input.q.unknown_principle", "ID", strconv.Quote(id)), at(j)...)
		case seen[id]:
			c.add(input.M("input.q.principle_twice", "ID", strconv.Quote(id)), at(j)...)
		}
		seen[id] = true
	}
}

func (c *checker) recommendation(x *ids, i int, r Recommendation) {
	p := func(more ...any) []any { return append([]any{"recommendations", i}, more...) }
	x.declare("recommendation", r.ID, p("id")...)
	if r.Area == "" {
		c.add(required, p("area")...)
	} else if !x.is("area", r.Area) {
		c.add(unknownArea(r.Area), p("area")...)
	}
	c.principles(x, r.Principles, p("principles")...)
	if len(r.Addresses) == 0 {
		c.add(input.M("input.q.no_address"), p("addresses")...)
	}
	seen := map[string]bool{}
	for j, id := range r.Addresses {
		switch {
		case !x.is("question", id):
			c.add(input.M("input.q.unknown_question", "ID", strconv.Quote(id)), p("addresses", j)...)
		case seen[id]:
			c.add(input.M("input.q.question_twice", "ID", strconv.Quote(id)), p("addresses", j)...)
		}
		seen[id] = true
	}
	c.orgTypes(r.AppliesTo, nil, p("applies_to")...)
	c.text(r.Title, p("title")...)
	c.text(r.Text, p("text")...)
	if r.Source != "" && !x.is("source", r.Source) {
		c.add(input.M("input.q.unknown_source", "ID", strconv.Quote(r.Source)), p("source")...)
	}
	if c.present(p("weight")...) && (!(r.Weight > 0) || math.IsInf(r.Weight, 0)) {
		c.add(badWeight(r.Weight), p("weight")...)
	}
	c.steps(r, p("steps")...)
}

// orgTypes checks a list of organisation types: each known, none twice, and
// within limit when limit is not empty (a step's types within its
// recommendation's, or the step would never be shown).
func (c *checker) orgTypes(list, limit []string, path ...any) {
	at := func(j int) []any { return append(slices.Clip(path), j) }
	if c.present(path...) && len(list) == 0 {
		c.add(input.M("input.q.no_org_type", "Types", strings.Join(OrgTypes, ", ")), path...)
	}
	seen := map[string]bool{}
	for j, t := range list {
		switch {
		case !slices.Contains(OrgTypes, t):
			c.add(input.M("input.q.unknown_org_type", "Type", strconv.Quote(t), "Types", strings.Join(OrgTypes, ", ")), at(j)...)
		case seen[t]:
			c.add(input.M("input.q.org_type_twice", "Type", strconv.Quote(t)), at(j)...)
		case len(limit) > 0 && !slices.Contains(limit, t):
			c.add(input.M("input.q.org_type_outside", "Type", strconv.Quote(t), "Types", strings.Join(limit, ", ")), at(j)...)
		}
		seen[t] = true
	}
}

// steps checks a recommendation's staged steps: each has a level 1..4 and a
// text, and every organisation type the recommendation serves finds at
// least one step at each level, so that a PSO anywhere below its target
// always has a next step.
func (c *checker) steps(r Recommendation, path ...any) {
	at := func(more ...any) []any { return append(slices.Clip(path), more...) }
	if len(r.Steps) == 0 {
		c.add(input.M("input.q.no_steps", "Min", MinLevel+1, "Max", MaxLevel), path...)
		return
	}
	levelsOK := true
	for j, s := range r.Steps {
		before := len(c.errs)
		switch {
		case !c.wholeNumber(at(j, "level")...):
			c.add(input.M("input.q.step_whole", "Min", MinLevel+1, "Max", MaxLevel, "Found", c.nodeText(at(j, "level")...)), at(j, "level")...)
		case !c.present(at(j, "level")...) && c.doc != nil:
			c.add(input.M("input.q.step_level_required", "Min", MinLevel+1, "Max", MaxLevel), at(j, "level")...)
		case s.Level < MinLevel+1 || s.Level > MaxLevel:
			c.add(input.M("input.q.step_level_range", "Min", MinLevel+1, "Max", MaxLevel, "Found", s.Level), at(j, "level")...)
		}
		levelsOK = levelsOK && len(c.errs) == before
		c.text(s.Text, at(j, "text")...)
		c.orgTypes(s.AppliesTo, r.AppliesTo, at(j, "applies_to")...)
	}
	if !levelsOK {
		return // a wrong level is reported once, not again as a missing one
	}
	types := r.AppliesTo
	if len(types) == 0 {
		types = OrgTypes
	}
	for l := MinLevel + 1; l <= MaxLevel; l++ {
		var missing []string
		for _, t := range types {
			if !slices.Contains(OrgTypes, t) {
				continue // reported above
			}
			found := false
			for _, s := range r.Steps {
				if s.Level == l && serves(s.AppliesTo, t) {
					found = true
					break
				}
			}
			if !found {
				missing = append(missing, t)
			}
		}
		switch {
		case len(missing) == 0:
		case len(missing) == len(types):
			c.add(input.M("input.q.no_step_for_level", "Level", l, "Min", MinLevel+1, "Max", MaxLevel), path...)
		default:
			c.add(input.M("input.q.no_step_for_types", "Level", l, "Types", strings.Join(missing, ", ")), path...)
		}
	}
}

// catalogue refuses a question that no recommendation addresses (its gap
// would get no guidance) and two recommendations that address the same set
// of questions (they would always appear together).
func (c *checker) catalogue(q *Questionnaire, x *ids) {
	addressed := map[string]bool{}
	sets := map[string]int{}
	for i, r := range q.Recommendations {
		for _, id := range r.Addresses {
			addressed[id] = true
		}
		if len(r.Addresses) == 0 {
			continue
		}
		key := slices.Clone(r.Addresses)
		slices.Sort(key)
		k := strings.Join(slices.Compact(key), "\x00")
		if j, ok := sets[k]; ok {
			id := strconv.Quote(q.Recommendations[j].ID)
			if l := c.doc.Line("recommendations", j, "addresses"); l > 0 {
				c.add(input.M("input.q.same_addresses_at", "ID", id, "Line", l), "recommendations", i, "addresses")
			} else {
				c.add(input.M("input.q.same_addresses", "ID", id), "recommendations", i, "addresses")
			}
			continue
		}
		sets[k] = i
	}
	for i, qu := range q.Questions {
		if x.is("question", qu.ID) && !addressed[qu.ID] {
			c.add(input.M("input.q.unaddressed", "ID", strconv.Quote(qu.ID)), "questions", i, "id")
		}
	}
}

// coverage refuses structure without content: a pillar without principles,
// a principle or an area that no question carries would have no score.
func (c *checker) coverage(q *Questionnaire, x *ids) {
	pillars := map[string]bool{}
	for _, p := range q.Principles {
		pillars[p.Pillar] = true
	}
	principles, areas := map[string]bool{}, map[string]bool{}
	for _, qu := range q.Questions {
		areas[qu.Area] = true
		for _, p := range qu.Principles {
			principles[p] = true
		}
	}
	// Only ids declared once are checked, so that a duplicate is not
	// reported a second time as uncovered.
	for i, p := range q.Pillars {
		if x.is("pillar", p.ID) && !pillars[p.ID] {
			c.add(input.M("input.q.pillar_empty", "ID", strconv.Quote(p.ID)), "pillars", i, "id")
		}
	}
	for i, p := range q.Principles {
		if x.is("principle", p.ID) && !principles[p.ID] && len(q.Questions) > 0 {
			c.add(input.M("input.q.principle_uncarried", "ID", strconv.Quote(p.ID)), "principles", i, "id")
		}
	}
	for i, a := range q.Areas {
		if x.is("area", a.ID) && !areas[a.ID] && len(q.Questions) > 0 {
			c.add(input.M("input.q.area_empty", "ID", strconv.Quote(a.ID)), "areas", i, "id")
		}
	}
}

// required refuses a missing field that has no default.
var required = input.M("input.q.required")

// badID refuses an id that does not match idPattern.
func badID(id string) input.Msg { return input.M("input.q.bad_id", "ID", strconv.Quote(id)) }

// unknownArea refuses a reference to an area the instrument does not have.
func unknownArea(id string) input.Msg {
	return input.M("input.q.unknown_area", "ID", strconv.Quote(id))
}

// badWeight refuses a weight that is not a finite number above 0.
func badWeight(w float64) input.Msg { return input.M("input.q.weight", "Found", num(w)) }

// levelCount refuses a question or translation with n level statements.
func levelCount(n int) input.Msg {
	return input.M("input.q.level_count", "Want", MaxLevel-MinLevel+1, "Min", MinLevel, "Max", MaxLevel, "Found", n)
}

// kindName is the name of a kind of id (pillar, question ...) in messages.
func kindName(kind string) input.Msg { return input.M("input.q.kind." + kind) }

// num writes a number as people write it (1, 0.5, -2).
func num(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }
