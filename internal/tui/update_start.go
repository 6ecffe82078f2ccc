package tui

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// draftsMsg carries the unfinished drafts found in the state folder.
type draftsMsg struct {
	Drafts []assessment.DraftInfo
	Err    error
}

// loadDraftsCmd lists the unfinished drafts of the instrument.
func loadDraftsCmd(dir string, q *questionnaire.Questionnaire) tea.Cmd {
	return func() tea.Msg {
		d, err := assessment.AllDrafts(dir, q)
		return draftsMsg{Drafts: d, Err: err}
	}
}

// draftLoadedMsg carries a draft read for resuming.
type draftLoadedMsg struct {
	Path       string
	Assessment *assessment.Assessment
	Err        error
}

// loadDraftCmd reads the draft at path.
func loadDraftCmd(path string, q *questionnaire.Questionnaire) tea.Cmd {
	return func() tea.Msg {
		a, _, err := assessment.Load(path, q)
		return draftLoadedMsg{Path: path, Assessment: a, Err: err}
	}
}

// updateResume handles the draft list and the choice between resuming and
// starting anew.
func (m Model) updateResume(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case draftsMsg:
		if msg.Err != nil {
			// Drafts cannot be offered, but a new assessment still can.
			m.notice = notice{text: "Could not list unfinished assessments: " + msg.Err.Error(), isErr: true}
		}
		if len(msg.Drafts) == 0 {
			return m.showForm()
		}
		m.drafts = msg.Drafts
		m.screen = screenResume
		return m, nil
	case draftLoadedMsg:
		if msg.Err != nil {
			m.notice = notice{text: "Could not resume: " + msg.Err.Error(), isErr: true}
			return m, nil
		}
		m.a = msg.Assessment
		// A finished assessment reopened is a draft again until it is
		// finished anew; it keeps its draft file.
		m.a.Complete = false
		m.saver = newSaver(m.opts.StateDir, msg.Path)
		m.setLanguage(m.a.Language)
		m.startQuestions()
		return m, nil
	case draftDeletedMsg:
		if msg.Err != nil {
			m.notice = notice{text: "Could not delete the draft: " + msg.Err.Error(), isErr: true}
		} else {
			m.notice = notice{text: "Draft deleted."}
		}
		var rest []assessment.DraftInfo
		for _, d := range m.drafts {
			if d.Path != msg.Path || msg.Err != nil {
				rest = append(rest, d)
			}
		}
		m.drafts = rest
		m.resumeCursor = min(m.resumeCursor, len(rest))
		return m, nil
	case tea.KeyPressMsg:
		if m.screen != screenResume {
			if key.Matches(msg, m.keys.Interrupt) {
				return m.interrupt()
			}
			return m, nil
		}
		n := len(m.drafts) + 1 // the drafts, then "start a new assessment"
		if !m.notice.isErr {
			m.notice = notice{}
		}
		if m.overlay == overlayDelete {
			m.overlay = overlayNone
			switch {
			case key.Matches(msg, m.keys.Interrupt):
				return m.interrupt()
			case key.Matches(msg, m.keys.Confirm) && m.resumeCursor < len(m.drafts):
				return m, deleteDraftCmd(m.drafts[m.resumeCursor].Path)
			}
			return m, nil
		}
		m.notice = notice{}
		switch {
		case key.Matches(msg, m.keys.Interrupt):
			return m.interrupt()
		case key.Matches(msg, m.keys.Quit):
			return m, tea.Quit
		case key.Matches(msg, m.keys.Up):
			m.resumeCursor = (m.resumeCursor + n - 1) % n
		case key.Matches(msg, m.keys.Down):
			m.resumeCursor = (m.resumeCursor + 1) % n
		case key.Matches(msg, m.keys.Pick):
			if m.resumeCursor < len(m.drafts) {
				d := m.drafts[m.resumeCursor]
				if !d.Compatible {
					how := "run dgmaturity --questionnaire with that file to resume it"
					if _, ok := questionnaire.Release(d.Questionnaire.ID, d.Questionnaire.Version, d.Questionnaire.SHA256); ok {
						// An earlier built-in release: it is still embedded.
						how = "run dgmaturity --release " + d.Questionnaire.Version + " to finish it in that version"
					}
					m.notice = notice{text: fmt.Sprintf("This draft was made with questionnaire %s %s; %s.", d.Questionnaire.ID, d.Questionnaire.Version, how), isErr: true}
					return m, nil
				}
				return m, loadDraftCmd(d.Path, m.q)
			}
			return m.showForm()
		case key.Matches(msg, m.keys.Delete):
			if m.resumeCursor < len(m.drafts) {
				m.overlay = overlayDelete
			}
		default:
			m.notice = notice{text: fmt.Sprintf("%s does nothing here. Keys: ↑/↓ choose, enter open, x delete, q quit.", keyLabel(msg))}
		}
	}
	return m, nil
}

