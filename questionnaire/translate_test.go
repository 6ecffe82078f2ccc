package questionnaire

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/dgmaturity/dgmaturity/internal/input"
)

func mustTranslation(t *testing.T, path string) *Translation {
	t.Helper()
	tr, err := LoadTranslation(path)
	if err != nil {
		t.Fatalf("LoadTranslation(%s): %v", path, err)
	}
	return tr
}

// TestTranslateFallback checks that translated texts replace the English
// ones and that everything else stays English.
func TestTranslateFallback(t *testing.T) {
	q := mustLoad(t, "testdata/minimal.yaml")
	pristine := mustLoad(t, "testdata/minimal.yaml")
	tr := mustTranslation(t, "testdata/fr.yaml")
	if err := tr.Check(q); err != nil {
		t.Fatalf("Check: %v", err)
	}
	fr := Translate(q, tr)

	type texts struct {
		Title, Description string
		Languages          []string
		Scale              []ScaleLevel
		Pillar             Pillar
		Principles         []Principle
		Area               Area
		Sources            []Source
		Q1, Q2             Question
		R1, R2             Recommendation
	}
	got := texts{fr.Title, fr.Description, fr.Languages, fr.Scale, fr.Pillars[0], fr.Principles, fr.Areas[0],
		fr.Sources, fr.Questions[0], fr.Questions[1], fr.Recommendations[0], fr.Recommendations[1]}
	want := texts{
		Title:     "Instrument minimal",
		Languages: []string{"fr", "en"},
		Scale: []ScaleLevel{
			{Level: 0, Name: "Rien"},
			{Level: 1, Name: "Un peu", Summary: "Quelques initiatives."},
			{Level: 2, Name: "À moitié"},
			{Level: 3, Name: "Presque tout"},
			{Level: 4, Name: "Tout"},
		},
		Pillar: Pillar{ID: "open", Title: "Ouverture"},
		Principles: []Principle{
			// Summary falls back to English.
			{ID: "P1", Pillar: "open", Title: "Premier principe", Short: "Premier", Summary: "The first principle."},
			q.Principles[1],
		},
		Area:    Area{ID: "data", Title: "Data", Short: "Data", Summary: "Le domaine des données."},
		Sources: []Source{{ID: "S-1", Area: "data", Text: "Une première source."}, q.Sources[1]},
		Q1: Question{ID: "Q-01", Area: "data", Principles: []string{"P1", "P2"}, Weight: 1,
			Text: "La première chose est-elle faite ?", Help: "Because it matters.", Evidence: "A document.",
			Levels: []string{"Rien.", "Un peu.", "Une partie.", "La plupart.", "Tout."}},
		Q2: q.Questions[1],
		R1: func() Recommendation {
			r := q.Recommendations[0]
			r.Title = "Faire la première chose"
			r.Steps = slices.Clone(r.Steps)
			for i, t := range []string{"Commencer.", "Continuer.", "Persévérer.", "Montrer la voie."} {
				r.Steps[i].Text = t
			}
			return r
		}(),
		R2: q.Recommendations[1],
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("translated instrument (-want +got):\n%s", diff)
	}
	if fr.Hash() != q.Hash() {
		t.Error("the translation has another Hash; want the source's")
	}
	if r, ok := fr.Recommendation("R-01"); !ok || r.Title != "Faire la première chose" {
		t.Errorf("lookups of the copy do not see the translation: %+v", r)
	}
	// The source is untouched.
	if diff := cmp.Diff(pristine, q, ignoreIndex); diff != "" {
		t.Errorf("Translate changed its source (-before +after):\n%s", diff)
	}
	// A translation of another instrument changes nothing but the language.
	if got := Translate(q, nil); got.Title != q.Title || got.Hash() != q.Hash() {
		t.Errorf("Translate(q, nil) = %q", got.Title)
	}
}

// TestTranslateKeepsWrongCounts checks that a list of the wrong length keeps
// the original list rather than mixing languages.
func TestTranslateKeepsWrongCounts(t *testing.T) {
	q := mustLoad(t, "testdata/minimal.yaml")
	tr := mustTranslation(t, "testdata/translation-mismatch/step-count.yaml")
	fr := Translate(q, tr)
	if diff := cmp.Diff(q.Recommendations[0].Steps, fr.Recommendations[0].Steps); diff != "" {
		t.Errorf("steps (-want +got):\n%s", diff)
	}
	if fr.Recommendations[0].Title != "Faire la première chose" {
		t.Errorf("title %q not translated", fr.Recommendations[0].Title)
	}
}

