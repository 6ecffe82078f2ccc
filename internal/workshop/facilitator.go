package workshop

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/internal/locale"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// FacilitatorInfo is what the facilitator's screen tells the room about
// joining.
type FacilitatorInfo struct {
	// Join is the command participants type ("ssh -p 2222 join@HOST").
	Join string
	// Code is the join code; Fingerprint the host key's.
	Code, Fingerprint string
	// Dir is the workshop folder.
	Dir string
	// NoColor draws without colour.
	NoColor bool
}

// Outcome is how the facilitator left the screen.
type Outcome int

// The outcomes.
const (
	// OutcomeStop stops the server and keeps the workshop open (resume
	// it with --resume).
	OutcomeStop Outcome = iota
	// OutcomeClose closes the workshop: publish and merge.
	OutcomeClose
)

// view is a tab of the facilitator's screen.
type view int

const (
	viewQuestions view = iota
	viewAgenda
	viewPeople
)

// changedMsg says the workshop changed.
type changedMsg struct{}

// Facilitator is the Bubble Tea model of the facilitator's terminal: the
// join instructions, who has joined and how far each is, the live
// distribution of every question, the agenda of disagreements, reveal,
// and close.
type Facilitator struct {
	// p speaks the workshop's language (the run's: see Open).
	p       *locale.Printer
	w       *Workshop
	srv     *Server
	info    FacilitatorInfo
	state   State
	view    view
	cursor  int
	confirm Outcome // the dialog open, if confirming
	asking  bool
	outcome Outcome
	width   int
	height  int
	isDark  bool
}

// NewFacilitator returns the facilitator's model; srv may be nil (tests).
func NewFacilitator(w *Workshop, srv *Server, info FacilitatorInfo) Facilitator {
	return Facilitator{w: w, srv: srv, info: info, state: w.State(), isDark: true, p: w.p}
}

// padCells pads s with spaces to n terminal cells (fmt's %-30s counts
// bytes, and a name with accents would come out short).
func padCells(s string, n int) string {
	if d := n - ansi.StringWidth(s); d > 0 {
		return s + strings.Repeat(" ", d)
	}
	return s
}

// Outcome returns how the facilitator left: stop or close.
func (f Facilitator) Outcome() Outcome { return f.outcome }

// waitChange waits for the next change of the workshop.
func (f Facilitator) waitChange() tea.Cmd {
	ch := f.w.Changes()
	return func() tea.Msg {
		<-ch
		return changedMsg{}
	}
}

// Init starts listening for changes.
func (f Facilitator) Init() tea.Cmd {
	return tea.Batch(f.waitChange(), tea.RequestBackgroundColor)
}

var (
	keyUp     = key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/↓", "move"))
	keyDown   = key.NewBinding(key.WithKeys("down", "j"))
	keyTab    = key.NewBinding(key.WithKeys("tab", "right", "l"), key.WithHelp("tab", "questions/agenda/people"))
	keyBack   = key.NewBinding(key.WithKeys("shift+tab", "left", "h"))
	keyReveal = key.NewBinding(key.WithKeys("v", "enter"), key.WithHelp("v", "reveal/hide"))
	keyClose  = key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "close workshop"))
	keyStop   = key.NewBinding(key.WithKeys("q", "ctrl+c"), key.WithHelp("q", "stop (resume later)"))
	keyYes    = key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes"))
)

// Update handles changes and keys.
func (f Facilitator) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case changedMsg:
		f.state = f.w.State()
		f.clamp()
		return f, f.waitChange()
	case tea.WindowSizeMsg:
		f.width, f.height = msg.Width, msg.Height
	case tea.BackgroundColorMsg:
		f.isDark = msg.IsDark()
	case tea.KeyPressMsg:
		if f.asking {
			// y confirms; ctrl+c twice stops, as it would anywhere else.
			if key.Matches(msg, keyYes) || (msg.String() == "ctrl+c" && f.confirm == OutcomeStop) {
				f.outcome = f.confirm
				return f, tea.Quit
			}
			f.asking = false
			return f, nil
		}
		switch {
		case key.Matches(msg, keyStop):
			f.asking, f.confirm = true, OutcomeStop
		case key.Matches(msg, keyClose):
			f.asking, f.confirm = true, OutcomeClose
		case key.Matches(msg, keyUp):
			f.cursor--
		case key.Matches(msg, keyDown):
			f.cursor++
		case key.Matches(msg, keyTab):
			f.view, f.cursor = (f.view+1)%3, 0
		case key.Matches(msg, keyBack):
			f.view, f.cursor = (f.view+2)%3, 0
		case key.Matches(msg, keyReveal):
			if id := f.selected(); id != "" {
				if f.state.Revealed == id {
					id = ""
				}
				f.w.Reveal(id)
				f.state = f.w.State()
			}
		}
		f.clamp()
	}
	return f, nil
}

