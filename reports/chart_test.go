package reports

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"regexp"
	"strings"
	"testing"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/compare"
	"github.com/dgmaturity/dgmaturity/internal/locale"
	"github.com/dgmaturity/dgmaturity/internal/scoring"
)

// progressSample is the ministry's result with progress since an earlier
// assessment in which every level was one lower.
func progressSample(t *testing.T) (*scoring.Progress, *scoring.Result) {
	q, a, r := sample(t, "ministry.yaml")
	prev := *a
	prev.Answers = map[string]assessment.Answer{}
	for id, ans := range a.Answers {
		if ans.Level != nil && *ans.Level > 0 {
			ans = assessment.Lvl(*ans.Level - 1)
		}
		prev.Answers[id] = ans
	}
	return scoring.CompareResults(q, "2025-01-01", scoring.ScoreAssessment(q, &prev, 0), r), r
}

// chartCase renders one chart in a language.
type chartCase struct {
	name   string
	render func(w io.Writer, p *locale.Printer) error
}

func chartCases(t *testing.T) []chartCase {
	q, a, r := sample(t, "ministry.yaml")
	prog, _ := progressSample(t)
	set := compareSet()
	s := compare.Summarise(set, compare.Options{})
	anon := compare.Summarise(compareSet(), compare.Options{Anonymise: true, MinGroup: 3, Salt: "a test salt, not secret"})
	wq, wa := workshopSample(t, workshopPeople)
	areaLabel := func(id string) string { return areaPlain(q, id) }
	return []chartCase{
		{"areas", func(w io.Writer, p *locale.Printer) error {
			return AreaBarsSVG(w, p, q, r, a.Organisation.Name, a.Date)
		}},
		{"change", func(w io.Writer, p *locale.Printer) error {
			return ChangeSVG(w, p, q, prog, a.Organisation.Name, a.Date)
		}},
		{"box-areas", func(w io.Writer, p *locale.Printer) error {
			return BoxPlotsSVG(w, p, p.T("chart.box.areas.title"), append([]compare.Dist{s.Overall}, s.Areas...), areaLabel, s.MinGroup)
		}},
		{"box-areas-anonymised", func(w io.Writer, p *locale.Printer) error {
			return BoxPlotsSVG(w, p, p.T("chart.box.areas.title"), anon.Areas, areaLabel, anon.MinGroup)
		}},
		{"stages", func(w io.Writer, p *locale.Printer) error { return StagesSVG(w, p, set.Instrument, s) }},
		{"trend", func(w io.Writer, p *locale.Printer) error { return TrendSVG(w, p, s) }},
		{"trend-anonymised", func(w io.Writer, p *locale.Printer) error { return TrendSVG(w, p, anon) }},
		{"heatmap", func(w io.Writer, p *locale.Printer) error { return HeatmapSVG(w, p, set.Instrument, s) }},
		{"heatmap-anonymised", func(w io.Writer, p *locale.Printer) error { return HeatmapSVG(w, p, set.Instrument, anon) }},
		{"spread", func(w io.Writer, p *locale.Printer) error { return WorkshopSpreadSVG(w, p, wq, wa) }},
	}
}

// TestChartsGolden renders every chart in English and, for some, French
// and German: stable bytes, well-formed SVG with a title, a text
// alternative and role="img", nothing an HTML page would refuse to embed.
func TestChartsGolden(t *testing.T) {
	for _, c := range chartCases(t) {
		for _, tag := range locale.Supported {
			if tag != locale.English && c.name != "areas" && c.name != "box-areas" {
				continue
			}
			p := locale.For(tag)
			var b1, b2 bytes.Buffer
			if err := c.render(&b1, p); err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			if err := c.render(&b2, p); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
				t.Errorf("%s: two renderings differ", c.name)
			}
			checkChart(t, c.name, b1.Bytes())
			golden(t, fmt.Sprintf("chart-%s.%s.svg.golden", c.name, tag), b1.Bytes())
		}
	}
}

