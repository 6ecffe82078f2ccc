package reports

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/scoring"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// Options shape the assessment report.
type Options struct {
	// ChartFile is the file name of the radar chart written beside the
	// report, linked from it; empty leaves the link out.
	ChartFile string
	// Warnings are printed in a note near the top (for example stored
	// scores that differ from the recomputed ones).
	Warnings []string
	// Progress, when not nil, adds the "Progress since" section.
	Progress *scoring.Progress
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
	m := &mdWriter{out: out{bw}, q: q, a: a, r: r}
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
	q *questionnaire.Questionnaire
	a *assessment.Assessment
	r *scoring.Result
}

// num formats a score with one decimal.
func num(v float64) string { return fmt.Sprintf("%.1f", v) }

func scoreCell(s scoring.Measure) string {
	if !s.Defined {
		return "n/a"
	}
	return num(s.Value)
}

func barCell(s scoring.Measure) string {
	if !s.Defined {
		return ""
	}
	return "`" + scoring.Bar(s.Value, barWidth) + "`"
}

func (m *mdWriter) header(opt Options) {
	a := m.a
	m.p("# Digital government maturity: %s\n\n", Escape(a.Organisation.Name))
	var who []string
	for _, p := range a.Respondents {
		s := Escape(p.Name)
		if p.Role != "" {
			s += " (" + Escape(p.Role) + ")"
		}
		who = append(who, s)
	}
	m.p("Self-assessment of %s, organisation type: %s.  \n", a.Date, Escape(a.Organisation.Type))
	if len(who) > 0 {
		label := "Respondent"
		if len(who) > 1 {
			label = "Respondents"
		}
		m.p("%s: %s.  \n", label, strings.Join(who, "; "))
	}
	m.p("Questionnaire: %s, version %s (%s).\n\n", Escape(m.q.Title), Escape(m.q.Version), Escape(m.q.ID))
	if !a.Complete {
		m.ln("> **Draft.** This assessment is not finished; unanswered questions are left out of the scores.")
		m.ln("")
	}
	for _, w := range opt.Warnings {
		m.p("> **Note.** %s\n\n", Escape(w))
	}
}

