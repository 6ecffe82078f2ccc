package questionnaire

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// ExportJSON writes the instrument as indented JSON with the field names of
// the YAML format; Parse reads it back (JSON is YAML) and Schema describes it.
func ExportJSON(q *Questionnaire) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(q); err != nil {
		return nil, fmt.Errorf("export questionnaire as json: %w", err)
	}
	return b.Bytes(), nil
}

// ExportYAML writes the instrument as YAML laid out for people to read and
// adapt: one blank line between entries, long texts folded at about 100
// columns, id lists and trigger conditions on one line. Parse reads it back
// to an identical instrument with the same Hash.
//
// The layout is written here rather than by the YAML library, which can
// neither fold long lines nor mix block and flow styles by field; every
// scalar that is not safe as plain text is written as a double-quoted
// string, so the output reads back exactly.
func ExportYAML(q *Questionnaire) ([]byte, error) {
	w := &yamlWriter{}
	w.comment(fmt.Sprintf("%s (%s %s)", q.Title, q.ID, q.Version))
	w.comment("Check an adapted copy with: dgmaturity questionnaire validate FILE")
	w.kv(0, "id", q.ID)
	w.kv(0, "version", q.Version)
	w.kv(0, "title", q.Title)
	if q.Description != "" {
		w.kv(0, "description", q.Description)
	}
	w.flowList(0, "languages", q.Languages)

	w.section("scale")
	for _, s := range q.Scale {
		w.line(2, "- level: "+strconv.Itoa(s.Level))
		w.kv(4, "name", s.Name)
		if s.Summary != "" {
			w.kv(4, "summary", s.Summary)
		}
	}

	w.section("pillars")
	for _, p := range q.Pillars {
		w.item(2, "id", p.ID)
		w.kv(4, "title", p.Title)
	}

	w.section("principles")
	for _, p := range q.Principles {
		w.item(2, "id", p.ID)
		w.kv(4, "pillar", p.Pillar)
		w.kv(4, "title", p.Title)
		w.kv(4, "short", p.Short)
		w.kv(4, "summary", p.Summary)
	}

	w.section("areas")
	for _, a := range q.Areas {
		w.item(2, "id", a.ID)
		w.kv(4, "title", a.Title)
		w.kv(4, "short", a.Short)
		w.kv(4, "summary", a.Summary)
	}

	if len(q.Sources) > 0 {
		w.section("sources")
		for _, s := range q.Sources {
			w.item(2, "id", s.ID)
			w.kv(4, "area", s.Area)
			w.kv(4, "text", s.Text)
		}
	}

	w.section("questions")
	for i, x := range q.Questions {
		if i > 0 {
			w.blank()
		}
		w.item(2, "id", x.ID)
		w.kv(4, "area", x.Area)
		w.flowList(4, "principles", x.Principles)
		w.raw(4, "weight", num(x.Weight))
		w.kv(4, "text", x.Text)
		w.kv(4, "help", x.Help)
		w.kv(4, "evidence", x.Evidence)
		w.list(4, "levels", x.Levels)
		if x.NA {
			w.raw(4, "na", "true")
		}
	}

	w.section("recommendations")
	for i, r := range q.Recommendations {
		if i > 0 {
			w.blank()
		}
		w.item(2, "id", r.ID)
		w.kv(4, "area", r.Area)
		w.flowList(4, "principles", r.Principles)
		w.flowList(4, "addresses", r.Addresses)
		if len(r.AppliesTo) > 0 {
			w.flowList(4, "applies_to", r.AppliesTo)
		}
		w.kv(4, "title", r.Title)
		w.kv(4, "text", r.Text)
		w.line(4, "steps:")
		for _, st := range r.Steps {
			w.raw(6, "- level", strconv.Itoa(st.Level))
			w.kv(8, "text", st.Text)
			if len(st.AppliesTo) > 0 {
				w.flowList(8, "applies_to", st.AppliesTo)
			}
		}
		if r.Source != "" {
			w.kv(4, "source", r.Source)
		}
		if r.Weight != 0 {
			w.raw(4, "weight", num(r.Weight))
		}
	}
	return w.b.Bytes(), nil
}

// exportWidth is the column at which long texts are folded.
const exportWidth = 100

