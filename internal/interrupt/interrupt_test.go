package interrupt

import (
	"go/parser"
	"go/token"
	"slices"
	"strconv"
	"testing"
)

// TestImportsOnlyWhatMakesItEarly: the package is initialised among the
// first only while it imports nothing but context, os and os/signal
// (GODEBUG=inittrace=1 dgmaturity --version lists it right after
// os/signal).
func TestImportsOnlyWhatMakesItEarly(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "interrupt.go", nil, parser.ImportsOnly)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, imp := range f.Imports {
		p, _ := strconv.Unquote(imp.Path.Value)
		got = append(got, p)
	}
	if want := []string{"context", "os", "os/signal"}; !slices.Equal(got, want) {
		t.Errorf("interrupt.go imports %v; want only %v", got, want)
	}
}
