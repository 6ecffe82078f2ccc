package assessment

import (
	"sort"

	"github.com/dgmaturity/dgmaturity/internal/input"
)

// maxErrors is the most problems reported for one file: past it, a list
// helps nobody, and the file is most likely not what it should be.
const maxErrors = 50

// sortErrors orders problems by line, so that a user reads them top down,
// and keeps the first maxErrors of them.
func sortErrors(es input.Errors) input.Errors {
	sort.SliceStable(es, func(i, j int) bool { return es[i].Line < es[j].Line })
	if len(es) > maxErrors {
		more := len(es) - maxErrors
		es = append(es[:maxErrors:maxErrors], &input.Error{File: es[0].File, Msg: input.MN("input.more_problems", more)})
	}
	return es
}
