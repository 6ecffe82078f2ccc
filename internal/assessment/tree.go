package assessment

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/dgmaturity/dgmaturity/internal/input"
)

// The two file formats are read into one small tree that remembers the line
// of every value, so that the checks after decoding can name the line of
// what they refuse whether the file was YAML or JSON.

// kind is the type of a value in the tree.
type kind uint8

const (
	kindNull kind = iota
	kindBool
	kindNumber
	kindString
	kindObject
	kindArray
)

// node is one value of a decoded file.
type node struct {
	kind kind
	// line is the line of the member's key for object members (the line a
	// reader looks at), else the line where the value starts.
	line int
	// text is the scalar as written; for strings, their value.
	text string
	// num is a number's value (NaN when it does not fit a float64).
	num float64
	// intLit is true for a number written without fraction or exponent.
	intLit bool
	// keys are an object's keys, parallel to kids.
	keys []string
	// kids are an object's values or an array's items.
	kids []*node
	// index maps keys to positions, built on first use for large objects
	// so that looking up every key of a hostile file stays linear.
	index map[string]int
}

// get returns the value of an object's key, or nil.
func (n *node) get(key string) *node {
	if n == nil || n.kind != kindObject {
		return nil
	}
	if len(n.keys) > 16 {
		if n.index == nil {
			n.index = make(map[string]int, len(n.keys))
			for i, k := range n.keys {
				n.index[k] = i
			}
		}
		if i, ok := n.index[key]; ok {
			return n.kids[i]
		}
		return nil
	}
	for i, k := range n.keys {
		if k == key {
			return n.kids[i]
		}
	}
	return nil
}

// whole reports whether a number has an integral value that fits an int32,
// so that 2 and 2.0 are whole and 1.5, 1e300 and NaN are not.
func (n *node) whole() bool {
	return n.kind == kindNumber && !math.IsNaN(n.num) && n.num == math.Trunc(n.num) &&
		math.Abs(n.num) <= math.MaxInt32
}

// lineOf returns the line of the value at path (keys and array positions);
// when the path does not exist to its end, the line of the deepest value
// found.
func (n *node) lineOf(path ...any) int {
	if n == nil {
		return 0
	}
	line := n.line
	for _, p := range path {
		var next *node
		switch k := p.(type) {
		case string:
			next = n.get(k)
		case int:
			if n.kind == kindArray && k >= 0 && k < len(n.kids) {
				next = n.kids[k]
			}
		}
		if next == nil {
			return line
		}
		n, line = next, next.line
	}
	return line
}

// describe names a value's type for error messages; json selects the
// JSON words ("an object") over the YAML ones ("a mapping").
func (n *node) describe(json bool) string {
	switch n.kind {
	case kindNull:
		return "nothing"
	case kindBool:
		return n.text
	case kindNumber:
		return n.text
	case kindString:
		return fmt.Sprintf("text %q", clip(n.text))
	case kindObject:
		if json {
			return "an object"
		}
		return "a mapping"
	}
	return "a list"
}

// clip shortens user text quoted in an error message.
func clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// maxDepth bounds nesting: no valid file is deeper than a handful of
// levels, and a bound keeps a hostile file from exhausting the stack.
const maxDepth = 32

// fromYAML converts a YAML node (aliases already refused by
// input.DecodeYAML) into a tree; it refuses duplicate and non-text keys.
func fromYAML(file string, y *yaml.Node) (*node, input.Errors) {
	var errs input.Errors
	n := convertYAML(file, y, nil, 0, &errs)
	return n, errs
}

