package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
)

// scroll moves a viewport for a key of the key map and reports whether the
// key was one of the scrolling keys.
func scroll(vp *viewport.Model, k KeyMap, msg tea.KeyPressMsg) bool {
	switch {
	case key.Matches(msg, k.Up):
		vp.ScrollUp(1)
	case key.Matches(msg, k.Down):
		vp.ScrollDown(1)
	case key.Matches(msg, k.PageUp):
		vp.PageUp()
	case key.Matches(msg, k.PageDown):
		vp.PageDown()
	case key.Matches(msg, k.Top):
		vp.GotoTop()
	case key.Matches(msg, k.Bottom):
		vp.GotoBottom()
	default:
		return false
	}
	return true
}

// openHelp shows the help overlay of the current question from its top.
func (m *Model) openHelp() {
	m.overlay = overlayHelp
	m.layoutHelp()
	m.helpView.GotoTop()
}

// layoutHelp fits the help overlay's viewport to the window and fills it.
func (m *Model) layoutHelp() {
	if m.screen != screenQuestion || m.width == 0 {
		return
	}
	w := m.mainWidth()
	m.helpView.SetWidth(w)
	m.helpView.SetHeight(max(3, m.bodyHeight(m.keys.overlayHelpKeys())))
	y := m.helpView.YOffset()
	m.helpView.SetContent(m.helpText(w))
	m.helpView.SetYOffset(y)
}

// keySaveFailed handles the dialog that says drafts cannot be saved.
func (m Model) keySaveFailed(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Continue):
		m.draftsOff = true
		m.saver.disable()
		m.overlay = overlayNone
		m.notice = notice{text: m.p.T("tui.save.drafts_off", "Folder", m.outDirLabel()), isErr: true}
	case key.Matches(msg, m.keys.Quit):
		return m, tea.Quit
	}
	return m, nil
}

// viewSaveFailed says that answers cannot be saved, why, and what the
// user can do.
func (m Model) viewSaveFailed(w int) string {
	bw := min(w, 76)
	inner := bw - 4
	reason := m.p.T("tui.save.unknown_error")
	if m.saveErr != nil {
		reason = m.saveErr.Error()
	}
	text := m.p.T("tui.save.failed_body", "Reason", reason, "Folder", m.outDirLabel())
	s := m.styles.Error.Render(m.p.T("tui.save.failed_title")) + "\n\n" + wrapText(text, inner) + "\n\n" + m.p.T("tui.save.failed_keys")
	return "\n" + m.styles.Overlay.Width(bw).Render(s)
}

// wrapText wraps each paragraph of s to width w: words are kept whole, and
// file paths (anything with a slash) are broken only after a slash.
func wrapText(s string, w int) string {
	paras := strings.Split(s, "\n")
	for i, p := range paras {
		paras[i] = wrapWords(p, w)
	}
	return strings.Join(paras, "\n")
}

// wrapWords wraps one paragraph word by word; a word wider than a line is
// broken, a path after its slashes (wrapPath).
func wrapWords(p string, w int) string {
	if w <= 0 {
		return p
	}
	var lines []string
	line := ""
	for _, word := range splitWords(p) {
		ww := lipglossWidth(word)
		switch {
		case line == "" && ww <= w:
			line = word
		case line != "" && lipglossWidth(line)+1+ww <= w:
			line += " " + word
		default:
			if line != "" {
				lines = append(lines, line)
				line = ""
			}
			if ww <= w {
				line = word
				continue
			}
			parts := strings.Split(wrapPath(word, w), "\n")
			lines = append(lines, parts[:len(parts)-1]...)
			line = parts[len(parts)-1]
		}
	}
	if line != "" || len(lines) == 0 {
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}
