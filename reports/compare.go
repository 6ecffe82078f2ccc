package reports

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/dgmaturity/dgmaturity/internal/compare"
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
	return CompareWith(w, q, s, CompareCharts{})
}

// CompareWith is Compare with links to the comparison's charts, written
// beside the report (see CompareChartFiles).
func CompareWith(w io.Writer, q *questionnaire.Questionnaire, s *compare.Summary, charts CompareCharts) error {
	bw := bufio.NewWriter(w)
	c := &cmpWriter{out: out{bw}, q: q, s: s, charts: charts}
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
	charts CompareCharts
}

// val formats a score with one decimal; NaN (undefined) is "n/a".
func val(v float64) string {
	if math.IsNaN(v) {
		return "n/a"
	}
	return fmt.Sprintf("%.1f", v)
}

// signed formats a change with its arrow: "↑ +5.0", "↓ -2.5", "→ 0.0".
func signed(d float64) string {
	switch {
	case math.IsNaN(d):
		return "n/a"
	case d >= 0.05:
		return fmt.Sprintf("↑ +%.1f", d)
	case d <= -0.05:
		return fmt.Sprintf("↓ %.1f", d)
	}
	return "→ 0.0"
}

func pct(n, of int) string {
	if of == 0 {
		return "0%"
	}
	return fmt.Sprintf("%.0f%%", 100*float64(n)/float64(of))
}

func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%s %s", thousands(n), many)
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
	c.p("# Digital government maturity across %s\n\n", count(s.PSOs, "PSO", "PSOs"))
	c.p("Comparison of %s of %s", count(s.Assessments, "assessment", "assessments"), count(s.PSOs, "public sector organisation", "public sector organisations"))
	if s.FirstDate != "" {
		if s.FirstDate == s.LastDate {
			c.p(", dated %s", s.FirstDate)
		} else {
			c.p(", dated %s to %s", s.FirstDate, s.LastDate)
		}
	}
	c.ln(".  ")
	c.p("Questionnaire: %s, version %s (%s). Every score is recomputed from the answers.\n\n", Escape(c.q.Title), Escape(c.q.Version), Escape(c.q.ID))
	c.ln("The cross-section (distributions, PSOs by area, peer groups, weakest principles, recommendations) uses the latest assessment of each PSO; the trend and the changes use all of them.")
	c.ln("")
	if s.Anonymised {
		c.p("> **Anonymised.** PSOs appear under pseudonyms; no names, respondents or comments are shown, and no group of fewer than %d PSOs. See [What was withheld](#what-was-withheld).\n\n", s.MinGroup)
	}
	var notes []string
	if s.LeftOut > 0 {
		if s.LeftOut == 1 {
			notes = append(notes, fmt.Sprintf("1 of the %s files considered could not be read or was invalid, and is left out (the reasons were listed when this report was made).", thousands(s.Files)))
		} else {
			notes = append(notes, fmt.Sprintf("%s of the %s files considered could not be read or were invalid, and are left out (the reasons were listed when this report was made).", thousands(s.LeftOut), thousands(s.Files)))
		}
	}
	if s.Duplicates > 0 {
		notes = append(notes, fmt.Sprintf("%s another assessment of a PSO on a date already covered (a copy, or a respondent's file beside the consolidated one); one assessment per PSO and date counts.", count(s.Duplicates, "file held", "files held")))
	}
	if s.EditedFiles > 0 {
		notes = append(notes, fmt.Sprintf("%s scores that differ from the ones recomputed from the answers (edited after scoring?); the recomputed scores are used.", count(s.EditedFiles, "assessment stores", "assessments store")))
	}
	for _, v := range s.Versions {
		what := "version " + Escape(v.Version) + " of the questionnaire"
		if v.SameVersion {
			what = "another text of version " + Escape(v.Version) + " (sha256 " + shortHash(v.SHA256) + ")"
		}
		it, is, its := "they", "are", "their"
		if v.Assessments == 1 {
			it, is, its = "it", "is", "its"
		}
		note := fmt.Sprintf("%s made with %s; %s %s compared on the questions shared with version %s.",
			count(v.Assessments, "assessment was", "assessments were"), what, it, is, Escape(c.q.Version))
		if v.Lacking > 0 {
			note += fmt.Sprintf(" Up to %s of version %s %s missing from %s and left out of %s scores.",
				count(v.Lacking, "question", "questions"), Escape(c.q.Version), isAre(v.Lacking), map[string]string{"it": "it", "they": "them"}[it], its)
		}
		if n := len(v.Reworded); n > 0 {
			note += fmt.Sprintf(" %s shared with version %s %s worded differently there (same construct, other words): %s.",
				count(n, "question", "questions"), Escape(v.Version), isAre(n), Escape(strings.Join(v.Reworded, ", ")))
		}
		notes = append(notes, note)
	}
	for _, n := range notes {
		c.p("> **Note.** %s\n\n", n)
	}
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}

