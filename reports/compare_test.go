package reports

import (
	"bytes"
	"encoding/csv"
	"math"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/compare"
	"github.com/dgmaturity/dgmaturity/internal/scoring"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// compareRecord is a record whose scores are v plus a small offset per
// area and principle, so that the tables are not all alike.
func compareRecord(q *questionnaire.Questionnaire, key, name, typ, date string, v float64, recs ...string) compare.Record {
	r := compare.Record{
		File: name + date + ".json", Key: key, Name: name, Type: typ, Date: date,
		Instrument: assessment.QuestionnaireRef{ID: q.ID, Version: q.Version, SHA256: q.Hash()},
		Overall:    v, Stage: q.LevelName(min(int(v)/20, 4)), Coverage: 0.9,
		Recommendations: recs,
	}
	for i := range q.Areas {
		r.Areas = append(r.Areas, scoring.Round1(math.Min(100, v+float64(i)*2.5)))
	}
	for i := range q.Principles {
		r.Principles = append(r.Principles, scoring.Round1(math.Max(0, v-float64(i%4)*5)))
	}
	for range q.Pillars {
		r.Pillars = append(r.Pillars, v)
	}
	return r
}

// compareSet is eight PSOs of three types, some assessed twice, one with
// an older instrument version and one edited file, and a name that tries
// to break the Markdown and a spreadsheet.
func compareSet() *compare.Set {
	q := questionnaire.Default()
	old := compareRecord(q, "name:kappa office", "Kappa Office", "other", "2023-02-01", 35, "REC-CTX-06")
	old.Instrument.Version, old.Instrument.SHA256 = "0.9.0", strings.Repeat("ab", 32)
	old.OtherVersion, old.Lacking = true, 3
	edited := compareRecord(q, "id:R-7", "Eta Agency", "agency", "2025-09-30", 72.5, "REC-DATA-01")
	edited.StoredDiffers = true
	return &compare.Set{
		Instrument: q,
		Files:      14,
		Problems:   []compare.Problem{{File: "bad.json"}},
		Duplicates: []compare.Duplicate{{File: "a/x.json", Kept: "b/x.json"}},
		Records: []compare.Record{
			compareRecord(q, "id:R-1", "Alpha Agency", "agency", "2024-03-01", 30, "REC-CTX-03", "REC-CTX-06"),
			compareRecord(q, "id:R-1", "Alpha Agency", "agency", "2025-03-01", 42.5, "REC-CTX-03"),
			compareRecord(q, "id:R-2", "Beta Agency", "agency", "2025-04-01", 55, "REC-CTX-04"),
			compareRecord(q, "id:R-3", "=HYPERLINK(\"http://x\") | <b>Gamma</b> Agency", "agency", "2025-05-01", 61.7, "REC-CTX-03", "REC-DATA-01"),
			compareRecord(q, "id:R-4", "Delta Agency", "agency", "2024-06-01", 47.5),
			compareRecord(q, "id:R-4", "Delta Agency", "agency", "2025-06-01", 45, "REC-CTX-04"),
			edited,
			compareRecord(q, "name:iota town", "Iota Town", "municipality", "2024-10-10", 20, "REC-CTX-03", "REC-CTX-04", "REC-CTX-06"),
			compareRecord(q, "name:iota town", "Iota Town", "municipality", "2025-10-10", 27.5, "REC-CTX-03", "REC-CTX-06"),
			compareRecord(q, "name:theta ministry", "Theta Ministry", "ministry", "2025-01-15", 80),
			old,
		},
	}
}

func renderCompare(t *testing.T, opt compare.Options) (md, csvOut []byte) {
	t.Helper()
	set := compareSet()
	s := compare.Summarise(set, opt)
	var b1, b2, c bytes.Buffer
	if err := Compare(&b1, set.Instrument, s); err != nil {
		t.Fatal(err)
	}
	if err := Compare(&b2, set.Instrument, compare.Summarise(compareSet(), opt)); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
		t.Fatal("two renderings of one set differ")
	}
	if err := CSV(&c, set.Instrument, s); err != nil {
		t.Fatal(err)
	}
	return b1.Bytes(), c.Bytes()
}

func TestCompareGolden(t *testing.T) {
	md, c := renderCompare(t, compare.Options{})
	golden(t, "compare.md.golden", md)
	golden(t, "compare.csv.golden", c)

	md, c = renderCompare(t, compare.Options{Anonymise: true, MinGroup: 3, Salt: "a test salt, not secret"})
	golden(t, "compare-anonymised.md.golden", md)
	golden(t, "compare-anonymised.csv.golden", c)
}

