// Package tui is the interactive assessment: one Bubble Tea root model
// that moves between screens (resume or start, questions, review, results),
// saves every answer to a draft at once, and ends in publish.Write, the same
// function the non-interactive run ends in.
//
// Layout of the package: model.go holds the model, its options and the
// dispatch; keys.go the key map; styles.go the styles; update_*.go the
// handlers and view_*.go the rendering of each screen; save.go the ordered
// draft writes; layout.go small text helpers.
package tui

import (
	"context"
	"errors"
	"io"
	"path/filepath"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/huh/v2"
	"github.com/charmbracelet/colorprofile"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/locale"
	"github.com/dgmaturity/dgmaturity/internal/publish"
	"github.com/dgmaturity/dgmaturity/internal/scoring"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// Minimum terminal size; below it the screen says so instead of drawing a
// broken layout.
const (
	minWidth  = 80
	minHeight = 24
	// sidebarMinWidth is the width from which the area sidebar is shown.
	sidebarMinWidth = 100
)

// PublishFunc writes the final files; publish.Write in production.
type PublishFunc func(dir string, q *questionnaire.Questionnaire, a *assessment.Assessment, tool string) (publish.Paths, error)

// Options configure a Model.
type Options struct {
	// Questionnaire is the instrument in use (already localised to Lang).
	Questionnaire *questionnaire.Questionnaire
	// Base is the instrument in its own language, from which the start
	// form's language choice and a resumed draft's language localise it;
	// nil keeps Questionnaire (the form then offers no language).
	Base *questionnaire.Questionnaire
	// Lang is the language of the run: of the program's words and of
	// Questionnaire; "" is English.
	Lang string
	// LangFixed is set when --lang chose the language: the form does not
	// ask, and a resumed draft's language does not replace it.
	LangFixed bool
	// Assessment is an assessment to continue (--resume); nil starts with
	// the offer to resume a draft, or the form for a new one.
	Assessment *assessment.Assessment
	// DraftPath is the draft file Assessment was read from, when it is an
	// unfinished draft: changes are saved back to it. Empty saves to a new
	// draft in StateDir.
	DraftPath string
	// StateDir holds the drafts (assessment.StateDir()); empty disables
	// both the resume offer and draft saving (tests).
	StateDir string
	// OutDir receives the report, the chart and the assessment file.
	OutDir string
	// Tool is written into the assessment ("dgmaturity 0.1.0").
	Tool string
	// Organisation prefills the organisation name in the form (--org).
	Organisation string
	// Now is the clock; nil is time.Now.
	Now func() time.Time
	// Publish writes the final files; nil is publish.Write.
	Publish PublishFunc
	// NoColor draws without any colour (NO_COLOR).
	NoColor bool
	// Target is the default target level (--target); 0 keeps the
	// assessment's own, else 3. The targets step starts from it.
	Target int
	// Previous is an earlier assessment to show progress against
	// (--previous); "" looks for one in OutDir. Used when Publish is nil.
	Previous string
	// Formats are the report formats to write (--format); the zero value
	// writes both Markdown and HTML. Used when Publish is nil.
	Formats publish.Formats
	// Workshop marks a participant's session of a live workshop:
	// finishing writes no files (the facilitator's close publishes
	// everyone's), and the screens say so.
	Workshop bool
}

// screen is what the model shows.
type screen int

// The screens, in the order a run meets them.
const (
	// screenLoading waits for the list of unfinished drafts.
	screenLoading screen = iota
	// screenResume offers the unfinished drafts or a new assessment.
	screenResume
	// screenForm asks who is assessing (a huh form).
	screenForm
	// screenQuestion asks one question.
	screenQuestion
	// screenReview lists the gaps before finishing.
	screenReview
	// screenTargets sets a target level per area (skippable).
	screenTargets
	// screenFinishing waits for the files to be written.
	screenFinishing
	// screenResults shows the scores and the report.
	screenResults
)

// String names the screen, for tests and debugging.
func (s screen) String() string {
	switch s {
	case screenLoading:
		return "loading"
	case screenResume:
		return "resume"
	case screenForm:
		return "form"
	case screenQuestion:
		return "question"
	case screenReview:
		return "review"
	case screenTargets:
		return "targets"
	case screenFinishing:
		return "finishing"
	case screenResults:
		return "results"
	}
	return "unknown"
}

// overlay is a dialog drawn over the question or review screen.
type overlay int

// The dialogs; overlayNone is none.
const (
	overlayNone overlay = iota
	// overlayHelp explains the question and lists every key.
	overlayHelp
	// overlayComment edits the comment.
	overlayComment
	// overlayNA asks why the question does not apply.
	overlayNA
	// overlayAreas picks an area to jump to.
	overlayAreas
	// overlayQuit asks whether to quit.
	overlayQuit
	// overlayFinish asks whether to finish with gaps.
	overlayFinish
	// overlayReplace asks whether to replace "not applicable" (and its
	// reason) with the answer just given.
	overlayReplace
	// overlaySaveFailed says that the draft cannot be saved, and why, and
	// offers to go on without drafts or to quit.
	overlaySaveFailed
	// overlayFolder asks for another output folder.
	overlayFolder
	// overlayDelete asks whether to delete a draft (start screen).
	overlayDelete
	// overlayRelease asks what to do with a draft of an earlier release:
	// finish it in that release, or carry its answers into the one in use.
	overlayRelease
)

// pane is the part of the results screen shown in the viewport.
type pane int

// The panes of the results screen.
const (
	paneSummary pane = iota
	paneReport
)

// notice is a one-line message under the question: a confirmation or an
// error.
type notice struct {
	text  string
	isErr bool
}

// formValues are the answers of the start form. They live behind a pointer
// because huh writes into them while the model is copied by value.
type formValues struct {
	org, typ, name, role, lang string
}

// Model is the root model of the interactive assessment.
type Model struct {
	opts   Options
	base   *questionnaire.Questionnaire // as given, before any language change
	q      *questionnaire.Questionnaire // the instrument shown
	lang   string
	p      *locale.Printer // speaks lang
	a      *assessment.Assessment
	keys   KeyMap
	styles Styles
	help   help.Model
	isDark bool
	width  int
	height int

	screen  screen
	overlay overlay
	notice  notice

	// Start.
	drafts       []assessment.DraftInfo
	resumeCursor int
	form         *huh.Form
	formVals     *formValues
	// releases maps the path of a draft made with an earlier built-in
	// release to that release.
	releases map[string]*questionnaire.Questionnaire
	// releaseCursor is the highlighted choice of overlayRelease.
	releaseCursor int
	// carriedFrom is the draft of an earlier release whose answers this
	// run carried; finishing removes it.
	carriedFrom string

	// Question screen.
	current    int // index into q.Questions
	cursor     int // highlighted level, or noLevel
	input      textinput.Model
	areaCursor int
	// pending is the answer waiting for overlayReplace's confirmation.
	pending assessment.Answer
	// returnToReview is set when the question was opened from the review:
	// answering it goes back there.
	returnToReview bool
	// helpView scrolls the help overlay.
	helpView viewport.Model

	// Review screen.
	reviewCursor int
	// reviewAll lists every answer rather than only the gaps.
	reviewAll bool
	// outDir is the output folder: --out, or another typed on the review.
	outDir string
	// publishErr is why the files could not be written, shown in full.
	publishErr error

	// interrupted is set by ctrl+c; the command line exits with 130.
	interrupted bool
	// saveErr is why the draft cannot be saved; draftsOff is set when the
	// user chose to go on without drafts.
	saveErr   error
	draftsOff bool

	// Drafts.
	saver *saver
	seq   uint64

	// Results.
	paths publish.Paths
	// absPath makes the output folder absolute for the report preview's
	// links (filepath.Abs; tests pin it).
	absPath    func(string) (string, error)
	published  bool
	result     *scoring.Result
	report     string
	pane       pane
	viewport   viewport.Model
	preview    string
	previewKey previewKey
	// tg is the state of the targets step.
	tg targetStep
}

// New returns the model for the options. It does no I/O: drafts are looked
// up by the command Init returns.
func New(opts Options) Model {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Publish == nil {
		previous, formats := opts.Previous, opts.Formats // the zero Formats writes both
		opts.Publish = func(dir string, q *questionnaire.Questionnaire, a *assessment.Assessment, tool string) (publish.Paths, error) {
			var inputs []string
			if previous != "" {
				inputs = []string{previous}
			}
			return publish.Write(dir, q, a, tool, publish.Options{Inputs: inputs, Previous: previous, Formats: formats})
		}
	}
	m := Model{
		absPath:  filepath.Abs,
		opts:     opts,
		base:     opts.Questionnaire,
		q:        opts.Questionnaire,
		lang:     opts.Lang,
		p:        locale.For(locale.Tag(opts.Lang)),
		isDark:   true, // until the terminal answers; most terminals are dark
		help:     help.New(),
		viewport: viewport.New(),
		helpView: viewport.New(),
		outDir:   opts.OutDir,
		saver:    newSaver(opts.StateDir, opts.DraftPath),
	}
	if m.lang == "" {
		m.lang = string(locale.English)
	}
	if opts.Base != nil {
		// The instrument is localised here, so that a missing translation
		// turns the whole run to English, said once on screen.
		m.base, m.q, m.lang, m.p = opts.Base, opts.Base, string(locale.English), locale.For(locale.English)
		if t, ok := locale.Parse(opts.Lang); ok && t != locale.English {
			m.localize(t)
		}
	}
	m.keys = LocalizedKeyMap(m.p)
	m.applyStyles()
	m.input = textinput.New()
	m.input.CharLimit = 2000
	m.input.SetStyles(m.styles.Input)
	switch {
	case opts.Assessment != nil:
		m.a = opts.Assessment
		// Editing a finished assessment makes it a draft again.
		m.a.Complete = false
		m.setLanguage(m.a.Language)
		m.startQuestions()
	case opts.StateDir != "":
		m.screen = screenLoading
	default:
		m.screen = screenForm
		m.form, m.formVals = m.newForm()
	}
	return m
}

// Init asks for the terminal's background colour and starts the first
// screen's work.
func (m Model) Init() tea.Cmd {
	cmds := []tea.Cmd{tea.RequestBackgroundColor}
	switch m.screen {
	case screenLoading:
		cmds = append(cmds, loadDraftsCmd(m.opts.StateDir, m.q))
	case screenForm:
		cmds = append(cmds, m.form.Init())
	}
	return tea.Batch(cmds...)
}

// Update handles the messages every screen shares, then hands the rest to
// the current screen.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return m.resize(msg)
	case tea.BackgroundColorMsg:
		m.isDark = msg.IsDark()
		m.applyStyles()
		if m.form != nil {
			m.form = m.form.WithTheme(m.formTheme())
		}
		return m, m.renderPreviewCmd()
	case savedMsg:
		if msg.Seq == m.seq {
			m.saveErr = nil // the newest state is on disk again
		}
		return m, nil
	case saveFailedMsg:
		// Said at once, in a dialog: a notice could be overwritten by the
		// next confirmation, and "Saved" would then be untrue.
		m.saveErr = msg.Err
		if !m.draftsOff && (m.screen == screenQuestion || m.screen == screenReview) {
			m.input.Blur()
			m.overlay = overlaySaveFailed
		}
		return m, nil
	case previewMsg:
		return m.updatePreview(msg), nil
	case tea.KeyPressMsg:
		// ctrl+c stops at once from every screen and dialog, even while
		// typing, and in a window too small to show a confirmation: every
		// answer is already on its way to the draft.
		if key.Matches(msg, m.keys.Interrupt) {
			return m.interrupt()
		}
		if m.tooSmall() {
			return m, nil
		}
	}
	switch m.screen {
	case screenLoading, screenResume:
		return m.updateResume(msg)
	case screenForm:
		return m.updateForm(msg)
	case screenQuestion:
		return m.updateQuestion(msg)
	case screenReview:
		return m.updateReview(msg)
	case screenTargets:
		return m.updateTargets(msg)
	case screenFinishing:
		return m.updateFinishing(msg)
	case screenResults:
		return m.updateResults(msg)
	}
	return m, nil
}