// checkChart checks what every chart must have.
func checkChart(t *testing.T, name string, svg []byte) {
	t.Helper()
	var doc struct {
		XMLName xml.Name `xml:"svg"`
		Role    string   `xml:"role,attr"`
		Title   string   `xml:"title"`
		Desc    string   `xml:"desc"`
	}
	if err := xml.Unmarshal(svg, &doc); err != nil {
		t.Fatalf("%s: not well-formed: %v", name, err)
	}
	if doc.Role != "img" || strings.TrimSpace(doc.Title) == "" || len(doc.Desc) < 40 {
		t.Errorf("%s: role %q, title %q, desc %q", name, doc.Role, doc.Title, doc.Desc)
	}
	if strings.Contains(string(svg), "[chart.") || strings.Contains(string(svg), "NaN") {
		t.Errorf("%s: a missing message or NaN:\n%s", name, svg)
	}
	if err := checkSVG(svg); err != nil {
		t.Errorf("%s: %v", name, err)
	}
}

// TestChartsWithholdWhatTheReportWithholds: an anonymised comparison with
// groups under the minimum draws no statistic the report withholds, and
// no name.
func TestChartsWithholdWhatTheReportWithholds(t *testing.T) {
	set := compareSet()
	anon := compare.Summarise(set, compare.Options{Anonymise: true, MinGroup: 50, Salt: "a test salt, not secret"})
	p := locale.For(locale.English)
	var all bytes.Buffer
	for _, render := range []func(io.Writer) error{
		func(w io.Writer) error {
			return BoxPlotsSVG(w, p, "areas", anon.Areas, func(id string) string { return id }, anon.MinGroup)
		},
		func(w io.Writer) error { return TrendSVG(w, p, anon) },
		func(w io.Writer) error { return HeatmapSVG(w, p, set.Instrument, anon) },
	} {
		if err := render(&all); err != nil {
			t.Fatal(err)
		}
	}
	got := all.String()
	if !strings.Contains(got, "withheld (fewer than 50 PSOs)") {
		t.Error("the charts do not say what is withheld")
	}
	if m := regexp.MustCompile(`(median|quartile|quartiles|minimum|maximum) [0-9]`).FindString(got); m != "" {
		t.Errorf("a withheld statistic is drawn: %q", m)
	}
	for _, r := range set.Records {
		if strings.Contains(got, r.Name) {
			t.Errorf("the anonymised charts name %q", r.Name)
		}
	}
}

func TestAreaTarget(t *testing.T) {
	q, _, r := sample(t, "ministry.yaml")
	for _, m := range r.Areas {
		v, ok := AreaTarget(q, r, m.ID)
		if !ok || v < 25 || v > 100 || math.IsNaN(v) {
			t.Errorf("%s: target %v %v", m.ID, v, ok)
		}
	}
	// Every target at 4 gives 100.
	for id := range r.Targets {
		r.Targets[id] = 4
	}
	if v, _ := AreaTarget(q, r, r.Areas[0].ID); v != 100 {
		t.Errorf("targets at 4 give %v, want 100", v)
	}
}

// TestHeatmapByPeerGroupAboveTheLimit: with more than HeatmapLimit PSOs
// the heatmap shows the peer groups, a withheld group as withheld, and no
// PSO.
func TestHeatmapByPeerGroupAboveTheLimit(t *testing.T) {
	set := compareSet()
	s := compare.Summarise(set, compare.Options{})
	for len(s.PSOList) <= HeatmapLimit {
		s.PSOList = append(s.PSOList, compare.PSO{Label: fmt.Sprintf("Extra PSO %d", len(s.PSOList)), Areas: []float64{1, 2, 3, 4}})
	}
	s.Groups = []compare.Group{
		{Type: "ministry", PSOs: 40, Areas: []float64{10, 30, 50, 70}},
		{Type: "municipality", PSOs: 2, Withheld: true},
	}
	var b bytes.Buffer
	if err := HeatmapSVG(&b, locale.For(locale.English), set.Instrument, s); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	checkChart(t, "heatmap-groups", b.Bytes())
	for _, want := range []string{"peer group", ">ministry<", ">municipality<", "withheld", ">70.0<"} {
		if !strings.Contains(got, want) {
			t.Errorf("the peer group heatmap lacks %q", want)
		}
	}
	if strings.Contains(got, "Extra PSO") {
		t.Error("the peer group heatmap names a PSO")
	}
}
