package assessment

// DefaultTarget is the level every question aims at unless told otherwise:
// 3, "Established", the level at which a practice is defined, applied
// throughout the organisation and reviewed.
const DefaultTarget = 3

// Targets are the levels an organisation aims at, per question. A question's
// target is, from the most specific to the least: its own entry in
// Questions; else the entry in Principles of the first of its principles
// that has one (the main principle first); else its area's entry in Areas;
// else Default; else DefaultTarget. The zero value means DefaultTarget for
// every question. Targets are recorded in the assessment file, so that a
// report rebuilt later shows the same advice.
type Targets struct {
	// Default is the target of every question no other entry names; 0
	// means DefaultTarget (a target of 0 would ask for nothing).
	Default int `json:"default,omitempty"`
	// Areas, Principles and Questions map ids to target levels 1..4.
	Areas      map[string]int `json:"areas,omitempty"`
	Principles map[string]int `json:"principles,omitempty"`
	Questions  map[string]int `json:"questions,omitempty"`
}

// For returns the target of a question with the id, area and principles.
func (t *Targets) For(id, area string, principles []string) int {
	if t != nil {
		if v, ok := t.Questions[id]; ok {
			return v
		}
		for _, p := range principles {
			if v, ok := t.Principles[p]; ok {
				return v
			}
		}
		if v, ok := t.Areas[area]; ok {
			return v
		}
	}
	return t.DefaultLevel()
}

// DefaultLevel is the target of questions no entry names.
func (t *Targets) DefaultLevel() int {
	if t == nil || t.Default == 0 {
		return DefaultTarget
	}
	return t.Default
}

// Specific reports whether any area, principle or question has its own target.
func (t *Targets) Specific() bool {
	return t != nil && len(t.Areas)+len(t.Principles)+len(t.Questions) > 0
}