// View draws the current screen in the alternate screen.
func (m Model) View() tea.View {
	v := tea.NewView(m.content())
	v.AltScreen = true
	v.WindowTitle = "dgmaturity"
	return v
}

// content is the text of the view.
func (m Model) content() string {
	if m.width == 0 || m.height == 0 {
		return "" // no size yet: nothing sensible to draw
	}
	if m.tooSmall() {
		return m.viewTooSmall()
	}
	switch m.screen {
	case screenLoading:
		return m.frame(m.p.T("tui.loading"), "", bindings{})
	case screenResume:
		return m.viewResume()
	case screenForm:
		return m.viewForm()
	case screenQuestion:
		return m.viewQuestion()
	case screenReview:
		return m.viewReview()
	case screenTargets:
		return m.viewTargets()
	case screenFinishing:
		return m.frame(m.p.T("tui.finishing"), "", bindings{})
	case screenResults:
		return m.viewResults()
	}
	return ""
}

// tooSmall reports whether the window is below the minimum size. An
// unknown size (no WindowSizeMsg yet, or none at all without a terminal)
// does not count.
func (m Model) tooSmall() bool {
	if m.width == 0 && m.height == 0 {
		return false
	}
	return m.width < minWidth || m.height < minHeight
}

// resize follows the terminal size.
func (m Model) resize(msg tea.WindowSizeMsg) (Model, tea.Cmd) {
	m.width, m.height = msg.Width, msg.Height
	m.help.SetWidth(msg.Width - 2)
	m.input.SetWidth(max(10, m.mainWidth()-8))
	if m.form != nil {
		m.form = sizeForm(m.form, m.width, m.height)
	}
	cmd := m.forwardToForm(msg)
	if m.overlay == overlayHelp {
		m.layoutHelp()
	}
	if m.screen == screenResults {
		m.layoutViewport()
		return m, tea.Batch(cmd, m.renderPreviewCmd())
	}
	return m, cmd
}

