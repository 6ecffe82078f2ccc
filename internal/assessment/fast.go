package assessment

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"sync"
)

// The fast path of LoadFast. encoding/json alone is more lenient than
// Parse: it takes the last of duplicate keys, ignores unknown fields,
// matches field names ignoring case, reads null as "not given", and reads
// "na": "" as no na. plainJSON finds all of these in one pass over the
// bytes, following the shape of the Assessment type, and sends such files
// to Parse; encoding/json itself refuses wrong types, fractions in whole
// numbers and trailing data. What is left is what Parse accepts.

// structFields maps every struct type of the assessment file to its fields
// by JSON name.
var structFields = sync.OnceValue(func() map[reflect.Type]map[string]reflect.Type {
	out := map[reflect.Type]map[string]reflect.Type{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		t = deref(t)
		switch t.Kind() {
		case reflect.Slice, reflect.Map:
			walk(t.Elem())
			return
		case reflect.Struct:
		default:
			return
		}
		if _, seen := out[t]; seen {
			return
		}
		fields := map[string]reflect.Type{}
		out[t] = fields
		for i := range t.NumField() {
			f := t.Field(i)
			if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); name != "" && name != "-" && f.IsExported() {
				fields[name] = f.Type
				walk(f.Type)
			}
		}
	}
	walk(reflect.TypeOf(Assessment{}))
	return out
})

func deref(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// decodeFast decodes data with encoding/json when plainJSON finds none of
// the leniencies above, and returns nil otherwise (or when the decoder
// refuses it).
func decodeFast(data []byte) *Assessment {
	if len(data) == 0 || data[0] != '{' || len(data) > MaxFileSize || !plainJSON(data) {
		return nil
	}
	// A map given to Unmarshal is filled, not replaced: one of the right
	// size spares the decoder growing it answer by answer.
	a := Assessment{Answers: make(map[string]Answer, 64)}
	if json.Unmarshal(data, &a) != nil || a.Schema != SchemaV1 {
		return nil
	}
	if a.Answers == nil {
		a.Answers = map[string]Answer{}
	}
	if a.Respondents == nil {
		a.Respondents = []Respondent{}
	}
	return &a
}

// framePool keeps plainJSON's stacks, with their key lists, for reuse:
// compare reads thousands of files.
var framePool = sync.Pool{New: func() any { s := make([]frame, 0, 8); return &s }}

// frame is an object or list being read by plainJSON.
type frame struct {
	t      reflect.Type // struct, map or slice
	fields map[string]reflect.Type
	keys   [][]byte
}

// plainJSON reports whether data, as far as it is well-formed JSON, has
// the shape of an assessment file with no duplicate key, no unknown field
// (nor a field name in another case), no escape in a key, no null and no
// blank "na". It does not check the syntax: the decoder does.
func plainJSON(data []byte) bool {
	all := structFields()
	sp := framePool.Get().(*[]frame)
	defer framePool.Put(sp)
	stack := (*sp)[:0]
	defer func() { *sp = stack[:0] }()
	var next reflect.Type = reflect.TypeOf(Assessment{}) // type of the value that comes next
	expectKey := false
	naValue := false // the next value is that of a key "na"
	valueType := func() reflect.Type {
		if n := len(stack); n > 0 && stack[n-1].t.Kind() == reflect.Slice {
			return stack[n-1].t.Elem()
		}
		return next
	}
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch c {
		case ' ', '\n', '\t', '\r', ':':
			continue
		case '{':
			t := valueType()
			if t == nil {
				return false
			}
			t = deref(t)
			f := frame{t: t}
			switch t.Kind() {
			case reflect.Struct:
				f.fields = all[t]
			case reflect.Map:
			default:
				return false // an object where something else belongs
			}
			if n := len(stack); cap(stack) > n {
				f.keys = stack[:n+1][n].keys[:0] // reuse the key list
			}
			stack = append(stack, f)
			expectKey = true
		case '[':
			t := valueType()
			if t == nil || deref(t).Kind() != reflect.Slice {
				return false
			}
			stack = append(stack, frame{t: deref(t)})
			expectKey = false
		case '}', ']':
			if len(stack) == 0 {
				return false
			}
			stack = stack[:len(stack)-1]
			expectKey = false
		case ',':
			expectKey = len(stack) > 0 && stack[len(stack)-1].t.Kind() != reflect.Slice
		case '"':
			j := i + 1
			escaped := false
			for j < len(data) && data[j] != '"' {
				if data[j] == '\\' {
					escaped = true
					j++
				}
				j++
			}
			if j >= len(data) || len(stack) == 0 {
				return false
			}
			s := data[i+1 : j]
			i = j
			if !expectKey {
				if naValue && len(bytes.TrimSpace(s)) == 0 {
					return false // a blank reason
				}
				naValue = false
				continue
			}
			if escaped {
				return false
			}
			top := &stack[len(stack)-1]
			for _, k := range top.keys {
				if bytes.Equal(k, s) {
					return false // a duplicate key
				}
			}
			top.keys = append(top.keys, s)
			if top.fields != nil {
				t, ok := top.fields[string(s)]
				if !ok {
					return false // an unknown field, or one in another case
				}
				next = t
			} else {
				next = top.t.Elem()
			}
			naValue = string(s) == "na"
			expectKey = false
			continue
		case 'n':
			return false // null, the only bare word that starts with n
		}
		naValue = false
	}
	return len(stack) == 0
}