// rows is the number of rows of the current tab.
func (f Facilitator) rows() int {
	switch f.view {
	case viewAgenda:
		return len(f.state.Agenda)
	case viewPeople:
		return len(f.state.Participants)
	}
	return len(f.state.Questions)
}

func (f *Facilitator) clamp() {
	f.cursor = max(0, min(f.cursor, f.rows()-1))
}

// selected is the question under the cursor ("" on the people tab).
func (f Facilitator) selected() string {
	switch f.view {
	case viewQuestions:
		if f.cursor < len(f.state.Questions) {
			return f.state.Questions[f.cursor].ID
		}
	case viewAgenda:
		if f.cursor < len(f.state.Agenda) {
			return f.state.Agenda[f.cursor].ID
		}
	}
	return ""
}

// View draws the facilitator's screen.
func (f Facilitator) View() tea.View {
	v := tea.NewView(f.content())
	v.AltScreen = true
	v.WindowTitle = f.p.T("workshop.program_title")
	return v
}

func (f Facilitator) style(c string) lipgloss.Style {
	if f.info.NoColor {
		return lipgloss.NewStyle()
	}
	ld := lipgloss.LightDark(f.isDark)
	switch c {
	case "accent":
		return lipgloss.NewStyle().Bold(true).Foreground(ld(lipgloss.Color("#5A56E0"), lipgloss.Color("#A9A6FF")))
	case "subtle":
		return lipgloss.NewStyle().Foreground(ld(lipgloss.Color("#5F5F5F"), lipgloss.Color("#A8A8A8")))
	case "warn":
		return lipgloss.NewStyle().Bold(true).Foreground(ld(lipgloss.Color("#B3261E"), lipgloss.Color("#FF8A80")))
	case "bar":
		return lipgloss.NewStyle().Foreground(ld(lipgloss.Color("#2E7D32"), lipgloss.Color("#81C784")))
	}
	return lipgloss.NewStyle()
}

// content lays the screen out: header, join line, tabs, list, detail,
// keys.
func (f Facilitator) content() string {
	w, h := f.width, f.height
	if w == 0 || h == 0 {
		return ""
	}
	if w < 60 || h < 16 {
		return f.p.T("tui.facilitator.small", "Width", w, "Height", h)
	}
	st := f.state
	connected := 0
	for _, p := range st.Participants {
		if p.Connected {
			connected++
		}
	}
	rule := f.style("subtle").Render(strings.Repeat("─", w))
	title := f.style("accent").Render(f.p.T("workshop.program_title")) + f.style("subtle").Render(" · "+f.w.meta.Organisation.Name)
	right := f.p.T("tui.facilitator.joined", "Joined", len(st.Participants), "Connected", connected)
	if f.srv != nil && f.srv.Refused() > 0 {
		right += " · " + f.p.N("tui.facilitator.wrong_codes", f.srv.Refused())
	}
	lines := []string{spreadLine(" "+title, right+" ", w), rule}
	lines = append(lines, ansi.Truncate(" "+f.p.T("tui.facilitator.join", "Join", f.info.Join, "Code", f.style("accent").Render(f.info.Code)), w, "…"))
	lines = append(lines, ansi.Truncate(" "+f.p.T("tui.facilitator.host_key", "Key", f.info.Fingerprint), w, "…"), rule)

	tabs := []string{f.p.T("tui.facilitator.tab_questions"), f.p.T("tui.facilitator.tab_agenda", "Count", len(st.Agenda)), f.p.T("tui.facilitator.tab_people")}
	for i, t := range tabs {
		if view(i) == f.view {
			tabs[i] = f.style("accent").Render("[ " + t + " ]")
		} else {
			tabs[i] = "  " + t + "  "
		}
	}
	lines = append(lines, " "+strings.Join(tabs, " "))

	footer := []string{rule}
	if f.asking {
		q := f.p.T("tui.facilitator.close_confirm")
		if f.confirm == OutcomeStop {
			q = f.p.T("tui.facilitator.stop_confirm", "Dir", f.info.Dir)
		}
		for _, l := range strings.Split(ansi.Wordwrap(q, w-2, ""), "\n") {
			footer = append(footer, f.style("warn").Render(" "+l))
		}
	} else {
		footer = append(footer, f.detail(w)...)
		keys := " " + f.p.T("tui.facilitator.keys")
		if lipgloss.Width(keys) > w {
			keys = " " + f.p.T("tui.facilitator.keys_short")
		}
		footer = append(footer, f.style("subtle").Render(ansi.Truncate(keys, w, "…")))
	}
	listH := h - len(lines) - len(footer)
	body := f.list(w)
	start := 0
	if f.cursor >= listH {
		start = f.cursor - listH + 1
	}
	for i := start; i < len(body) && i < start+listH; i++ {
		lines = append(lines, body[i])
	}
	for len(lines) < h-len(footer) {
		lines = append(lines, "")
	}
	return strings.Join(append(lines, footer...), "\n")
}