func TestCompareAnonymisedHidesNames(t *testing.T) {
	md, c := renderCompare(t, compare.Options{Anonymise: true, MinGroup: 3, Salt: "a test salt, not secret"})
	for _, r := range compareSet().Records {
		for _, secret := range []string{r.Name, Escape(r.Name), r.OrgID, strings.TrimPrefix(r.Key, "id:"), strings.TrimPrefix(r.Key, "name:"), "Agency", "Town", "Office"} {
			if secret == "" {
				continue
			}
			if bytes.Contains(md, []byte(secret)) {
				t.Errorf("the anonymised report contains %q", secret)
			}
			if bytes.Contains(c, []byte(secret)) {
				t.Errorf("the anonymised CSV contains %q", secret)
			}
		}
	}
	// Groups under the minimum of 3 (municipality 1, ministry 1, other 1)
	// are absent, and the report says so.
	s := string(md)
	groups := s[strings.Index(s, "## Peer groups"):strings.Index(s, "## Weakest")]
	for _, typ := range []string{"| municipality |", "| ministry |", "| other |"} {
		if strings.Contains(groups, typ) {
			t.Errorf("the peer groups show %s, a group smaller than 3", typ)
		}
	}
	if !strings.Contains(groups, "| agency | 5 |") {
		t.Errorf("the agency group (5 PSOs) is missing:\n%s", groups)
	}
	withheld := s[strings.Index(s, "## What was withheld"):]
	for _, want := range []string{`"municipality" has fewer than 3 PSOs`, `"ministry" has fewer than 3 PSOs`, `"other" has fewer than 3 PSOs`, "pseudonym"} {
		if !strings.Contains(withheld, want) {
			t.Errorf("the withheld section lacks %q", want)
		}
	}
	// Types of small groups are withheld in the rows too.
	rows, err := csv.NewReader(bytes.NewReader(c)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows[1:] {
		if row[1] != "agency" && row[1] != "withheld" {
			t.Errorf("CSV row %v shows the type %q of a group smaller than 3", row[:3], row[1])
		}
	}
}

func TestCompareRendersSafely(t *testing.T) {
	md, _ := renderCompare(t, compare.Options{})
	var html bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert(md, &html); err != nil {
		t.Fatal(err)
	}
	h := html.String()
	if strings.Contains(h, "<b>Gamma</b>") {
		t.Error("a PSO name became HTML")
	}
	// Every row of the PSO table keeps its cells: 5 + 4 areas + 1.
	table := string(md)[strings.Index(string(md), "## PSOs by area"):strings.Index(string(md), "## Peer groups")]
	for _, line := range strings.Split(table, "\n") {
		if strings.HasPrefix(line, "| ") {
			if n := strings.Count(strings.ReplaceAll(line, `\|`, ""), "|"); n != 11 {
				t.Errorf("PSO table row with %d bars, want 11: %s", n, line)
			}
		}
	}
}

func TestCSV(t *testing.T) {
	_, c := renderCompare(t, compare.Options{})
	if !bytes.Contains(c, []byte("\r\n")) {
		t.Error("CSV lines do not end in CRLF (RFC 4180)")
	}
	rows, err := csv.NewReader(bytes.NewReader(c)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	q := questionnaire.Default()
	if want := 8 + len(q.Areas) + len(q.Principles) + len(q.Pillars); len(rows[0]) != want {
		t.Fatalf("%d columns, want %d: %v", len(rows[0]), want, rows[0])
	}
	if len(rows) != 1+11 {
		t.Errorf("%d rows, want a header and 11 assessments", len(rows))
	}
	var gamma []string
	for _, r := range rows {
		if strings.Contains(r[0], "Gamma") {
			gamma = r
		}
	}
	if gamma == nil || !strings.HasPrefix(gamma[0], "'=HYPERLINK") {
		t.Errorf("the formula-like name is not defused: %q", gamma)
	}
	if diff := cmp.Diff([]string{"organisation", "type", "date", "questionnaire_id", "questionnaire_version", "overall", "stage", "coverage", "area_context"}, rows[0][:9]); diff != "" {
		t.Errorf("header (-want +got):\n%s", diff)
	}
}

func TestDefuse(t *testing.T) {
	for in, want := range map[string]string{
		"=1+1": "'=1+1", "+33 1": "'+33 1", "-2": "'-2", "@SUM(A1)": "'@SUM(A1)", "\tx": "'\tx", "\rx": "'\rx",
		"Agency": "Agency", "": "", "a=b": "a=b", "42.5": "42.5",
	} {
		if got := Defuse(in); got != want {
			t.Errorf("Defuse(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestBoxPlot(t *testing.T) {
	for _, tt := range []struct {
		s    scoring.Summary
		want string
	}{
		// Cells of 5 points: 10 → cell 2, 30 → 6, 50 → 10, 70 → 14, 90 → 18.
		{scoring.Summary{N: 5, Min: 10, Q1: 30, Median: 50, Q3: 70, Max: 90}, "··├───▓▓▓▓┃▓▓▓▓───┤·"},
		{scoring.Summary{N: 1, Min: 100, Q1: 100, Median: 100, Q3: 100, Max: 100}, "···················┃"},
		{scoring.Summary{N: 2, Min: 0, Q1: 0, Median: 0, Q3: 5, Max: 5}, "┃▓··················"},
		{scoring.Summary{}, "····················"},
	} {
		if got := BoxPlot(tt.s, 20); got != tt.want {
			t.Errorf("BoxPlot(%+v) = %q; want %q", tt.s, got, tt.want)
		}
	}
}

func TestSigned(t *testing.T) {
	for v, want := range map[float64]string{5: "↑ +5.0", -2.5: "↓ -2.5", 0: "→ 0.0", 0.04: "→ 0.0", math.NaN(): "n/a"} {
		if got := signed(v); got != want {
			t.Errorf("signed(%v) = %q; want %q", v, got, want)
		}
	}
}