func (c *cmpWriter) summary() {
	s := c.s
	c.ln("## Summary")
	c.ln("")
	if s.Overall.Withheld {
		c.p("- Fewer than %d PSOs have an overall score: the distributions are withheld.\n", s.MinGroup)
	} else if s.Overall.N > 0 {
		o := s.Overall
		if o.N == 1 {
			c.p("- Overall score: **%s** (one PSO with a score).\n", val(o.Median))
		} else {
			c.p("- Overall score: median **%s**, half of the PSOs between %s and %s (range %s to %s).\n", val(o.Median), val(o.Q1), val(o.Q3), val(o.Min), val(o.Max))
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
			c.p("- Strongest area: %s (median %s). Weakest area: %s (median %s).\n", areaTitle(c.q, hi.ID), val(hi.Median), areaTitle(c.q, lo.ID), val(lo.Median))
		}
	}
	if len(s.Weakest) > 0 {
		wk := s.Weakest[0]
		c.p("- Weakest principle across government: %s (median %s; %s of %s PSOs below %d).\n", principleShort(c.q, wk.ID), val(wk.Median), thousands(wk.Below), thousands(wk.N), compare.WeakThreshold)
	}
	if len(s.Needs) > 0 && s.Needs[0].Source != "" {
		n := s.Needs[0]
		c.p("- The national recommendation most PSOs need: %s, %s (%s of %s PSOs).\n", Escape(n.Source), c.sourceText(n.Source), thousands(n.PSOs), thousands(s.PSOs))
	}
	if len(s.ChangeList) > 0 {
		line := fmt.Sprintf("- Of %s assessed more than once, %s improved, %s declined and %s stayed level since their previous assessment",
			count(len(s.ChangeList), "PSO", "PSOs"), thousands(s.Changes.Improved), thousands(s.Changes.Declined), thousands(s.Changes.Steady))
		if !math.IsNaN(s.Changes.Median) {
			line += " (median change of the overall score " + signedPlain(s.Changes.Median) + ")"
		}
		c.ln(line + ".")
	}
	c.ln("")
}

func signedPlain(d float64) string {
	if d >= 0.05 {
		return fmt.Sprintf("+%.1f", d)
	}
	if d <= -0.05 {
		return fmt.Sprintf("%.1f", d)
	}
	return "0.0"
}

func (c *cmpWriter) sourceText(id string) string {
	if src, ok := c.q.Source(id); ok {
		return Escape(src.Text)
	}
	return "(not in this questionnaire)"
}

func (c *cmpWriter) distributions() {
	c.ln("## Distribution of the scores")
	c.ln("")
	c.ln("Latest assessment of each PSO. n counts the PSOs with a score (a score whose questions are all \"not applicable\" has none). The quartiles are computed as spreadsheets' QUARTILE.INC does.")
	c.ln("")
	c.ln("The plot spans 0 to 100 in cells of 5 points: `├` minimum, `┤` maximum, `▓` first to third quartile, `┃` median.")
	c.ln("")
	c.ln("### By area")
	c.ln("")
	c.distTable("Area", append([]compare.Dist{c.s.Overall}, c.s.Areas...), func(id string) string {
		if id == "" {
			return "**Overall**"
		}
		return areaTitle(c.q, id)
	})
	c.chart("Box plots of the scores by area", c.charts.Areas)
	c.ln("### By principle")
	c.ln("")
	c.distTable("Principle", c.s.Principles, func(id string) string { return principleShort(c.q, id) })
	c.chart("Box plots of the scores by principle", c.charts.Principles)
}

