package tui

import (
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"

	"github.com/dgmaturity/dgmaturity/internal/locale"
)

// KeyMap holds every key binding of the interface, for the full-screen run
// and the accessible mode alike (the accessible mode reads the typable keys
// of the same bindings, so a letter means one thing in both). The same
// binding means the same thing on every screen; each screen shows the
// subset it uses, and the help overlay lists them all.
type KeyMap struct {
	// Up and Down move the highlight in a list, or scroll a text.
	Up, Down key.Binding
	// PageUp and PageDown scroll a text by a page; Top and Bottom go to
	// its start and end.
	PageUp, PageDown, Top, Bottom key.Binding
	// Pick chooses the highlighted entry (a level, a question, a draft).
	Pick key.Binding
	// Level picks a level 0..4 directly.
	Level key.Binding
	// DontKnow answers "don't know".
	DontKnow key.Binding
	// NA answers "not applicable" (where the question allows it).
	NA key.Binding
	// Comment opens the comment field.
	Comment key.Binding
	// Next and Prev move between questions.
	Next, Prev key.Binding
	// Unanswered jumps to the next unanswered question.
	Unanswered key.Binding
	// Area opens the area picker.
	Area key.Binding
	// Review opens the review screen.
	Review key.Binding
	// Finish ends the assessment and writes the report (review screen).
	Finish key.Binding
	// Help shows why a question matters, its evidence and every key.
	Help key.Binding
	// Switch moves between the tabs of a screen: gaps and all answers on
	// the review, summary and report preview on the results.
	Switch key.Binding
	// Folder changes the output folder (review screen).
	Folder key.Binding
	// Delete deletes a draft (start screen), after asking.
	Delete key.Binding
	// Back closes an overlay or returns to the previous screen.
	Back key.Binding
	// Confirm and Deny answer a yes/no question.
	Confirm, Deny key.Binding
	// Save stores the text typed in a field.
	Save key.Binding
	// Cancel leaves a text field without storing it.
	Cancel key.Binding
	// Quit leaves, asking first where answers are in progress; the exit
	// code is 0.
	Quit key.Binding
	// Interrupt is ctrl+c: it stops at once from anywhere, even while
	// typing; every answer is already in the draft, and the exit code is 130.
	Interrupt key.Binding
	// Lower and Raise change the highlighted area's target, and Target
	// sets it to 1..4 directly (targets step).
	Lower, Raise, Target key.Binding
	// Skip writes the report with the default targets (targets step).
	Skip key.Binding
	// Choice picks choice 1 or 2 of the dialog about a draft of an
	// earlier release.
	Choice key.Binding
	// Continue goes on without drafts after a save failed.
	Continue key.Binding
	// Field moves between the fields of the workshop's join screen, whose
	// letters are typed as text.
	Field key.Binding
	// Dismiss takes the distribution the facilitator revealed away.
	Dismiss key.Binding

	// p speaks the language of the help texts.
	p *locale.Printer
}

// keyWords are the key names that are words, translated in key help.
var keyWords = []string{"enter", "esc", "space", "pgup", "pgdn", "home", "end", "ctrl+c", "tab", "shift+tab"}

// label translates the words of a key label such as "pgdn/space".
func (k KeyMap) label(keys string) string {
	if k.p == nil {
		return keys
	}
	parts := strings.Split(keys, "/")
	for i, s := range parts {
		if slices.Contains(keyWords, s) {
			parts[i] = k.p.T("tui.keyname." + strings.ReplaceAll(s, "+", "_"))
		}
	}
	return strings.Join(parts, "/")
}

// help is key.WithHelp with the label and the description (a message id)
// in the key map's language.
func (k KeyMap) help(keys, id string) key.BindingOpt {
	return key.WithHelp(k.label(keys), k.text(id))
}

// text is the message id in the key map's language.
func (k KeyMap) text(id string) string {
	if k.p == nil {
		return locale.For(locale.English).T(id)
	}
	return k.p.T(id)
}

// short returns a copy of b with another help text (a message id): the
// short help names related keys together.
func (k KeyMap) short(b key.Binding, keys, id string) key.Binding {
	c := b
	c.SetHelp(k.label(keys), k.text(id))
	return c
}

