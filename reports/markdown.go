package reports

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/internal/locale"
	"github.com/dgmaturity/dgmaturity/internal/scoring"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// Options shape the assessment report.
type Options struct {
	// ChartFile is the file name of the radar chart written beside the
	// report, linked from it; empty leaves the link out.
	ChartFile string
	// Warnings are printed, each in a note near the top, in the report's
	// language (for example stored scores that differ from the recomputed
	// ones).
	Warnings []input.Msg
	// Progress, when not nil, adds the "Progress since" section.
	Progress *scoring.Progress
	// Printer gives the report's words, numbers and dates in its
	// language; nil is English. The instrument's texts come from q, which
	// the caller localises to the same language.
	Printer *locale.Printer
	// AreaChartFile and ChangeChartFile are the file names of the area
	// bars (AreaBarsSVG) and of the change per area (ChangeSVG) written
	// beside the report, linked from it; empty leaves a link out.
	AreaChartFile, ChangeChartFile string
}

// barWidth is the width of the text bars in the report, in cells.
const barWidth = 20

// Markdown writes the report of one scored assessment (DESIGN.md section 8):
// summary, scores by area and principle, the principle-by-area matrix,
// recommendations by priority, knowledge gaps and exclusions, every answer,
// and the method. It reads well as plain text and rendered.
func Markdown(w io.Writer, q *questionnaire.Questionnaire, a *assessment.Assessment, r *scoring.Result, opt Options) error {
	bw := bufio.NewWriter(w)
	m := &mdWriter{out: out{bw}, q: q, a: a, r: r, pr: printerOr(opt.Printer)}
	m.header(opt)
	m.summary(opt)
	m.progress(opt.Progress, opt.ChangeChartFile)
	m.areas()
	m.principles()
	m.matrix()
	m.recommendations()
	m.roadmap()
	m.gaps()
	m.answers()
	m.method()
	return bw.Flush()
}

type mdWriter struct {
	out
	q  *questionnaire.Questionnaire
	a  *assessment.Assessment
	r  *scoring.Result
	pr *locale.Printer
}

// t is the report's message id in its language.
func (m *mdWriter) t(id string, kv ...any) string { return m.pr.T(id, kv...) }

// num formats a score with one decimal in the report's language.
func (m *mdWriter) num(v float64) string { return m.pr.Number(v, 1) }

// date writes a YYYY-MM-DD day in the report's language; English reports
// keep the ISO form they have always had.
func (m *mdWriter) date(d string) string {
	if m.pr.Tag() == locale.English {
		return d
	}
	return m.pr.DateString(d)
}

func (m *mdWriter) scoreCell(s scoring.Measure) string {
	if !s.Defined {
		return m.t("report.na")
	}
	return m.num(s.Value)
}

func barCell(s scoring.Measure) string {
	if !s.Defined {
		return ""
	}
	return "`" + scoring.Bar(s.Value, barWidth) + "`"
}

// orgType is the organisation type in the report's language; a type the
// tool does not know stands for itself.
func (m *mdWriter) orgType(t string) string {
	return orgTypeName(m.pr, t)
}

// orgTypeName names an organisation type in p's language.
func orgTypeName(p *locale.Printer, t string) string {
	if p.Tag() == locale.English || !slices.Contains(questionnaire.OrgTypes, t) {
		return Escape(t)
	}
	return p.T("report.orgtype." + t)
}

func (m *mdWriter) header(opt Options) {
	a := m.a
	m.p("# %s\n\n", m.t("report.title", "Name", Escape(a.Organisation.Name)))
	var who []string
	for _, p := range a.Respondents {
		s := Escape(p.Name)
		if p.Role != "" {
			s += " (" + Escape(p.Role) + ")"
		}
		who = append(who, s)
	}
	m.p("%s  \n", m.t("report.header.self", "Date", m.date(a.Date), "Type", m.orgType(a.Organisation.Type)))
	if len(who) > 0 {
		m.p("%s  \n", m.pr.N("report.header.respondents", len(who), "Names", strings.Join(who, "; ")))
	}
	m.para(m.t("report.header.questionnaire", "Title", Escape(m.q.Title), "Version", Escape(m.q.Version), "ID", Escape(m.q.ID)))
	if !a.Complete {
		m.para("> " + m.t("report.header.draft"))
	}
	for _, w := range opt.Warnings {
		m.p("> %s\n\n", m.t("report.note", "Text", Escape(sentence(capital(w.In(m.pr))))))
	}
}