// list is the rows of the current tab.
func (f Facilitator) list(w int) []string {
	st := f.state
	var rows []string
	switch f.view {
	case viewPeople:
		if len(st.Participants) == 0 {
			return []string{f.style("subtle").Render("  " + f.p.T("tui.facilitator.nobody"))}
		}
		for i, p := range st.Participants {
			status := f.p.T("tui.facilitator.connected")
			switch {
			case p.Finished && p.Connected:
				status = f.p.T("tui.facilitator.finished")
			case p.Finished:
				status = f.p.T("tui.facilitator.finished_left")
			case !p.Connected:
				status = f.p.T("tui.facilitator.away")
			}
			barW := 20
			filled := 0
			if p.Total > 0 {
				filled = p.Answered * barW / p.Total
			}
			bar := f.style("bar").Render(strings.Repeat("█", filled)) + strings.Repeat("·", barW-filled)
			name := input.Quote(p.Name)
			if p.Role != "" {
				name += " (" + input.Quote(p.Role) + ")"
			}
			rows = append(rows, f.row(i, fmt.Sprintf("%s %s %3d/%-3d %s", padCells(ansi.Truncate(name, 30, "…"), 30), bar, p.Answered, p.Total, status), w))
		}
	case viewAgenda:
		if len(st.Agenda) == 0 {
			return []string{f.style("subtle").Render("  " + f.p.T("tui.facilitator.no_agenda", "Gap", AgendaGap))}
		}
		for i, q := range st.Agenda {
			rows = append(rows, f.row(i, f.questionRow(q, w), w))
		}
	default:
		for i, q := range st.Questions {
			rows = append(rows, f.row(i, f.questionRow(q, w), w))
		}
	}
	return rows
}

// questionRow is one question: id, distribution, spread and text.
func (f Facilitator) questionRow(q QuestionStatus, w int) string {
	var d strings.Builder
	for l, n := range q.Dist.Levels {
		fmt.Fprintf(&d, "%d:%-2d ", l, n)
	}
	// "?" is don't know in every language; not applicable is abbreviated
	// in the workshop's.
	fmt.Fprintf(&d, "?:%-2d %s:%-2d", q.Dist.DontKnow, f.p.T("workshop.facilitator.na"), q.Dist.NA)
	gap := "      "
	if q.Min >= 0 {
		gap = fmt.Sprintf("%d–%d   ", q.Min, q.Max)
		if q.Gap() >= AgendaGap {
			gap = f.style("warn").Render(fmt.Sprintf("%d–%d ! ", q.Min, q.Max))
		}
	}
	mark := "  "
	if q.ID == f.state.Revealed {
		mark = f.style("accent").Render("◉ ")
	}
	text := f.w.q.Questions[q.Index].Text
	return fmt.Sprintf("%s%-9s %s %s%s", mark, q.ID, d.String(), gap, ansi.Truncate(oneLineText(text), max(0, w-60), "…"))
}

// row renders a list row with the cursor marker.
func (f Facilitator) row(i int, s string, w int) string {
	if i == f.cursor {
		return f.style("accent").Render(ansi.Truncate("> "+s, w, "…"))
	}
	return ansi.Truncate("  "+s, w, "…")
}

// detail is the selected question in full, with its level names.
func (f Facilitator) detail(w int) []string {
	id := f.selected()
	if id == "" {
		return nil
	}
	i := f.w.q.QuestionIndex(id)
	qu := f.w.q.Questions[i]
	status := f.p.T("tui.facilitator.not_revealed")
	if f.state.Revealed == id {
		status = f.p.T("tui.facilitator.revealed")
	}
	scale := make([]string, 0, questionnaire.MaxLevel+1)
	for l := questionnaire.MinLevel; l <= questionnaire.MaxLevel; l++ {
		scale = append(scale, fmt.Sprintf("%d %s", l, f.w.q.LevelName(l)))
	}
	return []string{
		ansi.Truncate(" "+f.style("accent").Render(qu.ID)+" "+oneLineText(qu.Text), w, "…"),
		f.style("subtle").Render(ansi.Truncate(" "+status+" · "+strings.Join(scale, " · "), w, "…")),
	}
}

// spreadLine puts left and right on one line of width w.
func spreadLine(left, right string, w int) string {
	gap := w - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		return ansi.Truncate(left, w, "…")
	}
	return left + strings.Repeat(" ", gap) + right
}

// oneLineText folds line breaks and runs of spaces.
func oneLineText(s string) string { return strings.Join(strings.Fields(s), " ") }