// either is one entry of the key help for several bindings (↑/↓ for Up
// and Down): its keys are theirs, so that it shows only keys the screen
// matches.
func (k KeyMap) either(keys, id string, bs ...key.Binding) key.Binding {
	var all []string
	for _, b := range bs {
		all = append(all, b.Keys()...)
	}
	return key.NewBinding(key.WithKeys(all...), k.help(keys, id))
}

// DefaultKeyMap returns the bindings described in the README: arrows or
// vi keys to move, digits to answer, letters for the other actions.
func DefaultKeyMap() KeyMap { return LocalizedKeyMap(locale.For(locale.English)) }

// LocalizedKeyMap returns the default bindings with their help in p's
// language: the descriptions and the names of keys that are words (enter,
// esc, space…), so that the key help is one language with the screen.
func LocalizedKeyMap(p *locale.Printer) KeyMap {
	k := KeyMap{p: p}
	km := KeyMap{p: p,
		Up:         key.NewBinding(key.WithKeys("up", "k"), k.help("↑/k", "tui.key.up")),
		Down:       key.NewBinding(key.WithKeys("down", "j"), k.help("↓/j", "tui.key.down")),
		PageUp:     key.NewBinding(key.WithKeys("pgup"), k.help("pgup", "tui.key.page_up")),
		PageDown:   key.NewBinding(key.WithKeys("pgdown", "space"), k.help("pgdn/space", "tui.key.page_down")),
		Top:        key.NewBinding(key.WithKeys("home", "g"), k.help("home/g", "tui.key.top")),
		Bottom:     key.NewBinding(key.WithKeys("end", "G"), k.help("end/G", "tui.key.bottom")),
		Pick:       key.NewBinding(key.WithKeys("enter"), k.help("enter", "tui.key.pick")),
		Level:      key.NewBinding(key.WithKeys("0", "1", "2", "3", "4"), k.help("0-4", "tui.key.level")),
		DontKnow:   key.NewBinding(key.WithKeys("d"), k.help("d", "tui.key.dont_know")),
		NA:         key.NewBinding(key.WithKeys("n"), k.help("n", "tui.key.not_applicable")),
		Comment:    key.NewBinding(key.WithKeys("c"), k.help("c", "tui.key.comment")),
		Next:       key.NewBinding(key.WithKeys("right", "l", "tab"), k.help("→/l/tab", "tui.key.next")),
		Prev:       key.NewBinding(key.WithKeys("left", "h", "b", "shift+tab"), k.help("←/h/b", "tui.key.back")),
		Unanswered: key.NewBinding(key.WithKeys("u"), k.help("u", "tui.key.next_unanswered")),
		Area:       key.NewBinding(key.WithKeys("a"), k.help("a", "tui.key.go_to_area")),
		Review:     key.NewBinding(key.WithKeys("r"), k.help("r", "tui.key.review")),
		Finish:     key.NewBinding(key.WithKeys("f"), k.help("f", "tui.key.finish")),
		Help:       key.NewBinding(key.WithKeys("?"), k.help("?", "tui.key.help_all_keys")),
		Switch:     key.NewBinding(key.WithKeys("tab"), k.help("tab", "tui.key.switch_tab")),
		Folder:     key.NewBinding(key.WithKeys("o"), k.help("o", "tui.key.output_folder")),
		Delete:     key.NewBinding(key.WithKeys("x"), k.help("x", "tui.key.delete_draft")),
		Back:       key.NewBinding(key.WithKeys("esc"), k.help("esc", "tui.key.back")),
		Confirm:    key.NewBinding(key.WithKeys("y"), k.help("y", "tui.key.yes")),
		Deny:       key.NewBinding(key.WithKeys("n", "esc"), k.help("n/esc", "tui.key.no")),
		Save:       key.NewBinding(key.WithKeys("enter"), k.help("enter", "tui.key.save")),
		Cancel:     key.NewBinding(key.WithKeys("esc"), k.help("esc", "tui.key.cancel")),
		Quit:       key.NewBinding(key.WithKeys("q"), k.help("q", "tui.key.quit")),
		Interrupt:  key.NewBinding(key.WithKeys("ctrl+c"), k.help("ctrl+c", "tui.key.stop_now_draft_kept")),
		Lower:      key.NewBinding(key.WithKeys("left", "h", "-"), k.help("←/h/-", "tui.key.lower_raise")),
		Raise:      key.NewBinding(key.WithKeys("right", "l", "+"), k.help("→/l/+", "tui.key.lower_raise")),
		Target:     key.NewBinding(key.WithKeys("1", "2", "3", "4"), k.help("1-4", "tui.key.set")),
		Skip:       key.NewBinding(key.WithKeys("s"), k.help("s", "tui.key.skip_defaults")),
		Choice:     key.NewBinding(key.WithKeys("1", "2"), k.help("1/2", "tui.key.pick")),
		Continue:   key.NewBinding(key.WithKeys("c"), k.help("c", "tui.key.continue_without_drafts")),
		Field:      key.NewBinding(key.WithKeys("tab", "shift+tab", "up", "down"), k.help("tab", "tui.key.switch_field")),
		Dismiss:    key.NewBinding(key.WithKeys("esc", "enter", "space"), k.help("esc/enter", "tui.key.back_to_your_questions")),
	}
	return km
}

