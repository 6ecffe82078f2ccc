package reports

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"math"
	"strings"
	"unicode"

	"github.com/dgmaturity/dgmaturity/internal/compare"
	"github.com/dgmaturity/dgmaturity/internal/locale"
	"github.com/dgmaturity/dgmaturity/internal/scoring"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// boxWidth is the width of the text box plots, in cells of 5 points.
const boxWidth = 20

// Compare writes the comparison report of many assessments (DESIGN.md
// section 8): counts and dates, the distribution of every area and
// principle, the PSOs by area, peer groups by organisation type, the
// weakest principles, the national recommendations most PSOs need, the
// trend by year and each PSO's change since its previous assessment, what
// was withheld, and the method. The same summary always gives the same
// bytes. An anonymised summary holds no names or free text, so neither
// does the report.
func Compare(w io.Writer, q *questionnaire.Questionnaire, s *compare.Summary) error {
	return CompareIn(w, nil, q, s)
}

// CompareIn is Compare in the language of pr (nil is English), with q
// localised by the caller. The summary is language-free (ids, numbers and
// the stage names of the instrument's original language); the stage
// names are shown from q's scale.
func CompareIn(w io.Writer, pr *locale.Printer, q *questionnaire.Questionnaire, s *compare.Summary) error {
	return CompareWith(w, pr, q, s, CompareCharts{})
}

// CompareWith is CompareIn with links to the comparison's charts, written
// beside the report (see CompareChartFiles).
func CompareWith(w io.Writer, pr *locale.Printer, q *questionnaire.Questionnaire, s *compare.Summary, charts CompareCharts) error {
	bw := bufio.NewWriter(w)
	c := &cmpWriter{out: out{bw}, q: q, s: s, pr: printerOr(pr), charts: charts}
	c.header()
	c.summary()
	c.distributions()
	c.stages()
	c.psoTable()
	c.groups()
	c.weakest()
	c.needs()
	c.trend()
	c.changes()
	c.withheld()
	c.method()
	return bw.Flush()
}

type cmpWriter struct {
	out
	q      *questionnaire.Questionnaire
	s      *compare.Summary
	pr     *locale.Printer
	charts CompareCharts
}

func (c *cmpWriter) t(id string, kv ...any) string { return c.pr.T(id, kv...) }

// val formats a score with one decimal; NaN (undefined) is "n/a".
func (c *cmpWriter) val(v float64) string {
	if math.IsNaN(v) {
		return c.t("report.na")
	}
	return c.pr.Number(v, 1)
}

// num writes a count with the language's thousands separator.
func (c *cmpWriter) num(n int) string {
	s := thousands(n)
	switch c.pr.Tag() {
	case locale.French:
		return strings.ReplaceAll(s, ",", "\u202f")
	case locale.German:
		return strings.ReplaceAll(s, ",", ".")
	}
	return s
}

func (c *cmpWriter) pct(n, of int) string {
	if c.pr.Tag() == locale.English {
		return pct(n, of)
	}
	if of == 0 {
		return c.pr.Percent(0)
	}
	return c.pr.Percent(float64(n) / float64(of))
}

func (c *cmpWriter) date(d string) string {
	if c.pr.Tag() == locale.English {
		return d
	}
	return c.pr.DateString(d)
}

// stage shows a stored stage name (the instrument's original language) in
// q's language.
func (c *cmpWriter) stage(name string) string {
	for _, l := range c.q.Original().Scale {
		if l.Name == name {
			return Escape(c.q.LevelName(l.Level))
		}
	}
	return Escape(name)
}

// signed formats a change with its arrow: "↑ +5.0", "↓ -2.5", "→ 0.0".
func signed(d float64) string { return signedIn(locale.For(locale.English), d) }

func pct(n, of int) string {
	if of == 0 {
		return "0%"
	}
	return fmt.Sprintf("%.0f%%", 100*float64(n)/float64(of))
}