// priority is a band's priority in the report's language, as it reads in
// a sentence ("High priority", "priorité élevée").
func (m *mdWriter) priority(band string) string {
	return m.t("report.priority." + strings.ToLower(band))
}

// upperFirst capitalises the first letter, for a heading made of a phrase.
func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

func (m *mdWriter) summary(opt Options) {
	r := m.r
	m.section(m.t("report.summary.heading"))
	if !r.Overall.Defined {
		m.para(m.t("report.summary.noscore"))
		return
	}
	m.p("- %s\n", m.t("report.summary.stage", "Stage", Escape(r.Stage), "Level", r.StageLevel, "Score", m.num(r.Overall.Value)))
	if hi, lo, ok := extremes(r.Areas); ok {
		m.p("- %s\n", m.t("report.summary.areas", "High", areaTitle(m.q, hi.ID), "HighScore", m.num(hi.Value), "Low", areaTitle(m.q, lo.ID), "LowScore", m.num(lo.Value)))
	}
	if weak := weakest(r.Principles, 3); len(weak) > 0 {
		var parts []string
		for _, s := range weak {
			parts = append(parts, fmt.Sprintf("%s (%s)", principleShort(m.q, s.ID), m.num(s.Value)))
		}
		m.p("- %s\n", m.t("report.summary.weakest", "List", strings.Join(parts, ", ")))
	}
	m.p("- %s", m.t("report.summary.evidence", "Percent", m.pr.Percent(r.Coverage)))
	var extra []string
	if n := len(r.DontKnow); n > 0 {
		extra = append(extra, m.pr.N("report.summary.dontknow", n))
	}
	if n := len(r.NA); n > 0 {
		extra = append(extra, m.pr.N("report.summary.na", n))
	}
	if n := len(r.Unanswered); n > 0 {
		extra = append(extra, m.pr.N("report.summary.unanswered", n))
	}
	if len(extra) > 0 {
		m.p(" (%s)", strings.Join(extra, ", "))
	}
	m.ln(".")
	if len(r.Matches) > 0 && r.BeyondTargets() {
		m.ln("- " + m.t("report.summary.beyond"))
	} else if len(r.Matches) > 0 {
		m.ln("- " + m.t("report.summary.top"))
		for i, x := range r.Matches {
			if i == 3 {
				break
			}
			m.p("  %d. [%s](#%s) (%s)\n", i+1, x.Recommendation.Title, anchor(x.Recommendation.ID), m.priority(x.Band))
		}
	} else {
		m.ln("- " + m.t("report.norecommendation"))
	}
	m.ln("")
	if opt.ChartFile != "" {
		m.p("![%s](%s)\n\n", m.t("report.summary.chart"), opt.ChartFile)
	}
	if opt.AreaChartFile != "" {
		m.p("![%s](%s)\n\n", m.t("chart.alt.areas"), opt.AreaChartFile)
	}
}

// extremes returns the highest and lowest defined area scores; ties go to
// the area listed first.
func extremes(areas []scoring.Measure) (hi, lo scoring.Measure, ok bool) {
	for _, s := range areas {
		if !s.Defined {
			continue
		}
		if !ok || s.Value > hi.Value {
			hi = s
		}
		if !ok || s.Value < lo.Value {
			lo = s
		}
		ok = true
	}
	return hi, lo, ok
}

// weakest returns up to n defined scores, lowest first; ties keep the
// questionnaire's order.
func weakest(ms []scoring.Measure, n int) []scoring.Measure {
	var out []scoring.Measure
	for _, s := range ms {
		if s.Defined {
			out = append(out, s)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Value < out[j].Value })
	if len(out) > n {
		out = out[:n]
	}
	return out
}

