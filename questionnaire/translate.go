package questionnaire

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/dgmaturity/dgmaturity/internal/input"
)

// Translation holds an instrument's texts in another language, keyed by
// id. Whatever it leaves out keeps the instrument's own text. The format is
// described in translations/README.md.
type Translation struct {
	// Language is the language code, e.g. "fr".
	Language string `yaml:"language" json:"language"`
	// Questionnaire is the id of the instrument translated.
	Questionnaire string `yaml:"questionnaire" json:"questionnaire"`
	// Version is the release of the instrument translated (e.g. "1.1.0").
	// A translation with a version is used only for that release, so that
	// the texts of one release never show beside the questions of another;
	// one without (an adapted instrument's) is used for any.
	Version string `yaml:"version,omitempty" json:"version,omitempty"`
	// Title and Description translate the instrument's own.
	Title       string `yaml:"title,omitempty" json:"title,omitempty"`
	Description string `yaml:"description,omitempty" json:"description,omitempty"`
	// Scale, when given, names all five levels 0..4.
	Scale []ScaleLevel `yaml:"scale,omitempty" json:"scale,omitempty"`
	// Texts maps the id of a pillar, principle, area, source, question or
	// recommendation to its translated texts.
	Texts map[string]Text `yaml:"texts,omitempty" json:"texts,omitempty"`

	// doc keeps the lines of the file for Check.
	doc *input.Doc
}

// Text is the translated texts of one entry; each kind uses only its own
// fields (see Translation.Check).
type Text struct {
	Title    string   `yaml:"title,omitempty" json:"title,omitempty"`
	Short    string   `yaml:"short,omitempty" json:"short,omitempty"`
	Summary  string   `yaml:"summary,omitempty" json:"summary,omitempty"`
	Text     string   `yaml:"text,omitempty" json:"text,omitempty"`
	Help     string   `yaml:"help,omitempty" json:"help,omitempty"`
	Evidence string   `yaml:"evidence,omitempty" json:"evidence,omitempty"`
	Levels   []string `yaml:"levels,omitempty" json:"levels,omitempty"`
	// Steps translate a recommendation's step texts, in order, as many as
	// the original has.
	Steps []string `yaml:"steps,omitempty" json:"steps,omitempty"`
}

// fields lists the names of the fields the entry sets, in a fixed order.
func (x Text) fields() []string {
	var out []string
	for _, f := range []struct {
		name string
		set  bool
	}{
		{"title", x.Title != ""}, {"short", x.Short != ""}, {"summary", x.Summary != ""},
		{"text", x.Text != ""}, {"help", x.Help != ""}, {"evidence", x.Evidence != ""},
		{"levels", len(x.Levels) > 0}, {"steps", len(x.Steps) > 0},
	} {
		if f.set {
			out = append(out, f.name)
		}
	}
	return out
}

// kindFields are the fields each kind of entry can translate.
var kindFields = map[string][]string{
	"pillar":         {"title"},
	"principle":      {"title", "short", "summary"},
	"area":           {"title", "short", "summary"},
	"source":         {"text"},
	"question":       {"text", "help", "evidence", "levels"},
	"recommendation": {"title", "text", "steps"},
}

// LoadTranslation reads and checks a translation file (5 MiB limit). It
// checks the file on its own; Check compares it with an instrument.
func LoadTranslation(path string) (*Translation, error) {
	data, err := input.ReadFile(path, MaxFileSize)
	if err != nil {
		return nil, err
	}
	return ParseTranslation(path, data)
}

