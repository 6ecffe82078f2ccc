// Package assessment reads, validates, migrates and saves the two files a
// run deals with: the answers file (input of the non-interactive run, YAML or
// JSON) and the assessment file (dgmaturity/assessment/v1, JSON), which is
// also the format of interactive drafts. Saves are atomic.
package assessment

// SchemaV1 is the schema tag of the assessment file format.
const SchemaV1 = "dgmaturity/assessment/v1"

// OrganisationTypes are the accepted organisation types, in display order.
var OrganisationTypes = []string{"ministry", "agency", "municipality", "other"}

// Organisation is the assessed public sector organisation.
type Organisation struct {
	// ID is an optional stable identifier (for example a register number)
	// that keeps a PSO recognisable across renames when results are compared.
	ID   string `json:"id,omitempty" yaml:"id,omitempty"`
	Name string `json:"name" yaml:"name"`
	// Type is one of OrganisationTypes.
	Type string `json:"type" yaml:"type"`
}

// Respondent is a person who answered.
type Respondent struct {
	Name string `json:"name" yaml:"name"`
	Role string `json:"role,omitempty" yaml:"role,omitempty"`
}

// Answer is the answer to one question: exactly one of a level, don't know,
// or not applicable (with its reason), and an optional comment.
type Answer struct {
	// Level is 0..4 when the question was answered with a level.
	Level *int `json:"level,omitempty"`
	// DontKnow is true when the respondent could not say.
	DontKnow bool `json:"dont_know,omitempty"`
	// NA holds the reason when the question does not apply.
	NA string `json:"na,omitempty"`
	// Comment is free text from the respondent.
	Comment string `json:"comment,omitempty"`
}

// Lvl returns an Answer with the level set.
func Lvl(level int) Answer { return Answer{Level: &level} }

// Answered reports whether the answer says anything (level, don't know or N/A).
func (a Answer) Answered() bool { return a.Level != nil || a.DontKnow || a.NA != "" }

// QuestionnaireRef names the instrument an assessment was made with.
type QuestionnaireRef struct {
	ID      string `json:"id"`
	Version string `json:"version"`
	SHA256  string `json:"sha256"`
}

// Scores are the scores written into the file for convenience; readers
// recompute them from the answers and warn where they differ. A score that
// could not be computed (every question not applicable) is left out of its map.
type Scores struct {
	Overall    float64            `json:"overall"`
	Stage      string             `json:"stage"`
	Areas      map[string]float64 `json:"areas"`
	Principles map[string]float64 `json:"principles"`
	Pillars    map[string]float64 `json:"pillars"`
	// Coverage is the share (0..1) of question weight answered with a level.
	Coverage float64 `json:"coverage"`
}

// Spread keeps, for a consolidated (merged) assessment, what each respondent
// said on one question. Responses are in the order of Respondents.
type Spread struct {
	Min       int      `json:"min"`
	Max       int      `json:"max"`
	Responses []Answer `json:"responses"`
}

// Assessment is the unit that is saved, merged and compared: the public
// format dgmaturity/assessment/v1. Field names are a contract; add fields,
// never rename them.
type Assessment struct {
	Schema        string            `json:"schema"`
	Tool          string            `json:"tool"`
	Questionnaire QuestionnaireRef  `json:"questionnaire"`
	Organisation  Organisation      `json:"organisation"`
	Respondents   []Respondent      `json:"respondents"`
	Date          string            `json:"date"`
	Language      string            `json:"language,omitempty"`
	Answers       map[string]Answer `json:"answers"`
	// Spread is set on consolidated workshop assessments only.
	Spread map[string]Spread `json:"spread,omitempty"`
	// Complete is false for an interactive draft that is still in progress.
	Complete bool `json:"complete"`
	// Targets are the levels aimed at (see Targets); a file without them
	// reads with DefaultTarget for every question.
	Targets         *Targets `json:"targets,omitempty"`
	Scores          *Scores  `json:"scores,omitempty"`
	Recommendations []string `json:"recommendations,omitempty"`
	// Roadmap is written for convenience, like Scores: every applicable
	// step in the order the report gives it.
	Roadmap []RoadmapItem `json:"roadmap,omitempty"`
}

// RoadmapItem is one step of the roadmap: the step of the recommendation at
// the level, its phase and priority band, and the questions it moves.
type RoadmapItem struct {
	Recommendation string `json:"recommendation"`
	// Level is the level the step helps reach (1..4).
	Level int `json:"level"`
	// Phase is Foundations (levels 1-2), Consolidation (3) or Leadership (4).
	Phase string `json:"phase"`
	// Priority is the recommendation's band: High, Medium or Low.
	Priority string `json:"priority"`
	// Step is the step's position (0-based) in the recommendation's steps.
	Step      int               `json:"step"`
	Questions []RoadmapQuestion `json:"questions"`
}

// RoadmapQuestion is a question a roadmap step moves: from its current
// level to the step's level, on the way to its target.
type RoadmapQuestion struct {
	ID     string `json:"id"`
	Level  int    `json:"level"`
	Target int    `json:"target"`
}
