package tui

import "charm.land/bubbles/v2/key"

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
}

// DefaultKeyMap returns the bindings described in the README: arrows or
// vi keys to move, digits to answer, letters for the other actions.
func DefaultKeyMap() KeyMap {
	return KeyMap{
		Up:         key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:       key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:     key.NewBinding(key.WithKeys("pgup"), key.WithHelp("pgup", "page up")),
		PageDown:   key.NewBinding(key.WithKeys("pgdown", "space"), key.WithHelp("pgdn/space", "page down")),
		Top:        key.NewBinding(key.WithKeys("home", "g"), key.WithHelp("home/g", "top")),
		Bottom:     key.NewBinding(key.WithKeys("end", "G"), key.WithHelp("end/G", "bottom")),
		Pick:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "pick")),
		Level:      key.NewBinding(key.WithKeys("0", "1", "2", "3", "4"), key.WithHelp("0-4", "level")),
		DontKnow:   key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "don't know")),
		NA:         key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "not applicable")),
		Comment:    key.NewBinding(key.WithKeys("c"), key.WithHelp("c", "comment")),
		Next:       key.NewBinding(key.WithKeys("right", "l", "tab"), key.WithHelp("→/l/tab", "next")),
		Prev:       key.NewBinding(key.WithKeys("left", "h", "b", "shift+tab"), key.WithHelp("←/h/b", "back")),
		Unanswered: key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "next unanswered")),
		Area:       key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "go to area")),
		Review:     key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "review")),
		Finish:     key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "finish")),
		Help:       key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help, all keys")),
		Switch:     key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "switch tab")),
		Folder:     key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "output folder")),
		Delete:     key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "delete draft")),
		Back:       key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		Confirm:    key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "yes")),
		Deny:       key.NewBinding(key.WithKeys("n", "esc"), key.WithHelp("n/esc", "no")),
		Save:       key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "save")),
		Cancel:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
		Quit:       key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		Interrupt:  key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "stop now, draft kept")),
	}
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

// short returns a copy of b with another help text: the short help names
// related keys together.
func short(b key.Binding, keys, desc string) key.Binding {
	c := b
	c.SetHelp(keys, desc)
	return c
}

// questionHelp is the key help of the question screen. na says whether
// the current question allows "not applicable": the binding is left out
// where it would do nothing. compact keeps the short form to the keys a
// first-time user needs (small windows): "?" lists the rest.
func (k KeyMap) questionHelp(na, compact bool) bindings {
	naKey := k.NA
	naKey.SetEnabled(na)
	move := key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "move"))
	answer := key.NewBinding(key.WithKeys("enter", "0", "1", "2", "3", "4"), key.WithHelp("0-4/enter", "answer"))
	naShort := short(naKey, "n", "n/a")
	nav := key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", "back/next"))
	// The full list names every key, n included where it does nothing.
	naFull := short(k.NA, "n", "n/a, if allowed")
	full := [][]key.Binding{
		{k.Up, k.Down, k.Pick, k.Level, k.DontKnow, naFull},
		{k.Comment, k.Next, k.Prev, k.Unanswered, k.Area},
		{k.Review, k.Help, k.Back, k.Quit, k.Interrupt},
	}
	if compact {
		answer := key.NewBinding(key.WithKeys("0", "1", "2", "3", "4"), key.WithHelp("0-4", "answer"))
		return bindings{short: []key.Binding{answer, k.DontKnow, naShort, k.Comment, nav, short(k.Help, "?", "help"), k.Quit}, full: full}
	}
	return bindings{
		short: []key.Binding{move, answer, k.DontKnow, naShort, k.Comment, nav, k.Unanswered, k.Area, k.Review, k.Help, k.Quit, short(k.Interrupt, "ctrl+c", "stop now")},
		full:  full,
	}
}

// inputHelp is the key help while a text field is open.
func (k KeyMap) inputHelp() bindings {
	return bindings{short: []key.Binding{k.Save, k.Cancel, short(k.Interrupt, "ctrl+c", "stop now")}}
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
		key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "scroll")),
		short(k.PageDown, "pgup/pgdn", "page"),
		short(k.Top, "home/end", "top/bottom"),
	}
}

// overlayHelpKeys is the key help under the help overlay.
func (k KeyMap) overlayHelpKeys() bindings {
	closeKey := key.NewBinding(key.WithKeys("?", "esc"), key.WithHelp("?/esc", "close help"))
	return bindings{short: append(k.scrollHelp(), closeKey, k.Quit)}
}

// reviewHelp is the key help of the review screen.
func (k KeyMap) reviewHelp() bindings {
	open := key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "change answer"))
	back := key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back to questions"))
	return bindings{short: []key.Binding{k.Up, k.Down, open, short(k.Switch, "tab", "gaps/all answers"), k.Finish, k.Folder, back, k.Quit}}
}

// resultsHelp is the key help of the results screen.
func (k KeyMap) resultsHelp() bindings {
	back := short(k.Review, "r", "back to review")
	return bindings{short: append(k.scrollHelp(), short(k.Switch, "tab", "summary/report"), back, k.Quit)}
}

// resumeHelp is the key help of the resume screen.
func (k KeyMap) resumeHelp() bindings {
	return bindings{short: []key.Binding{k.Up, k.Down, k.Pick, k.Delete, k.Quit}}
}
