package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/internal/publish"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// ParticipantOptions configure the session of one participant of a live
// workshop (see internal/workshop).
type ParticipantOptions struct {
	// Questionnaire is the instrument in use (localised to Lang).
	Questionnaire *questionnaire.Questionnaire
	// Lang is the workshop's language ("" is English): of the questions
	// and of every word on the participant's screens.
	Lang string
	// Organisation is the organisation the workshop assesses, for the
	// header of the join screen.
	Organisation string
	// Tool is written into the assessment ("dgmaturity 0.1.0").
	Tool string
	// NoColor draws without colour (the client sent NO_COLOR).
	NoColor bool
	// Join admits the participant under name and role and returns their
	// assessment (new, or their draft when they were here before) and the
	// draft file to save it to. Its error is shown on the join screen.
	Join func(name, role string) (*assessment.Assessment, string, error)
	// Saved is called with every snapshot of the draft just written (a
	// copy the callee may keep).
	Saved func(*assessment.Assessment)
}

// Reveal is the anonymous distribution of the answers to one question,
// which the facilitator puts on every participant's screen.
type Reveal struct {
	// QuestionID and Text name the question.
	QuestionID, Text string
	// Levels counts the answers per level, index 0 for level 0.
	Levels []int
	// DontKnow and NA count the other answers.
	DontKnow, NA int
	// Participants is the number of participants in the workshop.
	Participants int
}

// RevealMsg shows a question's distribution; a nil Reveal takes it away.
type RevealMsg struct{ Reveal *Reveal }

// ClosedMsg tells a participant's session that the facilitator closed the
// workshop: it ends.
type ClosedMsg struct{}

// joinedMsg carries the outcome of Join.
type joinedMsg struct {
	a    *assessment.Assessment
	path string
	err  error
}

// Participant is the root model of a workshop participant's session: a
// join screen (name and role), then the ordinary question screens (Model)
// on the participant's own draft, with the facilitator's reveals drawn
// over them. Finishing shows the participant's own results; the files are
// published for everyone when the facilitator closes the workshop.
type Participant struct {
	opts ParticipantOptions
	// m draws the join screen's frame before joining and is the
	// assessment after.
	m      Model
	joined bool
	// Join screen.
	name, role textinput.Model
	focus      int // 0 name, 1 role
	joining    bool
	// reveal is the distribution shown; hidden when the participant
	// dismissed it.
	reveal *Reveal
	hidden bool
}

// NewParticipant returns a participant's session model, on its join
// screen.
func NewParticipant(opts ParticipantOptions) Participant {
	m := New(Options{Questionnaire: opts.Questionnaire, Lang: opts.Lang, Tool: opts.Tool, NoColor: opts.NoColor})
	m.form = nil
	// The header names the organisation from the start.
	m.a = &assessment.Assessment{Organisation: assessment.Organisation{Name: opts.Organisation}}
	p := Participant{opts: opts, m: m}
	p.name = p.newInput(m.p.T("tui.workshop.name_placeholder"), 100)
	p.role = p.newInput(m.p.T("tui.workshop.role_placeholder"), 100)
	p.name.Focus()
	return p
}

// newInput returns a text field of the join screen.
func (p Participant) newInput(placeholder string, limit int) textinput.Model {
	in := textinput.New()
	in.Placeholder = placeholder
	in.CharLimit = limit
	in.SetStyles(p.m.styles.Input)
	in.SetWidth(50)
	return in
}

// Init asks for the background colour and starts the cursor.
func (p Participant) Init() tea.Cmd {
	return tea.Batch(tea.RequestBackgroundColor, textinput.Blink)
}

// Joined reports whether the participant is past the join screen.
func (p Participant) Joined() bool { return p.joined }

// Model returns the assessment model (meaningful once Joined).
func (p Participant) Model() Model { return p.m }

// Update handles the join screen, the reveal and the close, and hands the
// rest to the assessment.
func (p Participant) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case ClosedMsg:
		return p, tea.Quit
	case RevealMsg:
		if msg.Reveal == nil || p.reveal == nil || msg.Reveal.QuestionID != p.reveal.QuestionID {
			p.hidden = false // a new question: show it even if the last was dismissed
		}
		p.reveal = msg.Reveal
		return p, nil
	case joinedMsg:
		return p.afterJoin(msg)
	case tea.KeyPressMsg:
		if p.reveal != nil && !p.hidden && !p.m.tooSmall() {
			switch {
			case key.Matches(msg, p.m.keys.Interrupt):
			case key.Matches(msg, p.m.keys.Back, p.m.keys.Pick) || msg.String() == "space":
				p.hidden = true
				return p, nil
			default:
				return p, nil
			}
		}
		if !p.joined {
			return p.keyJoin(msg)
		}
	case tea.WindowSizeMsg, tea.BackgroundColorMsg:
		if !p.joined {
			mm, cmd := p.m.Update(msg)
			p.m = mm.(Model)
			return p, cmd
		}
	}
	if !p.joined {
		var cmd tea.Cmd
		if p.focus == 0 {
			p.name, cmd = p.name.Update(msg)
		} else {
			p.role, cmd = p.role.Update(msg)
		}
		return p, cmd
	}
	mm, cmd := p.m.Update(msg)
	p.m = mm.(Model)
	return p, tea.Batch(cmd, p.completeResults())
}

