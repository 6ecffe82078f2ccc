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
	// qhash is the hash without the recommendations (QuestionsHash).
	qhash string
	// original is the instrument this one was translated from (nil when
	// it is not a translation), so that machine formats and other
	// languages start from the source texts.
	original *Questionnaire
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

// Recommendation is one entry of the catalogue. It answers the gaps of the
// questions it addresses, with steps staged by the level they help reach, so
// that a PSO sees only what moves it from where it stands to its target.
type Recommendation struct {
	// ID is stable and never reused, e.g. "REC-DATA-01".
	ID string `yaml:"id" json:"id"`
	// Area is the id of the area the recommendation belongs to.
	Area string `yaml:"area" json:"area"`
	// Principles are the ids of the principles it serves.
	Principles []string `yaml:"principles" json:"principles"`
	// Addresses are the ids of the questions whose gaps it answers; the
	// first is the main one. No two recommendations address the same set.
	Addresses []string `yaml:"addresses" json:"addresses"`
	// AppliesTo lists the organisation types that can act on it; empty
	// means every type.
	AppliesTo []string `yaml:"applies_to,omitempty" json:"applies_to,omitempty"`
	// Title says what to do, in a few words.
	Title string `yaml:"title" json:"title"`
	// Text says why, in a short paragraph.
	Text string `yaml:"text" json:"text"`
	// Steps are concrete, checkable actions, each staged by the level
	// (1..4) of the addressed questions it helps reach; every level has at
	// least one step.
	Steps []Step `yaml:"steps" json:"steps"`
	// Source is the id of the review recommendation it stems from; empty
	// for entries grounded in a principle only.
	Source string `yaml:"source,omitempty" json:"source,omitempty"`
	// Weight multiplies the priority; 1 when left out.
	Weight float64 `yaml:"weight,omitempty" json:"weight,omitempty"`
}

// Step is one action of a recommendation, staged by the level it helps
// reach: the level-N step is what moves a PSO from level N-1 to N.
type Step struct {
	// Level is the level (1..4) the step helps reach.
	Level int `yaml:"level" json:"level"`
	// Text is the action, one or two sentences a PSO can carry out and check.
	Text string `yaml:"text" json:"text"`
	// AppliesTo narrows the step to some organisation types; empty means
	// the recommendation's own types.
	AppliesTo []string `yaml:"applies_to,omitempty" json:"applies_to,omitempty"`
}

// OrgTypes are the organisation types a recommendation or a step can be
// limited to, in the order the tool lists them.
var OrgTypes = []string{"ministry", "agency", "municipality", "other"}

// Serves reports whether the recommendation is for organisations of the
// type; an empty or unknown type (an assessment that names none) is served
// by recommendations for every type only.
func (r *Recommendation) Serves(orgType string) bool {
	return serves(r.AppliesTo, orgType)
}

// Serves reports whether the step, within rec, is for organisations of the
// type: both the recommendation's and the step's own limits hold.
func (s *Step) Serves(rec *Recommendation, orgType string) bool {
	return rec.Serves(orgType) && serves(s.AppliesTo, orgType)
}

func serves(list []string, orgType string) bool {
	if len(list) == 0 {
		return true
	}
	for _, t := range list {
		if t == orgType {
			return true
		}
	}
	return false
}

// MinLevel and MaxLevel bound the answer scale.
const (
	MinLevel = 0
	MaxLevel = 4
)
