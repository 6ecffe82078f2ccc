package locale

import (
	"fmt"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

// sameAsEnglish lists the messages whose text may be the same in another
// language (names and words the languages share).
var sameAsEnglish = map[string]bool{
	// A value as the file wrote it, and a kind followed by its value: the
	// words inside come from other messages.
	"input.kind.as_written": true,
	"input.kind.with_value": true,
	// The French words are the English ones.
	"input.q.kind.question": true,
	"input.q.kind.source":   true,
	// "Total" in French too.
	"cli.outline.total": true,
}

// rawMessages reads a message file as id → text, or id → plural category
// → text.
func rawMessages(t *testing.T, tag Tag) map[string]any {
	t.Helper()
	files, err := fs.Glob(messageFiles, "messages/*."+string(tag)+".yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("%s: no message files (%v)", tag, err)
	}
	all := map[string]any{}
	for _, f := range files {
		b, err := messageFiles.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := yaml.Unmarshal(b, &m); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for id, text := range m {
			if _, dup := all[id]; dup {
				t.Errorf("%s: message %q is also in another %s file", f, id, tag)
			}
			all[id] = text
		}
	}
	return all
}

var templateVar = regexp.MustCompile(`\{\{\s*\.(\w+)\s*\}\}`)

func vars(v any) []string {
	var texts []string
	switch v := v.(type) {
	case string:
		texts = []string{v}
	case map[string]any:
		for _, s := range v {
			texts = append(texts, fmt.Sprint(s))
		}
	}
	set := map[string]bool{}
	for _, s := range texts {
		for _, m := range templateVar.FindAllStringSubmatch(s, -1) {
			set[m[1]] = true
		}
	}
	return slices.Sorted(maps.Keys(set))
}

func TestEveryMessageInEveryLanguage(t *testing.T) {
	en := rawMessages(t, English)
	for _, tag := range Supported[1:] {
		other := rawMessages(t, tag)
		for id, text := range en {
			tr, ok := other[id]
			if !ok {
				t.Errorf("%s: message %q has no translation", tag, id)
				continue
			}
			if fmt.Sprint(tr) == fmt.Sprint(text) && !sameAsEnglish[id] {
				t.Errorf("%s: message %q is the English text %q", tag, id, text)
			}
			// A translation may drop .Count in a plural form, not add a
			// name the code does not give.
			for _, v := range vars(tr) {
				if !slices.Contains(vars(text), v) && v != "Count" {
					t.Errorf("%s: message %q uses {{.%s}}, which the English text does not have", tag, id, v)
				}
			}
		}
		for id := range other {
			if _, ok := en[id]; !ok {
				t.Errorf("%s: message %q is not an English message (renamed or removed?)", tag, id)
			}
		}
	}
}

func TestPluralsResolveForEveryCount(t *testing.T) {
	en := rawMessages(t, English)
	for _, tag := range Supported {
		p := For(tag)
		for id, text := range en {
			if _, plural := text.(map[string]any); !plural {
				if got := p.T(id); strings.HasPrefix(got, "[") && strings.HasSuffix(got, "]") && got == "["+id+"]" {
					t.Errorf("%s: %q does not resolve", tag, id)
				}
				continue
			}
			for _, n := range []int{0, 1, 2, 5, 21, 1000000} {
				if got := p.N(id, n); got == "["+id+"]" {
					t.Errorf("%s: %q does not resolve for %d", tag, id, n)
				}
			}
		}
	}
}

func TestParseAndEnv(t *testing.T) {
	for in, want := range map[string]Tag{"fr": French, "FR": French, "fr_LU.UTF-8": French, "de-LU": German, "de_DE@euro": German, "en_GB": English} {
		if got, ok := Parse(in); !ok || got != want {
			t.Errorf("Parse(%q) = %q, %v", in, got, ok)
		}
	}
	if _, ok := Parse("lb"); ok {
		t.Error("lb accepted")
	}
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	cases := []struct {
		env  map[string]string
		want Tag
	}{
		{map[string]string{"LANG": "de_LU.UTF-8"}, German},
		{map[string]string{"LC_ALL": "fr_FR.UTF-8", "LANG": "de_LU.UTF-8"}, French},
		{map[string]string{"LC_MESSAGES": "de_LU.UTF-8", "LANG": "fr_LU.UTF-8"}, German},
		{map[string]string{"LANG": "C.UTF-8"}, English},
		{map[string]string{"LC_ALL": "lb_LU.UTF-8", "LANG": "fr_LU"}, English},
		{map[string]string{}, English},
	}
	for _, c := range cases {
		if got := FromEnv(env(c.env)); got != c.want {
			t.Errorf("FromEnv(%v) = %q, want %q", c.env, got, c.want)
		}
	}
}

func TestNumbersAndDates(t *testing.T) {
	d := time.Date(2026, 4, 15, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		tag                   Tag
		num, pct, date, first string
	}{
		{English, "41.2", "93%", "15 April 2026", "1 May 2026"},
		{French, "41,2", "93\u00a0%", "15 avril 2026", "1er mai 2026"},
		{German, "41,2", "93\u00a0%", "15. April 2026", "1. Mai 2026"},
	} {
		p := For(c.tag)
		if got := p.Number(41.2, 1); got != c.num {
			t.Errorf("%s: Number = %q", c.tag, got)
		}
		if got := p.Percent(0.93); got != c.pct {
			t.Errorf("%s: Percent = %q", c.tag, got)
		}
		if got := p.Date(d); got != c.date {
			t.Errorf("%s: Date = %q", c.tag, got)
		}
		if got := p.DateString("2026-05-01"); got != c.first {
			t.Errorf("%s: DateString = %q", c.tag, got)
		}
	}
	if got := For(French).N("answered", 1, "Total", 52); got != "1 sur 52 répondue" {
		t.Errorf("plural one = %q", got)
	}
	if got := For(French).N("answered", 3, "Total", 52); got != "3 sur 52 répondues" {
		t.Errorf("plural other = %q", got)
	}
}
