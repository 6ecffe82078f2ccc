package reports

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
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
	ww := &wsWriter{out: out{bufio.NewWriter(w)}, q: q, a: a, own: own}
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
	m.p("# Workshop: %s\n\n", Escape(a.Organisation.Name))
	m.p("Consolidation of the answers of %s, organisation type: %s, dated %s (the latest of the answers).  \n",
		count(len(a.Respondents), "respondent", "respondents"), Escape(a.Organisation.Type), a.Date)
	m.p("Questionnaire: %s, version %s (%s).\n\n", Escape(m.q.Title), Escape(m.q.Version), Escape(m.q.ID))
	if opt.ReportFile != "" {
		m.p("The consolidated assessment has its own report: [%s](%s).\n\n", Escape(opt.ReportFile), opt.ReportFile)
	}
	m.ln("The consensus on a question is the median of the levels given, the lower of the two middle levels when their number is even. \"Don't know\" and \"not applicable\" are set aside where others gave a level; a question is \"not applicable\" only where everyone who answered said so. In the tables, `?` is \"don't know\", `n/a` not applicable and `–` no answer.")
	m.ln("")
	m.ln("| | Respondent | Role |")
	m.ln("|---|---|---|")
	for i, r := range a.Respondents {
		m.p("| R%d | %s | %s |\n", i+1, Escape(r.Name), Escape(r.Role))
	}
	m.ln("")
}

func (m *wsWriter) scores() {
	q := m.q
	m.ln("## Scores side by side")
	m.ln("")
	var head, rule strings.Builder
	head.WriteString("| | Consensus |")
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
				return "n/a"
			}
			return fmt.Sprintf("%.1f", s.Value)
		}
	}
	m.ln("### By area")
	m.ln("")
	m.ln(head.String())
	m.ln(rule.String())
	row("**Overall**", func(r *scoring.Result) string {
		if !r.Overall.Defined {
			return "n/a"
		}
		return fmt.Sprintf("**%.1f**", r.Overall.Value)
	})
	row("Stage", func(r *scoring.Result) string { return Escape(r.Stage) })
	for _, ar := range q.Areas {
		row(Escape(ar.Title), measure(func(r *scoring.Result) scoring.Measure { return r.Area(ar.ID) }))
	}
	row("Evidence", func(r *scoring.Result) string { return fmt.Sprintf("%.0f%%", 100*r.Coverage) })
	m.ln("")
	m.ln("### By principle")
	m.ln("")
	m.ln(head.String())
	m.ln(rule.String())
	for _, p := range q.Principles {
		row(Escape(p.ID+" "+shortOr(p.Short, p.Title)), measure(func(r *scoring.Result) scoring.Measure { return r.Principle(p.ID) }))
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
	m.ln("## Discussion agenda")
	m.ln("")
	if len(agenda) == 0 {
		m.p("The respondents are never %d or more levels apart: there is no question to settle by discussion.\n\n", AgendaGap)
		return
	}
	m.p("%s on which the respondents are %d or more levels apart, widest gap first. \"Don't know\" does not count in a gap.\n\n",
		count(len(agenda), "question", "questions"), AgendaGap)
	if chart != "" {
		m.p("![Chart of the spread of the levels on the agenda](%s)\n\n", chart)
	}
	for k, it := range agenda {
		m.p("### %d. %s: %d levels apart (%d to %d)\n\n", k+1, it.q.ID, it.gap(), it.lo, it.hi)
		m.p("*%s · %s*  \n", areaTitle(m.q, it.q.Area), strings.Join(it.q.Principles, ", "))
		m.ln(Escape(it.q.Text))
		m.ln("")
		m.said(it.q)
		m.p("Consensus (median): %s.\n\n", m.answerLong(m.a.Answers[it.q.ID]))
	}
}

// said lists what each respondent answered to the question, with comments.
func (m *wsWriter) said(qu *questionnaire.Question) {
	for i, ans := range m.own {
		a := ans[qu.ID]
		m.p("- **%s**: %s.", m.who(i), m.answerLong(a))
		if c := strings.TrimSpace(a.Comment); c != "" {
			m.p(" Comment: %s", Escape(c))
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
		return fmt.Sprintf("level %d, %s", l, Escape(m.q.LevelName(l)))
	case a.DontKnow:
		return "? don't know"
	case a.NA != "":
		return "not applicable (reason: " + Escape(a.NA) + ")"
	}
	return "no answer"
}

// answerShort is the answer in a table cell: the level, ?, n/a or –.
func answerShort(a assessment.Answer) string {
	switch {
	case a.Level != nil:
		return fmt.Sprint(*a.Level)
	case a.DontKnow:
		return "?"
	case a.NA != "":
		return "n/a"
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
	m.ln("## Applicability to settle")
	m.ln("")
	m.p("%s that some respondents called not applicable while others gave a level. The consensus keeps the level.\n\n", count(len(list), "question", "questions"))
	for _, it := range list {
		m.p("### %s\n\n", it.q.ID)
		m.ln(Escape(it.q.Text))
		m.ln("")
		m.said(it.q)
	}
}

func (m *wsWriter) table() {
	m.ln("## Consensus and spread per question")
	m.ln("")
	m.p("The spread is the range of the levels given; a gap of %d or more is in bold.\n\n", AgendaGap)
	items := m.items()
	byID := make(map[string]item, len(items))
	for _, it := range items {
		byID[it.q.ID] = it
	}
	var head, rule strings.Builder
	head.WriteString("| Question | Consensus | Spread |")
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
			m.p("| %s | %s | %s |", it.q.ID, answerShort(m.a.Answers[it.q.ID]), spread)
			for _, ans := range m.own {
				m.w.WriteString(" " + answerShort(ans[it.q.ID]) + " |")
			}
			m.ln("")
		}
		m.ln("")
	}
}
