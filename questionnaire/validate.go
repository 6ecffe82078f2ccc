package questionnaire

import (
	"cmp"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

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
func (c *checker) add(reason string, path ...any) {
	c.errs = append(c.errs, &input.Error{File: c.file, Line: c.doc.Line(path...), Field: input.FieldPath(path...), Reason: reason})
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
		c.add("must not be empty", path...)
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
	if reason := input.CheckText(s, input.Multiline); reason != "" {
		c.add(reason, path...)
	}
}

// wholeNumber reports whether the node at path, if any, is a whole number
// (1, or 1.0 as JSON tools may write it). yaml.v3 truncates 1.5 into an
// int field without a word.
func (c *checker) wholeNumber(path ...any) bool {
	n := c.doc.Node(path...)
	if n == nil {
		return true
	}
	if n.Kind != yaml.ScalarNode {
		return false
	}
	switch n.ShortTag() {
	case "!!int":
		return true
	case "!!float":
		f, err := strconv.ParseFloat(n.Value, 64)
		return err == nil && f == math.Trunc(f) && math.Abs(f) < 1<<31
	}
	return false
}

// nodeText is what the file says at path, for messages.
func (c *checker) nodeText(path ...any) string {
	if n := c.doc.Node(path...); n != nil && n.Kind == yaml.ScalarNode {
		return n.Value
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
		x.c.add("is required", path...)
		return false
	}
	if !idPattern.MatchString(id) {
		x.c.add(fmt.Sprintf("id %q must be 1 to 64 letters, digits, '.', '_' or '-', starting and ending with a letter or digit", id), path...)
		return false
	}
	line := x.c.doc.Line(path...)
	if prev, ok := x.kinds[id]; ok {
		if prev.kind == kind {
			x.c.add(fmt.Sprintf("duplicate %s id %q (first at line %d)", kind, id, prev.line), path...)
		} else {
			x.c.add(fmt.Sprintf("id %q is already the id of a %s (line %d); ids must be unique across the instrument", id, prev.kind, prev.line), path...)
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
		c.add("must list at least one pillar", "pillars")
	}
	for i, p := range q.Pillars {
		x.declare("pillar", p.ID, "pillars", i, "id")
		c.text(p.Title, "pillars", i, "title")
	}

	if len(q.Principles) == 0 {
		c.add("must list at least one principle", "principles")
	}
	for i, p := range q.Principles {
		x.declare("principle", p.ID, "principles", i, "id")
		if p.Pillar == "" {
			c.add("is required", "principles", i, "pillar")
		} else if !x.is("pillar", p.Pillar) {
			c.add(fmt.Sprintf("unknown pillar %q", p.Pillar), "principles", i, "pillar")
		}
		c.text(p.Title, "principles", i, "title")
		c.text(p.Short, "principles", i, "short")
		c.text(p.Summary, "principles", i, "summary")
	}

	if len(q.Areas) == 0 {
		c.add("must list at least one area", "areas")
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
			c.add("is required", "sources", i, "area")
		} else if !x.is("area", s.Area) {
			c.add(fmt.Sprintf("unknown area %q", s.Area), "sources", i, "area")
		}
		c.text(s.Text, "sources", i, "text")
	}

	if len(q.Questions) == 0 {
		c.add("must list at least one question", "questions")
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
		c.add("is required", "id")
	case !idPattern.MatchString(q.ID):
		c.add(fmt.Sprintf("id %q must be 1 to 64 letters, digits, '.', '_' or '-', starting and ending with a letter or digit", q.ID), "id")
	}
	switch {
	case q.Version == "":
		c.add("is required", "version")
	case !semverPattern.MatchString(q.Version):
		c.add(fmt.Sprintf("%q is not a semantic version (like 1.0.0)", q.Version), "version")
	}
	c.text(q.Title, "title")
	c.printable(q.Description, "description")
	if len(q.Languages) == 0 {
		c.add("must list at least one language (the first is the instrument's own)", "languages")
	}
	seen := map[string]bool{}
	for i, l := range q.Languages {
		switch {
		case !langPattern.MatchString(l):
			c.add(fmt.Sprintf("%q is not a language code like en, fr or de-CH", l), "languages", i)
		case seen[l]:
			c.add(fmt.Sprintf("language %q is listed twice", l), "languages", i)
		}
		seen[l] = true
	}
}

// scale checks the five levels 0..4, in order, each named. Translations
// use it too.
func (c *checker) scale(s []ScaleLevel, path ...any) {
	at := func(more ...any) []any { return append(slices.Clip(path), more...) }
	if len(s) != MaxLevel-MinLevel+1 {
		c.add(fmt.Sprintf("must have exactly %d levels (%d to %d), found %d", MaxLevel-MinLevel+1, MinLevel, MaxLevel, len(s)), path...)
	}
	for i, l := range s {
		switch {
		case !c.wholeNumber(at(i, "level")...):
			c.add(fmt.Sprintf("must be a whole number, found %s", c.nodeText(at(i, "level")...)), at(i, "level")...)
		case !c.present(at(i, "level")...) && c.doc != nil:
			c.add("is required", at(i, "level")...)
		case l.Level != MinLevel+i:
			c.add(fmt.Sprintf("must be %d: the levels run from %d to %d in order, found %d", MinLevel+i, MinLevel, MaxLevel, l.Level), at(i, "level")...)
		}
		c.text(l.Name, at(i, "name")...)
		c.printable(l.Summary, at(i, "summary")...)
	}
}

func (c *checker) question(x *ids, i int, q Question) {
	p := func(more ...any) []any { return append([]any{"questions", i}, more...) }
	x.declare("question", q.ID, p("id")...)
	if q.Area == "" {
		c.add("is required", p("area")...)
	} else if !x.is("area", q.Area) {
		c.add(fmt.Sprintf("unknown area %q", q.Area), p("area")...)
	}
	c.principles(x, q.Principles, p("principles")...)
	switch {
	case !c.present(p("weight")...) && c.doc != nil:
		c.add("is required (1 for a normal question, 2 for a core one)", p("weight")...)
	case !(q.Weight > 0) || math.IsInf(q.Weight, 0):
		c.add(fmt.Sprintf("must be a number above 0, found %s", num(q.Weight)), p("weight")...)
	}
	c.text(q.Text, p("text")...)
	c.text(q.Help, p("help")...)
	c.text(q.Evidence, p("evidence")...)
	if len(q.Levels) != MaxLevel-MinLevel+1 {
		c.add(fmt.Sprintf("must have exactly %d level statements (one per level %d to %d), found %d", MaxLevel-MinLevel+1, MinLevel, MaxLevel, len(q.Levels)), p("levels")...)
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
		c.add("must name at least one principle", path...)
	}
	seen := map[string]bool{}
	for j, id := range list {
		switch {
		case !x.is("principle", id):
			c.add(fmt.Sprintf("unknown principle %q", id), at(j)...)
		case seen[id]:
			c.add(fmt.Sprintf("principle %q is listed twice", id), at(j)...)
		}
		seen[id] = true
	}
}

func (c *checker) recommendation(x *ids, i int, r Recommendation) {
	p := func(more ...any) []any { return append([]any{"recommendations", i}, more...) }
	x.declare("recommendation", r.ID, p("id")...)
	if r.Area == "" {
		c.add("is required", p("area")...)
	} else if !x.is("area", r.Area) {
		c.add(fmt.Sprintf("unknown area %q", r.Area), p("area")...)
	}
	c.principles(x, r.Principles, p("principles")...)
	if len(r.Addresses) == 0 {
		c.add("must name at least one question the recommendation addresses (the first is the main one)", p("addresses")...)
	}
	seen := map[string]bool{}
	for j, id := range r.Addresses {
		switch {
		case !x.is("question", id):
			c.add(fmt.Sprintf("unknown question %q", id), p("addresses", j)...)
		case seen[id]:
			c.add(fmt.Sprintf("question %q is listed twice", id), p("addresses", j)...)
		}
		seen[id] = true
	}
	c.orgTypes(r.AppliesTo, nil, p("applies_to")...)
	c.text(r.Title, p("title")...)
	c.text(r.Text, p("text")...)
	if r.Source != "" && !x.is("source", r.Source) {
		c.add(fmt.Sprintf("unknown source %q (not in sources)", r.Source), p("source")...)
	}
	if c.present(p("weight")...) && (!(r.Weight > 0) || math.IsInf(r.Weight, 0)) {
		c.add(fmt.Sprintf("must be a number above 0, found %s", num(r.Weight)), p("weight")...)
	}
	c.steps(r, p("steps")...)
}

// orgTypes checks a list of organisation types: each known, none twice, and
// within limit when limit is not empty (a step's types within its
// recommendation's, or the step would never be shown).
func (c *checker) orgTypes(list, limit []string, path ...any) {
	at := func(j int) []any { return append(slices.Clip(path), j) }
	if c.present(path...) && len(list) == 0 {
		c.add(fmt.Sprintf("must name at least one organisation type (%s), or be left out to mean all", strings.Join(OrgTypes, ", ")), path...)
	}
	seen := map[string]bool{}
	for j, t := range list {
		switch {
		case !slices.Contains(OrgTypes, t):
			c.add(fmt.Sprintf("unknown organisation type %q (known: %s)", t, strings.Join(OrgTypes, ", ")), at(j)...)
		case seen[t]:
			c.add(fmt.Sprintf("organisation type %q is listed twice", t), at(j)...)
		case len(limit) > 0 && !slices.Contains(limit, t):
			c.add(fmt.Sprintf("organisation type %q is not among the recommendation's (%s), so the step would never be shown", t, strings.Join(limit, ", ")), at(j)...)
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
		c.add(fmt.Sprintf("must list steps, at least one for each level %d to %d", MinLevel+1, MaxLevel), path...)
		return
	}
	levelsOK := true
	for j, s := range r.Steps {
		before := len(c.errs)
		switch {
		case !c.wholeNumber(at(j, "level")...):
			c.add(fmt.Sprintf("must be a whole level from %d to %d, found %s", MinLevel+1, MaxLevel, c.nodeText(at(j, "level")...)), at(j, "level")...)
		case !c.present(at(j, "level")...) && c.doc != nil:
			c.add(fmt.Sprintf("is required: the level (%d to %d) the step helps reach", MinLevel+1, MaxLevel), at(j, "level")...)
		case s.Level < MinLevel+1 || s.Level > MaxLevel:
			c.add(fmt.Sprintf("must be a level from %d to %d (the level the step helps reach), found %d", MinLevel+1, MaxLevel, s.Level), at(j, "level")...)
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
			c.add(fmt.Sprintf("has no step for level %d: every level %d to %d needs at least one", l, MinLevel+1, MaxLevel), path...)
		default:
			c.add(fmt.Sprintf("has no level-%d step for %s: give one without applies_to or one for these types", l, strings.Join(missing, ", ")), path...)
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
			where := ""
			if l := c.doc.Line("recommendations", j, "addresses"); l > 0 {
				where = fmt.Sprintf(" (line %d)", l)
			}
			c.add(fmt.Sprintf("addresses the same questions as %q%s; merge the two or tell them apart by the questions they address", q.Recommendations[j].ID, where), "recommendations", i, "addresses")
			continue
		}
		sets[k] = i
	}
	for i, qu := range q.Questions {
		if x.is("question", qu.ID) && !addressed[qu.ID] {
			c.add(fmt.Sprintf("question %q is addressed by no recommendation, so its gaps would get no guidance", qu.ID), "questions", i, "id")
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
			c.add(fmt.Sprintf("pillar %q has no principles", p.ID), "pillars", i, "id")
		}
	}
	for i, p := range q.Principles {
		if x.is("principle", p.ID) && !principles[p.ID] && len(q.Questions) > 0 {
			c.add(fmt.Sprintf("principle %q is carried by no question, so it would have no score", p.ID), "principles", i, "id")
		}
	}
	for i, a := range q.Areas {
		if x.is("area", a.ID) && !areas[a.ID] && len(q.Questions) > 0 {
			c.add(fmt.Sprintf("area %q has no questions, so it would have no score", a.ID), "areas", i, "id")
		}
	}
}

// num writes a number as people write it (1, 0.5, -2).
func num(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }
