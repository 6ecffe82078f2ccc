package assessment

import (
	"math"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/dgmaturity/dgmaturity/internal/input"
)

// checker collects the problems of one file, so that a user can fix them
// all at once.
type checker struct {
	file string
	// json selects JSON words in messages ("an object", not "a mapping").
	json bool
	errs input.Errors
}

func (c *checker) add(line int, reason input.Msg, path ...any) {
	c.errs = append(c.errs, &input.Error{File: c.file, Line: line, Field: input.FieldPath(path...), Msg: reason})
}

// addAt reports a problem with the value n at path.
func (c *checker) addAt(n *input.Node, reason input.Msg, path ...any) {
	line := 0
	if n != nil {
		line = n.Line
	}
	c.add(line, reason, path...)
}

// object is "an object" or "a mapping", for messages.
func (c *checker) object() input.Msg { return input.Object(c.json) }

// keys refuses the keys of object n that are not in allowed.
func (c *checker) keys(n *input.Node, allowed []string, path ...any) {
	for i, k := range n.Keys {
		if !slices.Contains(allowed, k) {
			c.add(n.Kids[i].Line, unknownField(k, allowed), append(path, k)...)
		}
	}
}

// unknownField refuses field k, suggesting the accepted field it is a
// likely misspelling of, or else listing the accepted ones.
func unknownField(k string, allowed []string) input.Msg {
	field := strconv.Quote(input.Clip(k))
	if near := closest(k, allowed); near != "" {
		return input.M("input.check.unknown_field_near", "Field", field, "Near", near)
	}
	return input.M("input.check.unknown_field", "Field", field, "Accepted", strings.Join(allowed, ", "))
}

// shape checks that the tree n fits the Go type t the way encoding/json
// would decode it, naming the line of every unknown field and every value
// of the wrong type. Deriving the accepted fields from the struct tags keeps
// the check in step when fields are added to Assessment. Unlike
// encoding/json, keys match exactly (not case-insensitively), and whole
// numbers must be written as such (3, not 3.0).
func (c *checker) shape(n *input.Node, t reflect.Type, path ...any) {
	if n.Kind == input.KindNull {
		// encoding/json leaves the zero value; the semantic checks say
		// what is missing.
		return
	}
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind != input.KindObject {
			c.addAt(n, input.Expected(c.object(), n.Describe(c.json)), path...)
			return
		}
		fields := jsonFields(t)
		names := make([]string, 0, len(fields))
		for name := range fields {
			names = append(names, name)
		}
		sort.Strings(names)
		for i, k := range n.Keys {
			ft, ok := fields[k]
			if !ok {
				c.add(n.Kids[i].Line, unknownField(k, names), append(path, k)...)
				continue
			}
			c.shape(n.Kids[i], ft, append(path, k)...)
		}
	case reflect.Map:
		if n.Kind != input.KindObject {
			c.addAt(n, input.Expected(c.object(), n.Describe(c.json)), path...)
			return
		}
		for i, k := range n.Keys {
			c.shape(n.Kids[i], t.Elem(), append(path, k)...)
		}
	case reflect.Slice:
		if n.Kind != input.KindArray {
			c.addAt(n, input.Expected(input.M("input.kind.list"), n.Describe(c.json)), path...)
			return
		}
		for i, kid := range n.Kids {
			c.shape(kid, t.Elem(), append(path, i)...)
		}
	case reflect.String:
		if n.Kind != input.KindString {
			c.addAt(n, input.Expected(input.M("input.kind.text"), n.Describe(c.json)), path...)
		}
	case reflect.Bool:
		if n.Kind != input.KindBool {
			c.addAt(n, input.Expected(input.M("input.kind.bool"), n.Describe(c.json)), path...)
		}
	case reflect.Int:
		if n.Kind != input.KindNumber || !n.IntLit || !n.Whole() {
			c.addAt(n, input.Expected(input.M("input.kind.whole_number"), n.Describe(c.json)), path...)
		}
	case reflect.Float64:
		if n.Kind != input.KindNumber || math.IsNaN(n.Num) {
			c.addAt(n, input.Expected(input.M("input.kind.number"), n.Describe(c.json)), path...)
		}
	}
}

// jsonFields maps the JSON names of a struct's fields to their types.
func jsonFields(t reflect.Type) map[string]reflect.Type {
	fields := make(map[string]reflect.Type, t.NumField())
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		fields[name] = f.Type
	}
	return fields
}

// levenshtein is the edit distance between a and b (in runes).
func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// closest returns the candidate nearest to s, ignoring case, when it is
// near enough to be the likely intent (at most two edits, and fewer than
// half of s), or "".
func closest(s string, candidates []string) string {
	best, bestD := "", math.MaxInt
	us := strings.ToUpper(s)
	for _, c := range candidates {
		d := levenshtein(us, strings.ToUpper(c))
		if d < bestD {
			best, bestD = c, d
		}
	}
	if best == "" || bestD > 2 || 2*bestD >= len([]rune(s)) {
		return ""
	}
	return best
}
