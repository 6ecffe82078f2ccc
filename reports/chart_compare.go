package reports

import (
	"cmp"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/dgmaturity/dgmaturity/internal/compare"
	"github.com/dgmaturity/dgmaturity/internal/locale"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// The comparison's charts draw the same numbers as the comparison report's
// tables, from the same Summary, so an anonymised or small-group
// comparison withholds the same things in both: a withheld distribution,
// year or peer group is drawn as the word "withheld", and PSOs appear only
// under the label (name or pseudonym) the report uses.

// HeatmapLimit is the largest number of PSOs the heatmap shows one by one;
// above it, the heatmap shows peer groups.
const HeatmapLimit = 60

// BoxPlotsSVG writes one box plot per distribution over 0..100: whiskers
// from the minimum to the maximum, a hatched box from the first to the
// third quartile, a thick median line, and the median and n written
// beside. labels gives each distribution's label; which says what the
// distributions are of (areas or principles), for the title.
func BoxPlotsSVG(w io.Writer, p *locale.Printer, title string, ds []compare.Dist, labels func(id string) string, minGroup int) error {
	const width, left, right, rowH = 860.0, 250.0, 150.0, 34.0
	var desc []string
	for _, d := range ds {
		desc = append(desc, labels(d.ID)+": "+distText(p, d, minGroup))
	}
	height := 110 + rowH*float64(len(ds)) + 40
	c, top := newChart(width, height, title, listDesc(p.T("chart.box.desc"), desc))
	top += 10
	x0, x1 := left, width-right
	bottom := top + rowH*float64(len(ds))
	c.scaleX(x0, x1, top-6, bottom)
	X := func(v float64) float64 { return x0 + (x1-x0)*v/100 }
	for i, d := range ds {
		y := top + rowH*float64(i) + rowH/2
		lines := wrapText(labels(d.ID), left-20, 12)
		if len(lines) > 2 {
			lines = []string{lines[0], clip(strings.Join(lines[1:], " "), 34)}
		}
		for k, line := range lines {
			c.text(left-10, y+4+13*(float64(k)-float64(len(lines)-1)/2), "end", 12, inkColour, line)
		}
		switch {
		case d.Withheld:
			c.text(x0+8, y+4, "start", 12, mutedColour, p.T("chart.withheld", "Min", minGroup))
			continue
		case d.N == 0 || math.IsNaN(d.Median):
			c.text(x0+8, y+4, "start", 12, mutedColour, p.T("chart.na"))
			continue
		}
		c.line(X(d.Min), y, X(d.Max), y, inkColour, 1.5, "")
		c.line(X(d.Min), y-7, X(d.Min), y+7, inkColour, 1.5, "")
		c.line(X(d.Max), y-7, X(d.Max), y+7, inkColour, 1.5, "")
		c.p(`<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="url(#hatch)" stroke="%s" stroke-width="1.5"/>`+"\n", X(d.Q1), y-10, math.Max(X(d.Q3)-X(d.Q1), 1), 20.0, mainColour)
		c.line(X(d.Median), y-12, X(d.Median), y+12, inkColour, 4, "")
		c.text(X(d.Max)+8, y+4, "start", 11, inkColour, p.T("chart.box.label", "Median", p.Number(d.Median, 1), "N", d.N))
	}
	return c.write(w)
}

func distText(p *locale.Printer, d compare.Dist, minGroup int) string {
	switch {
	case d.Withheld:
		return p.T("chart.withheld", "Min", minGroup)
	case d.N == 0 || math.IsNaN(d.Median):
		return p.T("chart.na")
	}
	return p.T("chart.box.text", "N", d.N, "Min", p.Number(d.Min, 1), "Q1", p.Number(d.Q1, 1), "Median", p.Number(d.Median, 1), "Q3", p.Number(d.Q3, 1), "Max", p.Number(d.Max, 1))
}

// StagesSVG writes the number of PSOs at each stage as columns, each with
// its count written above it and the stage named below.
func StagesSVG(w io.Writer, p *locale.Printer, q *questionnaire.Questionnaire, s *compare.Summary) error {
	const width, height = 860.0, 420.0
	n := len(s.Stages)
	most := 1
	var desc []string
	for l, k := range s.Stages {
		most = max(most, k)
		desc = append(desc, fmt.Sprintf("%d %s: %d", l, q.LevelName(l), k))
	}
	if s.Unstaged > 0 {
		desc = append(desc, p.T("chart.stages.unstaged")+": "+fmt.Sprint(s.Unstaged))
	}
	c, top := newChart(width, height, p.T("chart.stages.title", "PSOs", s.PSOs), listDesc(p.T("chart.stages.desc"), desc))
	top += 20
	base := height - 70
	x0, x1 := 60.0, width-40
	c.line(x0, base, x1, base, inkColour, 1, "")
	colW := (x1 - x0) / float64(n)
	for l, k := range s.Stages {
		x := x0 + colW*float64(l)
		h := (base - top) * float64(k) / float64(most)
		c.rect(x+colW*0.2, base-h, colW*0.6, h, mainColour, "")
		c.text(x+colW/2, base-h-6, "middle", 14, inkColour, fmt.Sprint(k))
		c.text(x+colW/2, base+18, "middle", 12, inkColour, fmt.Sprintf("%d %s", l, q.LevelName(l)))
		c.text(x+colW/2, base+34, "middle", 11, mutedColour, fmt.Sprintf("%d–%d", l*20, min(l*20+20, 100)))
	}
	return c.write(w)
}

// TrendSVG writes the median overall score by year as a line with its
// points labelled, over a hatched band from the first to the third
// quartile. Withheld years are named on the axis and left out of the line.
func TrendSVG(w io.Writer, p *locale.Printer, s *compare.Summary) error {
	const width, height = 860.0, 420.0
	var desc []string
	for _, y := range s.Years {
		if y.Withheld {
			desc = append(desc, y.Year+": "+p.T("chart.withheld", "Min", s.MinGroup))
			continue
		}
		desc = append(desc, y.Year+": "+p.T("chart.trend.text", "Median", p.Number(y.Overall, 1), "Q1", p.Number(y.OverallQ1, 1), "Q3", p.Number(y.OverallQ3, 1), "N", y.PSOs))
	}
	c, top := newChart(width, height, p.T("chart.trend.title"), listDesc(p.T("chart.trend.desc"), desc))
	top += 30
	x0, x1 := 70.0, width-60
	base := height - 60
	Y := func(v float64) float64 { return base - (base-top)*v/100 }
	for v := 0; v <= 100; v += 20 {
		c.line(x0, Y(float64(v)), x1, Y(float64(v)), gridColour, 1, "")
		c.text(x0-8, Y(float64(v))+4, "end", 11, mutedColour, fmt.Sprint(v))
	}
	// The legend.
	c.p(`<rect x="%.1f" y="%.1f" width="18" height="10" fill="url(#hatch)" stroke="%s"/>`+"\n", x0, top-24, mainColour)
	c.text(x0+24, top-15, "start", 11, inkColour, p.T("chart.legend.quartiles"))
	lx := x0 + 50 + textWidth(p.T("chart.legend.quartiles"), 11)
	c.line(lx, top-19, lx+18, top-19, inkColour, 3, "")
	c.text(lx+24, top-15, "start", 11, inkColour, p.T("chart.legend.median"))
	n := len(s.Years)
	X := func(i int) float64 {
		if n == 1 {
			return (x0 + x1) / 2
		}
		return x0 + 30 + (x1-x0-60)*float64(i)/float64(n-1)
	}
	// The band and the line run through consecutive shown years only.
	var band, line []string
	flush := func() {
		if len(line) > 1 {
			c.p(`<polygon points="%s" fill="url(#hatch)" fill-opacity="0.6" stroke="none"/>`+"\n", strings.Join(band, " "))
			c.p(`<polyline points="%s" fill="none" stroke="%s" stroke-width="3"/>`+"\n", strings.Join(line, " "), inkColour)
		}
		band, line = nil, nil
	}
	var upper, lower []string
	for i, y := range s.Years {
		if y.Withheld || math.IsNaN(y.Overall) {
			band = append(upper, reverse(lower)...)
			flush()
			upper, lower = nil, nil
			continue
		}
		upper = append(upper, fmt.Sprintf("%.1f,%.1f", X(i), Y(y.OverallQ3)))
		lower = append(lower, fmt.Sprintf("%.1f,%.1f", X(i), Y(y.OverallQ1)))
		line = append(line, fmt.Sprintf("%.1f,%.1f", X(i), Y(y.Overall)))
	}
	band = append(upper, reverse(lower)...)
	flush()
	for i, y := range s.Years {
		c.text(X(i), base+18, "middle", 12, inkColour, y.Year)
		if y.Withheld || math.IsNaN(y.Overall) {
			c.text(X(i), base-10, "middle", 11, mutedColour, p.T("chart.withheld", "Min", s.MinGroup))
			continue
		}
		c.p(`<circle cx="%.1f" cy="%.1f" r="5" fill="%s" stroke="#ffffff" stroke-width="1.5"/>`+"\n", X(i), Y(y.Overall), inkColour)
		c.text(X(i), Y(y.Overall)-10, "middle", 12, inkColour, p.Number(y.Overall, 1))
		c.text(X(i), base+34, "middle", 11, mutedColour, p.N("chart.trend.psos", y.PSOs))
	}
	return c.write(w)
}

func reverse(xs []string) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[len(xs)-1-i] = x
	}
	return out
}

