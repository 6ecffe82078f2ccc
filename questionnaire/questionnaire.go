// Package questionnaire holds the maturity instrument as data: its types, the
// YAML loader that reports file and line for every problem, validation,
// localisation through translation files keyed by id, and the default
// instrument (the 12 principles of the 2014 OECD Recommendation on Digital
// Government Strategies across the four areas of the OECD Digital Government
// Review of Luxembourg, 2022), embedded in the binary.
package questionnaire

// Questionnaire is one instrument: its scale, its structure (pillars,
// principles, areas), its questions and its recommendation catalogue.
type Questionnaire struct {
	// ID is the stable identifier of the instrument, e.g. "oecd-dgs-2014".
	ID string `yaml:"id" json:"id"`
	// Version is the instrument's semantic version.
	Version string `yaml:"version" json:"version"`
	// Title is the instrument's display title.
	Title string `yaml:"title" json:"title"`
	// Description says in a few sentences what the instrument measures.
	Description string `yaml:"description,omitempty" json:"description,omitempty"`
	// Languages lists the languages available; the first is the default.
	Languages []string `yaml:"languages" json:"languages"`
	// Scale names the five levels 0..4.
	Scale []ScaleLevel `yaml:"scale" json:"scale"`
	// Pillars are the Recommendation's three pillars.
	Pillars []Pillar `yaml:"pillars" json:"pillars"`
	// Principles are the Recommendation's twelve principles.
	Principles []Principle `yaml:"principles" json:"principles"`
	// Areas are the review's four areas.
	Areas []Area `yaml:"areas" json:"areas"`
	// Sources are the national recommendations the catalogue stems from.
	Sources []Source `yaml:"sources,omitempty" json:"sources,omitempty"`
	// Questions are asked in this order.
	Questions []Question `yaml:"questions" json:"questions"`
	// Recommendations is the catalogue matched against the scores.
	Recommendations []Recommendation `yaml:"recommendations" json:"recommendations"`

	// hash is the SHA-256 of the canonical JSON form, set by Load.
	hash string
	// index maps ids to positions, built by Load.
	index *index
}

// ScaleLevel is one of the five answer levels.
type ScaleLevel struct {
	// Level is 0..4.
	Level int `yaml:"level" json:"level"`
	// Name is the short name of the level, also used for the stage.
	Name string `yaml:"name" json:"name"`
	// Summary says in one sentence what the level means in general.
	Summary string `yaml:"summary,omitempty" json:"summary,omitempty"`
}

// Pillar groups principles.
type Pillar struct {
	ID    string `yaml:"id" json:"id"`
	Title string `yaml:"title" json:"title"`
}

// Principle is one of the twelve principles of the Recommendation.
type Principle struct {
	// ID is "P1".."P12".
	ID string `yaml:"id" json:"id"`
	// Pillar is the id of the pillar the principle belongs to.
	Pillar string `yaml:"pillar" json:"pillar"`
	// Title is the OECD's short title.
	Title string `yaml:"title" json:"title"`
	// Short is a two- or three-word label for narrow screens and charts.
	Short string `yaml:"short" json:"short"`
	// Summary explains the principle in plain words (not OECD text).
	Summary string `yaml:"summary" json:"summary"`
}

// Area is one of the review's four areas.
type Area struct {
	ID      string `yaml:"id" json:"id"`
	Title   string `yaml:"title" json:"title"`
	Short   string `yaml:"short" json:"short"`
	Summary string `yaml:"summary" json:"summary"`
}

// Source is a recommendation of the OECD review that catalogue entries stem
// from, so that results can be grouped by national recommendation.
type Source struct {
	// ID is e.g. "LUX-DATA-2".
	ID string `yaml:"id" json:"id"`
	// Area is the area of the review the recommendation belongs to.
	Area string `yaml:"area" json:"area"`
	// Text is the recommendation as listed in the review's slides.
	Text string `yaml:"text" json:"text"`
}

// Question is one item of the questionnaire.
type Question struct {
	// ID is stable and never reused, e.g. "DATA-03".
	ID string `yaml:"id" json:"id"`
	// Area is the id of the area the question belongs to.
	Area string `yaml:"area" json:"area"`
	// Principles are the ids of the principles the question carries; the
	// first is the main one.
	Principles []string `yaml:"principles" json:"principles"`
	// Weight is 1 for a normal question and 2 for a core one.
	Weight float64 `yaml:"weight" json:"weight"`
	// Text is the question, one sentence.
	Text string `yaml:"text" json:"text"`
	// Help says why the question matters.
	Help string `yaml:"help" json:"help"`
	// Evidence says what counts as evidence for an answer.
	Evidence string `yaml:"evidence" json:"evidence"`
	// Levels holds five observable states, one per level 0..4.
	Levels []string `yaml:"levels" json:"levels"`
	// NA is true where "not applicable" can truly be the case.
	NA bool `yaml:"na,omitempty" json:"na,omitempty"`
}

// Recommendation is one entry of the catalogue.
type Recommendation struct {
	ID         string   `yaml:"id" json:"id"`
	Area       string   `yaml:"area" json:"area"`
	Principles []string `yaml:"principles" json:"principles"`
	Title      string   `yaml:"title" json:"title"`
	Text       string   `yaml:"text" json:"text"`
	// Actions are 3-5 concrete first steps.
	Actions []string `yaml:"actions" json:"actions"`
	// Source is the id of the review recommendation it stems from; empty
	// for entries grounded in a principle only.
	Source string `yaml:"source,omitempty" json:"source,omitempty"`
	// Weight multiplies the priority; 1 when left out.
	Weight float64 `yaml:"weight,omitempty" json:"weight,omitempty"`
	// When is the trigger.
	When Trigger `yaml:"when" json:"when"`
}

// Trigger holds when a recommendation applies: any condition of Any holds
// (or Any is empty) and every condition of All holds (or All is empty). At
// least one of the two is set.
type Trigger struct {
	Any []Condition `yaml:"any,omitempty" json:"any,omitempty"`
	All []Condition `yaml:"all,omitempty" json:"all,omitempty"`
}

// Condition compares one score or answer with a threshold. Exactly one
// subject (Principle, Area, Pillar, Question or Overall) and exactly one
// comparator (Below or AtMost) are set.
type Condition struct {
	Principle string `yaml:"principle,omitempty" json:"principle,omitempty"`
	Area      string `yaml:"area,omitempty" json:"area,omitempty"`
	Pillar    string `yaml:"pillar,omitempty" json:"pillar,omitempty"`
	Question  string `yaml:"question,omitempty" json:"question,omitempty"`
	// Overall, when true, makes the overall score the subject.
	Overall bool `yaml:"overall,omitempty" json:"overall,omitempty"`
	// Below holds when the subject's score (0..100) is strictly below it.
	Below *float64 `yaml:"below,omitempty" json:"below,omitempty"`
	// AtMost holds when the question's level (don't know counts as 0) is
	// at most this level. Questions only.
	AtMost *int `yaml:"at_most,omitempty" json:"at_most,omitempty"`
}

// Subject returns the kind and id of what the condition measures: kind is
// one of "principle", "area", "pillar", "question" or "overall".
func (c Condition) Subject() (kind, id string) {
	switch {
	case c.Principle != "":
		return "principle", c.Principle
	case c.Area != "":
		return "area", c.Area
	case c.Pillar != "":
		return "pillar", c.Pillar
	case c.Question != "":
		return "question", c.Question
	case c.Overall:
		return "overall", ""
	}
	return "", ""
}

// MinLevel and MaxLevel bound the answer scale.
const (
	MinLevel = 0
	MaxLevel = 4
)