// keyJoin handles keys on the join screen.
func (p Participant) keyJoin(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(msg, p.m.keys.Interrupt), msg.String() == "esc":
		return p, tea.Quit
	case p.joining:
		return p, nil
	case msg.String() == "tab", msg.String() == "shift+tab", msg.String() == "up", msg.String() == "down":
		p.switchField()
		return p, nil
	case msg.String() == "enter":
		if p.focus == 0 {
			if strings.TrimSpace(p.name.Value()) == "" {
				p.m.notice = notice{text: p.m.p.T("tui.workshop.name_needed"), isErr: true}
				return p, nil
			}
			p.switchField()
			return p, nil
		}
		p.joining = true
		p.m.notice = notice{text: p.m.p.T("tui.workshop.joining")}
		join, name, role := p.opts.Join, p.name.Value(), p.role.Value()
		return p, func() tea.Msg {
			a, path, err := join(name, role)
			return joinedMsg{a: a, path: path, err: err}
		}
	}
	var cmd tea.Cmd
	if p.focus == 0 {
		p.name, cmd = p.name.Update(msg)
	} else {
		p.role, cmd = p.role.Update(msg)
	}
	return p, cmd
}

// switchField moves the focus between name and role.
func (p *Participant) switchField() {
	p.focus = 1 - p.focus
	if p.focus == 0 {
		p.role.Blur()
		p.name.Focus()
	} else {
		p.name.Blur()
		p.role.Focus()
	}
}

// afterJoin starts the questions on the participant's assessment, or
// shows why they could not join.
func (p Participant) afterJoin(msg joinedMsg) (tea.Model, tea.Cmd) {
	p.joining = false
	if msg.err != nil {
		p.m.notice = notice{text: p.m.p.T("tui.workshop.join_failed", "Error", input.Describe(msg.err, p.m.p)), isErr: true}
		return p, nil
	}
	w, h, dark := p.m.width, p.m.height, p.m.isDark
	saved := p.opts.Saved
	m := New(Options{
		Questionnaire: p.opts.Questionnaire,
		Assessment:    msg.a,
		DraftPath:     msg.path,
		Tool:          p.opts.Tool,
		NoColor:       p.opts.NoColor,
		Workshop:      true,
		// Nothing is written when a participant finishes: the facilitator's
		// close publishes everyone's assessment once.
		Publish: func(string, *questionnaire.Questionnaire, *assessment.Assessment, string) (publish.Paths, error) {
			return publish.Paths{}, nil
		},
	})
	m.saver.save = func(path string, a *assessment.Assessment) error {
		if err := assessment.WriteDraft(path, a); err != nil {
			return err
		}
		if saved != nil {
			saved(a)
		}
		return nil
	}
	m.isDark = dark
	m.applyStyles()
	if len(msg.a.Answers) > 0 {
		done, total := m.progress()
		m.notice = notice{text: m.p.N("tui.workshop.welcome_back", done, "Total", total)}
	}
	p.m, p.joined = m, true
	if w > 0 {
		mm, cmd := p.m.resize(tea.WindowSizeMsg{Width: w, Height: h})
		p.m = mm
		return p, cmd
	}
	return p, nil
}

// completeResults gives the results screen the report to preview, which
// finish reads from the file a participant's session does not write.
func (p *Participant) completeResults() tea.Cmd {
	m := &p.m
	if m.screen != screenResults || m.report != "" || m.result == nil {
		return nil
	}
	md, _, err := publish.Render(m.q, m.a, m.result, "", nil)
	if err != nil {
		return nil
	}
	m.report = string(md)
	m.notice = notice{text: m.p.T("tui.workshop.stay_open")}
	return m.renderPreviewCmd()
}

// View draws the join screen or the assessment, with the reveal over it.
func (p Participant) View() tea.View {
	var content string
	switch {
	case p.m.width == 0 || p.m.height == 0:
	case p.m.tooSmall():
		content = p.viewTooSmall()
	case p.reveal != nil && !p.hidden:
		content = p.viewReveal()
	case !p.joined:
		content = p.viewJoin()
	case p.m.overlay == overlayQuit:
		content = p.viewQuit()
	default:
		return p.m.View()
	}
	v := tea.NewView(content)
	v.AltScreen = true
	v.WindowTitle = "dgmaturity workshop"
	return v
}