// HeatmapSVG writes the area scores of each PSO (up to HeatmapLimit PSOs,
// by the report's label) or, with more PSOs, of each peer group, as a grid
// of cells shaded in five steps of 20 points with the score written in
// every cell: the shade helps the eye, the number carries the value.
func HeatmapSVG(w io.Writer, p *locale.Printer, q *questionnaire.Questionnaire, s *compare.Summary) error {
	title, rows := heatRows(p, s)
	const left, cellW, rowH = 260.0, 130.0, 26.0
	nA := len(q.Areas)
	width := left + cellW*float64(nA) + 30
	height := 130 + rowH*float64(len(rows)) + 50
	c, top := newChart(width, height, title, heatDesc(p, q, rows, s.MinGroup))
	top += 40
	for j, a := range q.Areas {
		x := left + cellW*float64(j) + cellW/2
		for k, line := range wrapText(cmp.Or(a.Short, a.Title), cellW-8, 12) {
			if k == 2 {
				break
			}
			c.text(x, top-28+14*float64(k), "middle", 12, inkColour, line)
		}
	}
	for i, r := range rows {
		y := top + rowH*float64(i)
		c.text(left-10, y+rowH/2+4, "end", 12, inkColour, clip(r.label, 40))
		if r.withheld {
			c.rect(left, y, cellW*float64(nA), rowH, "#ffffff", gridColour)
			c.text(left+cellW*float64(nA)/2, y+rowH/2+4, "middle", 11, mutedColour, p.T("chart.withheld", "Min", s.MinGroup))
			continue
		}
		for j := range q.Areas {
			x := left + cellW*float64(j)
			fill, ink := heatShade(r.areas, j)
			c.rect(x, y, cellW, rowH, fill, "#ffffff")
			c.text(x+cellW/2, y+rowH/2+4, "middle", 12, ink, heatValue(p, r.areas, j))
		}
	}
	// The legend: the five shades with their ranges.
	ly := top + rowH*float64(len(rows)) + 18
	for l := 0; l < 5; l++ {
		fill, ink := shadeOf(float64(l*20) + 1)
		x := left + 100*float64(l)
		c.rect(x, ly, 96, 20, fill, gridColour)
		c.text(x+48, ly+14, "middle", 11, ink, fmt.Sprintf("%d–%d", l*20, min(l*20+20, 100)))
	}
	return c.write(w)
}