func (m *mdWriter) evidenceNote(s scoring.Measure) string {
	var notes []string
	if s.LowEvidence {
		notes = append(notes, m.t("report.note.lowevidence"))
	}
	if s.DontKnow > 0 {
		notes = append(notes, m.pr.N("report.note.dontknow", s.DontKnow))
	}
	if s.NA > 0 {
		notes = append(notes, m.pr.N("report.note.na", s.NA))
	}
	if s.Unanswered > 0 {
		notes = append(notes, m.pr.N("report.note.unanswered", s.Unanswered))
	}
	return strings.Join(notes, ", ")
}

func floorCell(s scoring.Measure) string {
	if s.Floor < 0 {
		return "–"
	}
	return fmt.Sprint(s.Floor)
}

func (m *mdWriter) areas() {
	m.section(m.t("report.areas.heading"), m.t("report.areas.intro"))
	m.ln(m.t("report.areas.table"))
	m.ln("|---|---:|---|---:|---|")
	for _, s := range m.r.Areas {
		m.p("| %s | %s | %s | %s | %s |\n", areaTitle(m.q, s.ID), m.scoreCell(s), barCell(s), floorCell(s), m.evidenceNote(s))
	}
	m.ln("")
}

func (m *mdWriter) principles() {
	m.section(m.t("report.principles.heading"), m.t("report.principles.intro"))
	m.ln(m.t("report.principles.table"))
	m.ln("|---|---:|---|---|")
	for _, pl := range m.r.Pillars {
		pillar, _ := m.q.Pillar(pl.ID)
		title := pl.ID
		if pillar != nil {
			title = pillar.Title
		}
		m.p("| **%s** | **%s** | %s | %s |\n", Escape(title), m.scoreCell(pl), barCell(pl), m.evidenceNote(pl))
		for _, s := range m.r.Principles {
			if p, ok := m.q.Principle(s.ID); ok && p.Pillar == pl.ID {
				m.p("| %s | %s | %s | %s |\n", principleTitle(m.q, s.ID), m.scoreCell(s), barCell(s), m.evidenceNote(s))
			}
		}
	}
	m.ln("")
}

func (m *mdWriter) matrix() {
	m.section(m.t("report.matrix.heading"), m.t("report.matrix.intro"))
	var head, rule strings.Builder
	head.WriteString("| " + m.t("report.column.principle") + " |")
	rule.WriteString("|---|")
	for _, a := range m.q.Areas {
		head.WriteString(" " + Escape(cmp.Or(a.Short, a.Title)) + " |")
		rule.WriteString("---:|")
	}
	m.ln(head.String())
	m.ln(rule.String())
	for _, p := range m.q.Principles {
		var row strings.Builder
		row.WriteString("| " + Escape(p.ID+" "+cmp.Or(p.Short, p.Title)) + " |")
		for _, a := range m.q.Areas {
			cell := "–"
			if s, ok := m.r.Matrix[p.ID][a.ID]; ok && s.Questions > 0 {
				cell = m.scoreCell(s)
			}
			row.WriteString(" " + cell + " |")
		}
		m.ln(row.String())
	}
	m.ln("")
}

func (m *mdWriter) recommendations() {
	r := m.r
	if len(r.Matches) > 0 && r.BeyondTargets() {
		m.section(m.t("report.beyond.heading"), m.pr.N("report.beyond.intro", len(r.Matches)))
	} else {
		m.section(m.t("report.recommendations.heading"))
	}
	m.para(m.targetsText())
	if len(r.Matches) == 0 {
		m.para(m.t("report.norecommendation"))
		return
	}
	if !r.BeyondTargets() {
		m.para(m.t("report.recommendations.intro"))
	}
	band := ""
	for _, x := range r.Matches {
		if x.Band != band && !x.Beyond {
			band = x.Band
			m.p("### %s\n\n", upperFirst(m.priority(band)))
		}
		rec := x.Recommendation
		m.p("#### %s\n\n", Escape(rec.Title))
		m.p("<a id=\"%s\"></a>%s · %s · %s\n\n", anchor(rec.ID), rec.ID, areaTitle(m.q, rec.Area),
			m.pr.N("report.recommendation.principles", len(rec.Principles), "List", strings.Join(rec.Principles, ", ")))
		m.para(Escape(rec.Text))
		if x.Beyond {
			m.ln(m.t("report.recommendation.standing"))
		} else {
			m.ln(m.t("report.recommendation.why"))
		}
		m.ln("")
		for _, g := range x.Through {
			m.p("- %s\n", m.gapText(g, x.Beyond))
		}
		m.ln("")
		m.para(m.t("report.recommendation.steps"))
		for i, st := range x.Steps {
			m.p("%d. **%s** %s%s\n", i+1, m.t("report.recommendation.level", "Level", st.Level), Escape(st.Step.Text), m.movesText(st, len(x.Through) > 1))
		}
		m.ln("")
		if src, ok := m.q.Source(rec.Source); ok && rec.Source != "" {
			m.para(m.t("report.recommendation.source", "ID", src.ID, "Text", sentence(Escape(src.Text))))
		} else {
			m.para(m.pr.N("report.recommendation.grounded", len(rec.Principles), "List", strings.Join(rec.Principles, ", ")))
		}
	}
}