func convertYAML(file string, y *yaml.Node, path []any, depth int, errs *input.Errors) *node {
	if y.Kind == yaml.DocumentNode && len(y.Content) == 1 {
		y = y.Content[0]
	}
	n := &node{line: y.Line}
	if depth > maxDepth {
		*errs = append(*errs, &input.Error{File: file, Line: y.Line, Field: input.FieldPath(path...), Reason: "is nested too deeply"})
		return &node{kind: kindNull, line: y.Line}
	}
	switch y.Kind {
	case yaml.MappingNode:
		n.kind = kindObject
		first := map[string]int{}
		for i := 0; i+1 < len(y.Content); i += 2 {
			k, v := y.Content[i], y.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				*errs = append(*errs, &input.Error{File: file, Line: k.Line, Field: input.FieldPath(path...), Reason: "keys must be plain text"})
				continue
			}
			if l, dup := first[k.Value]; dup {
				*errs = append(*errs, &input.Error{File: file, Line: k.Line, Field: input.FieldPath(append(path, k.Value)...),
					Reason: fmt.Sprintf("duplicate key %q (first at line %d)", k.Value, l)})
				continue
			}
			first[k.Value] = k.Line
			kid := convertYAML(file, v, append(path, k.Value), depth+1, errs)
			kid.line = k.Line
			n.keys = append(n.keys, k.Value)
			n.kids = append(n.kids, kid)
		}
	case yaml.SequenceNode:
		n.kind = kindArray
		for i, v := range y.Content {
			n.kids = append(n.kids, convertYAML(file, v, append(path, i), depth+1, errs))
		}
	default:
		n.text = y.Value
		switch y.ShortTag() {
		case "!!null":
			n.kind = kindNull
		case "!!bool":
			n.kind = kindBool
		case "!!int", "!!float":
			n.kind = kindNumber
			n.intLit = y.ShortTag() == "!!int"
			var f float64
			if err := y.Decode(&f); err != nil {
				f = math.NaN()
			}
			n.num = f
		default:
			// !!str, !!timestamp (a date is text to us) and custom tags.
			n.kind = kindString
		}
	}
	return n
}

// lines maps byte offsets to line numbers.
type lines []int

func newLines(data []byte) lines {
	var nl lines
	for i, c := range data {
		if c == '\n' {
			nl = append(nl, i)
		}
	}
	return nl
}

// at returns the 1-based line of the byte at offset off.
func (nl lines) at(off int) int { return sort.SearchInts(nl, off) + 1 }

// jsonParser builds a tree from JSON with encoding/json's token stream,
// which (unlike Unmarshal) lets us see duplicate keys and the offset of
// every value.
type jsonParser struct {
	file string
	data []byte
	dec  *json.Decoder
	nl   lines
	errs input.Errors
}

// parseJSON reads one JSON value into a tree. Syntax errors end the parse
// (returned as the only error); duplicate keys are collected.
func parseJSON(file string, data []byte) (*node, input.Errors) {
	p := &jsonParser{file: file, data: data, dec: json.NewDecoder(bytes.NewReader(data)), nl: newLines(data)}
	p.dec.UseNumber()
	tok, line, err := p.next()
	if err != nil {
		return nil, input.Errors{p.syntax(err)}
	}
	root, err := p.value(tok, line, nil, 0)
	if err != nil {
		return nil, input.Errors{p.syntax(err)}
	}
	if _, line, err := p.next(); err == nil {
		return nil, input.Errors{{File: file, Line: line, Reason: "holds more than one JSON value"}}
	} else if !errors.Is(err, io.EOF) {
		return nil, input.Errors{p.syntax(err)}
	}
	return root, p.errs
}

// next reads a token and the line where it starts.
func (p *jsonParser) next() (json.Token, int, error) {
	// The decoder consumes separators with the token that follows them, so
	// the token starts at the first byte after the last one that is neither
	// white space nor a separator.
	start := int(p.dec.InputOffset())
	for start < len(p.data) && strings.IndexByte(" \t\r\n,:", p.data[start]) >= 0 {
		start++
	}
	tok, err := p.dec.Token()
	return tok, p.nl.at(start), err
}

// errTooDeep ends a parse of a file nested beyond maxDepth.
type errTooDeep struct{ line int }

func (e *errTooDeep) Error() string { return "is nested too deeply" }

