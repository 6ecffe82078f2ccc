package reports

import (
	"bytes"

	"github.com/dgmaturity/dgmaturity/internal/compare"
	"github.com/dgmaturity/dgmaturity/internal/locale"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// CompareCharts are the file names of the comparison's charts, written
// beside the report and linked from it; an empty name leaves that chart
// out.
type CompareCharts struct {
	Areas, Principles, Stages, Heatmap, Trend string
}

// CompareChartFiles names the comparison's charts after the report's file
// name stem: comparison-areas.svg, comparison-principles.svg, ...
func CompareChartFiles(stem string) CompareCharts {
	return CompareCharts{
		Areas:      stem + "-areas.svg",
		Principles: stem + "-principles.svg",
		Stages:     stem + "-stages.svg",
		Heatmap:    stem + "-heatmap.svg",
		Trend:      stem + "-trend.svg",
	}
}

// chart links a chart from the report when it has a file name.
func (c *cmpWriter) chart(alt, file string) {
	if file != "" {
		c.p("![%s](%s)\n\n", alt, file)
	}
}

// RenderCompareCharts renders the charts named in names from the same
// summary the report is written from, keyed by file name. A summary of an
// anonymised comparison gives charts that withhold what the report
// withholds: they draw nothing the summary does not hold.
func RenderCompareCharts(p *locale.Printer, q *questionnaire.Questionnaire, s *compare.Summary, names CompareCharts) (map[string][]byte, error) {
	out := map[string][]byte{}
	add := func(name string, render func(*bytes.Buffer) error) error {
		if name == "" {
			return nil
		}
		var b bytes.Buffer
		if err := render(&b); err != nil {
			return err
		}
		out[name] = b.Bytes()
		return nil
	}
	areaLabel := func(id string) string {
		if id == "" {
			return p.T("chart.overall")
		}
		return areaPlain(q, id)
	}
	principleLabel := func(id string) string { return principlePlain(q, id) }
	steps := []struct {
		name   string
		render func(*bytes.Buffer) error
	}{
		{names.Areas, func(b *bytes.Buffer) error {
			return BoxPlotsSVG(b, p, p.T("chart.box.areas.title"), append([]compare.Dist{s.Overall}, s.Areas...), areaLabel, s.MinGroup)
		}},
		{names.Principles, func(b *bytes.Buffer) error {
			return BoxPlotsSVG(b, p, p.T("chart.box.principles.title"), s.Principles, principleLabel, s.MinGroup)
		}},
		{names.Stages, func(b *bytes.Buffer) error { return StagesSVG(b, p, q, s) }},
		{names.Heatmap, func(b *bytes.Buffer) error { return HeatmapSVG(b, p, q, s) }},
		{names.Trend, func(b *bytes.Buffer) error { return TrendSVG(b, p, s) }},
	}
	for _, st := range steps {
		if err := add(st.name, st.render); err != nil {
			return nil, err
		}
	}
	return out, nil
}
