package reports

import (
	"cmp"
	"io"
	"math"
	"slices"
	"strings"

	"github.com/dgmaturity/dgmaturity/internal/locale"
	"github.com/dgmaturity/dgmaturity/internal/scoring"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// AreaTarget is the score an area would have with every applicable
// question at its target level: the weighted mean of 25 points per target
// level over the area's questions that are not "not applicable", as the
// area's own score weighs them. ok is false when the area has no
// applicable question or r holds no targets.
func AreaTarget(q *questionnaire.Questionnaire, r *scoring.Result, area string) (v float64, ok bool) {
	var sum, weight float64
	for _, i := range q.AreaQuestions(area) {
		qu := &q.Questions[i]
		t, has := r.Targets[qu.ID]
		if !has || slices.Contains(r.NA, qu.ID) {
			continue
		}
		w := qu.Weight
		if !(w > 0) || math.IsInf(w, 0) {
			w = 1
		}
		sum += w * float64(t*scoring.PointsPerLevel)
		weight += w
	}
	if weight == 0 {
		return 0, false
	}
	return sum / weight, true
}

// newAreaChart opens a chart of an assessment's areas: a row rowH high
// per area below the title and the legend, over the 0..100 scale from left
// to width-right. It returns the chart and the top of its first row.
func newAreaChart(width, left, right, rowH float64, rows int, title, desc string) (*svgChart, float64) {
	height := 120 + rowH*float64(rows) + 40
	c, top := newChart(width, height, title, desc)
	top += 24
	c.scaleX(left, width-right, top-6, top+rowH*float64(rows))
	return c, top
}

// AreaBarsSVG writes the assessment's area scores as horizontal bars, each
// with its target marked by a black tick and both values written beside
// it, in p's language.
func AreaBarsSVG(w io.Writer, p *locale.Printer, q *questionnaire.Questionnaire, r *scoring.Result, org, date string) error {
	const width, left, right, rowH = 860.0, 250.0, 170.0, 44.0
	title := p.T("chart.areas.title", "Organisation", org, "Date", p.DateString(date))
	var desc []string
	for _, m := range r.Areas {
		s := areaPlain(q, m.ID) + ": " + chartValue(p, m)
		if t, ok := AreaTarget(q, r, m.ID); ok {
			s += " (" + p.T("chart.target", "Value", p.Number(t, 1)) + ")"
		}
		desc = append(desc, s)
	}
	c, top := newAreaChart(width, left, right, rowH, len(r.Areas), title, listDesc(p.T("chart.areas.desc"), desc))
	x0, x1 := left, width-right
	// The legend: a bar for the score, a tick for the target.
	c.rect(x0, top-30, 14, 10, mainColour, "")
	c.text(x0+20, top-21, "start", 11, inkColour, p.T("chart.legend.score"))
	lx := x0 + 40 + textWidth(p.T("chart.legend.score"), 11)
	c.line(lx, top-34, lx, top-18, inkColour, 3, "")
	c.text(lx+8, top-21, "start", 11, inkColour, p.T("chart.legend.target"))
	for i, m := range r.Areas {
		y := top + rowH*float64(i)
		c.label(left-10, y+18, areaPlain(q, m.ID), left-20)
		label := chartValue(p, m)
		end := x0
		if m.Defined {
			end = x0 + (x1-x0)*m.Value/100
			c.rect(x0, y+8, end-x0, 20, mainColour, "")
		}
		t, ok := AreaTarget(q, r, m.ID)
		if ok {
			tx := x0 + (x1-x0)*t/100
			c.line(tx, y+2, tx, y+34, inkColour, 3, "")
			label += " · " + p.T("chart.target", "Value", p.Number(t, 1))
			end = math.Max(end, tx)
		}
		c.text(end+8, y+23, "start", 12, inkColour, label)
	}
	return c.write(w)
}

// ChangeSVG writes the change of each area's score since an earlier
// assessment: a hollow circle at the earlier score, a filled one at the
// current score, a line between them and the change written beside.
func ChangeSVG(w io.Writer, p *locale.Printer, q *questionnaire.Questionnaire, prog *scoring.Progress, org, date string) error {
	const width, left, right, rowH = 860.0, 250.0, 120.0, 40.0
	title := p.T("chart.change.title", "Organisation", org, "Since", p.DateString(prog.Since), "Date", p.DateString(date))
	var desc []string
	for _, ch := range prog.Areas {
		desc = append(desc, areaPlain(q, ch.ID)+": "+changeText(p, ch))
	}
	c, top := newAreaChart(width, left, right, rowH, len(prog.Areas), title, listDesc(p.T("chart.change.desc"), desc))
	x0, x1 := left, width-right
	c.p(`<circle cx="%.1f" cy="%.1f" r="5" fill="#ffffff" stroke="%s" stroke-width="2"/>`+"\n", x0+5, top-25, mutedColour)
	c.text(x0+16, top-21, "start", 11, inkColour, p.T("chart.legend.before", "Date", p.DateString(prog.Since)))
	lx := x0 + 40 + textWidth(p.T("chart.legend.before", "Date", p.DateString(prog.Since)), 11)
	c.p(`<circle cx="%.1f" cy="%.1f" r="5" fill="%s"/>`+"\n", lx, top-25, mainColour)
	c.text(lx+11, top-21, "start", 11, inkColour, p.T("chart.legend.now", "Date", p.DateString(date)))
	for i, ch := range prog.Areas {
		y := top + rowH*float64(i) + 20
		c.label(left-10, y, areaPlain(q, ch.ID), left-20)
		if !ch.Defined {
			c.text(x0+8, y+4, "start", 12, mutedColour, p.T("chart.na"))
			continue
		}
		fx, tx := x0+(x1-x0)*ch.From/100, x0+(x1-x0)*ch.To/100
		c.line(fx, y, tx, y, mainColour, 3, "")
		c.p(`<circle cx="%.1f" cy="%.1f" r="6" fill="#ffffff" stroke="%s" stroke-width="2"/>`+"\n", fx, y, mutedColour)
		c.p(`<circle cx="%.1f" cy="%.1f" r="6" fill="%s"/>`+"\n", tx, y, mainColour)
		c.text(math.Max(fx, tx)+12, y+4, "start", 12, inkColour, changeText(p, ch))
	}
	return c.write(w)
}

// changeText is "41.0 → 46.5 (+5.5)".
func changeText(p *locale.Printer, ch scoring.Change) string {
	if !ch.Defined {
		return p.T("chart.na")
	}
	d := ch.Delta()
	sign := "+"
	if d < 0 {
		sign = "−"
	} else if math.Abs(d) < 0.05 {
		sign = "±"
	}
	return p.Number(ch.From, 1) + " → " + p.Number(ch.To, 1) + " (" + sign + p.Number(math.Abs(d), 1) + ")"
}

func chartValue(p *locale.Printer, m scoring.Measure) string {
	if !m.Defined {
		return p.T("chart.na")
	}
	return p.Number(m.Value, 1)
}

// areaPlain is the area's title as plain text, for charts.
func areaPlain(q *questionnaire.Questionnaire, id string) string {
	if a, ok := q.Area(id); ok {
		return a.Title
	}
	return id
}

// principlePlain is "P3 Data-driven culture" as plain text, for charts.
func principlePlain(q *questionnaire.Questionnaire, id string) string {
	if pr, ok := q.Principle(id); ok {
		return pr.ID + " " + cmp.Or(pr.Short, pr.Title)
	}
	return id
}

// label writes a row label right-aligned at x, in up to three lines
// centred on y, the last shortened when the text needs more.
func (c *svgChart) label(x, y float64, s string, room float64) {
	lines := wrapText(s, room, 12)
	if len(lines) > 3 {
		lines = append(lines[:2], clip(strings.Join(lines[2:], " "), int(room/(0.56*12))))
	}
	top := y - 13*float64(len(lines)-1)/2
	for k, line := range lines {
		c.text(x, top+13*float64(k)+4, "end", 12, inkColour, line)
	}
}