// ParseTranslation decodes and checks a translation file: unknown fields,
// missing language or instrument id, blank texts, a scale or a question's
// levels that are not five, an empty list of steps.
func ParseTranslation(file string, data []byte) (*Translation, error) {
	if len(data) > MaxFileSize {
		return nil, &input.Error{File: file, Msg: input.TooLarge(MaxFileSize)}
	}
	data, err := input.Check(file, data)
	if err != nil {
		return nil, err
	}
	t := new(Translation)
	doc, err := input.DecodeYAML(file, data, t)
	if err != nil {
		return nil, err
	}
	t.doc = doc
	c := newChecker(doc)
	switch {
	case t.Language == "":
		c.add(required, "language")
	case !langPattern.MatchString(t.Language):
		c.add(input.M("input.tr.language_code", "Found", strconv.Quote(t.Language)), "language")
	}
	switch {
	case t.Questionnaire == "":
		c.add(input.M("input.tr.questionnaire_required"), "questionnaire")
	case !idPattern.MatchString(t.Questionnaire):
		c.add(input.M("input.tr.not_instrument_id", "Found", strconv.Quote(t.Questionnaire)), "questionnaire")
	}
	if c.present("version") && !semverPattern.MatchString(t.Version) {
		c.add(input.M("input.q.semver", "Found", strconv.Quote(t.Version), "Example", "1.1.0"), "version")
	}
	c.optional(t.Title, "title")
	c.optional(t.Description, "description")
	if c.present("scale") {
		c.scale(t.Scale, "scale")
	}
	for _, id := range slices.Sorted(maps.Keys(t.Texts)) {
		x := t.Texts[id]
		if !idPattern.MatchString(id) {
			c.add(input.M("input.tr.not_id", "Found", strconv.Quote(id)), "texts", id)
		}
		if n := c.doc.Node("texts", id); n == nil || n.Kind != input.KindObject || len(n.Keys) == 0 {
			c.add(input.M("input.tr.entry_empty"), "texts", id)
		}
		for _, f := range []struct{ name, value string }{
			{"title", x.Title}, {"short", x.Short}, {"summary", x.Summary},
			{"text", x.Text}, {"help", x.Help}, {"evidence", x.Evidence},
		} {
			c.optional(f.value, "texts", id, f.name)
		}
		if c.present("texts", id, "levels") {
			if len(x.Levels) != MaxLevel-MinLevel+1 {
				c.add(levelCount(len(x.Levels)), "texts", id, "levels")
			}
			for j, l := range x.Levels {
				c.text(l, "texts", id, "levels", j)
			}
		}
		if c.present("texts", id, "steps") {
			if len(x.Steps) == 0 {
				c.add(input.M("input.tr.no_step"), "texts", id, "steps")
			}
			for j, a := range x.Steps {
				c.text(a, "texts", id, "steps", j)
			}
		}
	}
	if t.Title == "" && t.Description == "" && len(t.Scale) == 0 && len(t.Texts) == 0 && len(c.errs) == 0 {
		c.add(input.M("input.tr.nothing"))
	}
	if err := c.err(); err != nil {
		return nil, err
	}
	return t, nil
}

// optional checks a text that may be left out but, when given, must not be
// blank (a blank would hide the original text).
func (c *checker) optional(s string, path ...any) {
	if c.present(path...) && strings.TrimSpace(s) == "" {
		c.add(input.M("input.tr.empty"), path...)
		return
	}
	c.printable(s, path...)
}

// Check compares the translation with the instrument it is for: the
// instrument id, every id in texts, the fields each kind can translate and
// the number of steps of each recommendation.
func (t *Translation) Check(q *Questionnaire) error {
	c := newChecker(t.doc)
	if t.Questionnaire != q.ID {
		c.add(input.M("input.tr.other_questionnaire", "Found", strconv.Quote(t.Questionnaire), "Want", strconv.Quote(q.ID)), "questionnaire")
	}
	if t.Version != "" && t.Version != q.Version {
		c.add(input.M("input.tr.other_release", "Found", t.Version, "Want", q.Version), "version")
	}
	if len(t.Scale) > 0 && len(t.Scale) != len(q.Scale) {
		c.add(input.M("input.tr.scale_count", "Found", len(t.Scale), "Want", len(q.Scale)), "scale")
	}
	for _, id := range slices.Sorted(maps.Keys(t.Texts)) {
		x := t.Texts[id]
		kind := q.kindOf(id)
		if kind == "" {
			c.add(input.M("input.tr.unknown_id", "Questionnaire", q.ID, "ID", strconv.Quote(id)), "texts", id)
			continue
		}
		allowed := kindFields[kind]
		for _, f := range x.fields() {
			if !slices.Contains(allowed, f) {
				c.add(input.M("input.tr.no_such_field", "Kind", kindName(kind), "Field", f, "Fields", strings.Join(allowed, ", ")), "texts", id, f)
			}
		}
		if r, ok := q.Recommendation(id); ok && len(x.Steps) > 0 && len(x.Steps) != len(r.Steps) {
			c.add(input.M("input.tr.step_count", "Want", len(r.Steps), "Found", len(x.Steps)), "texts", id, "steps")
		}
	}
	return c.err()
}