func (p *jsonParser) value(tok json.Token, line int, path []any, depth int) (*node, error) {
	switch t := tok.(type) {
	case json.Delim:
		if depth > maxDepth {
			return nil, &errTooDeep{line}
		}
		switch t {
		case '{':
			n := &node{kind: kindObject, line: line}
			first := map[string]int{}
			for {
				tok, kline, err := p.next()
				if err != nil {
					return nil, unexpectedEOF(err)
				}
				if d, ok := tok.(json.Delim); ok && d == '}' {
					return n, nil
				}
				key, _ := tok.(string) // the decoder only gives strings here
				vtok, vline, err := p.next()
				if err != nil {
					return nil, unexpectedEOF(err)
				}
				kid, err := p.value(vtok, vline, append(path, key), depth+1)
				if err != nil {
					return nil, err
				}
				kid.line = kline
				if l, dup := first[key]; dup {
					p.errs = append(p.errs, &input.Error{File: p.file, Line: kline, Field: input.FieldPath(append(path, key)...),
						Reason: fmt.Sprintf("duplicate key %q (first at line %d)", key, l)})
					continue
				}
				first[key] = kline
				n.keys = append(n.keys, key)
				n.kids = append(n.kids, kid)
			}
		case '[':
			n := &node{kind: kindArray, line: line}
			for i := 0; ; i++ {
				tok, iline, err := p.next()
				if err != nil {
					return nil, unexpectedEOF(err)
				}
				if d, ok := tok.(json.Delim); ok && d == ']' {
					return n, nil
				}
				kid, err := p.value(tok, iline, append(path, i), depth+1)
				if err != nil {
					return nil, err
				}
				n.kids = append(n.kids, kid)
			}
		}
		// A closing delimiter where a value belongs is a syntax error the
		// decoder reports itself; this is not reached.
		return nil, fmt.Errorf("unexpected %q", rune(t))
	case string:
		return &node{kind: kindString, line: line, text: t}, nil
	case json.Number:
		f, err := t.Float64()
		if err != nil {
			f = math.NaN()
		}
		return &node{kind: kindNumber, line: line, text: t.String(), num: f,
			intLit: !strings.ContainsAny(t.String(), ".eE")}, nil
	case bool:
		return &node{kind: kindBool, line: line, text: strconv.FormatBool(t)}, nil
	case nil:
		return &node{kind: kindNull, line: line, text: "null"}, nil
	}
	return nil, fmt.Errorf("unexpected token %v", tok)
}

func unexpectedEOF(err error) error {
	if errors.Is(err, io.EOF) {
		return io.ErrUnexpectedEOF
	}
	return err
}

// syntax turns a decoder error into an *input.Error with the line.
func (p *jsonParser) syntax(err error) *input.Error {
	var se *json.SyntaxError
	var deep *errTooDeep
	switch {
	case errors.As(err, &deep):
		return &input.Error{File: p.file, Line: deep.line, Reason: deep.Error()}
	case errors.As(err, &se):
		// A Decoder's offsets count from the start of the value it was
		// reading, or point at the offending byte, depending on where the
		// error arises; checking the whole input again gives the offset in
		// the file, just past the offending byte.
		var whole *json.SyntaxError
		var raw json.RawMessage
		if errors.As(json.Unmarshal(p.data, &raw), &whole) {
			se = whole
		}
		off := int(se.Offset) - 1
		if off < 0 {
			off = 0
		}
		msg := strings.TrimPrefix(se.Error(), "json: ")
		if strings.Contains(msg, "after object key:value pair") || strings.Contains(msg, "after array element") {
			msg += " (is a comma missing before it?)"
		}
		return &input.Error{File: p.file, Line: p.nl.at(off), Reason: "is not valid JSON: " + msg}
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return &input.Error{File: p.file, Line: p.nl.at(len(bytes.TrimRight(p.data, " \t\r\n")) - 1),
			Reason: "is not valid JSON: it ends before the value is complete"}
	}
	return &input.Error{File: p.file, Reason: "is not valid JSON: " + strings.TrimPrefix(err.Error(), "json: ")}
}

// maxErrors is the most problems reported for one file: past it, a list
// helps nobody, and the file is most likely not what it should be.
const maxErrors = 50

// sortErrors orders problems by line, so that a user reads them top down,
// and keeps the first maxErrors of them.
func sortErrors(es input.Errors) input.Errors {
	sort.SliceStable(es, func(i, j int) bool { return es[i].Line < es[j].Line })
	if len(es) > maxErrors {
		more := len(es) - maxErrors
		es = append(es[:maxErrors:maxErrors], &input.Error{File: es[0].File, Reason: fmt.Sprintf("and %d more problems", more)})
	}
	return es
}
