package reports

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/locale"
	"github.com/dgmaturity/dgmaturity/internal/scoring"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// AgendaGap is the smallest gap, in levels, between the respondents'
// answers that puts a question on the workshop's discussion agenda.
const AgendaGap = 2

// WorkshopOptions shape the workshop report.
type WorkshopOptions struct {
	// ReportFile is the file name of the consolidated assessment's own
	// report, linked from the workshop report; empty leaves the link out.
	ReportFile string
	// SpreadChartFile is the file name of the chart of the agenda's spread
	// (WorkshopSpreadSVG) written beside the report, linked from it;
	// empty leaves the link out.
	SpreadChartFile string
	// Printer gives the report's words, numbers and dates in its
	// language; nil is English. q is localised by the caller.
	Printer *locale.Printer
}

// Workshop writes the workshop report of a consolidated assessment (one
// made by merge: several respondents, and a Spread holding what each of
// them answered): the respondents' scores side by side with the
// consensus; the discussion agenda, i.e. the questions on which
// respondents are AgendaGap or more levels apart, widest first, with what
// each said and their comments; the questions some called not applicable
// while others rated them; and per question the consensus and the spread.
// "Don't know" is shown as "?" and does not count in a gap. The same
// assessment always gives the same bytes.
func Workshop(w io.Writer, q *questionnaire.Questionnaire, a *assessment.Assessment, opt WorkshopOptions) error {
	n := len(a.Respondents)
	// Each respondent's own answers, from the spread.
	own := make([]map[string]assessment.Answer, n)
	for i := range own {
		own[i] = make(map[string]assessment.Answer)
	}
	for id, sp := range a.Spread {
		if len(sp.Responses) != n {
			return fmt.Errorf("workshop report: the spread of %s holds %d responses for %d respondents", id, len(sp.Responses), n)
		}
		for i, r := range sp.Responses {
			if r.Answered() {
				own[i][id] = r
			}
		}
	}
	ww := &wsWriter{out: out{bufio.NewWriter(w)}, q: q, a: a, own: own, pr: printerOr(opt.Printer)}
	ww.consensus = scoring.ScoreAssessment(q, a, 0)
	ww.results = make([]*scoring.Result, n)
	for i := range own {
		ww.results[i] = scoring.Score(q, own[i])
	}
	ww.header(opt)
	ww.scores()
	ww.agenda(opt.SpreadChartFile)
	ww.applicability()
	ww.table()
	return ww.w.Flush()
}

type wsWriter struct {
	out
	q         *questionnaire.Questionnaire
	a         *assessment.Assessment
	own       []map[string]assessment.Answer
	consensus *scoring.Result
	results   []*scoring.Result
	pr        *locale.Printer
}

func (m *wsWriter) t(id string, kv ...any) string { return m.pr.T(id, kv...) }

// date writes a YYYY-MM-DD day in the report's language (ISO in English,
// as it has always been).
func (m *wsWriter) date(d string) string {
	if m.pr.Tag() == locale.English {
		return d
	}
	return m.pr.DateString(d)
}

// who names respondent i: "R1 A. Lead".
func (m *wsWriter) who(i int) string {
	name := strings.TrimSpace(m.a.Respondents[i].Name)
	if name == "" {
		return fmt.Sprintf("R%d", i+1)
	}
	return fmt.Sprintf("R%d %s", i+1, Escape(name))
}

func (m *wsWriter) header(opt WorkshopOptions) {
	a := m.a
	m.p("# %s\n\n", m.t("workshop.title", "Name", Escape(a.Organisation.Name)))
	m.p("%s  \n", m.pr.N("workshop.header.self", len(a.Respondents), "Type", orgTypeName(m.pr, a.Organisation.Type), "Date", m.date(a.Date)))
	m.para(m.t("report.header.questionnaire", "Title", Escape(m.q.Title), "Version", Escape(m.q.Version), "ID", Escape(m.q.ID)))
	if opt.ReportFile != "" {
		m.para(m.t("workshop.header.report", "Link", "["+Escape(opt.ReportFile)+"]("+opt.ReportFile+")"))
	}
	m.para(m.t("workshop.header.consensus", "NA", m.t("report.na")))
	m.ln(m.t("workshop.header.table"))
	m.ln("|---|---|---|")
	for i, r := range a.Respondents {
		m.p("| R%d | %s | %s |\n", i+1, Escape(r.Name), Escape(r.Role))
	}
	m.ln("")
}

