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

// Doc is a decoded document that still knows the line of every value, so
// that later, semantic checks can name the line of what they refuse. Its
// tree is the one the answers and assessment readers walk (see Node), so
// every reader finds a path's line the same way.
type Doc struct {
	File string
	Root *Node
	// Problems are those found building the tree that the strict decoding
	// into v cannot see (a duplicate or non-text key, or nesting deeper
	// than MaxDepth, below a field decoded as a yaml.Node); a reader that
	// decodes into plain Go types never has any.
	Problems Errors
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
			return nil, &Error{File: file, Msg: M("input.file.empty")}
		}
		return nil, syntaxError(file, data, err)
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case err == nil:
		return nil, &Error{File: file, Line: extra.Line, Msg: M("input.yaml.several_documents")}
	case !errors.Is(err, io.EOF):
		// A broken second document is still one too many, and garbage
		// after the first must not pass unseen.
		return nil, syntaxError(file, data, err)
	}
	if n := findAlias(&root); n != nil {
		return nil, &Error{File: file, Line: n.Line, Msg: M("input.yaml.alias", "Name", Quote(n.Value))}
	}
	if root.Kind != yaml.DocumentNode || len(root.Content) != 1 || root.Content[0].Kind != yaml.MappingNode {
		line := root.Line
		if len(root.Content) > 0 {
			line = root.Content[0].Line
		}
		return nil, &Error{File: file, Line: line, Msg: M("input.yaml.not_mapping")}
	}
	// Decode again from the text with KnownFields: Node.Decode cannot refuse
	// unknown fields. The text has no aliases, so this costs little.
	strict := yaml.NewDecoder(bytes.NewReader(data))
	strict.KnownFields(true)
	if err := strict.Decode(v); err != nil {
		return nil, yamlError(file, err)
	}
	tree, problems := FromYAML(file, root.Content[0])
	return &Doc{File: file, Root: tree, Problems: problems}, nil
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
		return &Error{File: file, Line: n, Msg: tidyReason(m[2])}
	}
	return &Error{File: file, Msg: tidyReason(msg)}
}

var (
	unknownField = regexp.MustCompile(`^field (\S+) not found in type \S+$`)
	dupKey       = regexp.MustCompile(`^mapping key ("[^"]*") already defined at line (\d+)$`)
	mismatch     = regexp.MustCompile("^cannot unmarshal !!(\\w+) (?:`(.*)` )?into (\\S+)$")
)

// tidyReason rewords the library's Go-flavoured messages for people.
func tidyReason(s string) Msg {
	if m := dupKey.FindStringSubmatch(s); m != nil {
		line, _ := strconv.Atoi(m[2])
		return DuplicateKey(m[1], line)
	}
	if m := unknownField.FindStringSubmatch(s); m != nil {
		return M("input.yaml.unknown_field", "Field", strconv.Quote(m[1]))
	}
	if m := mismatch.FindStringSubmatch(s); m != nil {
		found := yamlKinds[m[1]]
		if found.ID == "" {
			found = M("input.kind.as_written", "Text", m[1])
		}
		if m[2] != "" {
			found = M("input.kind.with_value", "Kind", found, "Value", "`"+m[2]+"`")
		}
		return Expected(goKind(m[3]), found)
	}
	if id, ok := yamlProblems[s]; ok {
		return M(id)
	}
	// A problem not known here: the library's words in English, left out
	// in other languages.
	return M("input.yaml.other", "Detail", s)
}

// Expected is the reason "expected WANT, found GOT".
func Expected(want, got Msg) Msg {
	return M("input.kind.expected", "Want", want, "Found", got)
}

// yamlKinds are the words for the YAML tags a type mismatch names.
var yamlKinds = map[string]Msg{
	"str": M("input.kind.text"), "int": M("input.kind.whole_number"), "float": M("input.kind.number"),
	"bool": M("input.kind.bool"), "map": M("input.kind.mapping"), "seq": M("input.kind.list"),
	"null": M("input.kind.nothing"),
}

// yamlProblems are the message ids of the syntax problems yaml.v3 reports
// that a hand-edited file commonly has; the others show as the library
// words them (input.yaml.other).
var yamlProblems = map[string]string{
	"did not find expected key":                                    "input.yaml.expected_key",
	"did not find expected node content":                           "input.yaml.expected_content",
	"did not find expected ',' or '}'":                             "input.yaml.expected_brace",
	"did not find expected ',' or ']'":                             "input.yaml.expected_bracket",
	"did not find expected '-' indicator":                          "input.yaml.expected_dash",
	"did not find expected comment or line break":                  "input.yaml.expected_line_end",
	"could not find expected ':'":                                  "input.yaml.expected_colon",
	"mapping values are not allowed in this context":               "input.yaml.mapping_here",
	"block sequence entries are not allowed in this context":       "input.yaml.sequence_here",
	"found character that cannot start any token":                  "input.yaml.bad_start",
	"found a tab character that violates indentation":              "input.yaml.tab_indent",
	"found a tab character where an indentation space is expected": "input.yaml.tab_space",
	"found unexpected end of stream":                               "input.yaml.unexpected_end",
	"found unknown escape character":                               "input.yaml.bad_escape",
	"found unexpected document indicator":                          "input.yaml.document_marker",
	"found undefined tag handle":                                   "input.yaml.undefined_tag",
	controlProblem:                                                 "input.yaml.control",
}

func goKind(t string) Msg {
	t = strings.TrimLeft(t, "*")
	switch {
	case strings.HasPrefix(t, "[]"):
		return M("input.kind.list")
	case strings.HasPrefix(t, "map["):
		return M("input.kind.mapping")
	case strings.HasPrefix(t, "int"), strings.HasPrefix(t, "uint"):
		return M("input.kind.whole_number")
	case strings.HasPrefix(t, "float"):
		return M("input.kind.number")
	case t == "string":
		return M("input.kind.text")
	case t == "bool":
		return M("input.kind.bool")
	}
	return M("input.kind.mapping")
}

// Node returns the value at path below d's root (path elements are
// mapping keys, string, and list positions, int), or nil when there is
// none.
func (d *Doc) Node(path ...any) *Node {
	if d == nil {
		return nil
	}
	return d.Root.At(path...)
}

// Line returns the line of the value at path below d's root (see
// Node.LineOf): a mapping member's line is its key's, and when the path
// does not exist to its end, the line of the deepest value found.
func (d *Doc) Line(path ...any) int {
	if d == nil {
		return 0
	}
	return d.Root.LineOf(path...)
}

// Err builds an *Error for the node at path, with the field written as
// "questions[3].area".
// A nil Doc gives an *Error with no file and no line (an in-memory value).
func (d *Doc) Err(reason Msg, path ...any) *Error {
	e := &Error{Line: d.Line(path...), Field: FieldPath(path...), Msg: reason}
	if d != nil {
		e.File = d.File
	}
	return e
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
