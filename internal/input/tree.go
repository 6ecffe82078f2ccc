package input

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
)

// The document tree: YAML and JSON files are read into one small tree that
// remembers the line of every value, so that the checks after decoding can
// name the line of what they refuse whether the file was YAML or JSON. The
// questionnaire reader walks it through Doc; the answers and assessment
// readers walk it directly.

// Kind is the type of a value in the tree.
type Kind uint8

// The kinds of value, as JSON names them (a YAML mapping is an object, a
// sequence an array; a YAML date is a string).
const (
	KindNull Kind = iota
	KindBool
	KindNumber
	KindString
	KindObject
	KindArray
)

// Node is one value of a decoded file.
type Node struct {
	// Kind is the value's type.
	Kind Kind
	// Line is the line of the member's key for object members (the line a
	// reader looks at), else the line where the value starts.
	Line int
	// Text is the scalar as written; for strings, their value.
	Text string
	// Num is a number's value (NaN when it does not fit a float64).
	Num float64
	// IntLit is true for a number written without fraction or exponent.
	IntLit bool
	// Keys are an object's keys, parallel to Kids.
	Keys []string
	// Kids are an object's values or an array's items.
	Kids []*Node
	// index maps keys to positions, built on first use for large objects
	// so that looking up every key of a hostile file stays linear.
	index map[string]int
}

// Get returns the value of an object's key, or nil.
func (n *Node) Get(key string) *Node {
	if n == nil || n.Kind != KindObject {
		return nil
	}
	if len(n.Keys) > 16 {
		if n.index == nil {
			n.index = make(map[string]int, len(n.Keys))
			for i, k := range n.Keys {
				n.index[k] = i
			}
		}
		if i, ok := n.index[key]; ok {
			return n.Kids[i]
		}
		return nil
	}
	for i, k := range n.Keys {
		if k == key {
			return n.Kids[i]
		}
	}
	return nil
}

// Whole reports whether a number has an integral value that fits an int32,
// so that 2 and 2.0 are whole and 1.5, 1e300 and NaN are not.
func (n *Node) Whole() bool {
	return n.Kind == KindNumber && !math.IsNaN(n.Num) && n.Num == math.Trunc(n.Num) &&
		math.Abs(n.Num) <= math.MaxInt32
}

// LineOf returns the line of the value at path (keys and array positions);
// when the path does not exist to its end, the line of the deepest value
// found.
func (n *Node) LineOf(path ...any) int {
	if n == nil {
		return 0
	}
	deepest, _ := n.walk(path)
	return deepest.Line
}

// At returns the value at path (keys and array positions), or nil when
// there is none.
func (n *Node) At(path ...any) *Node {
	if n == nil {
		return nil
	}
	if v, ok := n.walk(path); ok {
		return v
	}
	return nil
}

// walk follows path from n (not nil) and returns the deepest value found
// and whether it is the one at the end of the path.
func (n *Node) walk(path []any) (*Node, bool) {
	for _, p := range path {
		var next *Node
		switch k := p.(type) {
		case string:
			next = n.Get(k)
		case int:
			if n.Kind == KindArray && k >= 0 && k < len(n.Kids) {
				next = n.Kids[k]
			}
		}
		if next == nil {
			return n, false
		}
		n = next
	}
	return n, true
}

// Describe names a value's type for error messages; json selects the
// JSON words ("an object") over the YAML ones ("a mapping"). A number or
// true and false is shown as written.
func (n *Node) Describe(json bool) Msg {
	switch n.Kind {
	case KindNull:
		return M("input.kind.nothing")
	case KindBool, KindNumber:
		return M("input.kind.as_written", "Text", n.Text)
	case KindString:
		return M("input.kind.text_value", "Text", strconv.Quote(Clip(n.Text)))
	case KindObject:
		return Object(json)
	}
	return M("input.kind.list")
}

// Object is "an object" (JSON) or "a mapping" (YAML), for messages.
func Object(json bool) Msg {
	if json {
		return M("input.kind.object")
	}
	return M("input.kind.mapping")
}

// Clip shortens user text quoted in an error message to 40 characters.
func Clip(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// MaxDepth bounds nesting: no valid file is deeper than a handful of
// levels, and a bound keeps a hostile file from exhausting the stack.
const MaxDepth = 32

// FromYAML converts a YAML node (aliases already refused by DecodeYAML)
// into a tree; it refuses duplicate and non-text keys and nesting deeper
// than MaxDepth.
func FromYAML(file string, y *yaml.Node) (*Node, Errors) {
	var errs Errors
	n := convertYAML(file, y, nil, 0, &errs)
	return n, errs
}

func convertYAML(file string, y *yaml.Node, path []any, depth int, errs *Errors) *Node {
	if y.Kind == yaml.DocumentNode && len(y.Content) == 1 {
		y = y.Content[0]
	}
	n := &Node{Line: y.Line}
	if depth > MaxDepth {
		*errs = append(*errs, &Error{File: file, Line: y.Line, Field: FieldPath(path...), Msg: M("input.syntax.too_deep")})
		return &Node{Kind: KindNull, Line: y.Line}
	}
	switch y.Kind {
	case yaml.MappingNode:
		n.Kind = KindObject
		first := map[string]int{}
		for i := 0; i+1 < len(y.Content); i += 2 {
			k, v := y.Content[i], y.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				*errs = append(*errs, &Error{File: file, Line: k.Line, Field: FieldPath(path...), Msg: M("input.syntax.key_not_text")})
				continue
			}
			if l, dup := first[k.Value]; dup {
				*errs = append(*errs, &Error{File: file, Line: k.Line, Field: FieldPath(append(path, k.Value)...),
					Msg: DuplicateKey(strconv.Quote(k.Value), l)})
				continue
			}
			first[k.Value] = k.Line
			kid := convertYAML(file, v, append(path, k.Value), depth+1, errs)
			kid.Line = k.Line
			n.Keys = append(n.Keys, k.Value)
			n.Kids = append(n.Kids, kid)
		}
	case yaml.SequenceNode:
		n.Kind = KindArray
		for i, v := range y.Content {
			n.Kids = append(n.Kids, convertYAML(file, v, append(path, i), depth+1, errs))
		}
	default:
		n.Text = y.Value
		switch y.ShortTag() {
		case "!!null":
			n.Kind = KindNull
		case "!!bool":
			n.Kind = KindBool
		case "!!int", "!!float":
			n.Kind = KindNumber
			n.IntLit = y.ShortTag() == "!!int"
			var f float64
			if err := y.Decode(&f); err != nil {
				f = math.NaN()
			}
			n.Num = f
		default:
			// !!str, !!timestamp (a date is text to us) and custom tags.
			n.Kind = KindString
		}
	}
	return n
}

