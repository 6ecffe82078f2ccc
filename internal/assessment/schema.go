package assessment

import (
	"bytes"
	_ "embed"
)

//go:embed schema/assessment-v1.schema.json
var assessmentSchema []byte

//go:embed schema/answers.schema.json
var answersSchema []byte

// Schema returns the JSON Schema (draft 2020-12) of the assessment file
// format dgmaturity/assessment/v1: the public contract that MDIGI's scripts
// read. The returned slice is a copy.
func Schema() []byte { return bytes.Clone(assessmentSchema) }

// AnswersSchema returns the JSON Schema (draft 2020-12) of the answers file,
// in its JSON form; editors that check YAML against JSON Schemas can use it
// for YAML answers files too. The returned slice is a copy.
func AnswersSchema() []byte { return bytes.Clone(answersSchema) }