// viewJoin draws the join screen.
func (p Participant) viewJoin() string {
	m := p.m
	w := m.width - 2
	var b strings.Builder
	b.WriteString(m.styles.Heading.Render(m.p.T("tui.workshop.join_title")) + "\n\n")
	b.WriteString(wrap(m.p.T("tui.workshop.join_intro"), w) + "\n\n")
	b.WriteString(wrap(m.p.T("tui.workshop.join_again"), w) + "\n\n")
	b.WriteString(m.styles.Subtle.Render(m.p.T("tui.workshop.name")) + "\n" + p.name.View() + "\n\n")
	b.WriteString(m.styles.Subtle.Render(m.p.T("tui.workshop.role")) + "\n" + p.role.View() + "\n")
	keys := bindings{short: []key.Binding{
		key.NewBinding(key.WithKeys("enter"), m.keys.help("enter", "tui.key.next_join")),
		key.NewBinding(key.WithKeys("tab"), m.keys.help("tab", "tui.key.switch_field")),
		key.NewBinding(key.WithKeys("esc"), m.keys.help("esc", "tui.key.leave")),
	}}
	return m.frame(indent(b.String(), 1), m.styles.Subtle.Render(m.p.T("tui.workshop.title")), keys)
}

// viewReveal draws the distribution the facilitator revealed.
func (p Participant) viewReveal() string {
	m, r := p.m, p.reveal
	w := m.width - 2
	var b strings.Builder
	b.WriteString(m.styles.Heading.Render(m.p.T("tui.workshop.discussion", "ID", r.QuestionID)) + "\n")
	b.WriteString(m.styles.Question.Render(wrap(oneLine(r.Text), w)) + "\n\n")
	total := r.DontKnow + r.NA
	for _, n := range r.Levels {
		total += n
	}
	b.WriteString(wrap(m.p.N("tui.workshop.room", total), w) + "\n\n")
	most := max(1, r.DontKnow, r.NA)
	for _, n := range r.Levels {
		most = max(most, n)
	}
	barW := max(10, min(40, w-36))
	row := func(label string, n int) {
		filled := n * barW / most
		bar := m.styles.Bar.Render(strings.Repeat("█", filled)) + strings.Repeat("·", barW-filled)
		b.WriteString(fmt.Sprintf("  %s %s %2d\n", padRight(truncate(label, 24), 24), bar, n))
	}
	for l, n := range r.Levels {
		row(fmt.Sprintf("%d %s", l, m.q.LevelName(l)), n)
	}
	row(m.p.T("tui.workshop.dont_know"), r.DontKnow)
	row(m.p.T("tui.workshop.na"), r.NA)
	keys := bindings{short: []key.Binding{
		key.NewBinding(key.WithKeys("esc"), m.keys.help("esc/enter", "tui.key.back_to_your_questions")),
	}}
	return m.frame(indent(b.String(), 1), m.styles.Subtle.Render(m.p.T("tui.workshop.revealed")), keys)
}

// viewTooSmall is the polite message below the minimum size; the local
// run's mentions --accessible, which a participant cannot use.
func (p Participant) viewTooSmall() string {
	m := p.m
	msg := m.p.T("tui.workshop.small", "MinWidth", minWidth, "MinHeight", minHeight, "Width", m.width, "Height", m.height)
	hint := m.p.T("tui.workshop.small_hint")
	w := max(10, m.width-2)
	return indent(wrap(msg, w)+"\n\n"+wrap(hint, w), 1)
}

// viewQuit asks whether to leave the workshop. The local run's dialog
// names the draft file, which is on the facilitator's computer.
func (p Participant) viewQuit() string {
	m := p.m
	bw := min(m.width-2, 70)
	s := m.styles.Heading.Render(m.p.T("tui.workshop.leave_title")) + "\n\n" +
		wrap(m.p.T("tui.workshop.leave_body"), bw-4) +
		"\n\n" + m.p.T("tui.workshop.leave_keys")
	keys := bindings{short: []key.Binding{m.keys.Confirm, m.keys.Deny}}
	return m.frame("\n"+m.styles.Overlay.Width(bw).Render(s), "", keys)
}

// finishHint is what the review says finishing does.
func (m Model) finishHint() string {
	if m.opts.Workshop {
		return m.p.T("tui.finish.hint_workshop")
	}
	return m.p.T("tui.finish.hint", "Folder", m.outDirLabel())
}