func (m *wsWriter) scores() {
	q := m.q
	m.section(m.t("workshop.scores.heading"))
	var head, rule strings.Builder
	head.WriteString("| | " + m.t("workshop.consensus") + " |")
	rule.WriteString("|---|---:|")
	for i := range m.a.Respondents {
		head.WriteString(" " + m.who(i) + " |")
		rule.WriteString("---:|")
	}
	row := func(label string, cell func(r *scoring.Result) string) {
		m.p("| %s | %s |", label, cell(m.consensus))
		for _, r := range m.results {
			m.w.WriteString(" " + cell(r) + " |")
		}
		m.ln("")
	}
	measure := func(get func(r *scoring.Result) scoring.Measure) func(r *scoring.Result) string {
		return func(r *scoring.Result) string {
			s := get(r)
			if !s.Defined {
				return m.t("report.na")
			}
			return m.pr.Number(s.Value, 1)
		}
	}
	m.para("### " + m.t("workshop.scores.byarea"))
	m.ln(head.String())
	m.ln(rule.String())
	row("**"+m.t("workshop.overall")+"**", func(r *scoring.Result) string {
		if !r.Overall.Defined {
			return m.t("report.na")
		}
		return "**" + m.pr.Number(r.Overall.Value, 1) + "**"
	})
	row(m.t("workshop.stage"), func(r *scoring.Result) string { return Escape(r.Stage) })
	for _, ar := range q.Areas {
		row(Escape(ar.Title), measure(func(r *scoring.Result) scoring.Measure { return r.Area(ar.ID) }))
	}
	row(m.t("workshop.evidence"), func(r *scoring.Result) string { return m.pr.Percent(r.Coverage) })
	m.ln("")
	m.para("### " + m.t("workshop.scores.byprinciple"))
	m.ln(head.String())
	m.ln(rule.String())
	for _, p := range q.Principles {
		row(Escape(p.ID+" "+cmp.Or(p.Short, p.Title)), measure(func(r *scoring.Result) scoring.Measure { return r.Principle(p.ID) }))
	}
	m.ln("")
}

// item is a question with what the respondents said.
type item struct {
	q      *questionnaire.Question
	lo, hi int // levels given; lo -1 when none
	levels int // how many gave a level
	na     int
}

func (it item) gap() int {
	if it.lo < 0 {
		return 0
	}
	return it.hi - it.lo
}

func (m *wsWriter) items() []item {
	var out []item
	for i := range m.q.Questions {
		qu := &m.q.Questions[i]
		it := item{q: qu, lo: -1, hi: -1}
		for _, ans := range m.own {
			a := ans[qu.ID]
			switch {
			case a.Level != nil:
				l := *a.Level
				if it.lo < 0 || l < it.lo {
					it.lo = l
				}
				it.hi = max(it.hi, l)
				it.levels++
			case a.DontKnow:
			case a.NA != "":
				it.na++
			}
		}
		out = append(out, it)
	}
	return out
}

func (m *wsWriter) agenda(chart string) {
	var agenda []item
	for _, it := range m.items() {
		if it.gap() >= AgendaGap {
			agenda = append(agenda, it)
		}
	}
	slices.SortStableFunc(agenda, func(a, b item) int {
		return cmp.Or(cmp.Compare(b.gap(), a.gap()), strings.Compare(a.q.ID, b.q.ID))
	})
	m.section(m.t("workshop.agenda.heading"))
	if len(agenda) == 0 {
		m.para(m.t("workshop.agenda.none", "Gap", AgendaGap))
		return
	}
	m.para(m.pr.N("workshop.agenda.intro", len(agenda), "Gap", AgendaGap))
	if chart != "" {
		m.p("![%s](%s)\n\n", m.t("chart.alt.spread"), chart)
	}
	for k, it := range agenda {
		m.p("### %d. %s\n\n", k+1, m.t("workshop.agenda.item", "ID", it.q.ID, "Gap", it.gap(), "Low", it.lo, "High", it.hi))
		m.p("*%s · %s*  \n", areaTitle(m.q, it.q.Area), strings.Join(it.q.Principles, ", "))
		m.para(Escape(it.q.Text))
		m.said(it.q)
		m.para(m.t("workshop.agenda.consensus", "Answer", m.answerLong(m.a.Answers[it.q.ID])))
	}
}