// draftDeletedMsg reports the deletion of a draft.
type draftDeletedMsg struct {
	Path string
	Err  error
}

// deleteDraftCmd deletes the draft at path.
func deleteDraftCmd(path string) tea.Cmd {
	return func() tea.Msg {
		return draftDeletedMsg{Path: path, Err: os.Remove(path)}
	}
}

// showForm switches to the start form.
func (m Model) showForm() (tea.Model, tea.Cmd) {
	m.screen = screenForm
	m.form, m.formVals = m.newForm()
	cmds := []tea.Cmd{m.form.Init()}
	if m.width > 0 {
		// The form learns the window size from the model, not from a
		// WindowSizeMsg sent through the program: Bubble Tea answers every
		// WindowSizeMsg by clearing the screen and redrawing it whole, a
		// visible flicker just after the first frame.
		cmds = append(cmds, m.forwardToForm(tea.WindowSizeMsg{Width: m.width, Height: m.height}))
	}
	return m, tea.Batch(cmds...)
}

// newForm builds the start form: organisation, type, respondent, role and,
// where the instrument has several and none was chosen with --lang, the
// language.
func (m Model) newForm() (*huh.Form, *formValues) {
	v := &formValues{org: m.opts.Organisation, typ: assessment.OrganisationTypes[0], lang: m.lang}
	if v.lang == "" && len(m.q.Languages) > 0 {
		v.lang = m.q.Languages[0]
	}
	types := make([]huh.Option[string], len(assessment.OrganisationTypes))
	for i, t := range assessment.OrganisationTypes {
		types[i] = huh.NewOption(strings.ToUpper(t[:1])+t[1:], t)
	}
	fields := []huh.Field{
		// A text area, not a one-line input: a long name wraps and its
		// start stays in view (an input scrolls to show its end).
		huh.NewText().Key("org").Title("Organisation (required)").
			Description("The public sector organisation being assessed.").
			Value(&v.org).CharLimit(200).Lines(2).ShowLineNumbers(false).ExternalEditor(false).
			Validate(func(s string) error {
				if strings.TrimSpace(s) == "" {
					return errors.New("the organisation's name is required: the report and the file names carry it")
				}
				return checkTyped("the organisation's name", s)
			}),
		huh.NewSelect[string]().Key("type").Title("Type of organisation (←/→ or ↑/↓ to change)").
			Options(types...).Value(&v.typ).Inline(true),
		huh.NewInput().Key("name").Title("Your name (optional)").
			Value(&v.name).CharLimit(200).
			Validate(func(s string) error { return checkTyped("your name", s) }),
		huh.NewInput().Key("role").Title("Your role (optional, e.g. head of digital)").
			Value(&v.role).CharLimit(200).
			Validate(func(s string) error { return checkTyped("your role", s) }),
	}
	if m.opts.Lang == "" && len(m.q.Languages) > 1 {
		langs := make([]huh.Option[string], len(m.q.Languages))
		for i, l := range m.q.Languages {
			langs[i] = huh.NewOption(languageName(l), l)
		}
		fields = append(fields, huh.NewSelect[string]().Key("lang").Title("Language of the questions").
			Options(langs...).Value(&v.lang).Inline(true))
	}
	f := huh.NewForm(huh.NewGroup(fields...).
		Title("New assessment").
		Description("Who is assessing? Every answer is saved as you go; you can stop and resume at any time. The report will be written to " + m.outDirLabel() + ".")).
		WithShowHelp(false).   // the frame shows the form's keys on the help line
		WithShowErrors(false). // and its errors on the notice line
		WithKeyMap(formKeyMap()).
		WithTheme(m.formTheme())
	return sizeForm(f, m.width, m.height), v
}

