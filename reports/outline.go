package reports

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/dgmaturity/dgmaturity/internal/locale"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

const (
	// outlineWidth bounds the outline's lines, so that the whole output
	// reads in an 80-column terminal; longer texts are cut with "…" (the
	// full texts are in `questionnaire export`).
	outlineWidth = 80
	// matrixWidth keeps the matrix readable in an 80-column terminal.
	matrixWidth = 80
)

// Outline writes the outline of q as plain text in p's language (English
// when p is nil): the pillars with their principles, the areas with their
// questions, then the coverage matrix (see Matrix). q's own texts are
// written as q gives them, so q should be in p's language.
func Outline(out io.Writer, q *questionnaire.Questionnaire, p *locale.Printer) error {
	p = printerOr(p)
	w := bufio.NewWriter(out)
	line := func(s string) { fmt.Fprintln(w, ansi.Truncate(s, outlineWidth, "…")) }
	heading := func(s string) {
		fmt.Fprintln(w)
		fmt.Fprintln(w, s)
		fmt.Fprintln(w, strings.Repeat("=", ansi.StringWidth(s)))
	}

	line(outlineText(q.Title))
	line(p.T("cli.outline.summary", "ID", q.ID, "Version", q.Version, "Questions", len(q.Questions),
		"Recommendations", len(q.Recommendations), "Principles", len(q.Principles), "Pillars", len(q.Pillars), "Areas", len(q.Areas)))

	heading(p.T("cli.outline.pillars"))
	outlinePillars(w, q, line)

	heading(p.T("cli.outline.areas"))
	outlineAreas(w, q, p, line)

	heading(p.T("cli.outline.coverage"))
	if err := Matrix(w, q, p); err != nil {
		return err
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, p.T("cli.outline.note"))
	return w.Flush()
}

// outlinePillars writes each pillar with its principles, in aligned
// columns.
func outlinePillars(w io.Writer, q *questionnaire.Questionnaire, line func(string)) {
	idW, shortW := principleWidths(q)
	for i, pl := range q.Pillars {
		if i > 0 {
			fmt.Fprintln(w)
		}
		line(fmt.Sprintf("%s (%s)", outlineText(pl.Title), pl.ID))
		for _, p := range q.Principles {
			if p.Pillar == pl.ID {
				line("  " + outlinePad(p.ID, idW) + "  " + outlinePad(outlineText(p.Short), shortW) + "  " + outlineText(p.Title))
			}
		}
	}
}

// outlineAreas writes each area with its questions, core questions
// marked with "*".
func outlineAreas(w io.Writer, q *questionnaire.Questionnaire, p *locale.Printer, line func(string)) {
	qW := 0
	core := false
	for _, x := range q.Questions {
		qW = max(qW, ansi.StringWidth(x.ID))
		core = core || x.Weight > 1
	}
	if core {
		line(p.T("cli.outline.core"))
		fmt.Fprintln(w)
	}
	for i, a := range q.Areas {
		if i > 0 {
			fmt.Fprintln(w)
		}
		idx := q.AreaQuestions(a.ID)
		line(p.N("cli.outline.area", len(idx), "Title", outlineText(a.Title), "ID", a.ID))
		for _, j := range idx {
			x := q.Questions[j]
			mark := " "
			if x.Weight > 1 {
				mark = "*"
			}
			line("  " + outlinePad(x.ID, qW) + " " + mark + " " + outlineText(x.Text))
		}
	}
}

// principleWidths returns the display widths of the longest principle id
// and short label.
func principleWidths(q *questionnaire.Questionnaire) (idW, shortW int) {
	for _, p := range q.Principles {
		idW = max(idW, ansi.StringWidth(p.ID))
		shortW = max(shortW, ansi.StringWidth(outlineText(p.Short)))
	}
	return idW, shortW
}

// Matrix writes the principle-by-area table of question counts of q with
// row and column totals, narrowed to fit matrixWidth columns: area short
// labels as column heads, their ids when those do not fit, then the
// principle labels give way. Its one word, the totals' label, is in p's
// language (English when p is nil).
func Matrix(out io.Writer, q *questionnaire.Questionnaire, p *locale.Printer) error {
	w := bufio.NewWriter(out)
	total := printerOr(p).T("cli.outline.total")
	totalW := ansi.StringWidth(total)
	idW, shortW := principleWidths(q)
	width := func(short bool) int {
		n := max(idW+2+shortW, totalW) + 2 + totalW
		for _, a := range q.Areas {
			n += 2 + max(ansi.StringWidth(areaHead(a, short)), 3)
		}
		return n
	}
	useShort := width(true) <= matrixWidth
	headers := make([]string, len(q.Areas))
	for i, a := range q.Areas {
		headers[i] = areaHead(a, useShort)
	}
	if over := width(useShort) - matrixWidth; over > 0 {
		shortW = max(shortW-over, 0)
	}
	labelW := max(idW+2+shortW, totalW)
	label := func(id, short string) string {
		s := outlinePad(id, idW)
		if shortW > 0 {
			s += "  " + ansi.Truncate(short, shortW, "…")
		}
		return outlinePad(s, labelW)
	}
	row := func(first string, cells []string, sum string) {
		var b strings.Builder
		b.WriteString(first)
		for i, c := range cells {
			b.WriteString("  ")
			b.WriteString(outlinePadLeft(c, max(ansi.StringWidth(headers[i]), 3)))
		}
		b.WriteString("  ")
		b.WriteString(outlinePadLeft(sum, totalW))
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}

	row(outlinePad("", labelW), headers, total)
	counts, rowTotal := coverage(q)
	for _, p := range q.Principles {
		cells := make([]string, len(q.Areas))
		for i, a := range q.Areas {
			cells[i] = outlineCount(counts[p.ID][a.ID])
		}
		row(label(p.ID, outlineText(p.Short)), cells, outlineCount(rowTotal[p.ID]))
	}
	cells := make([]string, len(q.Areas))
	for i, a := range q.Areas {
		cells[i] = outlineCount(len(q.AreaQuestions(a.ID)))
	}
	row(outlinePad(total, labelW), cells, outlineCount(len(q.Questions)))
	return w.Flush()
}

// coverage counts the questions of q per principle and area, and per
// principle.
func coverage(q *questionnaire.Questionnaire) (counts map[string]map[string]int, rowTotal map[string]int) {
	counts = make(map[string]map[string]int, len(q.Principles))
	rowTotal = map[string]int{}
	for _, x := range q.Questions {
		for _, p := range x.Principles {
			if counts[p] == nil {
				counts[p] = map[string]int{}
			}
			counts[p][x.Area]++
			rowTotal[p]++
		}
	}
	return counts, rowTotal
}

// areaHead is an area's column head in the matrix: its short label, or
// its id.
func areaHead(a questionnaire.Area, short bool) string {
	if short {
		return outlineText(a.Short)
	}
	return a.ID
}

// outlineCount writes a cell: "-" for none, so that gaps stand out.
func outlineCount(n int) string {
	if n == 0 {
		return "-"
	}
	return fmt.Sprint(n)
}

// outlineText folds a text's line breaks and runs of spaces into single spaces.
func outlineText(s string) string { return strings.Join(strings.Fields(s), " ") }

// outlinePad fills s with spaces to width display columns.
func outlinePad(s string, width int) string {
	if n := ansi.StringWidth(s); n < width {
		return s + strings.Repeat(" ", width-n)
	}
	return s
}

// outlinePadLeft right-aligns s in width display columns.
func outlinePadLeft(s string, width int) string {
	if n := ansi.StringWidth(s); n < width {
		return strings.Repeat(" ", width-n) + s
	}
	return s
}