// kindOf names the kind of entry that has the id, or "".
func (q *Questionnaire) kindOf(id string) string {
	ix := q.ix()
	for _, k := range []struct {
		kind string
		m    map[string]int
	}{
		{"pillar", ix.pillars}, {"principle", ix.principles}, {"area", ix.areas},
		{"source", ix.sources}, {"question", ix.questions}, {"recommendation", ix.recommendations},
	} {
		if _, ok := k.m[id]; ok {
			return k.kind
		}
	}
	return ""
}

// Translate returns a copy of q with the translated texts in place of the
// originals; whatever t leaves out (or gives with the wrong number of
// levels or steps) keeps the original. t's language becomes the first of
// the copy's Languages. The copy keeps q's Hash: an assessment records the
// instrument, not the language it was read in. (Calling Reindex on the copy
// would hash the translated texts instead.)
func Translate(q *Questionnaire, t *Translation) *Questionnaire {
	c := q.clone()
	if t != nil {
		t.apply(c)
	}
	c.Reindex()
	c.hash = q.Hash()
	c.qhash = q.QuestionsHash()
	c.original = q.Original()
	return c
}

// Original returns the instrument q was translated from (Translate,
// Localized), or q itself when it is not a translation. The files
// dgmaturity writes (stage names in assessment files, CSV) take their
// words from it, so that they do not depend on the language a report was
// read in.
func (q *Questionnaire) Original() *Questionnaire {
	if q.original != nil {
		return q.original
	}
	return q
}

func (t *Translation) apply(c *Questionnaire) {
	set := func(dst *string, src string) {
		if strings.TrimSpace(src) != "" {
			*dst = src
		}
	}
	setList := func(dst []string, src []string) {
		if len(src) == len(dst) {
			for i := range dst {
				set(&dst[i], src[i])
			}
		}
	}
	set(&c.Title, t.Title)
	set(&c.Description, t.Description)
	if len(t.Scale) == len(c.Scale) {
		for i := range c.Scale {
			set(&c.Scale[i].Name, t.Scale[i].Name)
			set(&c.Scale[i].Summary, t.Scale[i].Summary)
		}
	}
	for i := range c.Pillars {
		p := &c.Pillars[i]
		set(&p.Title, t.Texts[p.ID].Title)
	}
	for i := range c.Principles {
		p, x := &c.Principles[i], t.Texts[c.Principles[i].ID]
		set(&p.Title, x.Title)
		set(&p.Short, x.Short)
		set(&p.Summary, x.Summary)
	}
	for i := range c.Areas {
		a, x := &c.Areas[i], t.Texts[c.Areas[i].ID]
		set(&a.Title, x.Title)
		set(&a.Short, x.Short)
		set(&a.Summary, x.Summary)
	}
	for i := range c.Sources {
		s := &c.Sources[i]
		set(&s.Text, t.Texts[s.ID].Text)
	}
	for i := range c.Questions {
		qu, x := &c.Questions[i], t.Texts[c.Questions[i].ID]
		set(&qu.Text, x.Text)
		set(&qu.Help, x.Help)
		set(&qu.Evidence, x.Evidence)
		setList(qu.Levels, x.Levels)
	}
	for i := range c.Recommendations {
		r, x := &c.Recommendations[i], t.Texts[c.Recommendations[i].ID]
		set(&r.Title, x.Title)
		set(&r.Text, x.Text)
		if len(x.Steps) == len(r.Steps) {
			for j := range r.Steps {
				set(&r.Steps[j].Text, x.Steps[j])
			}
		}
	}
	langs := []string{t.Language}
	for _, l := range c.Languages {
		if !strings.EqualFold(l, t.Language) {
			langs = append(langs, l)
		}
	}
	c.Languages = langs
}

// clone returns a deep copy of q's content (not its index).
func (q *Questionnaire) clone() *Questionnaire {
	c := *q
	c.index, c.hash = nil, ""
	c.Languages = slices.Clone(q.Languages)
	c.Scale = slices.Clone(q.Scale)
	c.Pillars = slices.Clone(q.Pillars)
	c.Principles = slices.Clone(q.Principles)
	c.Areas = slices.Clone(q.Areas)
	c.Sources = slices.Clone(q.Sources)
	c.Questions = slices.Clone(q.Questions)
	for i := range c.Questions {
		x := &c.Questions[i]
		x.Principles = slices.Clone(x.Principles)
		x.Levels = slices.Clone(x.Levels)
	}
	c.Recommendations = slices.Clone(q.Recommendations)
	for i := range c.Recommendations {
		r := &c.Recommendations[i]
		r.Principles = slices.Clone(r.Principles)
		r.Addresses = slices.Clone(r.Addresses)
		r.AppliesTo = slices.Clone(r.AppliesTo)
		r.Steps = slices.Clone(r.Steps)
		for j := range r.Steps {
			r.Steps[j].AppliesTo = slices.Clone(r.Steps[j].AppliesTo)
		}
	}
	return &c
}