func (m *mdWriter) summary(opt Options) {
	r := m.r
	m.ln("## Summary")
	m.ln("")
	if !r.Overall.Defined {
		m.ln("No question was answered with a level, so there is no score yet.")
		m.ln("")
		return
	}
	m.p("- **Stage: %s** (level %d of 4), overall score **%s** out of 100.\n", r.Stage, r.StageLevel, num(r.Overall.Value))
	if hi, lo, ok := extremes(r.Areas); ok {
		m.p("- Strongest area: %s (%s). Weakest area: %s (%s).\n", areaTitle(m.q, hi.ID), num(hi.Value), areaTitle(m.q, lo.ID), num(lo.Value))
	}
	if weak := weakest(r.Principles, 3); len(weak) > 0 {
		var parts []string
		for _, s := range weak {
			parts = append(parts, fmt.Sprintf("%s (%s)", principleShort(m.q, s.ID), num(s.Value)))
		}
		m.p("- Weakest principles: %s.\n", strings.Join(parts, ", "))
	}
	m.p("- Evidence: %.0f%% of the applicable question weight was answered with a level", r.Coverage*100)
	var extra []string
	if n := len(r.DontKnow); n > 0 {
		extra = append(extra, plural(n, "answer", "answers")+" of \"don't know\"")
	}
	if n := len(r.NA); n > 0 {
		extra = append(extra, plural(n, "question", "questions")+" not applicable")
	}
	if n := len(r.Unanswered); n > 0 {
		extra = append(extra, plural(n, "question", "questions")+" unanswered")
	}
	if len(extra) > 0 {
		m.p(" (%s)", strings.Join(extra, ", "))
	}
	m.ln(".")
	if len(r.Matches) > 0 && r.BeyondTargets() {
		m.ln("- Every question meets its target; see \"Beyond your targets\" for the next steps.")
	} else if len(r.Matches) > 0 {
		m.ln("- Top recommendations:")
		for i, x := range r.Matches {
			if i == 3 {
				break
			}
			m.p("  %d. [%s](#%s) (%s priority)\n", i+1, x.Recommendation.Title, anchor(x.Recommendation.ID), x.Band)
		}
	} else {
		m.ln("- No recommendation of the catalogue applies to these answers.")
	}
	m.ln("")
	if opt.ChartFile != "" {
		m.p("![Radar chart of the scores of the twelve principles](%s)\n\n", opt.ChartFile)
	}
	if opt.AreaChartFile != "" {
		m.p("![Bar chart of the scores by area against the targets](%s)\n\n", opt.AreaChartFile)
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

func evidenceNote(s scoring.Measure) string {
	var notes []string
	if s.LowEvidence {
		notes = append(notes, "low evidence")
	}
	if s.DontKnow > 0 {
		notes = append(notes, plural(s.DontKnow, "don't know", "don't know"))
	}
	if s.NA > 0 {
		notes = append(notes, fmt.Sprintf("%d n/a", s.NA))
	}
	if s.Unanswered > 0 {
		notes = append(notes, fmt.Sprintf("%d unanswered", s.Unanswered))
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
	m.ln("## Scores by area")
	m.ln("")
	m.ln("The floor is the lowest level answered in the area: the weakest link.")
	m.ln("")
	m.ln("| Area | Score | | Floor | Notes |")
	m.ln("|---|---:|---|---:|---|")
	for _, s := range m.r.Areas {
		m.p("| %s | %s | %s | %s | %s |\n", areaTitle(m.q, s.ID), scoreCell(s), barCell(s), floorCell(s), evidenceNote(s))
	}
	m.ln("")
}

func (m *mdWriter) principles() {
	m.ln("## Scores by principle")
	m.ln("")
	m.ln("The twelve principles of the 2014 OECD Recommendation on Digital Government Strategies, by pillar.")
	m.ln("")
	m.ln("| Principle | Score | | Notes |")
	m.ln("|---|---:|---|---|")
	for _, pl := range m.r.Pillars {
		pillar, _ := m.q.Pillar(pl.ID)
		title := pl.ID
		if pillar != nil {
			title = pillar.Title
		}
		m.p("| **%s** | **%s** | %s | %s |\n", Escape(title), scoreCell(pl), barCell(pl), evidenceNote(pl))
		for _, s := range m.r.Principles {
			if p, ok := m.q.Principle(s.ID); ok && p.Pillar == pl.ID {
				m.p("| %s | %s | %s | %s |\n", principleTitle(m.q, s.ID), scoreCell(s), barCell(s), evidenceNote(s))
			}
		}
	}
	m.ln("")
}

func (m *mdWriter) matrix() {
	m.ln("## Principles by area")
	m.ln("")
	m.ln("Each cell is the score of the questions of that area that carry that principle; a dash means the area has no such question.")
	m.ln("")
	var head, rule strings.Builder
	head.WriteString("| Principle |")
	rule.WriteString("|---|")
	for _, a := range m.q.Areas {
		head.WriteString(" " + Escape(shortOr(a.Short, a.Title)) + " |")
		rule.WriteString("---:|")
	}
	m.ln(head.String())
	m.ln(rule.String())
	for _, p := range m.q.Principles {
		var row strings.Builder
		row.WriteString("| " + Escape(p.ID+" "+shortOr(p.Short, p.Title)) + " |")
		for _, a := range m.q.Areas {
			cell := "–"
			if s, ok := m.r.Matrix[p.ID][a.ID]; ok && s.Questions > 0 {
				cell = scoreCell(s)
			}
			row.WriteString(" " + cell + " |")
		}
		m.ln(row.String())
	}
	m.ln("")
}

func shortOr(short, long string) string {
	if short != "" {
		return short
	}
	return long
}

func (m *mdWriter) recommendations() {
	r := m.r
	if len(r.Matches) > 0 && r.BeyondTargets() {
		m.ln("## Beyond your targets")
		m.ln("")
		if n := len(r.Matches); n == 1 {
			m.ln("Every question meets its target. To go further, here is the next step for the lowest question.")
		} else {
			m.p("Every question meets its target. To go further, here are the next steps for the %d lowest questions.\n", n)
		}
		m.ln("")
	} else {
		m.ln("## Recommendations")
		m.ln("")
	}
	m.p("%s\n\n", m.targetsText())
	if len(r.Matches) == 0 {
		m.ln("No recommendation of the catalogue applies to these answers.")
		m.ln("")
		return
	}
	if !r.BeyondTargets() {
		m.ln("A recommendation applies when a question it addresses is below its target. It shows only the steps from the current level up to the target. Ordered by priority: the gap in levels times the question's weight, times the recommendation's weight.")
		m.ln("")
	}
	band := ""
	for _, x := range r.Matches {
		if x.Band != band && !x.Beyond {
			band = x.Band
			m.p("### %s priority\n\n", band)
		}
		rec := x.Recommendation
		m.p("#### %s\n\n", Escape(rec.Title))
		m.p("<a id=\"%s\"></a>%s · %s · principles %s\n\n", anchor(rec.ID), rec.ID, areaTitle(m.q, rec.Area), strings.Join(rec.Principles, ", "))
		m.ln(Escape(rec.Text))
		m.ln("")
		if x.Beyond {
			m.ln("Where you stand:")
		} else {
			m.ln("Why it applies:")
		}
		m.ln("")
		for _, g := range x.Through {
			m.p("- %s\n", m.gapText(g, x.Beyond))
		}
		m.ln("")
		m.ln("Steps:")
		m.ln("")
		for i, st := range x.Steps {
			m.p("%d. **Level %d.** %s%s\n", i+1, st.Level, Escape(st.Step.Text), m.movesText(st, len(x.Through) > 1))
		}
		m.ln("")
		if src, ok := m.q.Source(rec.Source); ok && rec.Source != "" {
			m.p("Stems from the OECD review's recommendation %s: %s\n\n", src.ID, sentence(Escape(src.Text)))
		} else {
			label := "principle"
			if len(rec.Principles) > 1 {
				label = "principles"
			}
			m.p("Grounded in %s %s of the 2014 OECD Recommendation.\n\n", label, strings.Join(rec.Principles, ", "))
		}
	}
}

// targetsText says which targets the advice aims at.
func (m *mdWriter) targetsText() string {
	t := m.a.Targets
	def := t.DefaultLevel()
	s := fmt.Sprintf("Target: level %d (%s) for every question", def, Escape(m.q.LevelName(def)))
	if !t.Specific() {
		return s + "."
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
	return s + " except: " + strings.Join(parts, ", ") + " (a question's own target comes first, then its principle's, then its area's)."
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
	at := fmt.Sprintf("level %d (%s)", g.Level, Escape(m.q.LevelName(g.Level)))
	if g.DontKnow {
		at = "don't know (counts as level 0)"
	}
	if beyond {
		return fmt.Sprintf("**%s** at %s; next level %d (%s). *%s*", g.Question, at, g.Target, Escape(m.q.LevelName(g.Target)), m.questionText(g.Question))
	}
	return fmt.Sprintf("**%s** at %s, target %d (%s). *%s*", g.Question, at, g.Target, Escape(m.q.LevelName(g.Target)), m.questionText(g.Question))
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
	m.ln("## Roadmap")
	m.ln("")
	m.ln("Every step above, in three phases by the level it reaches: Foundations (levels 1 and 2), Consolidation (level 3) and Leadership (level 4). Within a phase, the highest priority comes first.")
	m.ln("")
	phase := ""
	n := 0
	for _, x := range rm {
		if x.Phase != phase {
			phase = x.Phase
			m.p("### %s\n\n", phaseTitle(phase))
			n = 0
		}
		n++
		var moves []string
		for _, g := range x.Step.Moves {
			moves = append(moves, fmt.Sprintf("%s %d→%d", g.Question, x.Step.Level-1, x.Step.Level))
		}
		rec := x.Match.Recommendation
		m.p("%d. %s [%s](#%s), %s priority. Moves %s.\n", n, Escape(x.Step.Step.Text), rec.ID, anchor(rec.ID), x.Match.Band, strings.Join(moves, ", "))
	}
	m.ln("")
}

func phaseTitle(p string) string {
	switch p {
	case scoring.PhaseFoundations:
		return "Foundations (levels 1 and 2)"
	case scoring.PhaseConsolidation:
		return "Consolidation (level 3)"
	}
	return "Leadership (level 4)"
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
	m.ln("## Knowledge gaps and exclusions")
	m.ln("")
	if len(m.r.DontKnow) == 0 && len(m.r.NA) == 0 && len(m.r.Unanswered) == 0 {
		m.ln("Every question was answered with a level.")
		m.ln("")
		return
	}
	if len(m.r.DontKnow) > 0 {
		m.ln("\"Don't know\" counts as level 0: what cannot be shown cannot be claimed. Finding out is a first step.")
		m.ln("")
		for _, id := range m.r.DontKnow {
			m.p("- **%s** %s%s\n", id, m.questionText(id), m.commentSuffix(id))
		}
		m.ln("")
	}
	if len(m.r.NA) > 0 {
		m.ln("Not applicable, left out of every score:")
		m.ln("")
		for _, id := range m.r.NA {
			m.p("- **%s** %s Reason: %s\n", id, m.questionText(id), Escape(m.a.Answers[id].NA))
		}
		m.ln("")
	}
	if len(m.r.Unanswered) > 0 {
		m.ln("Not answered, left out of the scores:")
		m.ln("")
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
		return " Comment: " + Escape(c)
	}
	return ""
}

func (m *mdWriter) answers() {
	m.ln("## Answers")
	m.ln("")
	for _, area := range m.q.Areas {
		m.p("### %s\n\n", Escape(area.Title))
		for _, i := range m.q.AreaQuestions(area.ID) {
			qu := &m.q.Questions[i]
			m.p("**%s** %s  \n", qu.ID, Escape(qu.Text))
			m.p("*%s*  \n", strings.Join(qu.Principles, ", "))
			ans, ok := m.a.Answers[qu.ID]
			switch {
			case !ok || !ans.Answered():
				m.ln("Answer: not answered.")
			case ans.Level != nil:
				l := *ans.Level
				m.p("Answer: level %d, %s. %s\n", l, Escape(m.q.LevelName(l)), Escape(qu.Levels[l]))
			case ans.DontKnow:
				m.ln("Answer: don't know.")
			default:
				m.p("Answer: not applicable. Reason: %s\n", Escape(ans.NA))
			}
			if sp, ok := m.a.Spread[qu.ID]; ok && len(sp.Responses) > 1 && sp.Min >= 0 {
				m.p("  \nSpread: levels %d to %d across %d respondents.\n", sp.Min, sp.Max, len(sp.Responses))
			}
			if ans.Comment != "" {
				m.p("  \nComment: %s\n", Escape(ans.Comment))
			}
			m.ln("")
		}
	}
}

func (m *mdWriter) method() {
	q := m.q
	m.ln("## Method")
	m.ln("")
	m.ln("- Each level is worth 25 points: level 0 = 0, level 4 = 100.")
	m.ln("- \"Not applicable\" leaves a question out. \"Don't know\" counts as 0 and is listed above.")
	m.ln("- Principle, area and pillar scores are the weighted means of the questions that carry them (core questions weigh 2, others 1). The overall score is the mean of the four area scores.")
	var bands []string
	for i, s := range q.Scale {
		lo, hi := i*20, i*20+20
		if i == len(q.Scale)-1 {
			bands = append(bands, fmt.Sprintf("%s %d–100", s.Name, lo))
		} else {
			bands = append(bands, fmt.Sprintf("%s %d–<%d", s.Name, lo, hi))
		}
	}
	m.p("- Stages from the overall score: %s.\n", strings.Join(bands, ", "))
	m.ln("- A score marked \"low evidence\" rests on less than half of the weight of its applicable questions.")
	m.p("- Targets: each question has a target level, %d (%s) unless the assessment sets another default (`--target`) or a target for the question, its principle or its area (the most specific wins).\n", assessment.DefaultTarget, Escape(q.LevelName(assessment.DefaultTarget)))
	m.ln("- A recommendation applies when a question it addresses is below its target (\"don't know\" counts as level 0; \"not applicable\" and unanswered questions never count) and it serves the organisation's type. Its steps are staged by the level they help reach; only those above the current level and up to the target are shown, never one at or below where the organisation already is.")
	m.p("- Priority: the largest gap in levels (target minus level) times the question's weight (core questions 2, others 1), times the recommendation's weight (core 2, others 1). High from %d, Medium from %d, Low below; ties by the largest gap, then by id.\n", int(scoring.HighPriority), int(scoring.MediumPriority))
	m.p("- When every target is met, the next-level steps of the %d lowest questions are shown as \"beyond your targets\".\n", scoring.BeyondCount)
	m.ln("- The roadmap puts every step shown in three phases by the level it reaches: Foundations (1 and 2), Consolidation (3), Leadership (4); within a phase by priority.")
	m.p("- Questionnaire %s version %s, content hash `%s`.\n", Escape(q.ID), Escape(q.Version), shortHash(m.a.Questionnaire.SHA256))
	if m.a.Tool != "" {
		m.p("- Written by %s.\n", Escape(m.a.Tool))
	}
}

func shortHash(h string) string {
	if len(h) > 12 {
		return h[:12]
	}
	return h
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// progress writes what moved since the earlier assessment.
func (m *mdWriter) progress(p *scoring.Progress, chart string) {
	if p == nil {
		return
	}
	m.p("## Progress since %s\n\n", Escape(p.Since))
	if p.Version != "" {
		m.p("> **Note.** The earlier assessment was made with version %s of the questionnaire; it is compared on the %d questions both versions ask, and the scores then and now below are both computed on those questions only (questions new in version %s left out).",
			Escape(p.Version), p.Shared, Escape(m.q.Version))
		if n := len(p.Reworded); n > 0 {
			m.p(" %s worded differently since (same construct, other words): %s.", plural(n, "question is", "questions are"), Escape(strings.Join(p.Reworded, ", ")))
		}
		m.ln("")
		m.ln("")
	}
	if p.Overall.Defined {
		m.p("Overall score %s → %s (%s).\n\n", num(p.Overall.From), num(p.Overall.To), signed(p.Overall.Delta()))
	}
	m.ln("| Area | Then | Now | Change |")
	m.ln("|---|---:|---:|---:|")
	for _, c := range p.Areas {
		m.p("| %s | %s |\n", areaTitle(m.q, c.ID), changeCells(c))
	}
	m.ln("")
	if chart != "" {
		m.p("![Chart of the change per area since %s](%s)\n\n", Escape(p.Since), chart)
	}
	m.ln("| Principle | Then | Now | Change |")
	m.ln("|---|---:|---:|---:|")
	for _, c := range p.Principles {
		m.p("| %s | %s |\n", principleShort(m.q, c.ID), changeCells(c))
	}
	m.ln("")
	moves := func(title string, ms []scoring.Move) {
		if len(ms) == 0 {
			return
		}
		m.p("%s\n\n", title)
		for _, x := range ms {
			from, to := fmt.Sprintf("level %d", x.From), fmt.Sprint(x.To)
			if x.FromDontKnow {
				from = "don't know"
			}
			if x.ToDontKnow {
				to = "don't know"
			}
			m.p("- **%s** %s → %s. %s\n", x.Question, from, to, m.questionText(x.Question))
		}
		m.ln("")
	}
	if len(p.Up) == 0 && len(p.Down) == 0 {
		m.ln("No question changed level.")
		m.ln("")
	}
	moves("Questions that moved up:", p.Up)
	moves("Questions that moved down:", p.Down)
	if len(p.Done) > 0 {
		m.ln("Steps of the previous roadmap now done:")
		m.ln("")
		for _, x := range p.Done {
			m.p("- %s (%s, level %d)\n", Escape(x.Step.Step.Text), x.Match.Recommendation.ID, x.Step.Level)
		}
		m.ln("")
	}
}

func changeCells(c scoring.Change) string {
	if !c.Defined {
		return "n/a | n/a | "
	}
	return num(c.From) + " | " + num(c.To) + " | " + signed(c.Delta())
}
