package input

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Doc is a decoded YAML document that still knows the line of every node,
// so that later, semantic checks can name the line of what they refuse.
type Doc struct {
	File string
	Root *yaml.Node
}

var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// DecodeYAML decodes one YAML document strictly into v: unknown fields,
// duplicate keys, aliases (the vector of alias bombs), several documents
// and type mismatches are refused with the line where they occur.
func DecodeYAML(file string, data []byte, v any) (*Doc, error) {
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&root); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &Error{File: file, Reason: "is empty"}
		}
		return nil, syntaxError(file, data, err)
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case err == nil:
		return nil, &Error{File: file, Line: extra.Line, Reason: "holds more than one YAML document"}
	case !errors.Is(err, io.EOF):
		// A broken second document is still one too many, and garbage
		// after the first must not pass unseen.
		return nil, syntaxError(file, data, err)
	}
	if n := findAlias(&root); n != nil {
		return nil, &Error{File: file, Line: n.Line, Reason: fmt.Sprintf("YAML aliases (*%s) are not allowed", n.Value)}
	}
	if root.Kind != yaml.DocumentNode || len(root.Content) != 1 || root.Content[0].Kind != yaml.MappingNode {
		line := root.Line
		if len(root.Content) > 0 {
			line = root.Content[0].Line
		}
		return nil, &Error{File: file, Line: line, Reason: "must be a YAML mapping (key: value lines) at the top"}
	}
	// Decode again from the text with KnownFields: Node.Decode cannot refuse
	// unknown fields. The text has no aliases, so this costs little.
	strict := yaml.NewDecoder(bytes.NewReader(data))
	strict.KnownFields(true)
	if err := strict.Decode(v); err != nil {
		return nil, yamlError(file, err)
	}
	return &Doc{File: file, Root: root.Content[0]}, nil
}

func findAlias(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode {
		return n
	}
	for _, c := range n.Content {
		if a := findAlias(c); a != nil {
			return a
		}
	}
	return nil
}

// yamlError turns the YAML library's messages into Errors with lines.
func yamlError(file string, err error) error {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		var es Errors
		for _, msg := range te.Errors {
			es = append(es, lineError(file, msg))
		}
		return es.Err()
	}
	return lineError(file, err.Error())
}

// parserProblems are the problems yaml.v3's parser (not its scanner)
// reports. For them the library writes the 0-based line of the mark as if
// it were 1-based, one line too early, and no line at all for the first.
var parserProblems = map[string]bool{
	"did not find expected <stream-start>":   true,
	"did not find expected <document start>": true,
	"did not find expected node content":     true,
	"did not find expected '-' indicator":    true,
	"did not find expected key":              true,
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"found undefined tag handle":             true,
	"found duplicate %YAML directive":        true,
	"found duplicate %TAG directive":         true,
	"found incompatible YAML document":       true,
}

// controlProblem is what yaml.v3's reader says of a character YAML does
// not allow; it gives no line.
const controlProblem = "control characters are not allowed"

// syntaxError is yamlError for the first decoding of data, whose syntax
// errors the library places imprecisely: it corrects the line of parser
// problems, finds the line of a control character, and puts the problems
// it gives no line for on line 1, where the library leaves out the line.
func syntaxError(file string, data []byte, err error) error {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		return yamlError(file, err)
	}
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	problem := msg
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		problem = m[2]
	}
	e := lineError(file, msg)
	switch {
	case problem == controlProblem:
		e.Line = controlLine(data)
	case e.Line == 0:
		e.Line = 1
	case parserProblems[problem]:
		e.Line++
	}
	return e
}

// controlLine returns the line of the first character that YAML does not
// allow in a file (its "printable" set), or 0 when there is none.
func controlLine(data []byte) int {
	line := 1
	for _, r := range string(data) {
		printable := r == '\t' || r == '\n' || r == '\r' || r >= 0x20 && r <= 0x7e || r == 0x85 ||
			r >= 0xa0 && r <= 0xd7ff || r >= 0xe000 && r <= 0xfffd && r != 0xfeff || r >= 0x10000 && r <= 0x10ffff
		if !printable {
			return line
		}
		if r == '\n' {
			line++
		}
	}
	return 0
}

