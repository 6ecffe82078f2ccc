package tui

import (
	"image/color"
	"regexp"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// sgr matches one SGR (Select Graphic Rendition) escape sequence.
var sgr = regexp.MustCompile("\x1b\\[([0-9;:]*)m")

// colourParams returns the SGR parameters of s that set a colour.
func colourParams(s string) []string {
	var found []string
	for _, m := range sgr.FindAllStringSubmatch(s, -1) {
		for _, p := range strings.FieldsFunc(m[1], func(r rune) bool { return r == ';' || r == ':' }) {
			n, err := strconv.Atoi(p)
			if err != nil {
				continue
			}
			if (n >= 30 && n <= 49) || (n >= 90 && n <= 107) {
				found = append(found, m[0])
			}
		}
	}
	return found
}

func TestNoColorDrawsWithoutColour(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, tt := range []struct {
		name string
		keys []string
	}{
		{"question", []string{"2"}},
		{"help", []string{"?"}},
		{"areas", []string{"a"}},
		{"quit", []string{"q"}},
		{"review", []string{"r"}},
		{"results", []string{"1", "2", "0", "1", "f", "s"}},
		{"report", []string{"1", "2", "0", "1", "f", "s", "tab"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := newQuestionModel(t, 120, 40, true)
			m = send(t, m, presses(tt.keys...)...)
			view := m.View().Content
			if c := colourParams(view); len(c) > 0 {
				t.Errorf("NO_COLOR view sets colours: %q", c)
			}
		})
	}
}

func TestSelectionIsNotShownByColourAlone(t *testing.T) {
	m := newQuestionModel(t, 80, 24, true)
	m = send(t, m, presses("2", "left", "down")...) // CTX-01 answered 2, highlight on 3
	text := screenText(m)
	if !strings.Contains(text, "> 3  Established:") {
		t.Errorf("highlighted level lacks the '>' marker:\n%s", text)
	}
	if !strings.Contains(text, "   2✓ Developing:") {
		t.Errorf("chosen level lacks the check mark:\n%s", text)
	}
	// Bold and reverse mark the highlighted row.
	if !strings.Contains(m.View().Content, "\x1b[1;7m> 3") {
		t.Errorf("highlighted row is not bold and reversed: %q", m.View().Content)
	}
}

func TestBackgroundColourPicksTheStyles(t *testing.T) {
	m := newQuestionModel(t, 80, 24, false)
	dark := m.View().Content
	m = send(t, m, tea.BackgroundColorMsg{Color: color.White})
	if m.isDark || m.styles.Dark {
		t.Fatal("a white background left the dark styles")
	}
	light := m.View().Content
	if light == dark {
		t.Error("light and dark views are the same")
	}
	if screenText(m) != ansiStrip(dark) {
		t.Error("the text differs between light and dark")
	}
	if got := m.currentPreviewKey().style; got != "light" {
		t.Errorf("preview style = %q, want light", got)
	}
	m = send(t, m, tea.BackgroundColorMsg{Color: color.Black})
	if !m.isDark || m.currentPreviewKey().style != "dark" {
		t.Error("a black background did not bring back the dark styles")
	}
	nc := newQuestionModel(t, 80, 24, true)
	if got := nc.currentPreviewKey().style; got != "notty" {
		t.Errorf("NO_COLOR preview style = %q, want notty", got)
	}
}