// Lines maps the byte offsets of a file to line numbers.
type Lines []int

// NewLines indexes the line ends of data.
func NewLines(data []byte) Lines {
	var nl Lines
	for i, c := range data {
		if c == '\n' {
			nl = append(nl, i)
		}
	}
	return nl
}

// At returns the 1-based line of the byte at offset off.
func (nl Lines) At(off int) int { return sort.SearchInts(nl, off) + 1 }

// jsonParser builds a tree from JSON with encoding/json's token stream,
// which (unlike Unmarshal) lets us see duplicate keys and the offset of
// every value.
type jsonParser struct {
	file string
	data []byte
	dec  *json.Decoder
	nl   Lines
	errs Errors
}

// ParseJSON reads one JSON value into a tree. Syntax errors end the parse
// (returned as the only error); duplicate keys and nesting deeper than
// MaxDepth are refused.
func ParseJSON(file string, data []byte) (*Node, Errors) {
	p := &jsonParser{file: file, data: data, dec: json.NewDecoder(bytes.NewReader(data)), nl: NewLines(data)}
	p.dec.UseNumber()
	tok, line, err := p.next()
	if err != nil {
		return nil, Errors{p.syntax(err)}
	}
	root, err := p.value(tok, line, nil, 0)
	if err != nil {
		return nil, Errors{p.syntax(err)}
	}
	if _, line, err := p.next(); err == nil {
		return nil, Errors{{File: file, Line: line, Msg: M("input.json.several_values")}}
	} else if !errors.Is(err, io.EOF) {
		return nil, Errors{p.syntax(err)}
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
	return tok, p.nl.At(start), err
}

// errTooDeep ends a parse of a file nested beyond MaxDepth.
type errTooDeep struct{ line int }

func (e *errTooDeep) Error() string { return M("input.syntax.too_deep").String() }

func (p *jsonParser) value(tok json.Token, line int, path []any, depth int) (*Node, error) {
	switch t := tok.(type) {
	case json.Delim:
		if depth > MaxDepth {
			return nil, &errTooDeep{line}
		}
		switch t {
		case '{':
			n := &Node{Kind: KindObject, Line: line}
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
				kid.Line = kline
				if l, dup := first[key]; dup {
					p.errs = append(p.errs, &Error{File: p.file, Line: kline, Field: FieldPath(append(path, key)...),
						Msg: DuplicateKey(strconv.Quote(key), l)})
					continue
				}
				first[key] = kline
				n.Keys = append(n.Keys, key)
				n.Kids = append(n.Kids, kid)
			}
		case '[':
			n := &Node{Kind: KindArray, Line: line}
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
				n.Kids = append(n.Kids, kid)
			}
		}
		// A closing delimiter where a value belongs is a syntax error the
		// decoder reports itself; this is not reached.
		return nil, fmt.Errorf("unexpected %q", rune(t))
	case string:
		return &Node{Kind: KindString, Line: line, Text: t}, nil
	case json.Number:
		f, err := t.Float64()
		if err != nil {
			f = math.NaN()
		}
		return &Node{Kind: KindNumber, Line: line, Text: t.String(), Num: f,
			IntLit: !strings.ContainsAny(t.String(), ".eE")}, nil
	case bool:
		return &Node{Kind: KindBool, Line: line, Text: strconv.FormatBool(t)}, nil
	case nil:
		return &Node{Kind: KindNull, Line: line, Text: "null"}, nil
	}
	return nil, fmt.Errorf("unexpected token %v", tok)
}

func unexpectedEOF(err error) error {
	if errors.Is(err, io.EOF) {
		return io.ErrUnexpectedEOF
	}
	return err
}

// syntax turns a decoder error into an *Error with the line.
func (p *jsonParser) syntax(err error) *Error {
	var se *json.SyntaxError
	var deep *errTooDeep
	switch {
	case errors.As(err, &deep):
		return &Error{File: p.file, Line: deep.line, Msg: M("input.syntax.too_deep")}
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
		return &Error{File: p.file, Line: p.nl.At(off), Msg: NotJSON(se)}
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return &Error{File: p.file, Line: p.nl.At(len(bytes.TrimRight(p.data, " \t\r\n")) - 1),
			Msg: M("input.json.invalid", "Detail", M("input.json.ends_early"))}
	}
	return &Error{File: p.file, Msg: NotJSON(err)}
}
