package questionnaire

import (
	_ "embed"
	"slices"
)

//go:embed schema.json
var schema []byte

// Schema returns the JSON Schema (draft 2020-12) of the questionnaire
// format, for editors and for people adapting the instrument. It checks
// shapes, counts and ranges; Parse checks the references between ids too.
// The result is a copy the caller may keep.
func Schema() []byte { return slices.Clone(schema) }