// yamlWriter writes the YAML layout of ExportYAML.
type yamlWriter struct{ b bytes.Buffer }

func (w *yamlWriter) line(indent int, s string) {
	w.b.WriteString(strings.Repeat(" ", indent))
	w.b.WriteString(s)
	w.b.WriteByte('\n')
}

func (w *yamlWriter) blank() { w.b.WriteByte('\n') }

func (w *yamlWriter) comment(s string) { w.line(0, "# "+s) }

// section starts a top-level list after a blank line.
func (w *yamlWriter) section(key string) {
	w.blank()
	w.line(0, key+":")
}

// raw writes a value that needs no quoting (numbers, booleans).
func (w *yamlWriter) raw(indent int, key, value string) { w.line(indent, key+": "+value) }

// item starts a list entry (a mapping) with its first key.
func (w *yamlWriter) item(indent int, key, value string) {
	w.scalar(indent, "- "+key+":", value)
}

// kv writes a key with a text value.
func (w *yamlWriter) kv(indent int, key, value string) { w.scalar(indent, key+":", value) }

// list writes a block list of texts.
func (w *yamlWriter) list(indent int, key string, items []string) {
	if len(items) == 0 {
		w.line(indent, key+": []")
		return
	}
	w.line(indent, key+":")
	for _, s := range items {
		w.scalar(indent+2, "-", s)
	}
}

// flowList writes a list of ids on one line: [P3, P7].
func (w *yamlWriter) flowList(indent int, key string, items []string) {
	parts := make([]string, len(items))
	for i, s := range items {
		parts[i] = flowScalar(s)
	}
	w.line(indent, key+": ["+strings.Join(parts, ", ")+"]")
}

// scalar writes prefix and a text value: plain when that reads back
// unchanged, folded (>-) over several lines when too long for one line and
// foldable, double-quoted otherwise.
func (w *yamlWriter) scalar(indent int, prefix, value string) {
	lead := indent + len(prefix) + 1 + utf8.RuneCountInString(value)
	// Continuation lines sit two columns in from the key (for "- key:" the
	// key itself is two columns in).
	cont := indent + 2
	if strings.HasPrefix(prefix, "- ") {
		cont += 2
	}
	if lead > exportWidth && foldable(value) {
		w.line(indent, prefix+" >-")
		for _, l := range wrap(value, exportWidth-cont) {
			w.line(cont, l)
		}
		return
	}
	w.line(indent, prefix+" "+blockScalar(value))
}

// foldable reports whether a folded block scalar gives back exactly s: one
// line, single spaces only, nothing at either end that folding would lose.
func foldable(s string) bool {
	return s != "" && !strings.ContainsAny(s, "\n\t\r") && !strings.Contains(s, "  ") &&
		strings.TrimSpace(s) == s
}

// wrap breaks s at single spaces into lines of at most width runes where it
// can (a longer word stays whole).
func wrap(s string, width int) []string {
	words := strings.Split(s, " ")
	var lines []string
	cur := words[0]
	for _, wd := range words[1:] {
		if utf8.RuneCountInString(cur)+1+utf8.RuneCountInString(wd) > width {
			lines = append(lines, cur)
			cur = wd
			continue
		}
		cur += " " + wd
	}
	return append(lines, cur)
}

// blockScalar returns s as plain text when the YAML library would write it
// so, and as a double-quoted string otherwise.
func blockScalar(s string) string {
	if plainSafe(s) {
		return s
	}
	return quoted(s)
}

// flowScalar is blockScalar for values inside [ ] and { }, where commas
// and brackets end a plain value.
func flowScalar(s string) string {
	if plainSafe(s) && !strings.ContainsAny(s, ",[]{}") {
		return s
	}
	return quoted(s)
}

// plainSafe asks the YAML library whether it would write s unquoted; it
// quotes whatever would read back as something else (true, 1.0, null,
// "a: b", leading dashes and so on).
func plainSafe(s string) bool {
	if s == "" || strings.ContainsAny(s, "\n\t") {
		return false
	}
	out, err := yaml.Marshal(s)
	return err == nil && string(out) == s+"\n"
}

// quoted writes s as a double-quoted YAML scalar. JSON string escapes are
// a subset of YAML's double-quoted escapes.
func quoted(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return strings.TrimSuffix(b.String(), "\n")
}