// checkTyped applies the text policy of every reader (input.CheckText) to
// a typed or pasted field, so that what is saved can be read back.
func checkTyped(what, s string) error {
	if reason := input.CheckText(s, input.SingleLine); reason != "" {
		return errors.New(what + " " + reason)
	}
	return nil
}

// formKeyMap is huh's key map with ↑/↓ changing the organisation type as
// ←/→ do (an inline select otherwise takes only ←/→).
func formKeyMap() *huh.KeyMap {
	km := huh.NewDefaultKeyMap()
	km.Select.Left = key.NewBinding(key.WithKeys("left", "h", "up", "k"), key.WithHelp("←/↑", "previous type"))
	km.Select.Right = key.NewBinding(key.WithKeys("right", "l", "down", "j"), key.WithHelp("→/↓", "next type"))
	km.Select.Filter.SetEnabled(false) // four types need no filter
	km.Text.NewLine.SetEnabled(false)  // a name is one line
	return km
}

// sizeForm fits the form into the frame's body, leaving room for the
// notice line.
func sizeForm(f *huh.Form, w, h int) *huh.Form {
	if w == 0 || h == 0 {
		return f
	}
	return f.WithWidth(min(72, max(40, w-4))).WithHeight(max(8, h-7)) // header, rule, notice, rule, two lines of keys
}

// formTheme is the form's theme for the model's background: the model
// knows it from the terminal's answer, which may come before the form
// exists, so the theme does not wait for huh to be told.
func (m Model) formTheme() huh.Theme {
	noColor, dark := m.opts.NoColor, m.isDark
	return huh.ThemeFunc(func(bool) *huh.Styles {
		if noColor {
			return huh.ThemeBase(dark)
		}
		return huh.ThemeCharm(dark)
	})
}

// languageName is the name of a language in itself, for the form.
func languageName(code string) string {
	switch code {
	case "en":
		return "English"
	case "fr":
		return "Français"
	case "de":
		return "Deutsch"
	case "lb":
		return "Lëtzebuergesch"
	}
	return code
}

// forwardToForm passes a message to the start form, if it is showing.
func (m *Model) forwardToForm(msg tea.Msg) tea.Cmd {
	if m.screen != screenForm || m.form == nil {
		return nil
	}
	fm, cmd := m.form.Update(msg)
	if f, ok := fm.(*huh.Form); ok {
		m.form = f
	}
	return cmd
}

// updateForm runs the start form; once it is done it creates the
// assessment and saves its first draft.
func (m Model) updateForm(msg tea.Msg) (tea.Model, tea.Cmd) {
	if kp, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(kp, m.keys.Interrupt):
			return m.interrupt()
		case key.Matches(kp, m.keys.Back):
			// Leave the form: nothing is saved before it is done.
			if len(m.drafts) > 0 {
				m.form, m.screen = nil, screenResume
				return m, nil
			}
			return m, tea.Quit
		}
	}
	cmd := m.forwardToForm(msg)
	switch m.form.State {
	case huh.StateAborted:
		return m, tea.Quit // nothing was answered yet: nothing to keep
	case huh.StateCompleted:
		v := m.formVals
		m.setLanguage(v.lang)
		org := assessment.Organisation{Name: strings.TrimSpace(v.org), Type: v.typ}
		var resp assessment.Respondent
		if name, role := strings.TrimSpace(v.name), strings.TrimSpace(v.role); name != "" || role != "" {
			resp = assessment.Respondent{Name: name, Role: role}
		}
		m.a = assessment.New(m.q, org, resp, m.opts.Now().Format("2006-01-02"), v.lang, m.opts.Tool)
		m.form = nil
		m.notice = notice{} // a start-up notice (drafts not listed) is stale now
		m.startQuestions()
		return m, m.saveCmd()
	}
	return m, cmd
}

// setLanguage shows the questions in lang, unless --lang chose one
// already (the explicit choice wins) or lang is the one shown.
func (m *Model) setLanguage(lang string) {
	if lang == "" || m.opts.Lang != "" || lang == m.lang {
		return
	}
	if m.lang == "" && len(m.base.Languages) > 0 && lang == m.base.Languages[0] {
		return
	}
	q, err := m.base.Localized(lang)
	if err != nil {
		m.notice = notice{text: "Questions stay in the default language: " + err.Error(), isErr: true}
		return
	}
	m.q, m.lang = q, lang
}