// targetsText says which targets the advice aims at.
func (m *mdWriter) targetsText() string {
	t := m.a.Targets
	def := t.DefaultLevel()
	if !t.Specific() {
		return m.t("report.targets.all", "Level", def, "Name", Escape(m.q.LevelName(def)))
	}
	var parts []string
	for _, id := range sortedKeys(t.Areas) {
		parts = append(parts, fmt.Sprintf("%s %d", areaTitle(m.q, id), t.Areas[id]))
	}
	for _, id := range sortedKeys(t.Principles) {
		parts = append(parts, fmt.Sprintf("%s %d", principleShort(m.q, id), t.Principles[id]))
	}
	for _, id := range sortedKeys(t.Questions) {
		parts = append(parts, fmt.Sprintf("%s %d", Escape(id), t.Questions[id]))
	}
	return m.t("report.targets.except", "Level", def, "Name", Escape(m.q.LevelName(def)), "List", strings.Join(parts, ", "))
}

func sortedKeys(m map[string]int) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// gapText says where a question stands against its target.
func (m *mdWriter) gapText(g scoring.Gap, beyond bool) string {
	at := m.t("report.gap.level", "Level", g.Level, "Name", Escape(m.q.LevelName(g.Level)))
	if g.DontKnow {
		at = m.t("report.gap.dontknow")
	}
	id := "report.gap.target"
	if beyond {
		id = "report.gap.next"
	}
	return m.t(id, "Question", g.Question, "At", at, "Target", g.Target, "Name", Escape(m.q.LevelName(g.Target)), "Text", m.questionText(g.Question))
}

// movesText names the questions a step moves when the recommendation
// applies through more than one.
func (m *mdWriter) movesText(st scoring.Step, several bool) string {
	if !several {
		return ""
	}
	var ids []string
	for _, g := range st.Moves {
		ids = append(ids, g.Question)
	}
	return " *(" + strings.Join(ids, ", ") + ")*"
}

// roadmap orders every step in three phases by the level it reaches.
func (m *mdWriter) roadmap() {
	rm := m.r.Roadmap()
	if len(rm) == 0 {
		return
	}
	m.section(m.t("report.roadmap.heading"), m.t("report.roadmap.intro"))
	phase := ""
	n := 0
	for _, x := range rm {
		if x.Phase != phase {
			phase = x.Phase
			m.p("### %s\n\n", m.t("report.phase."+strings.ToLower(phase)))
			n = 0
		}
		n++
		var moves []string
		for _, g := range x.Step.Moves {
			moves = append(moves, fmt.Sprintf("%s %d→%d", g.Question, x.Step.Level-1, x.Step.Level))
		}
		rec := x.Match.Recommendation
		m.p("%d. %s\n", n, m.t("report.roadmap.step", "Text", Escape(x.Step.Step.Text), "ID", rec.ID, "Anchor", anchor(rec.ID),
			"Priority", m.priority(x.Match.Band), "Moves", strings.Join(moves, ", ")))
	}
	m.ln("")
}

// sentence ends s with a full stop unless it already ends with punctuation.
func sentence(s string) string {
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".!?") {
		return s
	}
	return s + "."
}

// anchor is the HTML id of a recommendation, stable across renderers.
func anchor(id string) string { return strings.ToLower(id) }