// said lists what each respondent answered to the question, with comments.
func (m *wsWriter) said(qu *questionnaire.Question) {
	for i, ans := range m.own {
		a := ans[qu.ID]
		m.p("- **%s**: %s.", m.who(i), m.answerLong(a))
		if c := strings.TrimSpace(a.Comment); c != "" {
			m.p(" %s", m.t("report.comment", "Text", Escape(c)))
		}
		m.ln("")
	}
	m.ln("")
}

// answerLong says an answer in words: "level 2, Developing", "? don't know",
// "not applicable (reason: ...)", "no answer".
func (m *wsWriter) answerLong(a assessment.Answer) string {
	switch {
	case a.Level != nil:
		l := *a.Level
		return m.t("workshop.answer.level", "Level", l, "Name", Escape(m.q.LevelName(l)))
	case a.DontKnow:
		return m.t("workshop.answer.dontknow")
	case a.NA != "":
		return m.t("workshop.answer.na", "Text", Escape(a.NA))
	}
	return m.t("workshop.answer.none")
}

// answerShort is the answer in a table cell: the level, ?, n/a or –.
func (m *wsWriter) answerShort(a assessment.Answer) string {
	switch {
	case a.Level != nil:
		return fmt.Sprint(*a.Level)
	case a.DontKnow:
		return "?"
	case a.NA != "":
		return m.t("report.na")
	}
	return "–"
}

// applicability lists the questions some respondents called not
// applicable while others rated them: the consensus keeps the level, but
// the disagreement is worth a word.
func (m *wsWriter) applicability() {
	var list []item
	for _, it := range m.items() {
		if it.na > 0 && it.levels > 0 {
			list = append(list, it)
		}
	}
	if len(list) == 0 {
		return
	}
	m.section(m.t("workshop.applicability.heading"))
	m.para(m.pr.N("workshop.applicability.intro", len(list)))
	for _, it := range list {
		m.p("### %s\n\n", it.q.ID)
		m.para(Escape(it.q.Text))
		m.said(it.q)
	}
}

func (m *wsWriter) table() {
	m.section(m.t("workshop.table.heading"))
	m.para(m.t("workshop.table.intro", "Gap", AgendaGap))
	items := m.items()
	byID := make(map[string]item, len(items))
	for _, it := range items {
		byID[it.q.ID] = it
	}
	var head, rule strings.Builder
	head.WriteString(m.t("workshop.table.head"))
	rule.WriteString("|---|---:|---:|")
	for i := range m.a.Respondents {
		fmt.Fprintf(&head, " R%d |", i+1)
		rule.WriteString("---:|")
	}
	for _, ar := range m.q.Areas {
		m.p("### %s\n\n", Escape(ar.Title))
		m.ln(head.String())
		m.ln(rule.String())
		for _, qi := range m.q.AreaQuestions(ar.ID) {
			it := byID[m.q.Questions[qi].ID]
			spread := "–"
			if it.lo >= 0 {
				spread = fmt.Sprintf("%d–%d", it.lo, it.hi)
				if it.gap() >= AgendaGap {
					spread = "**" + spread + "**"
				}
			}
			m.p("| %s | %s | %s |", it.q.ID, m.answerShort(m.a.Answers[it.q.ID]), spread)
			for _, ans := range m.own {
				m.w.WriteString(" " + m.answerShort(ans[it.q.ID]) + " |")
			}
			m.ln("")
		}
		m.ln("")
	}
}
