package reports

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strings"
	"unicode/utf8"
)

// The charts beside the reports share one frame: a white page, a visible
// title, a <title> and a <desc> that say in words what the chart shows
// (role="img" names it for screen readers), and values written on the
// chart itself, so that no chart relies on colour alone. Shapes and
// hatching tell series apart in greyscale. Coordinates are printed with
// fixed precision, so a given input always gives the same bytes.

// Palette: dark blue and dark orange are told apart by people with any
// common colour-vision deficiency, and both stand out from the grey grid.
const (
	inkColour   = "#1a1a1a"
	mutedColour = "#4a4a4a"
	gridColour  = "#c8c8c8"
	mainColour  = "#1f4e8c"
	lightColour = "#a9c1e0"
	otherColour = "#b35900"
)

// svgChart builds one chart in memory.
type svgChart struct {
	b    bytes.Buffer
	w, h float64
}

func (c *svgChart) p(format string, args ...any) { fmt.Fprintf(&c.b, format, args...) }

// newChart opens a chart width × height with its title (shown and as
// <title>) and its text alternative desc. It returns the y below the
// title.
func newChart(width, height float64, title, desc string) (*svgChart, float64) {
	c := &svgChart{w: width, h: height}
	c.p(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %.0f %.0f" width="%.0f" height="%.0f" role="img" aria-labelledby="title desc" font-family="Helvetica, Arial, sans-serif">`+"\n", width, height, width, height)
	c.p("<title id=\"title\">%s</title>\n", xmlEscape(title))
	c.p("<desc id=\"desc\">%s</desc>\n", xmlEscape(desc))
	c.p(`<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="%s" stroke-width="2"/></pattern></defs>`+"\n", mainColour)
	c.p(`<rect width="100%%" height="100%%" fill="#ffffff"/>` + "\n")
	y := 28.0
	for _, line := range wrapText(title, width-40, 18) {
		c.text(width/2, y, "middle", 18, inkColour, line)
		y += 22
	}
	return c, y + 4
}

// text writes one label.
func (c *svgChart) text(x, y float64, anchor string, size float64, fill, s string) {
	c.p("<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%.0f\" fill=\"%s\">%s</text>\n", x, y, anchor, size, fill, xmlEscape(s))
}

func (c *svgChart) line(x1, y1, x2, y2 float64, stroke string, width float64, dash string) {
	d := ""
	if dash != "" {
		d = ` stroke-dasharray="` + dash + `"`
	}
	c.p(`<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="%.1f"%s/>`+"\n", x1, y1, x2, y2, stroke, width, d)
}

func (c *svgChart) rect(x, y, w, h float64, fill, stroke string) {
	s := ""
	if stroke != "" {
		s = fmt.Sprintf(` stroke="%s" stroke-width="1"`, stroke)
	}
	c.p(`<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"%s/>`+"\n", x, y, math.Max(w, 0), math.Max(h, 0), fill, s)
}

// scaleX draws the 0..100 axis from x0 to x1 at the top y0 and bottom y1:
// grid lines every 20 points with their values below.
func (c *svgChart) scaleX(x0, x1, y0, y1 float64) {
	for v := 0; v <= 100; v += 20 {
		x := x0 + (x1-x0)*float64(v)/100
		c.line(x, y0, x, y1, gridColour, 1, "")
		c.text(x, y1+14, "middle", 11, mutedColour, fmt.Sprint(v))
	}
}

// write sends the finished chart to w.
func (c *svgChart) write(w io.Writer) error {
	c.p("</svg>\n")
	_, err := w.Write(c.b.Bytes())
	return err
}

// textWidth estimates the width of s at the given font size (Helvetica or
// Arial average).
func textWidth(s string, size float64) float64 {
	return 0.56 * size * float64(utf8.RuneCountInString(s))
}

// wrapText breaks s between words into lines no wider than room.
func wrapText(s string, room, size float64) []string {
	var lines []string
	cur := ""
	for _, w := range strings.Fields(s) {
		next := strings.TrimSpace(cur + " " + w)
		if cur != "" && textWidth(next, size) > room {
			lines = append(lines, cur)
			cur = w
			continue
		}
		cur = next
	}
	if cur != "" || len(lines) == 0 {
		lines = append(lines, cur)
	}
	return lines
}

// clip shortens s to at most n characters, with an ellipsis.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// listDesc is a chart's text alternative: what the chart shows, then an
// item per row or point, separated by semicolons.
func listDesc(intro string, items []string) string {
	return intro + " " + strings.Join(items, "; ") + "."
}
