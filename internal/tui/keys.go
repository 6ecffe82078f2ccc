package tui

import "charm.land/bubbles/v2/key"

// KeyMap holds every key binding of the interface. The same binding means
// the same thing on every screen; each screen shows the subset it uses.
type KeyMap struct {
	// Up and Down move the highlight in a list.
	Up, Down key.Binding
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
	// Pane switches between the summary and the report preview (results).
	Pane key.Binding
	// Scroll pages through the results (shown in help only; the viewport
	// handles its own paging keys).
	Scroll key.Binding
	// Back closes an overlay or returns from the review.
	Back key.Binding
	// Confirm and Deny answer a yes/no question.
	Confirm, Deny key.Binding
	// Save stores the text typed in a field.
	Save key.Binding
	// Cancel leaves a text field without storing it.
	Cancel key.Binding
	// Quit leaves (asking first where answers are in progress).
	Quit key.Binding
	// ForceQuit is ctrl+c: like Quit, but also works while typing.
	ForceQuit key.Binding
}

// DefaultKeyMap returns the bindings described in the README: arrows or
// vi keys to move, digits to answer, letters for the other actions.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:         key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:       key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Pick:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "pick")),
		Level:      key.NewBinding(key.WithKeys("0", "1", "2", "3", "4"), key.WithHelp("0-4", "level")),
		DontKnow:   key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "don't know")),
		NA:         key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "not applicable")),
		Comment:    key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "comment")),
		Next:       key.NewBinding(key.WithKeys("right", "l", "tab"), key.WithHelp("→/l", "next")),
		Prev:       key.NewBinding(key.WithKeys("left", "h", "shift+tab"), key.WithHelp("←/h", "back")),
		Unanswered: key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "next unanswered")),
		Area:       key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "go to area")),
		Review:     key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "review")),
		Finish:     key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "finish")),
		Help:       key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Pane:       key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "summary/report")),
		Scroll:     key.NewBinding(key.WithKeys("pgdown", "pgup"), key.WithHelp("↑↓/pgup/pgdn", "scroll")),
		Back:       key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Confirm:    key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes")),
		Deny:       key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n/esc", "no")),
		Save:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "save")),
		Cancel:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		Quit:       key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		ForceQuit:  key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
	}
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
// where it would do nothing.
func (k KeyMap) questionHelp(na bool) bindings {
	naKey := k.NA
	naKey.SetEnabled(na)
	// The short form pairs related keys to fit two lines at 80 columns.
	move := key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "move"))
	answer := key.NewBinding(key.WithKeys("enter", "0", "1", "2", "3", "4"), key.WithHelp("enter/0-4", "answer"))
	naShort := key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "n/a"))
	naShort.SetEnabled(na)
	nav := key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", "back/next"))
	return bindings{
		short: []key.Binding{move, answer, k.DontKnow, naShort, k.Comment, nav, k.Unanswered, k.Area, k.Review, k.Help, k.Quit},
		full: [][]key.Binding{
			{k.Up, k.Down, k.Pick, k.Level},
			{k.DontKnow, naKey, k.Comment, k.Help},
			{k.Next, k.Prev, k.Unanswered, k.Area},
			{k.Review, k.Quit},
		},
	}
}

// inputHelp is the key help while a text field is open.
func (k KeyMap) inputHelp() bindings {
	return bindings{short: []key.Binding{k.Save, k.Cancel}}
}

// listHelp is the key help of a list the user picks from (areas, drafts).
func (k KeyMap) listHelp() bindings {
	return bindings{short: []key.Binding{k.Up, k.Down, k.Pick, k.Back}}
}

// confirmHelp is the key help of a yes/no question.
func (k KeyMap) confirmHelp() bindings {
	return bindings{short: []key.Binding{k.Confirm, k.Deny}}
}

// overlayHelpKeys is the key help under the help overlay.
func (k KeyMap) overlayHelpKeys() bindings {
	closeKey := key.NewBinding(key.WithKeys("?", "esc"), key.WithHelp("?/esc", "close help"))
	return bindings{short: []key.Binding{closeKey, k.Quit}}
}

// reviewHelp is the key help of the review screen.
func (k KeyMap) reviewHelp() bindings {
	open := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "go to question"))
	back := key.NewBinding(key.WithKeys("esc", "r"), key.WithHelp("esc", "back to questions"))
	return bindings{short: []key.Binding{k.Up, k.Down, open, k.Finish, back, k.Quit}}
}

// resultsHelp is the key help of the results screen.
func (k KeyMap) resultsHelp() bindings {
	return bindings{short: []key.Binding{k.Scroll, k.Pane, k.Quit}}
}

// resumeHelp is the key help of the resume screen.
func (k KeyMap) resumeHelp() bindings {
	return bindings{short: []key.Binding{k.Up, k.Down, k.Pick, k.Quit}}
}