// Typed returns the keys of b that are typed as text (letters, digits,
// "?"): the ones the accessible mode, which reads lines, accepts.
func Typed(b key.Binding) []string {
	var out []string
	for _, k := range b.Keys() {
		if len([]rune(k)) == 1 {
			out = append(out, k)
		}
	}
	return out
}

// bindings is a help.KeyMap made of a fixed list of bindings: the short
// form is one line, the full form one column per group.
type bindings struct {
	short []key.Binding
	full  [][]key.Binding
}

// ShortHelp implements help.KeyMap.
func (b bindings) ShortHelp() []key.Binding { return b.short }

// FullHelp implements help.KeyMap.
func (b bindings) FullHelp() [][]key.Binding { return b.full }

// questionHelp is the key help of the question screen. na says whether
// the current question allows "not applicable": the binding is left out
// where it would do nothing. compact keeps the short form to the keys a
// first-time user needs (small windows): "?" lists the rest.
func (k KeyMap) questionHelp(na, compact bool) bindings {
	naKey := k.NA
	naKey.SetEnabled(na)
	naShort := k.short(naKey, "n", "tui.key.n_a")
	nav := k.either("←/→", "tui.key.back_next", k.Prev, k.Next)
	// The full list names every key, n included where it does nothing.
	naFull := k.short(k.NA, "n", "tui.key.n_a_if_allowed")
	full := [][]key.Binding{
		{k.Up, k.Down, k.Pick, k.Level, k.DontKnow, naFull},
		{k.Comment, k.Next, k.Prev, k.Unanswered, k.Area},
		{k.Review, k.Help, k.Back, k.Quit, k.Interrupt},
	}
	if compact {
		answer := k.short(k.Level, "0-4", "tui.key.answer")
		return bindings{short: []key.Binding{answer, k.DontKnow, naShort, k.Comment, nav, k.short(k.Help, "?", "tui.key.help"), k.Quit}, full: full}
	}
	return bindings{
		short: []key.Binding{
			k.either("↑/↓", "tui.key.move", k.Up, k.Down), k.either("0-4/enter", "tui.key.answer", k.Level, k.Pick),
			k.DontKnow, naShort, k.Comment, nav, k.Unanswered, k.Area, k.Review, k.Help, k.Quit,
			k.short(k.Interrupt, "ctrl+c", "tui.key.stop_now"),
		},
		full: full,
	}
}

// inputHelp is the key help while a text field is open.
func (k KeyMap) inputHelp() bindings {
	return bindings{short: []key.Binding{k.Save, k.Cancel, k.short(k.Interrupt, "ctrl+c", "tui.key.stop_now")}}
}

// listHelp is the key help of a list the user picks from (areas).
func (k KeyMap) listHelp() bindings {
	return bindings{short: []key.Binding{k.Up, k.Down, k.Pick, k.Back}}
}

// confirmHelp is the key help of a yes/no question.
func (k KeyMap) confirmHelp() bindings {
	return bindings{short: []key.Binding{k.Confirm, k.Deny}}
}

// scrollHelp is the key help of a scrollable text.
func (k KeyMap) scrollHelp() []key.Binding {
	return []key.Binding{
		k.either("↑/↓", "tui.key.scroll", k.Up, k.Down),
		k.either("pgup/pgdn", "tui.key.page", k.PageUp, k.PageDown),
		k.either("home/end", "tui.key.top_bottom", k.Top, k.Bottom),
	}
}

