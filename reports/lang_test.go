package reports

import (
	"bytes"
	"path"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/compare"
	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/internal/locale"
	"github.com/dgmaturity/dgmaturity/internal/scoring"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// localized is the sample assessment with the instrument in lang, scored
// with it (so that the stage names are the translated scale's).
func localized(t *testing.T, name string, lang locale.Tag) (*questionnaire.Questionnaire, *assessment.Assessment, *scoring.Result) {
	t.Helper()
	_, a, _ := sample(t, name)
	q, err := questionnaire.Default().Localized(string(lang))
	if err != nil {
		t.Fatal(err)
	}
	return q, a, scoring.ScoreAssessment(q, a, 0)
}

// englishWords are texts of the English report that must never appear in
// a French or German one: headings, table headers and fixed phrases.
var englishWords = []string{
	"Digital government maturity:", "Self-assessment of", "Respondent", "## Summary", "Stage:", "out of 100",
	"Strongest area", "Weakest", "Evidence:", "don't know", "not applicable", "unanswered", "priority",
	"## Scores by", "| Area |", "| Principle |", "Floor", "Notes", "Recommendations", "Where you stand",
	"Why it applies", "Steps:", "Stems from", "Grounded in", "Target:", "target level", "## Roadmap", "Foundations",
	"Leadership (", "Knowledge gaps", "Reason:", "Comment:", "## Answers", "Answer:", "Spread:", "## Method\n",
	"Each level", "Written by", "Progress since", "Then", "Now", "Change", "moved up", "moved down",
	"level ", "Level ", "n/a", "Questionnaire:", "Radar chart", "principle scores", "Scores out of 100",
}

// TestMarkdownLanguagesGolden renders the example reports in French and
// German beside the English goldens (testdata/fr, testdata/de): the
// program's words from the message files, the instrument's from its
// translation, numbers and dates in the language's form, and no English
// phrase of the report left over.
func TestMarkdownLanguagesGolden(t *testing.T) {
	for _, lang := range []locale.Tag{locale.French, locale.German} {
		pr := locale.For(lang)
		for _, name := range []string{"ministry.yaml", "municipality.yaml"} {
			t.Run(string(lang)+"/"+name, func(t *testing.T) {
				q, a, r := localized(t, name, lang)
				var b bytes.Buffer
				if err := Markdown(&b, q, a, r, Options{ChartFile: "chart.svg", Printer: pr}); err != nil {
					t.Fatal(err)
				}
				checkLanguage(t, b.String())
				golden(t, path.Join(string(lang), strings.TrimSuffix(name, ".yaml")+".md.golden"), b.Bytes())
			})
		}
		t.Run(string(lang)+"/progress", func(t *testing.T) {
			q, a, r := localized(t, "ministry.yaml", lang)
			prev := *a
			prev.Date = "2025-01-01"
			prev.Answers = map[string]assessment.Answer{}
			for id, ans := range a.Answers {
				if ans.Level != nil && *ans.Level > 0 {
					ans = assessment.Lvl(*ans.Level - 1)
				}
				prev.Answers[id] = ans
			}
			prev.Answers["CTX-02"] = assessment.Lvl(4)
			p := scoring.CompareResults(q, prev.Date, scoring.ScoreAssessment(q, &prev, 0), r)
			var b bytes.Buffer
			if err := Markdown(&b, q, a, r, Options{ChartFile: "chart.svg", Progress: p, Printer: pr}); err != nil {
				t.Fatal(err)
			}
			checkLanguage(t, b.String())
			golden(t, path.Join(string(lang), "ministry-progress.md.golden"), b.Bytes())

			met := *a
			met.Answers = map[string]assessment.Answer{}
			for id := range a.Answers {
				met.Answers[id] = assessment.Lvl(3)
			}
			met.Answers["DATA-05"] = assessment.Lvl(2)
			met.Targets = &assessment.Targets{Questions: map[string]int{"DATA-05": 2}, Areas: map[string]int{"services": 3}}
			met.Complete = false
			b.Reset()
			if err := Markdown(&b, q, &met, scoring.ScoreAssessment(q, &met, 0), Options{Printer: pr, Warnings: []input.Msg{input.M("input.warning.overall_differs", "Stored", input.Number{Value: 71.2, Decimals: 1}, "Recomputed", input.Number{Value: 61.6, Decimals: 1})}}); err != nil {
				t.Fatal(err)
			}
			checkLanguage(t, b.String())
			golden(t, path.Join(string(lang), "beyond.md.golden"), b.Bytes())
		})
		t.Run(string(lang)+"/svg", func(t *testing.T) {
			q, a, r := localized(t, "ministry.yaml", lang)
			title := pr.T("report.chart.title", "Name", a.Organisation.Name, "Date", pr.DateString(a.Date))
			var b bytes.Buffer
			if err := RadarSVGIn(&b, pr, q, r, title); err != nil {
				t.Fatal(err)
			}
			checkLanguage(t, b.String())
			golden(t, path.Join(string(lang), "ministry.svg.golden"), b.Bytes())
		})
	}
}

// checkLanguage fails on a missing message ("[report.x]"), an English
// phrase of the report, or a score written with a decimal point.
func checkLanguage(t *testing.T, s string) {
	t.Helper()
	if i := strings.Index(s, "[report."); i >= 0 {
		t.Errorf("missing message: %q", s[i:min(len(s), i+40)])
	}
	for _, w := range englishWords {
		if strings.Contains(s, w) {
			i := strings.Index(s, w)
			t.Errorf("English %q in %q", w, s[max(0, i-40):min(len(s), i+40)])
		}
	}
}

// TestWorkshopLanguagesGolden renders the workshop report in French and
// German (testdata/fr/workshop.md.golden, testdata/de/...).
func TestWorkshopLanguagesGolden(t *testing.T) {
	for _, lang := range []locale.Tag{locale.French, locale.German} {
		t.Run(string(lang), func(t *testing.T) {
			_, a := workshopSample(t, workshopPeople)
			q, err := questionnaire.Default().Localized(string(lang))
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := Workshop(&b, q, a, WorkshopOptions{ReportFile: "ministry-of-examples-2026-03-02-consolidated.md", Printer: locale.For(lang)}); err != nil {
				t.Fatal(err)
			}
			checkLanguage(t, b.String())
			for _, w := range []string{"Workshop:", "Consensus (median)", "Discussion agenda", "Scores side by side", "| Respondent |", "levels apart", "no answer", "Applicability"} {
				if strings.Contains(b.String(), w) {
					t.Errorf("English %q in the workshop report", w)
				}
			}
			golden(t, path.Join(string(lang), "workshop.md.golden"), b.Bytes())
		})
	}
}

// TestCompareLanguagesGolden renders the comparison report and the CSV in
// French and German, plain and anonymised. The summary is language-free;
// the instrument is localised for the report only.
func TestCompareLanguagesGolden(t *testing.T) {
	for _, lang := range []locale.Tag{locale.French, locale.German} {
		for _, anon := range []bool{false, true} {
			name := "compare"
			opt := compare.Options{}
			if anon {
				name = "compare-anonymised"
				opt = compare.Options{Anonymise: true, MinGroup: 3, Salt: "a test salt, not secret"}
			}
			t.Run(string(lang)+"/"+name, func(t *testing.T) {
				set := compareSet()
				s := compare.Summarise(set, opt)
				q, err := set.Instrument.Localized(string(lang))
				if err != nil {
					t.Fatal(err)
				}
				pr := locale.For(lang)
				var md, c bytes.Buffer
				if err := CompareIn(&md, pr, q, s); err != nil {
					t.Fatal(err)
				}
				if err := CSVIn(&c, pr, q, s); err != nil {
					t.Fatal(err)
				}
				checkLanguage(t, md.String())
				for _, w := range []string{"Comparison of", "Distribution of", "Peer groups", "What was withheld", "withheld", "PSOs", "Trend by year", "has fewer than", "Names of organisations"} {
					if strings.Contains(md.String(), w) {
						t.Errorf("English %q in the comparison report", w)
					}
				}
				// The CSV's cells stay machine-readable: the same rows as
				// the English CSV, only the header differs.
				var en bytes.Buffer
				if err := CSV(&en, set.Instrument, s); err != nil {
					t.Fatal(err)
				}
				_, enRows, _ := strings.Cut(en.String(), "\r\n")
				_, rows, _ := strings.Cut(c.String(), "\r\n")
				if rows != enRows {
					t.Error("the CSV rows differ from the English CSV's")
				}
				golden(t, path.Join(string(lang), name+".md.golden"), md.Bytes())
				golden(t, path.Join(string(lang), name+".csv.golden"), c.Bytes())
			})
		}
	}
}

// TestHostileUserTextInFrench renders a French report whose user fields
// are hostile through goldmark: the translated messages carry the
// escaped text as the English ones do, so nothing becomes HTML, a link
// or a heading.
func TestHostileUserTextInFrench(t *testing.T) {
	q, a, _ := localized(t, "ministry.yaml", locale.French)
	evil := "Evil | Corp\n# Owned `code` <script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3)) {{.Name}}"
	a.Organisation.Name = evil
	a.Respondents = []assessment.Respondent{{Name: evil, Role: evil}}
	a.Answers["SVC-12"] = assessment.Answer{NA: evil}
	for id, ans := range a.Answers {
		if ans.Level != nil {
			ans.Comment = evil
			a.Answers[id] = ans
		}
	}
	var md bytes.Buffer
	if err := Markdown(&md, q, a, scoring.ScoreAssessment(q, a, 0), Options{ChartFile: "c.svg", Warnings: []input.Msg{evilWarning(evil)}, Printer: locale.For(locale.French)}); err != nil {
		t.Fatal(err)
	}
	var html bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert(md.Bytes(), &html); err != nil {
		t.Fatal(err)
	}
	h := html.String()
	for _, bad := range []string{"<script", "<img src=x", "href=\"javascript:", "<h1>Owned", "<h2>Owned", "<code>code</code>"} {
		if strings.Contains(h, bad) {
			t.Errorf("rendered French report contains %q", bad)
		}
	}
	// User text is data to the message templates, never a template.
	if !strings.Contains(md.String(), "{{.Name}}") {
		t.Error("the user's braces were lost or evaluated")
	}
}