// heatRow is one row of the heatmap: a PSO or a peer group.
type heatRow struct {
	label    string
	areas    []float64
	withheld bool
}

// heatRows returns the heatmap's title and rows: the PSOs one by one, or
// the peer groups when there are more than HeatmapLimit PSOs.
func heatRows(p *locale.Printer, s *compare.Summary) (title string, rows []heatRow) {
	if len(s.PSOList) <= HeatmapLimit {
		for _, x := range s.PSOList {
			rows = append(rows, heatRow{label: x.Label, areas: x.Areas})
		}
		return p.T("chart.heatmap.title"), rows
	}
	for _, g := range s.Groups {
		label := g.Type
		if label == "" {
			label = p.T("chart.heatmap.notype")
		}
		rows = append(rows, heatRow{label: label, areas: g.Areas, withheld: g.Withheld})
	}
	return p.T("chart.heatmap.groups.title", "Limit", HeatmapLimit), rows
}

// heatDesc is the heatmap's text alternative: each row's area scores, or
// that the row is withheld.
func heatDesc(p *locale.Printer, q *questionnaire.Questionnaire, rows []heatRow, minGroup int) string {
	desc := make([]string, 0, len(rows))
	for _, r := range rows {
		if r.withheld {
			desc = append(desc, r.label+": "+p.T("chart.withheld", "Min", minGroup))
			continue
		}
		var cells []string
		for j, a := range q.Areas {
			cells = append(cells, cmp.Or(a.Short, a.Title)+" "+heatValue(p, r.areas, j))
		}
		desc = append(desc, r.label+": "+strings.Join(cells, ", "))
	}
	return listDesc(p.T("chart.heatmap.desc"), desc)
}

func heatValue(p *locale.Printer, areas []float64, j int) string {
	if j >= len(areas) || math.IsNaN(areas[j]) {
		return p.T("chart.na")
	}
	return p.Number(areas[j], 1)
}

func heatShade(areas []float64, j int) (fill, ink string) {
	if j >= len(areas) || math.IsNaN(areas[j]) {
		return "#ffffff", mutedColour
	}
	return shadeOf(areas[j])
}

// shadeOf is a sequential blue scale in five steps of 20 points, light to
// dark: it keeps its order in greyscale; the text turns white where the
// cell is dark, keeping a contrast above 4.5:1.
func shadeOf(v float64) (fill, ink string) {
	shades := [5]string{"#eef3fa", "#c6d7ee", "#8fb0dc", "#3f73b8", "#173d6e"}
	l := min(max(int(v/20), 0), 4)
	if v >= 100 {
		l = 4
	}
	if l >= 3 {
		return shades[l], "#ffffff"
	}
	return shades[l], inkColour
}
