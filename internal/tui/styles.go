package tui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	"charm.land/lipgloss/v2"
)

// Styles are every style the interface uses, in one place. Colour is never
// the only cue: a highlighted row also carries a '>' marker and bold text,
// the chosen answer a check mark, and bars their number.
type Styles struct {
	// Title is the application name in the header.
	Title lipgloss.Style
	// Subtle is secondary text: counters, hints, paths.
	Subtle lipgloss.Style
	// Tag marks the area and principle tags of a question.
	Tag lipgloss.Style
	// Question is the question text.
	Question lipgloss.Style
	// Row is an ordinary list row; Selected the highlighted one.
	Row, Selected lipgloss.Style
	// Chosen marks the level currently given as the answer.
	Chosen lipgloss.Style
	// Statement colours the bar left of the highlighted level's full text
	// (and of an open text field); StatementBar is that bar.
	Statement    lipgloss.Style
	StatementBar string
	// Heading starts a section (help overlay, results, review).
	Heading lipgloss.Style
	// Bar colours the filled part of text bars (the number follows it).
	Bar lipgloss.Style
	// Error is a problem the user has to know about; Notice a neutral
	// confirmation ("saved").
	Error, Notice lipgloss.Style
	// Overlay frames a dialog drawn over a screen.
	Overlay lipgloss.Style
	// Sidebar colours the line left of the area list on wide terminals;
	// SidebarBar is that line.
	Sidebar    lipgloss.Style
	SidebarBar string
	// Rule is a horizontal separator line.
	Rule lipgloss.Style
	// Help styles the key help line.
	Help help.Styles
	// Input styles the comment and reason fields.
	Input textinput.Styles
	// Dark records which variant these are, for glamour and huh.
	Dark bool
	// Plain is true for the colourless (NO_COLOR) variant.
	Plain bool
}

// NewStyles returns the styles for a dark or a light terminal background.
func NewStyles(isDark bool) Styles {
	ld := lipgloss.LightDark(isDark)
	accent := ld(lipgloss.Color("#5A56E0"), lipgloss.Color("#A9A6FF"))
	subtle := ld(lipgloss.Color("#5F5F5F"), lipgloss.Color("#A8A8A8"))
	tagBg := ld(lipgloss.Color("#E4E2FF"), lipgloss.Color("#34306B"))
	tagFg := ld(lipgloss.Color("#2B2790"), lipgloss.Color("#E4E2FF"))
	selBg := ld(lipgloss.Color("#DCDAFF"), lipgloss.Color("#3B3770"))
	selFg := ld(lipgloss.Color("#1A1A1A"), lipgloss.Color("#FFFFFF"))
	good := ld(lipgloss.Color("#1F7A35"), lipgloss.Color("#7EE29A"))
	bad := ld(lipgloss.Color("#B3261E"), lipgloss.Color("#FF8A80"))
	border := ld(lipgloss.Color("#8A87C8"), lipgloss.Color("#6C68B8"))

	s := Styles{
		Title:     lipgloss.NewStyle().Bold(true).Foreground(accent),
		Subtle:    lipgloss.NewStyle().Foreground(subtle),
		Tag:       lipgloss.NewStyle().Foreground(tagFg).Background(tagBg),
		Question:  lipgloss.NewStyle().Bold(true),
		Row:       lipgloss.NewStyle(),
		Selected:  lipgloss.NewStyle().Bold(true).Foreground(selFg).Background(selBg),
		Chosen:    lipgloss.NewStyle().Bold(true).Foreground(good),
		Statement: lipgloss.NewStyle().Foreground(accent),
		Heading:   lipgloss.NewStyle().Bold(true).Foreground(accent),
		Bar:       lipgloss.NewStyle().Foreground(accent),
		Error:     lipgloss.NewStyle().Bold(true).Foreground(bad),
		Notice:    lipgloss.NewStyle().Foreground(good),
		Overlay:   lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(border).Padding(0, 1),
		Sidebar:   lipgloss.NewStyle().Foreground(border),
		Rule:      lipgloss.NewStyle().Foreground(border),
		Help:      help.DefaultStyles(isDark),
		Input:     textinput.DefaultStyles(isDark),
		Dark:      isDark,
	}
	s.StatementBar, s.SidebarBar = "┃", "│"
	// A steady cursor: blinking would redraw the screen twice a second
	// for nothing.
	s.Input.Cursor.Blink = false
	return s
}

// PlainStyles returns the styles without any colour, for NO_COLOR: the
// highlight is bold and reversed, everything else is plain text with its
// textual markers.
func PlainStyles() Styles {
	plain := lipgloss.NewStyle()
	bold := lipgloss.NewStyle().Bold(true)
	hs := help.Styles{
		Ellipsis:       plain,
		ShortKey:       bold,
		ShortDesc:      plain,
		ShortSeparator: plain,
		FullKey:        bold,
		FullDesc:       plain,
		FullSeparator:  plain,
	}
	in := textinput.DefaultStyles(true)
	in.Focused = textinput.StyleState{Text: plain, Placeholder: plain, Prompt: bold, Suggestion: plain}
	in.Blurred = in.Focused
	in.Cursor.Color = nil
	in.Cursor.Blink = false
	return Styles{
		StatementBar: "│",
		SidebarBar:   "│",
		Title:        bold,
		Subtle:       plain,
		Tag:          plain,
		Question:     bold,
		Row:          plain,
		Selected:     lipgloss.NewStyle().Bold(true).Reverse(true),
		Chosen:       bold,
		Statement:    plain,
		Heading:      bold,
		Bar:          plain,
		Error:        bold,
		Notice:       plain,
		Overlay:      lipgloss.NewStyle().Border(lipgloss.NormalBorder()).Padding(0, 1),
		Sidebar:      plain,
		Rule:         plain,
		Help:         hs,
		Input:        in,
		Plain:        true,
	}
}

// stylesFor picks the styles for the options and the background.
func stylesFor(noColor, isDark bool) Styles {
	if noColor {
		return PlainStyles()
	}
	return NewStyles(isDark)
}