func (m *mdWriter) gaps() {
	m.section(m.t("report.gaps.heading"))
	if len(m.r.DontKnow) == 0 && len(m.r.NA) == 0 && len(m.r.Unanswered) == 0 {
		m.para(m.t("report.gaps.none"))
		return
	}
	if len(m.r.DontKnow) > 0 {
		m.para(m.t("report.gaps.dontknow"))
		for _, id := range m.r.DontKnow {
			m.p("- **%s** %s%s\n", id, m.questionText(id), m.commentSuffix(id))
		}
		m.ln("")
	}
	if len(m.r.NA) > 0 {
		m.para(m.t("report.gaps.na"))
		for _, id := range m.r.NA {
			m.p("- **%s** %s %s\n", id, m.questionText(id), m.t("report.reason", "Text", Escape(m.a.Answers[id].NA)))
		}
		m.ln("")
	}
	if len(m.r.Unanswered) > 0 {
		m.para(m.t("report.gaps.unanswered"))
		for _, id := range m.r.Unanswered {
			m.p("- **%s** %s\n", id, m.questionText(id))
		}
		m.ln("")
	}
}

func (m *mdWriter) questionText(id string) string {
	if q, ok := m.q.Question(id); ok {
		return Escape(q.Text)
	}
	return ""
}

func (m *mdWriter) commentSuffix(id string) string {
	if c := m.a.Answers[id].Comment; c != "" {
		return " " + m.t("report.comment", "Text", Escape(c))
	}
	return ""
}

func (m *mdWriter) answers() {
	m.section(m.t("report.answers.heading"))
	for _, area := range m.q.Areas {
		m.p("### %s\n\n", Escape(area.Title))
		for _, i := range m.q.AreaQuestions(area.ID) {
			qu := &m.q.Questions[i]
			m.p("**%s** %s  \n", qu.ID, Escape(qu.Text))
			m.p("*%s*  \n", strings.Join(qu.Principles, ", "))
			ans, ok := m.a.Answers[qu.ID]
			switch {
			case !ok || !ans.Answered():
				m.ln(m.t("report.answer.none"))
			case ans.Level != nil:
				l := *ans.Level
				m.p("%s\n", m.t("report.answer.level", "Level", l, "Name", Escape(m.q.LevelName(l)), "Text", Escape(qu.Levels[l])))
			case ans.DontKnow:
				m.ln(m.t("report.answer.dontknow"))
			default:
				m.p("%s\n", m.t("report.answer.na", "Text", Escape(ans.NA)))
			}
			if sp, ok := m.a.Spread[qu.ID]; ok && len(sp.Responses) > 1 && sp.Min >= 0 {
				m.p("  \n%s\n", m.t("report.answer.spread", "Min", sp.Min, "Max", sp.Max, "Count", len(sp.Responses)))
			}
			if ans.Comment != "" {
				m.p("  \n%s\n", m.t("report.comment", "Text", Escape(ans.Comment)))
			}
			m.ln("")
		}
	}
}

func (m *mdWriter) method() {
	q := m.q
	m.section(m.t("report.method.heading"))
	m.ln("- " + m.t("report.method.points"))
	m.ln("- " + m.t("report.method.na"))
	m.ln("- " + m.t("report.method.means"))
	var bands []string
	for i, s := range q.Scale {
		lo, hi := i*20, i*20+20
		if i == len(q.Scale)-1 {
			bands = append(bands, fmt.Sprintf("%s %d–100", Escape(s.Name), lo))
		} else {
			bands = append(bands, fmt.Sprintf("%s %d–<%d", Escape(s.Name), lo, hi))
		}
	}
	m.ln("- " + m.t("report.method.stages", "List", strings.Join(bands, ", ")))
	m.ln("- " + m.t("report.method.lowevidence"))
	m.ln("- " + m.t("report.method.targets", "Level", assessment.DefaultTarget, "Name", Escape(q.LevelName(assessment.DefaultTarget))))
	m.ln("- " + m.t("report.method.applies"))
	m.ln("- " + m.t("report.method.priority", "High", int(scoring.HighPriority), "Medium", int(scoring.MediumPriority)))
	m.ln("- " + m.t("report.method.beyond", "Count", scoring.BeyondCount))
	m.ln("- " + m.t("report.method.roadmap"))
	m.ln("- " + m.t("report.method.questionnaire", "ID", Escape(q.ID), "Version", Escape(q.Version), "Hash", shortHash(m.a.Questionnaire.SHA256)))
	if m.a.Tool != "" {
		m.ln("- " + m.t("report.method.tool", "Tool", Escape(m.a.Tool)))
	}
}