func TestTranslationBad(t *testing.T) {
	tests := []struct {
		file string
		line int
		want string
	}{
		{"unknown-field", 3, `unknown field "titel"`},
		{"unknown-entry-field", 5, `unknown field "titre"`},
		{"missing-language", 1, "language: is required"},
		{"bad-language", 1, `language: "French" is not a language code`},
		{"missing-questionnaire", 1, "questionnaire: is required"},
		{"four-levels", 6, "texts.Q-01.levels: must have exactly 5 level statements (one per level 0 to 4), found 4"},
		{"empty-level", 8, "texts.Q-01.levels[2]: must not be empty"},
		{"empty-text", 6, "texts.P1.summary: must not be empty (leave the field out to keep the original text)"},
		{"empty-entry", 4, "texts.P1: translates nothing"},
		{"no-steps", 5, "texts.R-01.steps: must list at least one step"},
		{"scale-four-levels", 3, "scale: must have exactly 5 levels (0 to 4), found 4"},
		{"nothing", 1, "translates nothing"},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		path := filepath.Join("testdata", "translation-bad", tt.file+".yaml")
		seen[path] = true
		_, err := LoadTranslation(path)
		if err == nil {
			t.Errorf("%s: no error; want %q", tt.file, tt.want)
			continue
		}
		es := inputErrors(t, err)
		if len(es) != 1 || es[0].Line != tt.line || es[0].File != path || !strings.Contains(es[0].Error(), tt.want) {
			t.Errorf("%s: error %v; want one error on line %d with %q", tt.file, err, tt.line, tt.want)
		}
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "translation-bad", "*.yaml"))
	for _, f := range files {
		if !seen[f] {
			t.Errorf("%s is not tested", f)
		}
	}
}

func TestTranslationCheck(t *testing.T) {
	q := mustLoad(t, "testdata/minimal.yaml")
	tests := []struct {
		file string
		line int
		want string
	}{
		{"unknown-id", 5, `texts.Q-99: no pillar, principle, area, source, question or recommendation of mini has the id "Q-99"`},
		{"wrong-field", 6, "texts.P1.help: a principle has no help to translate (it has title, short, summary)"},
		{"step-count", 6, "texts.R-01.steps: must have 4 steps like the original, found 1"},
		{"other-questionnaire", 2, `questionnaire: translates the questionnaire "oecd-dgs-2014", not "mini"`},
	}
	for _, tt := range tests {
		path := filepath.Join("testdata", "translation-mismatch", tt.file+".yaml")
		err := mustTranslation(t, path).Check(q)
		if err == nil {
			t.Errorf("%s: Check passes; want %q", tt.file, tt.want)
			continue
		}
		es := inputErrors(t, err)
		if len(es) != 1 || es[0].Line != tt.line || !strings.Contains(es[0].Error(), tt.want) {
			t.Errorf("%s: error %v; want one error on line %d with %q", tt.file, err, tt.line, tt.want)
		}
	}
}