var (
	embeddedOnce sync.Once
	embeddedTs   []*Translation
	embeddedErr  error
)

// embeddedTranslations parses translations/*.yaml once.
func embeddedTranslations() ([]*Translation, error) {
	embeddedOnce.Do(func() { embeddedTs, embeddedErr = readTranslations(translationFiles) })
	return embeddedTs, embeddedErr
}

func readTranslations(fsys fs.FS) ([]*Translation, error) {
	names, err := fs.Glob(fsys, "translations/*.yaml")
	if err != nil {
		return nil, fmt.Errorf("list embedded translations: %w", err)
	}
	var out []*Translation
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, fmt.Errorf("read embedded translation: %w", err)
		}
		t, err := ParseTranslation(name, data)
		if err != nil {
			return nil, fmt.Errorf("embedded translation: %w", err)
		}
		out = append(out, t)
	}
	return out, nil
}

// Localized returns the instrument in the language: q itself for "" or the
// instrument's own (first) language, else a Translate copy using the
// embedded translation of q's id into that language ("fr-BE" falls back to
// "fr"). An unknown language is an *input.Error listing those available.
func (q *Questionnaire) Localized(lang string) (*Questionnaire, error) {
	// A translation is localised from its original, so that a French copy
	// can still give the English or the German one.
	q = q.Original()
	ts, err := embeddedTranslations()
	if err != nil {
		return nil, err
	}
	return q.localized(lang, ts)
}

func (q *Questionnaire) localized(lang string, ts []*Translation) (*Questionnaire, error) {
	want := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(lang), "_", "-"))
	base, _, _ := strings.Cut(want, "-")
	own := ""
	if len(q.Languages) > 0 {
		own = strings.ToLower(q.Languages[0])
	}
	if want == "" || want == own {
		return q, nil
	}
	var exact, fallback *Translation
	available := []string{}
	for _, t := range ts {
		if t.Questionnaire != q.ID || (t.Version != "" && t.Version != q.Version) {
			continue
		}
		available = append(available, t.Language)
		switch strings.ToLower(t.Language) {
		case want:
			exact = t
		case base:
			fallback = t
		}
	}
	switch {
	case exact != nil:
		return Translate(q, exact), nil
	case fallback != nil:
		return Translate(q, fallback), nil
	case base == own:
		return q, nil
	}
	sort.Strings(available)
	if own != "" {
		available = append([]string{q.Languages[0]}, available...)
	}
	return nil, &input.Error{Field: "--lang", Msg: input.M("input.tr.unavailable", "Language", strconv.Quote(lang), "Questionnaire", q.ID,
		"Available", strings.Join(available, ", "))}
}

// CheckComplete is Check plus the entries the translation leaves out: an
// id of the instrument with no entry under texts, a missing title or
// scale. It is what `questionnaire validate --translation` runs, for a
// translation meant to be shipped whole (a partial one mixes languages on
// one screen).
func (t *Translation) CheckComplete(q *Questionnaire) error {
	c := newChecker(t.doc)
	if err := t.Check(q); err != nil {
		var errs input.Errors
		if errors.As(err, &errs) {
			c.errs = append(c.errs, errs...)
		} else if e, ok := err.(*input.Error); ok {
			c.errs = append(c.errs, e)
		} else {
			return err
		}
	}
	if t.Title == "" {
		c.add(input.M("input.tr.missing_title"), "title")
	}
	if len(t.Scale) == 0 {
		c.add(input.M("input.tr.missing_scale"), "scale")
	}
	ix := q.ix()
	for _, k := range []struct {
		kind string
		m    map[string]int
	}{
		{"pillar", ix.pillars}, {"principle", ix.principles}, {"area", ix.areas},
		{"source", ix.sources}, {"question", ix.questions}, {"recommendation", ix.recommendations},
	} {
		for _, id := range slices.Sorted(maps.Keys(k.m)) {
			if _, ok := t.Texts[id]; !ok {
				c.add(input.M("input.tr.missing_entry", "Kind", kindName(k.kind), "ID", id), "texts")
			}
		}
	}
	return c.err()
}
