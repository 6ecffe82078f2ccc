// Package locale gives dgmaturity its languages: English, French and
// German. It picks the language (a flag, else LC_ALL, LC_MESSAGES, LANG),
// looks up the program's own words in message files with CLDR plural rules
// (go-i18n), and writes numbers and dates in the language's form. The
// instrument's texts are translated elsewhere (questionnaire translation
// files); the JSON and CSV machine formats stay locale-free and never pass
// through this package.
package locale

import (
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/language"
)

// Tag is a supported language: "en", "fr" or "de".
type Tag string

// The supported languages. English is the source language of every text.
const (
	English Tag = "en"
	French  Tag = "fr"
	German  Tag = "de"
)

// Supported lists the languages in the order the start form offers them.
var Supported = []Tag{English, French, German}

// Name is the language's own name, as the start form shows it.
func (t Tag) Name() string {
	switch t {
	case French:
		return "Français"
	case German:
		return "Deutsch"
	}
	return "English"
}

// Parse reads a language as users and systems write it: "fr", "FR",
// "fr-LU", "fr_LU.UTF-8", "de_DE@euro". It returns false for a language
// that is not supported.
func Parse(s string) (Tag, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.IndexAny(s, "_-.@"); i >= 0 {
		s = s[:i]
	}
	t := Tag(s)
	return t, slices.Contains(Supported, t)
}

// FromEnv returns the language of the environment: the first of LC_ALL,
// LC_MESSAGES and LANG that is set (as POSIX orders them); English when it
// is unset, "C", "POSIX" or a language dgmaturity does not speak.
func FromEnv(getenv func(string) string) Tag {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(name)
		if v == "" {
			continue
		}
		if t, ok := Parse(v); ok {
			return t
		}
		return English
	}
	return English
}

//go:embed messages/*.yaml
var messageFiles embed.FS

var (
	bundleOnce sync.Once
	bundle     *i18n.Bundle
	bundleErr  error
	printers   sync.Map // Tag → *Printer
)

func loadBundle() (*i18n.Bundle, error) {
	bundleOnce.Do(func() {
		b := i18n.NewBundle(language.English)
		b.RegisterUnmarshalFunc("yaml", yaml.Unmarshal)
		// One file per part of the program and language, named
		// PART.LANG.yaml (common.fr.yaml, report.de.yaml), so that the
		// parts can grow apart without touching one file.
		files, _ := fs.Glob(messageFiles, "messages/*.yaml")
		for _, f := range files {
			if _, err := b.LoadMessageFileFS(messageFiles, f); err != nil {
				bundleErr = fmt.Errorf("locale: %s: %w", f, err)
				return
			}
		}
		bundle = b
	})
	return bundle, bundleErr
}

// Printer speaks one language: messages by id, numbers and dates.
type Printer struct {
	tag Tag
	loc *i18n.Localizer
}

// For returns the printer of t (English for an unsupported tag). Printers
// are shared and safe for concurrent use.
func For(t Tag) *Printer {
	if !slices.Contains(Supported, t) {
		t = English
	}
	if p, ok := printers.Load(t); ok {
		return p.(*Printer)
	}
	b, err := loadBundle()
	if err != nil {
		// The message files are embedded and checked by the package's
		// tests; a failure here is a build defect, not a user error.
		panic(err)
	}
	p, _ := printers.LoadOrStore(t, &Printer{tag: t, loc: i18n.NewLocalizer(b, string(t))})
	return p.(*Printer)
}

// Tag returns the printer's language.
func (p *Printer) Tag() Tag { return p.tag }

// T returns the message id with its template data given as name, value
// pairs: p.T("written", "Path", path). A missing message shows as
// "[id]" so that it is seen at once; the package's tests make sure none is
// missing in any language.
func (p *Printer) T(id string, kv ...any) string {
	return p.localize(id, nil, kv)
}

// N returns the message id in the plural form that count takes in the
// printer's language (CLDR rules); count is also given to the template as
// .Count.
func (p *Printer) N(id string, count int, kv ...any) string {
	return p.localize(id, count, append(kv, "Count", count))
}

func (p *Printer) localize(id string, count any, kv []any) string {
	data := make(map[string]any, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		if k, ok := kv[i].(string); ok {
			data[k] = kv[i+1]
		}
	}
	s, err := p.loc.Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data, PluralCount: count})
	if err != nil || s == "" {
		return "[" + id + "]"
	}
	return s
}

// Number writes v with the given number of decimals in the language's
// form: 41.2 in English, 41,2 in French and German.
func (p *Printer) Number(v float64, decimals int) string {
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	if p.tag != English {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// Percent writes a share (0..1) as a whole percentage: "93%" in English,
// "93 %" in French and German (with a no-break space).
func (p *Printer) Percent(share float64) string {
	n := strconv.FormatFloat(share*100, 'f', 0, 64)
	if p.tag == English {
		return n + "%"
	}
	return n + "\u00a0%"
}

var months = map[Tag][12]string{
	English: {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	French:  {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
	German:  {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
}

// Date writes a day in the language's long form: 15 April 2026, 15 avril
// 2026 (1er for the first of the month), 15. April 2026.
func (p *Printer) Date(t time.Time) string {
	m := months[p.tag][t.Month()-1]
	switch p.tag {
	case French:
		if t.Day() == 1 {
			return fmt.Sprintf("1er %s %d", m, t.Year())
		}
		return fmt.Sprintf("%d %s %d", t.Day(), m, t.Year())
	case German:
		return fmt.Sprintf("%d. %s %d", t.Day(), m, t.Year())
	}
	return fmt.Sprintf("%d %s %d", t.Day(), m, t.Year())
}

// DateString writes a YYYY-MM-DD day as Date does; a string that is not
// such a day is returned as it is.
func (p *Printer) DateString(day string) string {
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return day
	}
	return p.Date(t)
}
