package tui

import (
	"errors"
	"os"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/internal/locale"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// draftsMsg carries the unfinished drafts found in the state folder.
type draftsMsg struct {
	Drafts []assessment.DraftInfo
	// Releases maps the path of a draft made with an earlier built-in
	// release to that release.
	Releases map[string]*questionnaire.Questionnaire
	Err      error
}

// loadDraftsCmd lists the unfinished drafts of the instrument, and those
// of its earlier built-in releases with their answers counted against
// their own release.
func loadDraftsCmd(dir string, q *questionnaire.Questionnaire) tea.Cmd {
	return func() tea.Msg {
		d, err := assessment.AllDrafts(dir, q)
		rels := map[string]*questionnaire.Questionnaire{}
		counted := map[string]bool{} // the releases whose drafts are counted
		for i := range d {
			if d[i].Compatible {
				continue
			}
			rel, ok := EarlierRelease(d[i].Questionnaire, q)
			if !ok {
				continue
			}
			rels[d[i].Path] = rel
			if counted[rel.Version] {
				continue
			}
			counted[rel.Version] = true
			// Counted against the current release, a 1.0.0 draft would
			// seem to have fewer answers than it has.
			own, _ := assessment.AllDrafts(dir, rel)
			for _, o := range own {
				for j := range d {
					if d[j].Path == o.Path && o.Compatible {
						d[j].Answered, d[j].Total = o.Answered, o.Total
					}
				}
			}
		}
		return draftsMsg{Drafts: d, Releases: rels, Err: err}
	}
}

// draftLoadedMsg carries a draft read for resuming.
type draftLoadedMsg struct {
	Path       string
	Assessment *assessment.Assessment
	Err        error
	// Release is the earlier built-in release the draft was made with,
	// when the user chose what to do with such a draft; nil for a draft of
	// the instrument in use.
	Release *questionnaire.Questionnaire
	// Carry is set when the answers are to be carried into the instrument
	// in use (a new draft); unset with Release, the draft is finished in
	// its own release.
	Carry bool
}

// loadDraftCmd reads the draft at path.
func loadDraftCmd(path string, q *questionnaire.Questionnaire) tea.Cmd {
	return func() tea.Msg {
		a, _, err := assessment.Load(path, q)
		return draftLoadedMsg{Path: path, Assessment: a, Err: err}
	}
}

// loadReleaseDraftCmd reads the draft at path, made with the earlier
// release rel, to finish it in rel or (carry) to carry its answers into
// the instrument in use.
func loadReleaseDraftCmd(path string, rel *questionnaire.Questionnaire, carry bool) tea.Cmd {
	return func() tea.Msg {
		a, _, err := assessment.Load(path, rel)
		return draftLoadedMsg{Path: path, Assessment: a, Err: err, Release: rel, Carry: carry}
	}
}

// EarlierRelease returns the built-in release a draft made with ref was
// made with, when it is an earlier release of the instrument q: such a
// draft can be finished in its release or carried into q. A later release
// (a run with --release) or another instrument gives false.
func EarlierRelease(ref assessment.QuestionnaireRef, q *questionnaire.Questionnaire) (*questionnaire.Questionnaire, bool) {
	rel, ok := questionnaire.Release(ref.ID, ref.Version, ref.SHA256)
	if !ok || rel.ID != q.ID {
		return nil, false
	}
	order := map[string]int{}
	for i, r := range questionnaire.Releases() {
		order[r.Version] = i
	}
	cur, known := order[q.Version]
	if !known || order[rel.Version] >= cur {
		return nil, false
	}
	return rel, true
}

// The choices of the dialog about a draft of an earlier release.
const (
	releaseFinish = iota // finish the draft in its own release
	releaseCarry         // carry its answers into the release in use
)

// draftRelease returns the earlier built-in release draft d was made with,
// or nil (the instrument in use, or another questionnaire).
func (m Model) draftRelease(d assessment.DraftInfo) *questionnaire.Questionnaire {
	if d.Compatible {
		return nil
	}
	return m.releases[d.Path]
}

// updateResume handles the draft list and the choice between resuming and
// starting anew.
func (m Model) updateResume(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case draftsMsg:
		if msg.Err != nil {
			// Drafts cannot be offered, but a new assessment still can.
			m.notice = notice{text: m.p.T("tui.resume.list_failed", "Error", input.Describe(msg.Err, m.p)), isErr: true}
		}
		if len(msg.Drafts) == 0 {
			return m.showForm()
		}
		m.drafts, m.releases = msg.Drafts, msg.Releases
		m.screen = screenResume
		return m, nil
	case draftLoadedMsg:
		if msg.Err != nil {
			m.notice = notice{text: m.p.T("tui.resume.load_failed", "Error", input.Describe(msg.Err, m.p)), isErr: true}
			return m, nil
		}
		if msg.Release != nil {
			if msg.Carry {
				return m.carryDraft(msg.Path, msg.Assessment, msg.Release)
			}
			m.useRelease(msg.Release)
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
			m.notice = notice{text: m.p.T("tui.resume.delete_failed", "Error", msg.Err.Error()), isErr: true}
		} else {
			m.notice = notice{text: m.p.T("tui.resume.deleted")}
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
		if m.overlay == overlayRelease {
			return m.keyRelease(msg)
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
				if m.draftRelease(d) != nil {
					m.overlay, m.releaseCursor = overlayRelease, releaseFinish
					return m, nil
				}
				if !d.Compatible {
					id := "tui.resume.other_questionnaire"
					if _, ok := questionnaire.Release(d.Questionnaire.ID, d.Questionnaire.Version, d.Questionnaire.SHA256); ok {
						// An earlier built-in release: it is still embedded.
						id = "tui.resume.other_release"
					}
					m.notice = notice{text: m.p.T(id, "ID", d.Questionnaire.ID, "Version", d.Questionnaire.Version), isErr: true}
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
			m.notice = notice{text: m.p.T("tui.resume.unknown_key", "Key", keyLabel(msg))}
		}
	}
	return m, nil
}

// keyRelease handles the dialog about a draft of an earlier release:
// finish it in that release, or carry its answers into the one in use.
func (m Model) keyRelease(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	d := m.drafts[m.resumeCursor]
	rel := m.draftRelease(d)
	pick := -1
	switch {
	case key.Matches(msg, m.keys.Interrupt):
		return m.interrupt()
	case key.Matches(msg, m.keys.Back):
		m.overlay = overlayNone
	case key.Matches(msg, m.keys.Up), key.Matches(msg, m.keys.Down):
		m.releaseCursor = 1 - m.releaseCursor
	case key.Matches(msg, m.keys.Pick):
		pick = m.releaseCursor
	case msg.String() == "1":
		pick = releaseFinish
	case msg.String() == "2":
		pick = releaseCarry
	default:
		m.notice = notice{text: m.p.T("tui.release.unknown_key", "Key", keyLabel(msg))}
	}
	if pick < 0 || rel == nil {
		return m, nil
	}
	m.overlay = overlayNone
	return m, loadReleaseDraftCmd(d.Path, rel, pick == releaseCarry)
}

// useRelease makes the run use the earlier release rel (its questions,
// texts and recommendations): in the run's language when rel has a
// translation in it, else wholly in English with a notice, as for any
// instrument without a translation.
func (m *Model) useRelease(rel *questionnaire.Questionnaire) {
	m.base, m.q = rel, rel
	t, ok := locale.Parse(m.lang)
	if !ok || t == locale.English {
		return
	}
	q, err := rel.Localized(string(t))
	if err != nil {
		m.notice = notice{text: m.p.T("tui.lang.fallback", "ID", rel.ID, "Version", rel.Version), isErr: true}
		m.lang, m.p = string(locale.English), locale.For(locale.English)
		m.keys = LocalizedKeyMap(m.p)
		return
	}
	m.q = q
}

// carryDraft starts a new draft of the instrument in use with the answers
// (and comments) of old, made with the earlier release rel, that
// assessment.Carry carries: the questions both releases share. The old
// draft at path stays until the new assessment is finished (finish
// removes it), so that nothing is lost if this run is left.
func (m Model) carryDraft(path string, old *assessment.Assessment, rel *questionnaire.Questionnaire) (tea.Model, tea.Cmd) {
	m.setLanguage(old.Language)
	carried, left := assessment.Carry(old.Answers, rel, m.base)
	m.a = assessment.New(m.q, old.Organisation, assessment.Respondent{}, m.opts.Now().Format("2006-01-02"), m.lang, m.opts.Tool)
	m.a.Respondents = append(m.a.Respondents, old.Respondents...)
	m.a.Answers = carried
	answered := 0
	for _, a := range carried {
		if a.Answered() {
			answered++
		}
	}
	// New or changed: the questions of the release in use that the old
	// one lacks (a changed construct has a new id), and those whose old
	// answer does not fit them any more.
	changed := 0
	for _, q := range m.base.Questions {
		if _, ok := rel.Question(q.ID); !ok || slices.Contains(left, q.ID) {
			changed++
		}
	}
	m.saver = newSaver(m.opts.StateDir, "")
	m.carriedFrom = path
	m.startQuestions()
	// The carried answers are scattered over the new release: its first
	// open question, not the one after the last answer, is where to start.
	if i, ok := m.nextUnanswered(-1); ok && m.screen == screenQuestion {
		m.goTo(i)
	}
	// One line: the dialog said that the old draft is kept.
	m.notice = notice{text: m.p.N("tui.release.carried", answered, "Changed", changed, "New", m.base.Version)}
	return m, m.saveCmd()
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
// unless --lang chose it, the language (of the questions and of
// everything the program says); it starts on the run's language.
func (m Model) newForm() (*huh.Form, *formValues) {
	p := m.p
	v := &formValues{org: m.opts.Organisation, typ: assessment.OrganisationTypes[0], lang: m.lang}
	types := make([]huh.Option[string], len(assessment.OrganisationTypes))
	for i, t := range assessment.OrganisationTypes {
		types[i] = huh.NewOption(p.T("tui.orgtype."+t), t)
	}
	fields := []huh.Field{
		// A text area, not a one-line input: a long name wraps and its
		// start stays in view (an input scrolls to show its end).
		huh.NewText().Key("org").Title(p.T("tui.form.org")).
			Description(p.T("tui.form.org_description")).
			Value(&v.org).CharLimit(200).Lines(2).ShowLineNumbers(false).ExternalEditor(false).
			Validate(func(s string) error {
				if strings.TrimSpace(s) == "" {
					return errors.New(p.T("tui.form.org_required"))
				}
				return checkTyped(p, p.T("tui.form.what_org"), s)
			}),
		huh.NewSelect[string]().Key("type").Title(p.T("tui.form.type")).
			Options(types...).Value(&v.typ).Inline(true),
		huh.NewInput().Key("name").Title(p.T("tui.form.name")).
			Value(&v.name).CharLimit(200).
			Validate(func(s string) error { return checkTyped(p, p.T("tui.form.what_name"), s) }),
		huh.NewInput().Key("role").Title(p.T("tui.form.role")).
			Value(&v.role).CharLimit(200).
			Validate(func(s string) error { return checkTyped(p, p.T("tui.form.what_role"), s) }),
	}
	if !m.opts.LangFixed && m.opts.Base != nil {
		langs := make([]huh.Option[string], len(locale.Supported))
		for i, l := range locale.Supported {
			langs[i] = huh.NewOption(l.Name(), string(l))
		}
		fields = append(fields, huh.NewSelect[string]().Key("lang").Title(p.T("tui.form.language")).
			Options(langs...).Value(&v.lang).Inline(true))
	}
	f := huh.NewForm(huh.NewGroup(fields...).
		Title(p.T("tui.form.title")).
		Description(p.T("tui.form.description", "Folder", m.outDirLabel()))).
		WithShowHelp(false).   // the frame shows the form's keys on the help line
		WithShowErrors(false). // and its errors on the notice line
		WithKeyMap(formKeyMap(m.keys)).
		WithTheme(m.formTheme())
	return sizeForm(f, m.width, m.height), v
}

// checkTyped applies the text policy of every reader (input.CheckText) to
// a typed or pasted field, so that what is saved can be read back.
func checkTyped(p *locale.Printer, what, s string) error {
	if reason := textProblem(p, s, input.SingleLine); reason != "" {
		return errors.New(p.T("tui.form.bad_text", "What", what, "Reason", reason))
	}
	return nil
}

// formKeyMap is huh's key map with ↑/↓ changing the organisation type as
// ←/→ do (an inline select otherwise takes only ←/→).
//
// The help texts of the keys the form shows are in the key map's language.
func formKeyMap(k KeyMap) *huh.KeyMap {
	km := huh.NewDefaultKeyMap()
	km.Select.Left = key.NewBinding(key.WithKeys("left", "h", "up", "k"), k.help("←/↑", "tui.key.previous_choice"))
	km.Select.Right = key.NewBinding(key.WithKeys("right", "l", "down", "j"), k.help("→/↓", "tui.key.next_choice"))
	for _, b := range []*key.Binding{&km.Input.Next, &km.Text.Next, &km.Select.Next, &km.Confirm.Next, &km.Note.Next} {
		b.SetHelp(k.label(b.Help().Key), k.text("tui.key.next_field"))
	}
	for _, b := range []*key.Binding{&km.Input.Prev, &km.Text.Prev, &km.Select.Prev, &km.Confirm.Prev, &km.Note.Prev} {
		b.SetHelp(k.label(b.Help().Key), k.text("tui.key.back"))
	}
	for _, b := range []*key.Binding{&km.Input.Submit, &km.Text.Submit, &km.Select.Submit, &km.Confirm.Submit, &km.Note.Submit} {
		b.SetHelp(k.label(b.Help().Key), k.text("tui.key.submit"))
	}
	km.Input.AcceptSuggestion.SetHelp(k.label(km.Input.AcceptSuggestion.Help().Key), k.text("tui.key.complete"))
	km.Text.Editor.SetHelp(k.label(km.Text.Editor.Help().Key), k.text("tui.key.editor"))
	km.Text.NewLine.SetHelp(k.label(km.Text.NewLine.Help().Key), k.text("tui.key.new_line"))
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
		m.notice = notice{} // a start-up notice (drafts not listed) is stale now
		m.setLanguage(v.lang)
		org := assessment.Organisation{Name: strings.TrimSpace(v.org), Type: v.typ}
		var resp assessment.Respondent
		if name, role := strings.TrimSpace(v.name), strings.TrimSpace(v.role); name != "" || role != "" {
			resp = assessment.Respondent{Name: name, Role: role}
		}
		m.a = assessment.New(m.q, org, resp, m.opts.Now().Format("2006-01-02"), m.lang, m.opts.Tool)
		m.form = nil
		m.startQuestions()
		return m, m.saveCmd()
	}
	return m, cmd
}

// setLanguage switches the run to lang: the program's words and the
// questions. It does nothing when --lang fixed the language, lang is the
// one in use, or the instrument cannot change language (no Base). When
// the instrument has no translation in lang, the whole run goes on in
// English and the notice says so once, in lang: never a mixed screen.
func (m *Model) setLanguage(lang string) {
	t, ok := locale.Parse(lang)
	if !ok || m.opts.LangFixed || string(t) == m.lang || m.opts.Base == nil {
		return
	}
	m.localize(t)
}

// localize shows the run in t: the program's words and the instrument
// localised from Base, or wholly English with a notice (in t) when the
// instrument has no translation in t.
func (m *Model) localize(t locale.Tag) {
	q, err := m.base.Localized(string(t))
	if err != nil {
		m.notice = notice{text: locale.For(t).T("tui.lang.fallback", "ID", m.base.ID, "Version", m.base.Version), isErr: true}
		t, q = locale.English, m.base
	}
	m.q, m.lang, m.p = q, string(t), locale.For(t)
	m.keys = LocalizedKeyMap(m.p)
}
