package publish

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/compare"
	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/internal/locale"
	"github.com/dgmaturity/dgmaturity/internal/scoring"
	"github.com/dgmaturity/dgmaturity/questionnaire"
	"github.com/dgmaturity/dgmaturity/reports"
)

// Formats are the report formats to write: Markdown, HTML or both. The
// charts (SVG) are written beside either.
type Formats struct {
	Markdown, HTML bool
}

// Both writes the Markdown and the HTML report: the default of assess,
// report and merge.
var Both = Formats{Markdown: true, HTML: true}

// String is the flag's form: "md", "html" or "md,html".
func (f Formats) String() string {
	var s []string
	if f.Markdown {
		s = append(s, "md")
	}
	if f.HTML {
		s = append(s, "html")
	}
	return strings.Join(s, ",")
}

// ParseFormats reads --format: a comma-separated list of md and html, in
// any order and case. Anything else is a usage error.
func ParseFormats(s string) (Formats, error) {
	var f Formats
	for _, part := range strings.Split(s, ",") {
		switch strings.ToLower(strings.TrimSpace(part)) {
		case "md", "markdown":
			f.Markdown = true
		case "html":
			f.HTML = true
		default:
			return Formats{}, input.Refuse("input.publish.format", "Value", input.Quote(part))
		}
	}
	return f, nil
}

// File is one file of a report's output set: its name in the output
// folder and its bytes.
type File struct {
	Name string
	Data []byte
}

// AssessmentFiles renders the files of a scored assessment's report in
// the language lang (see Language; the charts and the HTML page speak the
// report's language), named after base: the radar (base.svg), the area bars (base-areas.svg), the
// change per area when progress is not nil (base-change.svg), then the
// Markdown report (base.md) and the HTML report (base.html) as f asks.
// The charts come first and the reports last, in the order they are to
// be written, so that a report never links a chart that is not there yet.
func AssessmentFiles(lang, base string, f Formats, q *questionnaire.Questionnaire, a *assessment.Assessment, r *scoring.Result, warnings []input.Msg, progress *scoring.Progress) ([]File, error) {
	lq, p := Language(q, lang)
	if lq != q {
		// The same scores, with the localised instrument's names (as
		// Render does).
		r = scoring.ScoreAssessment(lq, a, 0)
	}
	q = lq
	opt := reports.Options{
		ChartFile:     base + ".svg",
		AreaChartFile: base + "-areas.svg",
		Warnings:      warnings,
		Progress:      progress,
		Printer:       p,
	}
	date := a.Date
	if p.Tag() != locale.English {
		date = p.DateString(a.Date)
	}
	var radar, areas, change bytes.Buffer
	if err := reports.RadarSVGIn(&radar, p, q, r, p.T("report.chart.title", "Name", a.Organisation.Name, "Date", date)); err != nil {
		return nil, fmt.Errorf("render chart: %w", err)
	}
	if err := reports.AreaBarsSVG(&areas, p, q, r, a.Organisation.Name, a.Date); err != nil {
		return nil, fmt.Errorf("render chart: %w", err)
	}
	files := []File{{opt.ChartFile, radar.Bytes()}, {opt.AreaChartFile, areas.Bytes()}}
	if progress != nil {
		opt.ChangeChartFile = base + "-change.svg"
		if err := reports.ChangeSVG(&change, p, q, progress, a.Organisation.Name, a.Date); err != nil {
			return nil, fmt.Errorf("render chart: %w", err)
		}
		files = append(files, File{opt.ChangeChartFile, change.Bytes()})
	}
	var md bytes.Buffer
	if err := reports.Markdown(&md, q, a, r, opt); err != nil {
		return nil, fmt.Errorf("render report: %w", err)
	}
	return withReports(p, files, base, f, md.Bytes())
}

// withReports appends the Markdown and HTML reports of md to the charts,
// as f asks; the HTML embeds the charts.
func withReports(p *locale.Printer, charts []File, base string, f Formats, md []byte) ([]File, error) {
	files := slices.Clone(charts)
	if f.Markdown {
		files = append(files, File{base + ".md", md})
	}
	if f.HTML {
		embed := make(map[string][]byte, len(charts))
		for _, c := range charts {
			embed[c.Name] = c.Data
		}
		var h bytes.Buffer
		if err := reports.HTML(&h, p, md, embed); err != nil {
			return nil, err
		}
		files = append(files, File{base + ".html", h.Bytes()})
	}
	return files, nil
}

// CompareFiles renders the comparison's charts and its reports named
// after base, as f asks; summary is what the report is written from (so
// an anonymised comparison's charts withhold what its report withholds).
// p and q are the report's language and the instrument localised to it.
func CompareFiles(p *locale.Printer, base string, f Formats, q *questionnaire.Questionnaire, s *compare.Summary) ([]File, error) {
	names := reports.CompareChartFiles(base)
	charts, err := reports.RenderCompareCharts(p, q, s, names)
	if err != nil {
		return nil, fmt.Errorf("render charts: %w", err)
	}
	var md bytes.Buffer
	if err := reports.CompareWith(&md, p, q, s, names); err != nil {
		return nil, fmt.Errorf("render report: %w", err)
	}
	var files []File
	for _, n := range []string{names.Areas, names.Principles, names.Stages, names.Heatmap, names.Trend} {
		files = append(files, File{n, charts[n]})
	}
	return withReports(p, files, base, f, md.Bytes())
}

// WorkshopFiles renders the workshop report of a consolidated assessment
// with its spread chart, named after base, as f asks; reportFile is the
// consolidated assessment's own report, linked from it. The report speaks
// the consolidated assessment's language.
func WorkshopFiles(base string, f Formats, q *questionnaire.Questionnaire, c *assessment.Assessment, reportFile string) ([]File, error) {
	q, p := Language(q, c.Language)
	var chart, md bytes.Buffer
	if err := reports.WorkshopSpreadSVG(&chart, p, q, c); err != nil {
		return nil, fmt.Errorf("render chart: %w", err)
	}
	opt := reports.WorkshopOptions{ReportFile: reportFile, SpreadChartFile: base + "-spread.svg", Printer: p}
	if err := reports.Workshop(&md, q, c, opt); err != nil {
		return nil, fmt.Errorf("render workshop report: %w", err)
	}
	return withReports(p, []File{{opt.SpreadChartFile, chart.Bytes()}}, base, f, md.Bytes())
}