func lineError(file, msg string) *Error {
	msg = strings.TrimPrefix(msg, "yaml: ")
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		n, _ := strconv.Atoi(m[1])
		return &Error{File: file, Line: n, Reason: tidyReason(m[2])}
	}
	return &Error{File: file, Reason: tidyReason(msg)}
}

var (
	unknownField = regexp.MustCompile(`^field (\S+) not found in type \S+$`)
	dupKey       = regexp.MustCompile(`^mapping key ("[^"]*") already defined at line (\d+)$`)
	mismatch     = regexp.MustCompile("^cannot unmarshal !!(\\w+) (?:`(.*)` )?into (\\S+)$")
)

// tidyReason rewords the library's Go-flavoured messages for people.
func tidyReason(s string) string {
	if m := dupKey.FindStringSubmatch(s); m != nil {
		return fmt.Sprintf("duplicate key %s (first at line %s)", m[1], m[2])
	}
	if m := unknownField.FindStringSubmatch(s); m != nil {
		return fmt.Sprintf("unknown field %q (check its spelling)", m[1])
	}
	if m := mismatch.FindStringSubmatch(s); m != nil {
		found := map[string]string{"str": "text", "int": "a whole number", "float": "a number",
			"bool": "true or false", "map": "a mapping", "seq": "a list", "null": "nothing"}[m[1]]
		if found == "" {
			found = m[1]
		}
		if m[2] != "" {
			found += " `" + m[2] + "`"
		}
		return fmt.Sprintf("expected %s, found %s", goKind(m[3]), found)
	}
	return s
}

func goKind(t string) string {
	t = strings.TrimLeft(t, "*")
	switch {
	case strings.HasPrefix(t, "[]"):
		return "a list"
	case strings.HasPrefix(t, "map["):
		return "a mapping"
	case strings.HasPrefix(t, "int"), strings.HasPrefix(t, "uint"):
		return "a whole number"
	case strings.HasPrefix(t, "float"):
		return "a number"
	case t == "string":
		return "text"
	case t == "bool":
		return "true or false"
	}
	return "a mapping"
}

// Node returns the node at path below d's root, or nil when there is none.
func (d *Doc) Node(path ...any) *yaml.Node {
	if d == nil || d.Root == nil {
		return nil
	}
	n := d.Root
	for _, p := range path {
		var next *yaml.Node
		switch k := p.(type) {
		case string:
			if n.Kind == yaml.MappingNode {
				for i := 0; i+1 < len(n.Content); i += 2 {
					if n.Content[i].Value == k {
						next = n.Content[i+1]
						break
					}
				}
			}
		case int:
			if n.Kind == yaml.SequenceNode && k >= 0 && k < len(n.Content) {
				next = n.Content[k]
			}
		}
		if next == nil {
			return nil
		}
		n = next
	}
	return n
}

// Line returns the line of the node at path below d's root; path elements
// are mapping keys (string) and sequence positions (int). When the path
// does not exist to its end, the line of the deepest node found is returned.
func (d *Doc) Line(path ...any) int {
	if d == nil || d.Root == nil {
		return 0
	}
	n := d.Root
	line := n.Line
	for _, p := range path {
		var next *yaml.Node
		switch k := p.(type) {
		case string:
			if n.Kind == yaml.MappingNode {
				for i := 0; i+1 < len(n.Content); i += 2 {
					if n.Content[i].Value == k {
						next = n.Content[i+1]
						// A scalar value's line is its key's line; a block
						// value starts on the next line, so prefer the key.
						line = n.Content[i].Line
						break
					}
				}
			}
		case int:
			if n.Kind == yaml.SequenceNode && k >= 0 && k < len(n.Content) {
				next = n.Content[k]
				line = next.Line
			}
		}
		if next == nil {
			return line
		}
		n = next
	}
	return line
}

// Err builds an *Error for the node at path, with the field written as
// "questions[3].area".
func (d *Doc) Err(reason string, path ...any) *Error {
	return &Error{File: d.File, Line: d.Line(path...), Field: FieldPath(path...), Reason: reason}
}

// FieldPath writes a path as "questions[3].area".
func FieldPath(path ...any) string {
	var b strings.Builder
	for _, p := range path {
		switch k := p.(type) {
		case string:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			b.WriteString(Quote(k)) // a key from the file: never raw
		case int:
			fmt.Fprintf(&b, "[%d]", k)
		}
	}
	return b.String()
}