func (c *cmpWriter) distTable(what string, ds []compare.Dist, label func(string) string) {
	c.p("| %s | n | Min | Q1 | Median | Q3 | Max | 0 to 100 |\n", what)
	c.ln("|---|---:|---:|---:|---:|---:|---:|---|")
	for _, d := range ds {
		switch {
		case d.Withheld:
			c.p("| %s | %s | withheld | | | | | |\n", label(d.ID), fewer(c.s.MinGroup))
		case d.N == 0:
			c.p("| %s | 0 | n/a | | | | | |\n", label(d.ID))
		default:
			c.p("| %s | %s | %s | %s | %s | %s | %s | `%s` |\n", label(d.ID), thousands(d.N), val(d.Min), val(d.Q1), val(d.Median), val(d.Q3), val(d.Max), BoxPlot(d.Summary, boxWidth))
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
	c.ln("## Stages")
	c.ln("")
	c.ln("PSOs by the stage of their latest overall score.")
	c.ln("")
	c.ln("| Stage | Overall score | PSOs | Share |")
	c.ln("|---|---|---:|---:|")
	for l, n := range s.Stages {
		lo, hi := l*20, l*20+20
		band := fmt.Sprintf("%d to under %d", lo, hi)
		if l == len(s.Stages)-1 {
			band = fmt.Sprintf("%d to 100", lo)
		}
		c.p("| %d %s | %s | %s | %s |\n", l, Escape(c.q.LevelName(l)), band, thousands(n), pct(n, s.PSOs))
	}
	if s.Unstaged > 0 {
		c.p("| no overall score | | %s | %s |\n", thousands(s.Unstaged), pct(s.Unstaged, s.PSOs))
	}
	c.ln("")
	c.chart("Column chart of the PSOs by stage", c.charts.Stages)
}

func (c *cmpWriter) areaHeads() (string, string) {
	var head, rule strings.Builder
	for _, a := range c.q.Areas {
		head.WriteString(" " + Escape(shortOr(a.Short, a.Title)) + " |")
		rule.WriteString("---:|")
	}
	return head.String(), rule.String()
}

func (c *cmpWriter) psoTable() {
	s := c.s
	c.ln("## PSOs by area")
	c.ln("")
	who := "name"
	if s.Anonymised {
		who = "pseudonym"
	}
	c.p("Latest assessment of each PSO, by %s. An asterisk marks an assessment made with another version of the questionnaire.\n\n", who)
	head, rule := c.areaHeads()
	c.p("| PSO | Type | Date | Overall | Stage |%s Assessments |\n", head)
	c.p("|---|---|---|---:|---|%s---:|\n", rule)
	for _, p := range s.PSOList {
		typ := Escape(p.Type)
		if typ == "" {
			typ = "–"
		}
		date := p.Date
		if p.OtherVersion {
			date += "\\*"
		}
		var cells strings.Builder
		for _, v := range p.Areas {
			cells.WriteString(" " + val(v) + " |")
		}
		c.p("| %s | %s | %s | %s | %s |%s %d |\n", Escape(p.Label), typ, date, val(p.Overall), Escape(p.Stage), cells.String(), p.Assessments)
	}
	c.ln("")
	c.chart("Heatmap of the scores by area", c.charts.Heatmap)
}

func (c *cmpWriter) groups() {
	s := c.s
	c.ln("## Peer groups by organisation type")
	c.ln("")
	withheld := 0
	for _, g := range s.Groups {
		if g.Withheld {
			withheld++
		}
	}
	if withheld == len(s.Groups) {
		c.p("No organisation type has %d or more PSOs: every peer group is withheld.\n\n", s.MinGroup)
		return
	}
	c.ln("Medians of the latest assessment of the PSOs of each type.")
	c.ln("")
	head, rule := c.areaHeads()
	c.p("| Type | PSOs | Overall |%s\n", head)
	c.p("|---|---:|---:|%s\n", rule)
	for _, g := range s.Groups {
		if g.Withheld {
			continue
		}
		var cells strings.Builder
		for _, v := range g.Areas {
			cells.WriteString(" " + val(v) + " |")
		}
		c.p("| %s | %s | %s |%s\n", Escape(g.Type), thousands(g.PSOs), val(g.Overall), cells.String())
	}
	c.ln("")
	if withheld > 0 {
		c.p("%s with fewer than %d PSOs %s withheld.\n\n", count(withheld, "type", "types"), s.MinGroup, map[bool]string{true: "is", false: "are"}[withheld == 1])
	}
}

func (c *cmpWriter) weakest() {
	s := c.s
	c.ln("## Weakest principles across government")
	c.ln("")
	if len(s.Weakest) == 0 {
		c.ln("Not enough PSOs to rank the principles.")
		c.ln("")
		return
	}
	c.p("The principles with the lowest median scores, with how many PSOs score below %d on them.\n\n", compare.WeakThreshold)
	c.ln("| | Principle | Median | Q1 | PSOs below 50 |")
	c.ln("|---:|---|---:|---:|---:|")
	for i, wk := range s.Weakest {
		title := wk.ID
		if p, ok := c.q.Principle(wk.ID); ok {
			title = p.ID + " " + p.Title
		}
		c.p("| %d | %s | %s | %s | %s of %s (%s) |\n", i+1, Escape(title), val(wk.Median), val(wk.Q1), thousands(wk.Below), thousands(wk.N), pct(wk.Below, wk.N))
	}
	c.ln("")
}

func (c *cmpWriter) needs() {
	s := c.s
	c.ln("## Recommendations most often needed")
	c.ln("")
	if len(s.Needs) == 0 {
		c.ln("No recommendation of the catalogue applies to the latest assessment of any PSO.")
		c.ln("")
		return
	}
	c.ln("A PSO needs a catalogue entry when its latest assessment has a question the entry addresses below level 3, the default target (whatever targets the PSO chose, so that every PSO is measured against the same bar), and the entry serves its type of organisation. Grouped by the recommendation of the OECD review they stem from: a national programme behind a recommendation near the top would help the most PSOs. A PSO counts once per review recommendation, when it needs at least one catalogue entry that stems from it.")
	c.ln("")
	ranked := 0
	for _, n := range s.Needs {
		if n.Source != "" {
			ranked++
		}
	}
	if ranked > 0 {
		c.ln("| | Review recommendation | PSOs | Share |")
		c.ln("|---:|---|---:|---:|")
		for i, n := range s.Needs[:ranked] {
			c.p("| %d | **%s** %s | %s | %s |\n", i+1, Escape(n.Source), c.sourceText(n.Source), thousands(n.PSOs), pct(n.PSOs, s.PSOs))
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
			c.ln("### Grounded in the principles only")
			c.ln("")
			c.ln("Catalogue entries that stem from no review recommendation, only from the principles of the 2014 OECD Recommendation.  ")
		}
		c.p("Needed by %s of %s PSOs (%s).\n\n", thousands(n.PSOs), thousands(s.PSOs), pct(n.PSOs, s.PSOs))
		c.ln("| Catalogue entry | PSOs |")
		c.ln("|---|---:|")
		for _, e := range n.Entries {
			title := ""
			if r, ok := c.q.Recommendation(e.ID); ok {
				title = " " + Escape(r.Title)
			}
			c.p("| %s%s | %s |\n", Escape(e.ID), title, thousands(e.PSOs))
		}
		c.ln("")
	}
}

func (c *cmpWriter) trend() {
	s := c.s
	c.ln("## Trend by year")
	c.ln("")
	c.ln("Medians per calendar year, over the latest assessment of each PSO in that year.")
	c.ln("")
	head, rule := c.areaHeads()
	c.p("| Year | PSOs | Assessments | Overall |%s\n", head)
	c.p("|---|---:|---:|---:|%s\n", rule)
	for _, y := range s.Years {
		if y.Withheld {
			c.p("| %s | %s | %s | withheld |%s\n", y.Year, fewer(s.MinGroup), fewer(s.MinGroup), strings.Repeat(" |", len(c.q.Areas)))
			continue
		}
		var cells strings.Builder
		for _, v := range y.Areas {
			cells.WriteString(" " + val(v) + " |")
		}
		c.p("| %s | %s | %s | %s |%s\n", y.Year, thousands(y.PSOs), thousands(y.Assessments), val(y.Overall), cells.String())
	}
	c.ln("")
	c.chart("Line chart of the median overall score by year with its quartiles", c.charts.Trend)
}

// fewer stands for a count that is withheld: it would tell how small a
// group is.
func fewer(k int) string { return fmt.Sprintf("< %d", k) }

func (c *cmpWriter) changes() {
	s := c.s
	c.ln("## Change since the previous assessment")
	c.ln("")
	if len(s.ChangeList) == 0 {
		c.ln("No PSO was assessed more than once.")
		c.ln("")
		return
	}
	c.p("Each PSO assessed more than once: its latest assessment against the one before, in points (↑ up, ↓ down, → level). %s improved, %s declined, %s stayed level",
		thousands(s.Changes.Improved), thousands(s.Changes.Declined), thousands(s.Changes.Steady))
	if !math.IsNaN(s.Changes.Median) {
		c.p("; the median change of the overall score is %s", signedPlain(s.Changes.Median))
	}
	c.ln(".")
	c.ln("")
	head, rule := c.areaHeads()
	c.p("| PSO | From | To | Overall now | Change |%s\n", head)
	c.p("|---|---|---|---:|---:|%s\n", rule)
	for _, ch := range s.ChangeList {
		var cells strings.Builder
		for _, d := range ch.Areas {
			cells.WriteString(" " + signed(d) + " |")
		}
		c.p("| %s | %s | %s | %s | %s |%s\n", Escape(ch.Label), ch.From, ch.To, val(ch.Overall), signed(ch.Delta), cells.String())
	}
	c.ln("")
}

func (c *cmpWriter) withheld() {
	if len(c.s.Withheld) == 0 {
		return
	}
	c.ln("## What was withheld")
	c.ln("")
	for _, n := range c.s.Withheld {
		c.p("- %s\n", n)
	}
	c.ln("")
}

func (c *cmpWriter) method() {
	s := c.s
	c.ln("## Method")
	c.ln("")
	c.ln("- Every score is recomputed from the answers with the questionnaire in use, as in each PSO's own report: a level is worth 25 points, \"not applicable\" leaves a question out, \"don't know\" counts as 0; the overall score is the mean of the four area scores. Scores are rounded to one decimal before the statistics, as in the CSV, so that the figures can be reproduced from it.")
	c.ln("- A PSO is recognised by its organisation id, or by its name (ignoring case and spacing) when it has none; a file without an id joins the PSO with the same name and an id. Of several files of one PSO on one date, one counts: the one with the most respondents (a workshop's consolidated assessment), else the one whose path sorts last.")
	c.ln("- Quartiles interpolate linearly between the sorted values (Hyndman and Fan's type 7, as R's quantile, numpy.percentile and QUARTILE.INC in spreadsheets).")
	c.ln("- Assessments made with another version of the questionnaire are scored on the questions they share with the version in use; the questions they lack are left out of their scores, as \"not applicable\" would be.")
	if s.MinGroup > 1 {
		c.p("- Groups (peer groups, years of the trend, distributions) of fewer than %d PSOs are withheld.\n", s.MinGroup)
	}
	c.p("- Questionnaire %s version %s, content hash `%s`.\n", Escape(c.q.ID), Escape(c.q.Version), shortHash(c.q.Hash()))
}