// thousands writes n with commas: 10000 → "10,000".
func thousands(n int) string {
	s := fmt.Sprint(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func (c *cmpWriter) header() {
	s := c.s
	c.p("# %s\n\n", c.pr.N("compare.title", s.PSOs, "N", c.num(s.PSOs)))
	dated := ""
	if s.FirstDate != "" {
		if s.FirstDate == s.LastDate {
			dated = c.t("compare.header.dated", "Date", c.date(s.FirstDate))
		} else {
			dated = c.t("compare.header.datedrange", "From", c.date(s.FirstDate), "To", c.date(s.LastDate))
		}
	}
	c.ln(c.t("compare.header.intro", "Assessments", c.pr.N("compare.assessments", s.Assessments, "N", c.num(s.Assessments)),
		"PSOs", c.pr.N("compare.psos.long", s.PSOs, "N", c.num(s.PSOs)), "Dated", dated) + "  ")
	c.para(c.t("compare.header.questionnaire", "Title", Escape(c.q.Title), "Version", Escape(c.q.Version), "ID", Escape(c.q.ID)))
	c.para(c.t("compare.header.cross"))
	if s.Anonymised {
		c.p("> %s\n\n", c.t("compare.header.anonymised", "Min", s.MinGroup, "Anchor", c.withheldAnchor()))
	}
	var notes []string
	if s.LeftOut > 0 {
		notes = append(notes, c.pr.N("compare.note.leftout", s.LeftOut, "N", c.num(s.LeftOut), "Files", c.num(s.Files)))
	}
	if s.Duplicates > 0 {
		notes = append(notes, c.pr.N("compare.note.duplicates", s.Duplicates, "N", c.num(s.Duplicates)))
	}
	if s.EditedFiles > 0 {
		notes = append(notes, c.pr.N("compare.note.edited", s.EditedFiles, "N", c.num(s.EditedFiles)))
	}
	for _, v := range s.Versions {
		what := c.t("compare.note.version", "Version", Escape(v.Version))
		if v.SameVersion {
			what = c.t("compare.note.sameversion", "Version", Escape(v.Version), "Hash", shortHash(v.SHA256))
		}
		note := c.pr.N("compare.note.versions", v.Assessments, "N", c.num(v.Assessments), "What", what, "Now", Escape(c.q.Version))
		if v.Lacking > 0 {
			id := "compare.note.lacking.one"
			if v.Assessments != 1 {
				id = "compare.note.lacking.many"
			}
			note += " " + c.pr.N(id, v.Lacking, "N", c.num(v.Lacking), "Now", Escape(c.q.Version))
		}
		if n := len(v.Reworded); n > 0 {
			note += " " + c.pr.N("compare.note.reworded", n, "N", c.num(n), "Version", Escape(v.Version), "List", Escape(strings.Join(v.Reworded, ", ")))
		}
		notes = append(notes, note)
	}
	for _, n := range notes {
		c.p("> %s\n\n", c.t("report.note", "Text", n))
	}
}

// withheldAnchor is the HTML id of the "What was withheld" heading, as
// GitHub makes it from the heading's words.
func (c *cmpWriter) withheldAnchor() string {
	var b strings.Builder
	for _, r := range strings.ToLower(c.t("compare.withheld.heading")) {
		switch {
		case r == ' ' || r == '-':
			b.WriteRune('-')
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_':
			b.WriteRune(r)
		}
	}
	return b.String()
}

func (c *cmpWriter) summary() {
	s := c.s
	c.section(c.t("report.summary.heading"))
	if s.Overall.Withheld {
		c.p("- %s\n", c.t("compare.summary.withheld", "Min", s.MinGroup))
	} else if s.Overall.N > 0 {
		o := s.Overall
		if o.N == 1 {
			c.p("- %s\n", c.t("compare.summary.one", "Score", c.val(o.Median)))
		} else {
			c.p("- %s\n", c.t("compare.summary.overall", "Median", c.val(o.Median), "Q1", c.val(o.Q1), "Q3", c.val(o.Q3), "Min", c.val(o.Min), "Max", c.val(o.Max)))
		}
		var lo, hi *compare.Dist
		for i := range s.Areas {
			d := &s.Areas[i]
			if d.Withheld || d.N == 0 {
				continue
			}
			if hi == nil || d.Median > hi.Median {
				hi = d
			}
			if lo == nil || d.Median < lo.Median {
				lo = d
			}
		}
		if lo != nil && hi != nil && lo != hi {
			c.p("- %s\n", c.t("compare.summary.areas", "High", areaTitle(c.q, hi.ID), "HighScore", c.val(hi.Median), "Low", areaTitle(c.q, lo.ID), "LowScore", c.val(lo.Median)))
		}
	}
	if len(s.Weakest) > 0 {
		wk := s.Weakest[0]
		c.p("- %s\n", c.t("compare.summary.weakest", "Principle", principleShort(c.q, wk.ID), "Median", c.val(wk.Median), "Below", c.num(wk.Below), "N", c.num(wk.N), "Threshold", compare.WeakThreshold))
	}
	if len(s.Needs) > 0 && s.Needs[0].Source != "" {
		n := s.Needs[0]
		c.p("- %s\n", c.t("compare.summary.need", "ID", Escape(n.Source), "Text", c.sourceText(n.Source), "N", c.num(n.PSOs), "Of", c.num(s.PSOs)))
	}
	if len(s.ChangeList) > 0 {
		median := ""
		if !math.IsNaN(s.Changes.Median) {
			median = " " + c.t("compare.summary.median", "Change", c.signedPlain(s.Changes.Median))
		}
		c.p("- %s\n", c.pr.N("compare.summary.changes", len(s.ChangeList), "N", c.num(len(s.ChangeList)),
			"Improved", c.num(s.Changes.Improved), "Declined", c.num(s.Changes.Declined), "Steady", c.num(s.Changes.Steady), "Median", median))
	}
	c.ln("")
}

func (c *cmpWriter) signedPlain(d float64) string {
	if d >= 0.05 {
		return "+" + c.pr.Number(d, 1)
	}
	if d <= -0.05 {
		return c.pr.Number(d, 1)
	}
	return c.pr.Number(0, 1)
}

func (c *cmpWriter) sourceText(id string) string {
	if src, ok := c.q.Source(id); ok {
		return Escape(src.Text)
	}
	return c.t("compare.source.unknown")
}

func (c *cmpWriter) distributions() {
	c.section(c.t("compare.dist.heading"), c.t("compare.dist.intro"), c.t("compare.dist.plot"))
	c.para("### " + c.t("workshop.scores.byarea"))
	c.distTable(c.t("compare.column.area"), append([]compare.Dist{c.s.Overall}, c.s.Areas...), func(id string) string {
		if id == "" {
			return "**" + c.t("workshop.overall") + "**"
		}
		return areaTitle(c.q, id)
	})
	c.chart(c.t("chart.alt.box.areas"), c.charts.Areas)
	c.para("### " + c.t("workshop.scores.byprinciple"))
	c.distTable(c.t("report.column.principle"), c.s.Principles, func(id string) string { return principleShort(c.q, id) })
	c.chart(c.t("chart.alt.box.principles"), c.charts.Principles)
}

func (c *cmpWriter) distTable(what string, ds []compare.Dist, label func(string) string) {
	c.p("| %s %s\n", what, c.t("compare.dist.head"))
	c.ln("|---|---:|---:|---:|---:|---:|---:|---|")
	for _, d := range ds {
		switch {
		case d.Withheld:
			c.p("| %s | %s | %s | | | | | |\n", label(d.ID), fewer(c.s.MinGroup), c.t("compare.withheld"))
		case d.N == 0:
			c.p("| %s | 0 | %s | | | | | |\n", label(d.ID), c.t("report.na"))
		default:
			c.p("| %s | %s | %s | %s | %s | %s | %s | `%s` |\n", label(d.ID), c.num(d.N), c.val(d.Min), c.val(d.Q1), c.val(d.Median), c.val(d.Q3), c.val(d.Max), BoxPlot(d.Summary, boxWidth))
		}
	}
	c.ln("")
}

// BoxPlot draws a five-number summary over 0..100 as text, width cells
// wide: '·' outside the range, '─' the whiskers, '├' and '┤' the minimum
// and maximum, '▓' the box from the first to the third quartile and '┃'
// the median. An empty summary (N 0) gives dots only.
func BoxPlot(s scoring.Summary, width int) string {
	cells := make([]rune, width)
	for i := range cells {
		cells[i] = '·'
	}
	if s.N == 0 || math.IsNaN(s.Median) || width <= 0 {
		return string(cells)
	}
	pos := func(v float64) int {
		return min(max(int(math.Floor(v*float64(width)/100)), 0), width-1)
	}
	lo, q1, md, q3, hi := pos(s.Min), pos(s.Q1), pos(s.Median), pos(s.Q3), pos(s.Max)
	for i := lo; i <= hi; i++ {
		cells[i] = '─'
	}
	cells[lo], cells[hi] = '├', '┤'
	for i := q1; i <= q3; i++ {
		cells[i] = '▓'
	}
	cells[md] = '┃'
	return string(cells)
}

func (c *cmpWriter) stages() {
	s := c.s
	c.section(c.t("compare.stages.heading"), c.t("compare.stages.intro"))
	c.ln(c.t("compare.stages.head"))
	c.ln("|---|---|---:|---:|")
	for l, n := range s.Stages {
		lo, hi := l*20, l*20+20
		band := c.t("compare.stages.band", "Low", lo, "High", hi)
		if l == len(s.Stages)-1 {
			band = c.t("compare.stages.top", "Low", lo)
		}
		c.p("| %d %s | %s | %s | %s |\n", l, Escape(c.q.LevelName(l)), band, c.num(n), c.pct(n, s.PSOs))
	}
	if s.Unstaged > 0 {
		c.p("| %s | | %s | %s |\n", c.t("compare.stages.none"), c.num(s.Unstaged), c.pct(s.Unstaged, s.PSOs))
	}
	c.ln("")
	c.chart(c.t("chart.alt.stages"), c.charts.Stages)
}

func (c *cmpWriter) areaHeads() (string, string) {
	var head, rule strings.Builder
	for _, a := range c.q.Areas {
		head.WriteString(" " + Escape(cmp.Or(a.Short, a.Title)) + " |")
		rule.WriteString("---:|")
	}
	return head.String(), rule.String()
}

func (c *cmpWriter) psoTable() {
	s := c.s
	c.section(c.t("compare.psos.heading"))
	id := "compare.psos.intro.name"
	if s.Anonymised {
		id = "compare.psos.intro.pseudonym"
	}
	c.para(c.t(id))
	head, rule := c.areaHeads()
	c.p("%s%s %s |\n", c.t("compare.psos.head"), head, c.t("compare.column.assessments"))
	c.p("|---|---|---|---:|---|%s---:|\n", rule)
	for _, p := range s.PSOList {
		typ := orgTypeName(c.pr, p.Type)
		if typ == "" {
			typ = "–"
		}
		date := c.date(p.Date)
		if p.OtherVersion {
			date += "\\*"
		}
		var cells strings.Builder
		for _, v := range p.Areas {
			cells.WriteString(" " + c.val(v) + " |")
		}
		c.p("| %s | %s | %s | %s | %s |%s %d |\n", Escape(p.Label), typ, date, c.val(p.Overall), c.stage(p.Stage), cells.String(), p.Assessments)
	}
	c.ln("")
	c.chart(c.t("chart.alt.heatmap"), c.charts.Heatmap)
}

func (c *cmpWriter) groups() {
	s := c.s
	c.section(c.t("compare.groups.heading"))
	withheld := 0
	for _, g := range s.Groups {
		if g.Withheld {
			withheld++
		}
	}
	if withheld == len(s.Groups) {
		c.para(c.t("compare.groups.none", "Min", s.MinGroup))
		return
	}
	c.para(c.t("compare.groups.intro"))
	head, rule := c.areaHeads()
	c.p("%s%s\n", c.t("compare.groups.head"), head)
	c.p("|---|---:|---:|%s\n", rule)
	for _, g := range s.Groups {
		if g.Withheld {
			continue
		}
		var cells strings.Builder
		for _, v := range g.Areas {
			cells.WriteString(" " + c.val(v) + " |")
		}
		c.p("| %s | %s | %s |%s\n", orgTypeName(c.pr, g.Type), c.num(g.PSOs), c.val(g.Overall), cells.String())
	}
	c.ln("")
	if withheld > 0 {
		c.para(c.pr.N("compare.groups.withheld", withheld, "N", c.num(withheld), "Min", s.MinGroup))
	}
}

func (c *cmpWriter) weakest() {
	s := c.s
	c.section(c.t("compare.weakest.heading"))
	if len(s.Weakest) == 0 {
		c.para(c.t("compare.weakest.none"))
		return
	}
	c.para(c.t("compare.weakest.intro", "Threshold", compare.WeakThreshold))
	c.ln(c.t("compare.weakest.head", "Threshold", compare.WeakThreshold))
	c.ln("|---:|---|---:|---:|---:|")
	for i, wk := range s.Weakest {
		title := wk.ID
		if p, ok := c.q.Principle(wk.ID); ok {
			title = p.ID + " " + p.Title
		}
		c.p("| %d | %s | %s | %s | %s |\n", i+1, Escape(title), c.val(wk.Median), c.val(wk.Q1), c.t("compare.weakest.below", "N", c.num(wk.Below), "Of", c.num(wk.N), "Share", c.pct(wk.Below, wk.N)))
	}
	c.ln("")
}

func (c *cmpWriter) needs() {
	s := c.s
	c.section(c.t("compare.needs.heading"))
	if len(s.Needs) == 0 {
		c.para(c.t("compare.needs.none"))
		return
	}
	c.para(c.t("compare.needs.intro"))
	ranked := 0
	for _, n := range s.Needs {
		if n.Source != "" {
			ranked++
		}
	}
	if ranked > 0 {
		c.ln(c.t("compare.needs.head"))
		c.ln("|---:|---|---:|---:|")
		for i, n := range s.Needs[:ranked] {
			c.p("| %d | **%s** %s | %s | %s |\n", i+1, Escape(n.Source), c.sourceText(n.Source), c.num(n.PSOs), c.pct(n.PSOs, s.PSOs))
		}
		c.ln("")
	}
	for i, n := range s.Needs {
		if n.Source != "" {
			area := ""
			if src, ok := c.q.Source(n.Source); ok {
				area = " (" + areaTitle(c.q, src.Area) + ")"
			}
			c.p("### %d. %s\n\n", i+1, Escape(n.Source))
			c.p("%s%s  \n", c.sourceText(n.Source), area)
		} else {
			c.para("### " + c.t("compare.needs.principles"))
			c.ln(c.t("compare.needs.principles.intro") + "  ")
		}
		c.para(c.t("compare.needs.by", "N", c.num(n.PSOs), "Of", c.num(s.PSOs), "Share", c.pct(n.PSOs, s.PSOs)))
		c.ln(c.t("compare.needs.entries"))
		c.ln("|---|---:|")
		for _, e := range n.Entries {
			title := ""
			if r, ok := c.q.Recommendation(e.ID); ok {
				title = " " + Escape(r.Title)
			}
			c.p("| %s%s | %s |\n", Escape(e.ID), title, c.num(e.PSOs))
		}
		c.ln("")
	}
}

func (c *cmpWriter) trend() {
	s := c.s
	c.section(c.t("compare.trend.heading"), c.t("compare.trend.intro"))
	head, rule := c.areaHeads()
	c.p("%s%s\n", c.t("compare.trend.head"), head)
	c.p("|---|---:|---:|---:|%s\n", rule)
	for _, y := range s.Years {
		if y.Withheld {
			c.p("| %s | %s | %s | %s |%s\n", y.Year, fewer(s.MinGroup), fewer(s.MinGroup), c.t("compare.withheld"), strings.Repeat(" |", len(c.q.Areas)))
			continue
		}
		var cells strings.Builder
		for _, v := range y.Areas {
			cells.WriteString(" " + c.val(v) + " |")
		}
		c.p("| %s | %s | %s | %s |%s\n", y.Year, c.num(y.PSOs), c.num(y.Assessments), c.val(y.Overall), cells.String())
	}
	c.ln("")
	c.chart(c.t("chart.alt.trend"), c.charts.Trend)
}

// fewer stands for a count that is withheld: it would tell how small a
// group is.
func fewer(k int) string { return fmt.Sprintf("< %d", k) }

func (c *cmpWriter) changes() {
	s := c.s
	c.section(c.t("compare.changes.heading"))
	if len(s.ChangeList) == 0 {
		c.para(c.t("compare.changes.none"))
		return
	}
	median := ""
	if !math.IsNaN(s.Changes.Median) {
		median = c.t("compare.changes.median", "Change", c.signedPlain(s.Changes.Median))
	}
	c.para(c.t("compare.changes.intro", "Improved", c.num(s.Changes.Improved), "Declined", c.num(s.Changes.Declined), "Steady", c.num(s.Changes.Steady), "Median", median))
	head, rule := c.areaHeads()
	c.p("%s%s\n", c.t("compare.changes.head"), head)
	c.p("|---|---|---|---:|---:|%s\n", rule)
	for _, ch := range s.ChangeList {
		var cells strings.Builder
		for _, d := range ch.Areas {
			cells.WriteString(" " + signedIn(c.pr, d) + " |")
		}
		c.p("| %s | %s | %s | %s | %s |%s\n", Escape(ch.Label), c.date(ch.From), c.date(ch.To), c.val(ch.Overall), signedIn(c.pr, ch.Delta), cells.String())
	}
	c.ln("")
}

func (c *cmpWriter) withheld() {
	notes := c.s.Withheld
	if c.pr.Tag() != locale.English {
		notes = c.withheldNotes()
	}
	if len(notes) == 0 {
		return
	}
	c.section(c.t("compare.withheld.heading"))
	for _, n := range notes {
		c.p("- %s\n", n)
	}
	c.ln("")
}

// withheldNotes says in the report's language what compare.Summarise
// says in English in Summary.Withheld: the same notes, from the same
// fields of the summary.
func (c *cmpWriter) withheldNotes() []string {
	s := c.s
	var notes []string
	if s.Anonymised {
		notes = append(notes, c.t("compare.withheld.names"), c.t("compare.withheld.pseudonyms"), c.t("compare.withheld.own", "Min", s.MinGroup))
	}
	if s.MinGroup <= 1 {
		return notes
	}
	for _, g := range s.Groups {
		if g.Withheld {
			notes = append(notes, c.t("compare.withheld.group", "Type", orgTypeName(c.pr, g.Type), "Min", s.MinGroup))
		}
	}
	var dists []string
	for _, d := range append(append([]compare.Dist{s.Overall}, s.Areas...), s.Principles...) {
		if d.Withheld {
			id := d.ID
			if id == "" {
				id = c.t("compare.withheld.overall")
			}
			dists = append(dists, id)
		}
	}
	if len(dists) > 0 {
		notes = append(notes, c.t("compare.withheld.dists", "Min", s.MinGroup, "List", strings.Join(dists, ", ")))
	}
	var years []string
	for _, y := range s.Years {
		if y.Withheld {
			years = append(years, y.Year)
		}
	}
	if len(years) > 0 {
		notes = append(notes, c.t("compare.withheld.years", "Min", s.MinGroup, "List", strings.Join(years, ", ")))
	}
	if s.Changes.Withheld {
		notes = append(notes, c.t("compare.withheld.changes", "Min", s.MinGroup))
	}
	if s.Anonymised && (s.HiddenPSOs > 0 || s.HiddenRows > 0 || s.HiddenChanges > 0) {
		notes = append(notes, c.t("compare.withheld.hidden"))
	}
	if s.Anonymised {
		for _, v := range s.Versions {
			if v.Version == compare.OtherVersion {
				notes = append(notes, c.t("compare.withheld.other"))
				break
			}
		}
	}
	return notes
}

func (c *cmpWriter) method() {
	s := c.s
	c.section(c.t("report.method.heading"))
	c.ln("- " + c.t("compare.method.scores"))
	c.ln("- " + c.t("compare.method.psos"))
	c.ln("- " + c.t("compare.method.quartiles"))
	c.ln("- " + c.t("compare.method.versions"))
	if s.MinGroup > 1 {
		c.ln("- " + c.t("compare.method.groups", "Min", s.MinGroup))
	}
	c.ln("- " + c.t("report.method.questionnaire", "ID", Escape(c.q.ID), "Version", Escape(c.q.Version), "Hash", shortHash(c.q.Hash())))
}
