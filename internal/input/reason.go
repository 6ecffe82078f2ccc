package input

import (
	"errors"
	"regexp"
	"slices"
	"strings"

	"github.com/dgmaturity/dgmaturity/internal/locale"
)

// Msg is the reason of a refused input as a message of internal/locale
// (the part messages/input.LANG.yaml): its id and its template data, so
// that the reason can be shown in the run's language. The English text is
// the reason as it always read (Error, String); the values from the file
// in Data are already quoted (Quote, strconv.Quote of Clip) and are never
// translated, nor are field paths and file names.
type Msg struct {
	// ID is the message id; an empty ID is no reason at all ("").
	ID string
	// Data are the template data as name, value pairs, as locale's
	// Printer.T takes them. A value that is a Msg is shown in the same
	// language (the kind of a refused character, a JSON syntax detail).
	Data []any
	// Count chooses the plural form when Plural is set.
	Count  int
	Plural bool
}

// Number is a number in a message's data, written the way of the
// message's language (41.5 in English, 41,5 in French and German).
type Number struct {
	Value    float64
	Decimals int
}

// M returns the reason id with its data as name, value pairs.
func M(id string, kv ...any) Msg { return Msg{ID: id, Data: kv} }

// MN returns the reason id in the plural form count takes (also given to
// the template as .Count).
func MN(id string, count int, kv ...any) Msg {
	return Msg{ID: id, Data: kv, Count: count, Plural: true}
}

// In returns the reason in p's language (English for a nil p).
func (m Msg) In(p *locale.Printer) string {
	if m.ID == "" {
		return ""
	}
	if p == nil {
		p = locale.For(locale.English)
	}
	kv, copied := m.Data, false
	for i, v := range m.Data {
		var local string
		switch v := v.(type) {
		case Msg:
			local = v.In(p)
		case Number:
			local = p.Number(v.Value, v.Decimals)
		default:
			continue
		}
		if !copied { // never write into the caller's data
			kv, copied = slices.Clone(m.Data), true
		}
		kv[i] = local
	}
	if m.Plural {
		return p.N(m.ID, m.Count, kv...)
	}
	return p.T(m.ID, kv...)
}

// String returns the reason in English.
func (m Msg) String() string { return m.In(nil) }

// Describe returns err for a reader of p's language (English for a nil p):
// the reasons of the *Error and Errors in it translated, the rest of the
// text (file names, fields, the words of a wrapping error) as it is. An
// error without input problems reads as err.Error().
func Describe(err error, p *locale.Printer) string {
	if err == nil {
		return ""
	}
	var inner interface {
		error
		In(*locale.Printer) string
	}
	var es Errors
	var e *Error
	var r *Refusal
	switch {
	case errors.As(err, &es):
		inner = es
	case errors.As(err, &e):
		inner = e
	case errors.As(err, &r):
		inner = r
	default:
		return err.Error()
	}
	s, en := err.Error(), inner.Error()
	i := strings.LastIndex(s, en)
	if i < 0 {
		return s
	}
	return s[:i] + inner.In(p) + s[i+len(en):]
}

// DuplicateKey is the reason for a key given twice; key is already quoted.
func DuplicateKey(key string, first int) Msg {
	return M("input.syntax.duplicate_key", "Key", key, "Line", first)
}

// jsonSyntax matches encoding/json's syntax errors, whose places
// (jsonPlaces) the messages name in every language.
var jsonSyntax = regexp.MustCompile(`^invalid character (.+?) (looking for beginning of value|looking for beginning of object key string|after object key|after object key:value pair|after array element|after top-level value|in string literal|in numeric literal|in string escape code|in \\u hexadecimal character escape|in literal (?:true|false|null) \(expecting ('.+')\))$`)

// jsonPlaces are the message ids of the places jsonSyntax names.
var jsonPlaces = map[string]string{
	"looking for beginning of value":             "input.json.at.value",
	"looking for beginning of object key string": "input.json.at.key",
	"after object key":                           "input.json.at.after_key",
	"after object key:value pair":                "input.json.at.after_member",
	"after array element":                        "input.json.at.after_element",
	"after top-level value":                      "input.json.at.after_top",
	"in string literal":                          "input.json.at.string",
	"in numeric literal":                         "input.json.at.number",
	"in string escape code":                      "input.json.at.escape",
	`in \u hexadecimal character escape`:         "input.json.at.hex_escape",
}

// NotJSON is the reason for a JSON syntax error: "is not valid JSON: " and
// encoding/json's words, which are rewritten in the reader's language where
// they are known (an invalid character and where it was met, the end of the
// input); a message not known is shown as it is in English and left out in
// other languages.
func NotJSON(err error) Msg {
	msg := strings.TrimPrefix(err.Error(), "json: ")
	if msg == "unexpected end of JSON input" {
		return M("input.json.invalid", "Detail", M("input.json.unexpected_end"))
	}
	m := jsonSyntax.FindStringSubmatch(msg)
	if m == nil {
		return M("input.json.invalid_other", "Detail", msg)
	}
	var place Msg
	if m[3] != "" {
		place = M("input.json.at.literal", "Literal", strings.TrimSuffix(strings.TrimPrefix(m[2], "in literal "), " ("+"expecting "+m[3]+")"), "Expected", m[3])
	} else {
		place = M(jsonPlaces[m[2]])
	}
	id := "input.json.bad_char"
	if m[2] == "after object key:value pair" || m[2] == "after array element" {
		id = "input.json.bad_char_comma"
	}
	return M("input.json.invalid", "Detail", M(id, "Char", m[1], "Place", place))
}
