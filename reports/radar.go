package reports

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/dgmaturity/dgmaturity/internal/locale"
	"github.com/dgmaturity/dgmaturity/internal/scoring"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// Radar chart geometry, in SVG user units.
const (
	radarWidth  = 860.0
	radarHeight = 600.0
	radarCentre = radarWidth / 2
	radarRadius = 200.0
	// radarCY is the vertical centre, below the title.
	radarCY = radarHeight/2 + 20
)

// RadarSVG writes a radar chart of the principle scores: one axis per
// principle, rings every 20 points, the scores as a filled polygon, and
// every value also written as text so the chart never relies on colour or
// shape alone. Undefined scores are drawn at the centre and labelled "n/a".
func RadarSVG(w io.Writer, q *questionnaire.Questionnaire, r *scoring.Result, title string) error {
	return RadarSVGIn(w, nil, q, r, title)
}

// RadarSVGIn is RadarSVG in the language of pr (nil is English): the
// description and the values are written in that language; the title and
// the principle labels come from the caller and from q.
func RadarSVGIn(w io.Writer, pr *locale.Printer, q *questionnaire.Questionnaire, r *scoring.Result, title string) error {
	pr = printerOr(pr)
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	p(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %.0f %.0f" width="%.0f" height="%.0f" role="img" aria-labelledby="title desc" font-family="Helvetica, Arial, sans-serif">`+"\n",
		radarWidth, radarHeight, radarWidth, radarHeight)
	p("<title id=\"title\">%s</title>\n", xmlEscape(title))
	radarDesc(p, pr, r)
	p(`<rect width="100%%" height="100%%" fill="#ffffff"/>` + "\n")
	for i, line := range titleLines(title) {
		// A line still wider than the chart (one very long word) is
		// squeezed to fit rather than clipped at both edges.
		fit := ""
		if titleWidth(line) > radarWidth-2*titleMargin {
			fit = fmt.Sprintf(` textLength="%.0f" lengthAdjust="spacingAndGlyphs"`, radarWidth-2*titleMargin)
		}
		p("<text x=\"%.0f\" y=\"%d\" text-anchor=\"middle\" font-size=\"18\" fill=\"#1a1a1a\"%s>%s</text>\n", radarCentre, 28+22*i, fit, xmlEscape(line))
	}
	radarAxes(p, pr, q, r)
	radarScores(p, r)
	p("</svg>\n")
	return bw.Flush()
}

// radarDesc writes the chart's description: what it shows, then every
// principle's value.
func radarDesc(p func(string, ...any), pr *locale.Printer, r *scoring.Result) {
	n := len(r.Principles)
	p("<desc id=\"desc\">%s", xmlEscape(pr.T("report.chart.desc", "Count", n)))
	// A decimal comma (French, German) calls for semicolons between the
	// values, as those languages write lists of numbers.
	comma := ","
	switch pr.Tag() {
	case locale.French:
		comma = "\u00a0;"
	case locale.German:
		comma = ";"
	}
	for i, s := range r.Principles {
		sep := comma
		if i == n-1 {
			sep = "."
		}
		p(" %s %s%s", s.ID, valueText(pr, s), sep)
	}
	p("</desc>\n")
}

// radarAxes writes the rings with their values, then an axis per
// principle with its label and value.
func radarAxes(p func(string, ...any), pr *locale.Printer, q *questionnaire.Questionnaire, r *scoring.Result) {
	n, cy := len(r.Principles), radarCY
	for ring := 1; ring <= 5; ring++ {
		rad := radarRadius * float64(ring) / 5
		p(`<polygon points="%s" fill="none" stroke="#c8c8c8" stroke-width="1"/>`+"\n", ringPoints(n, rad, cy))
		p("<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" fill=\"#6b6b6b\">%d</text>\n", radarCentre+3, cy-rad-2, ring*20)
	}
	for i, s := range r.Principles {
		x, y := polar(i, n, radarRadius, cy)
		p(`<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#c8c8c8" stroke-width="1"/>`+"\n", radarCentre, cy, x, y)
		lx, ly := polar(i, n, radarRadius+34, cy)
		anchor := "middle"
		switch {
		case lx < radarCentre-10:
			anchor = "end"
		case lx > radarCentre+10:
			anchor = "start"
		}
		label := s.ID
		if prin, ok := q.Principle(s.ID); ok {
			label = s.ID + " " + cmp.Or(prin.Short, prin.Title)
		}
		p("<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"12\" fill=\"#1a1a1a\">%s</text>\n", lx, ly, anchor, xmlEscape(label))
		p("<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"11\" fill=\"#4a4a4a\">%s</text>\n", lx, ly+14, anchor, valueText(pr, s))
	}
}

// radarScores writes the scores as a filled polygon, an undefined score at
// the centre, and a dot at each defined score.
func radarScores(p func(string, ...any), r *scoring.Result) {
	n, cy := len(r.Principles), radarCY
	pts := ""
	for i, s := range r.Principles {
		v := 0.0
		if s.Defined {
			v = s.Value
		}
		x, y := polar(i, n, radarRadius*v/100, cy)
		pts += fmt.Sprintf("%.1f,%.1f ", x, y)
	}
	p(`<polygon points="%s" fill="#2f6fb5" fill-opacity="0.25" stroke="#1f4e8c" stroke-width="2"/>`+"\n", trimSpace(pts))
	for i, s := range r.Principles {
		if !s.Defined {
			continue
		}
		x, y := polar(i, n, radarRadius*s.Value/100, cy)
		p(`<circle cx="%.1f" cy="%.1f" r="3.5" fill="#1f4e8c"/>`+"\n", x, y)
	}
}

func valueText(pr *locale.Printer, s scoring.Measure) string {
	if !s.Defined {
		return xmlEscape(pr.T("report.na"))
	}
	return pr.Number(s.Value, 1)
}

// polar places axis i of n at radius rad, starting at the top, clockwise.
func polar(i, n int, rad, cy float64) (x, y float64) {
	angle := -math.Pi/2 + 2*math.Pi*float64(i)/float64(n)
	return radarCentre + rad*math.Cos(angle), cy + rad*math.Sin(angle)
}

func ringPoints(n int, rad, cy float64) string {
	s := ""
	for i := 0; i < n; i++ {
		x, y := polar(i, n, rad, cy)
		s += fmt.Sprintf("%.1f,%.1f ", x, y)
	}
	return trimSpace(s)
}

func trimSpace(s string) string {
	if len(s) > 0 && s[len(s)-1] == ' ' {
		return s[:len(s)-1]
	}
	return s
}

// titleMargin is the room kept free left and right of the chart's title.
const titleMargin = 20.0

// titleWidth estimates the width of s in the title's font (18 units,
// Helvetica or Arial): 0.56 of the font size per character on average,
// generous for capitals and wide letters in names.
func titleWidth(s string) float64 { return 0.56 * 18 * float64(utf8.RuneCountInString(s)) }

// titleLines splits the chart's title into at most two lines that fit the
// chart's width, breaking between words: a long organisation name (87
// characters and more occur) was clipped at both edges on one line.
func titleLines(title string) []string {
	room := radarWidth - 2*titleMargin
	if titleWidth(title) <= room {
		return []string{title}
	}
	words := strings.Fields(title)
	// The last break that keeps the first line within the width.
	first := ""
	for i, w := range words {
		next := strings.TrimSpace(first + " " + w)
		if titleWidth(next) > room && i > 0 {
			return []string{first, strings.Join(words[i:], " ")}
		}
		first = next
	}
	return []string{title}
}
