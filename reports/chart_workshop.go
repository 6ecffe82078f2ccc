package reports

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/locale"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// WorkshopSpreadSVG writes the spread of levels on the workshop's
// discussion agenda: one row per question on the agenda (in the agenda's
// order), a line from the lowest to the highest level given, a circle at
// each level given with the number of respondents who gave it written in
// it, and the consensus (median) marked by a diamond. a is a consolidated
// assessment, as for Workshop. With nothing on the agenda the chart says
// so in words.
func WorkshopSpreadSVG(w io.Writer, p *locale.Printer, q *questionnaire.Questionnaire, a *assessment.Assessment) error {
	rows := spreadRows(q, a)
	const width, left, right, rowH = 860.0, 120.0, 60.0, 40.0
	height := 150 + rowH*float64(max(len(rows), 1)) + 30
	c, top := newChart(width, height, p.T("chart.spread.title", "Organisation", a.Organisation.Name), spreadDesc(p, rows))
	top += 50
	x0, x1 := left, width-right
	X := func(l int) float64 { return x0 + (x1-x0)*float64(l)/float64(questionnaire.MaxLevel) }
	bottom := top + rowH*float64(max(len(rows), 1))
	for l := questionnaire.MinLevel; l <= questionnaire.MaxLevel; l++ {
		c.line(X(l), top-8, X(l), bottom, gridColour, 1, "")
		c.text(X(l), top-14, "middle", 12, inkColour, fmt.Sprintf("%d %s", l, clip(q.LevelName(l), 14)))
	}
	spreadLegend(c, p, x0, top)
	if len(rows) == 0 {
		c.text((x0+x1)/2, top+rowH/2+4, "middle", 13, mutedColour, p.T("chart.spread.none", "Gap", AgendaGap))
		return c.write(w)
	}
	for i, r := range rows {
		y := top + rowH*float64(i) + rowH/2
		c.text(left-14, y+4, "end", 13, inkColour, r.qu.ID)
		c.line(X(r.lo), y, X(r.hi), y, mainColour, 3, "")
		if r.consensus >= 0 {
			c.p(`<polygon points="%s" fill="%s"/>`+"\n", diamond(X(r.consensus), y-15, 6), inkColour)
		}
		for l, k := range r.counts {
			if k == 0 {
				continue
			}
			c.p(`<circle cx="%.1f" cy="%.1f" r="10" fill="#ffffff" stroke="%s" stroke-width="2"/>`+"\n", X(l), y, mainColour)
			c.text(X(l), y+4, "middle", 11, inkColour, fmt.Sprint(k))
		}
	}
	return c.write(w)
}

// spreadRow is one question on the agenda as the spread chart draws it.
type spreadRow struct {
	qu        *questionnaire.Question
	counts    [questionnaire.MaxLevel + 1]int
	lo, hi    int
	consensus int // -1 when none
}

// spreadRows returns the questions whose levels given are AgendaGap or
// more apart, in the agenda's order: widest gap first, then by id.
func spreadRows(q *questionnaire.Questionnaire, a *assessment.Assessment) []spreadRow {
	var rows []spreadRow
	for i := range q.Questions {
		qu := &q.Questions[i]
		r := spreadRow{qu: qu, lo: -1, hi: -1, consensus: -1}
		for _, x := range a.Spread[qu.ID].Responses {
			if x.Level == nil {
				continue
			}
			l := min(max(*x.Level, questionnaire.MinLevel), questionnaire.MaxLevel)
			r.counts[l]++
			if r.lo < 0 || l < r.lo {
				r.lo = l
			}
			r.hi = max(r.hi, l)
		}
		if r.lo < 0 || r.hi-r.lo < AgendaGap {
			continue
		}
		if c := a.Answers[qu.ID]; c.Level != nil {
			r.consensus = *c.Level
		}
		rows = append(rows, r)
	}
	slices.SortStableFunc(rows, func(x, y spreadRow) int {
		return cmp.Or(cmp.Compare(y.hi-y.lo, x.hi-x.lo), strings.Compare(x.qu.ID, y.qu.ID))
	})
	return rows
}

// spreadDesc is the chart's description: the levels given to each question
// on the agenda and its consensus, or that the agenda is empty.
func spreadDesc(p *locale.Printer, rows []spreadRow) string {
	if len(rows) == 0 {
		return p.T("chart.spread.none", "Gap", AgendaGap)
	}
	desc := make([]string, 0, len(rows))
	for _, r := range rows {
		var given []string
		for l, k := range r.counts {
			if k > 0 {
				given = append(given, p.N("chart.spread.given", k, "Level", l))
			}
		}
		s := r.qu.ID + ": " + strings.Join(given, ", ")
		if r.consensus >= 0 {
			s += " (" + p.T("chart.spread.consensus", "Level", r.consensus) + ")"
		}
		desc = append(desc, s)
	}
	return listDesc(p.T("chart.spread.desc", "Gap", AgendaGap), desc)
}

// spreadLegend draws the legend above the rows: a circle for a level
// given, a diamond for the consensus.
func spreadLegend(c *svgChart, p *locale.Printer, x0, top float64) {
	c.p(`<circle cx="%.1f" cy="%.1f" r="7" fill="#ffffff" stroke="%s" stroke-width="2"/>`+"\n", x0, top-44, mainColour)
	c.text(x0+12, top-40, "start", 11, inkColour, p.T("chart.legend.given"))
	lx := x0 + 40 + textWidth(p.T("chart.legend.given"), 11)
	c.p(`<polygon points="%s" fill="%s"/>`+"\n", diamond(lx, top-44, 7), inkColour)
	c.text(lx+12, top-40, "start", 11, inkColour, p.T("chart.legend.consensus"))
}

func diamond(x, y, r float64) string {
	return fmt.Sprintf("%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f", x, y-r, x+r, y, x, y+r, x-r, y)
}