func TestLocalized(t *testing.T) {
	q := Default()
	fr := mustTranslation(t, "testdata/default-fr.yaml")
	if err := fr.Check(q); err != nil {
		t.Fatalf("default-fr.yaml: %v", err)
	}
	ts := []*Translation{fr}
	for _, lang := range []string{"", "en", "EN", "en-GB", "en_US"} {
		got, err := q.localized(lang, ts)
		if err != nil || got != q {
			t.Errorf("localized(%q) = %p, %v; want the instrument itself", lang, got, err)
		}
	}
	for _, lang := range []string{"fr", "FR", "fr-BE", "fr_LU"} {
		got, err := q.localized(lang, ts)
		if err != nil {
			t.Fatalf("localized(%q): %v", lang, err)
		}
		p3, _ := got.Principle("P3")
		ctx, _ := got.Area("context")
		if p3.Short != "Culture des données" || ctx.Title != "Facteurs contextuels et modèles institutionnels" ||
			got.LevelName(4) != "Avancé" || got.Hash() != q.Hash() {
			t.Errorf("localized(%q): P3 %q, context %q, level 4 %q, same hash %v", lang, p3.Short, ctx.Title,
				got.LevelName(4), got.Hash() == q.Hash())
		}
		// Not translated: falls back to English.
		if p1, _ := got.Principle("P1"); p1.Title != "Openness, transparency and inclusiveness" {
			t.Errorf("localized(%q): P1 title %q; want the English one", lang, p1.Title)
		}
	}
	if _, err := q.localized("de", ts); err == nil || !input.IsBad(err) ||
		!strings.Contains(err.Error(), `no "de" translation of the questionnaire oecd-dgs-2014; available: en, fr`) {
		t.Errorf("localized(de): %v; want a bad-input error listing en, fr", err)
	}
	// A translation of another instrument is not offered.
	other := *fr
	other.Questionnaire = "another"
	if _, err := q.localized("fr", []*Translation{&other}); err == nil || !strings.Contains(err.Error(), "available: en") {
		t.Errorf("localized(fr) with a translation of another instrument: %v", err)
	}
	// An unknown language lists English and the shipped translations.
	if _, err := q.Localized("xx"); err == nil || !input.IsBad(err) || !strings.Contains(err.Error(), "available: en, de, fr") {
		t.Errorf("Localized(xx): %v", err)
	}
}

// TestEmbeddedTranslations checks every shipped translation against the
// default instrument, and that its file is named after its language.
func TestEmbeddedTranslations(t *testing.T) {
	ts, err := embeddedTranslations()
	if err != nil {
		t.Fatal(err)
	}
	names, _ := filepath.Glob("translations/*.yaml")
	if len(ts) != len(names) {
		t.Fatalf("%d translations embedded, %d files in translations/", len(ts), len(names))
	}
	for i, tr := range ts {
		if want := strings.TrimSuffix(filepath.Base(names[i]), ".yaml"); tr.Language != want {
			t.Errorf("%s holds language %q", names[i], tr.Language)
		}
		if err := tr.Check(Default()); err != nil {
			t.Errorf("%s: %v", names[i], err)
		}
	}
}

func TestReadTranslations(t *testing.T) {
	data, err := os.ReadFile("testdata/default-fr.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{
		"translations/README.md": {Data: []byte("# not a translation")},
		"translations/fr.yaml":   {Data: data},
	}
	ts, err := readTranslations(fsys)
	if err != nil || len(ts) != 1 || ts[0].Language != "fr" {
		t.Fatalf("readTranslations = %v, %v; want the French file only", ts, err)
	}
	fsys["translations/de.yaml"] = &fstest.MapFile{Data: []byte("language: de\n")}
	if _, err := readTranslations(fsys); err == nil || !strings.Contains(err.Error(), "translations/de.yaml") {
		t.Errorf("a broken embedded translation gives %v; want an error naming it", err)
	}
}

// TestLocalizedVersion checks that a translation of one release is not
// used for another, and that Check names the mismatch.
func TestLocalizedVersion(t *testing.T) {
	var old, cur *Questionnaire
	for _, r := range Releases() {
		switch r.Version {
		case "1.0.0":
			old = r
		case "1.1.0":
			cur = r
		}
	}
	if old == nil || cur == nil {
		t.Fatal("releases 1.0.0 and 1.1.0 are built in")
	}
	if got, err := cur.Localized("fr"); err != nil || got.LevelName(4) != "Avancé" {
		t.Fatalf("1.1.0 in French: %v, level 4 %q", err, got.LevelName(4))
	}
	if _, err := old.Localized("fr"); err == nil || !strings.Contains(err.Error(), "available: en") {
		t.Errorf("1.0.0 in French: %v; want no translation available", err)
	}
	fr := mustTranslation(t, "translations/fr.yaml")
	if fr.Version != "1.1.0" {
		t.Fatalf("fr.yaml version %q", fr.Version)
	}
	if err := fr.Check(old); err == nil || !strings.Contains(err.Error(), "translates release 1.1.0, not 1.0.0") {
		t.Errorf("Check(1.0.0): %v", err)
	}
	if _, err := ParseTranslation("x.yaml", []byte("language: fr\nquestionnaire: q\nversion: one\ntitle: T\n")); err == nil ||
		!strings.Contains(err.Error(), `x.yaml:3: version: "one" is not a semantic version`) {
		t.Errorf("bad version: %v", err)
	}
}