// applyStyles rebuilds the styles for the colour mode and background.
func (m *Model) applyStyles() {
	m.styles = stylesFor(m.opts.NoColor, m.isDark)
	m.help.Styles = m.styles.Help
	m.input.SetStyles(m.styles.Input)
}

// Printer speaks the run's language at the end of the run (the form or a
// resumed draft may have changed it), for the command line's last words.
func (m Model) Printer() *locale.Printer { return m.p }

// Screen names the screen shown ("question", "results", ...).
func (m Model) Screen() string { return m.screen.String() }

// Assessment returns the assessment in progress or finished; nil before
// the start form is done.
func (m Model) Assessment() *assessment.Assessment { return m.a }

// DraftPath returns the draft file, or "" when nothing was saved.
func (m Model) DraftPath() string { return m.saver.Path() }

// Interrupted reports whether the run ended with ctrl+c.
func (m Model) Interrupted() bool { return m.interrupted }

// OutDir returns the output folder: --out, or the one typed on the review.
func (m Model) OutDir() string { return m.outDir }

// SaveError returns why the draft could not be saved, or nil.
func (m Model) SaveError() error { return m.saveErr }

// Paths returns the written files once the assessment is finished.
func (m Model) Paths() (publish.Paths, bool) { return m.paths, m.published }