func shortHash(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	return h
}

// progress writes what moved since the earlier assessment.
func (m *mdWriter) progress(p *scoring.Progress, chart string) {
	if p == nil {
		return
	}
	m.p("## %s\n\n", m.t("report.progress.heading", "Date", m.date(Escape(p.Since))))
	if p.Version != "" {
		m.p("> %s", m.t("report.progress.version", "Then", Escape(p.Version), "Shared", p.Shared, "Now", Escape(m.q.Version)))
		if n := len(p.Reworded); n > 0 {
			m.p(" %s", m.pr.N("report.progress.reworded", n, "List", Escape(strings.Join(p.Reworded, ", "))))
		}
		m.ln("")
		m.ln("")
	}
	if p.Overall.Defined {
		m.para(m.t("report.progress.overall", "From", m.num(p.Overall.From), "To", m.num(p.Overall.To), "Change", m.signed(p.Overall.Delta())))
	}
	m.ln(m.t("report.progress.areas"))
	m.ln("|---|---:|---:|---:|")
	for _, c := range p.Areas {
		m.p("| %s | %s |\n", areaTitle(m.q, c.ID), m.changeCells(c))
	}
	m.ln("")
	if chart != "" {
		m.p("![%s](%s)\n\n", m.t("chart.alt.change", "Since", Escape(p.Since)), chart)
	}
	m.ln(m.t("report.progress.principles"))
	m.ln("|---|---:|---:|---:|")
	for _, c := range p.Principles {
		m.p("| %s | %s |\n", principleShort(m.q, c.ID), m.changeCells(c))
	}
	m.ln("")
	moves := func(title string, ms []scoring.Move) {
		if len(ms) == 0 {
			return
		}
		m.para(title)
		for _, x := range ms {
			from, to := m.t("report.progress.from", "Level", x.From), fmt.Sprint(x.To)
			if x.FromDontKnow {
				from = m.t("report.dontknow")
			}
			if x.ToDontKnow {
				to = m.t("report.dontknow")
			}
			m.p("- **%s** %s → %s. %s\n", x.Question, from, to, m.questionText(x.Question))
		}
		m.ln("")
	}
	if len(p.Up) == 0 && len(p.Down) == 0 {
		m.para(m.t("report.progress.nomove"))
	}
	moves(m.t("report.progress.up"), p.Up)
	moves(m.t("report.progress.down"), p.Down)
	if len(p.Done) > 0 {
		m.para(m.t("report.progress.done"))
		for _, x := range p.Done {
			m.p("- %s (%s)\n", m.stepText(x.Match.Recommendation.ID, x.Step.Index, x.Step.Step.Text), m.t("report.progress.doneat", "ID", x.Match.Recommendation.ID, "Level", x.Step.Level))
		}
		m.ln("")
	}
}

// signed writes a change with its arrow in the report's language.
func (m *mdWriter) signed(d float64) string {
	return signedIn(m.pr, d)
}

func (m *mdWriter) changeCells(c scoring.Change) string {
	if !c.Defined {
		na := m.t("report.na")
		return na + " | " + na + " | "
	}
	return m.num(c.From) + " | " + m.num(c.To) + " | " + m.signed(c.Delta())
}

// stepText is the text of a recommendation's step in the report's
// instrument: the previous roadmap was matched with the instrument of its
// own file, which may be in another language.
func (m *mdWriter) stepText(recID string, index int, fallback string) string {
	if rec, ok := m.q.Recommendation(recID); ok && index >= 0 && index < len(rec.Steps) {
		return Escape(rec.Steps[index].Text)
	}
	return Escape(fallback)
}

// capital starts s with a capital letter: a warning is a clause ("stored
// overall score ... differs ...") that a report note shows as a sentence.
func capital(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