// overlayHelpKeys is the key help under the help overlay.
func (k KeyMap) overlayHelpKeys() bindings {
	closeKey := k.either("?/esc", "tui.key.close_help", k.Help, k.Back)
	return bindings{short: append(k.scrollHelp(), closeKey, k.Quit)}
}

// reviewHelp is the key help of the review screen.
func (k KeyMap) reviewHelp() bindings {
	return bindings{short: []key.Binding{
		k.Up, k.Down, k.short(k.Pick, "enter", "tui.key.change_answer"), k.short(k.Switch, "tab", "tui.key.gaps_all_answers"),
		k.Finish, k.Folder, k.short(k.Back, "esc", "tui.key.back_to_questions"), k.Quit,
	}}
}

// resultsHelp is the key help of the results screen.
func (k KeyMap) resultsHelp() bindings {
	back := k.short(k.Review, "r", "tui.key.back_to_review")
	return bindings{short: append(k.scrollHelp(), k.short(k.Switch, "tab", "tui.key.summary_report"), back, k.Quit)}
}

// releaseHelp is the key help of the dialog about a draft of an earlier
// release.
func (k KeyMap) releaseHelp() bindings {
	return bindings{short: []key.Binding{
		k.either("↑/↓", "tui.key.move", k.Up, k.Down),
		k.either("enter/1/2", "tui.key.pick", k.Pick, k.Choice),
		k.short(k.Back, "esc", "tui.key.back")}}
}

// resumeHelp is the key help of the start screen.
func (k KeyMap) resumeHelp() bindings {
	return bindings{short: []key.Binding{k.Up, k.Down, k.Pick, k.Delete, k.Quit}}
}

// targetsHelp is the key help of the targets step.
func (k KeyMap) targetsHelp() bindings {
	return bindings{short: []key.Binding{
		k.Up, k.Down, k.either("←/→", "tui.key.lower_raise", k.Lower, k.Raise), k.Target,
		k.short(k.Pick, "enter", "tui.key.write_report"), k.Skip, k.Back, k.Quit,
	}}
}

// saveFailedHelp is the key help of the save failure dialog.
func (k KeyMap) saveFailedHelp() bindings {
	return bindings{short: []key.Binding{k.Continue, k.short(k.Quit, "q", "tui.key.quit_answers_lost")}}
}

// joinHelp is the key help of the workshop's join screen.
func (k KeyMap) joinHelp() bindings {
	return bindings{short: []key.Binding{
		k.short(k.Pick, "enter", "tui.key.next_join"), k.Field, k.short(k.Back, "esc", "tui.key.leave"),
	}}
}

// revealHelp is the key help under the distribution the facilitator
// revealed.
func (k KeyMap) revealHelp() bindings {
	return bindings{short: []key.Binding{k.Dismiss}}
}

// keyHelp is the key help of the screen and dialog shown. Every view
// draws it and TestKeyHelpShowsOnlyHandledKeys walks it, so that the help
// shows only keys that the screen's update matches.
func (m Model) keyHelp() bindings {
	k := m.keys
	switch m.overlay {
	case overlayQuit, overlayReplace, overlayFinish, overlayDelete:
		return k.confirmHelp()
	case overlaySaveFailed:
		return k.saveFailedHelp()
	case overlayComment, overlayNA, overlayFolder:
		return k.inputHelp()
	case overlayHelp:
		return k.overlayHelpKeys()
	case overlayAreas:
		return k.listHelp()
	case overlayRelease:
		return k.releaseHelp()
	}
	switch m.screen {
	case screenResume:
		return k.resumeHelp()
	case screenForm:
		return m.formHelp()
	case screenQuestion:
		return k.questionHelp(m.question().NA, m.compactHelp())
	case screenReview:
		return k.reviewHelp()
	case screenTargets:
		return k.targetsHelp()
	case screenResults:
		return k.resultsHelp()
	}
	return bindings{}
}

// formHelp is the key help of the start form: the form's own keys, esc
// and ctrl+c.
func (m Model) formHelp() bindings {
	if m.form == nil {
		return bindings{}
	}
	leave := m.keys.short(m.keys.Back, "esc", "tui.key.leave_form")
	return bindings{short: append(m.form.KeyBinds(), leave, m.keys.short(m.keys.Interrupt, "ctrl+c", "tui.key.quit"))}
}