// SameSizeFilter returns a program filter (tea.WithFilter) that drops a
// window size message repeating the size already known. Bubble Tea clears
// the screen and redraws it whole on every WindowSizeMsg, and huh's form
// asks for the size from its Init, in a sequence behind its text field's
// first cursor blink: without the filter the screen flickered about 530 ms
// after the first frame. Each program needs its own filter (it keeps the
// last size); the SSH server's programs take one each too.
func SameSizeFilter() func(tea.Model, tea.Msg) tea.Msg {
	var last tea.WindowSizeMsg
	seen := false
	return func(_ tea.Model, msg tea.Msg) tea.Msg {
		if ws, ok := msg.(tea.WindowSizeMsg); ok {
			if seen && ws == last {
				return nil
			}
			last, seen = ws, true
		}
		return msg
	}
}

// Run runs the model on in and out until the user quits, then writes the
// newest state to the draft once more (a save command may still have been
// queued) and returns the final model. Cancelling ctx ends the program;
// the error then wraps tea.ErrProgramKilled.
func Run(ctx context.Context, m Model, in io.Reader, out io.Writer) (Model, error) {
	opts := []tea.ProgramOption{tea.WithContext(ctx), tea.WithInput(in), tea.WithOutput(out), tea.WithFilter(SameSizeFilter())}
	if m.opts.NoColor {
		opts = append(opts, tea.WithColorProfile(colorprofile.ASCII))
	}
	final, err := tea.NewProgram(m, opts...).Run()
	fm, ok := final.(Model)
	if !ok {
		fm = m
	}
	if ferr := fm.flush(); ferr != nil {
		err = errors.Join(err, ferr)
	}
	return fm, err
}
