package tui

import (
	"path/filepath"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"
	"charm.land/glamour/v2/styles"
)

// previewKey identifies one rendering of the report: a new width or
// background needs a new one.
type previewKey struct {
	width int
	style string
}

// previewMsg carries the report rendered for the terminal.
type previewMsg struct {
	Key     previewKey
	Content string
	Err     error
}

// currentPreviewKey is the rendering the current window and colours call for.
func (m Model) currentPreviewKey() previewKey {
	style := styles.LightStyle
	switch {
	case m.opts.NoColor:
		style = styles.NoTTYStyle
	case m.isDark:
		style = styles.DarkStyle
	}
	return previewKey{width: max(20, m.viewport.Width()-2), style: style}
}

// renderPreviewCmd renders the report with glamour in a command, when the
// results are shown and the rendering at hand is not the right one.
func (m Model) renderPreviewCmd() tea.Cmd {
	if m.screen != screenResults || m.report == "" {
		return nil
	}
	k := m.currentPreviewKey()
	if k == m.previewKey && m.preview != "" {
		return nil
	}
	md := previewMarkdown(m.report, k.width)
	// Links in the report (the chart) are relative to its folder; resolve
	// them there so the preview shows where the chart really is (glamour
	// needs an absolute base: a relative one comes out as "/name.svg").
	base := ""
	if abs, err := m.absPath(filepath.Dir(m.paths.Report)); err == nil && m.paths.Report != "" {
		base = abs + string(filepath.Separator)
	}
	// glamour names an image "Image: …" in English; the preview says it
	// in the run's language.
	style := *styles.DefaultStyles[k.style]
	imageFormat := m.p.T("tui.preview.image", "text", "{{.text}}") // glamour fills in the text
	style.ImageText.Format = imageFormat
	return func() tea.Msg {
		r, err := glamour.NewTermRenderer(glamour.WithStyles(style), glamour.WithWordWrap(k.width), glamour.WithTableWrap(true), glamour.WithBaseURL(base))
		if err != nil {
			return previewMsg{Key: k, Err: err}
		}
		out, err := r.Render(md)
		return previewMsg{Key: k, Content: out, Err: err}
	}
}

// updatePreview takes a rendering of the report, unless the window or the
// colours changed since it was asked for.
func (m Model) updatePreview(msg previewMsg) Model {
	if msg.Key != m.currentPreviewKey() {
		return m
	}
	m.previewKey = msg.Key
	if msg.Err != nil {
		// The file is written; only the preview failed. Show the Markdown.
		m.preview = m.report
	} else {
		m.preview = msg.Content
	}
	m.refreshViewport()
	return m
}

// layoutViewport sizes the results viewport to the window.
func (m *Model) layoutViewport() {
	// The body less the stage line, the pane line and the rule.
	h := m.bodyHeight(m.keys.resultsHelp()) - 3
	m.viewport.SetWidth(max(10, m.width-2))
	m.viewport.SetHeight(max(3, h))
	m.refreshViewport()
}

// refreshViewport puts the current pane's text into the viewport.
func (m *Model) refreshViewport() {
	y := m.viewport.YOffset()
	switch m.pane {
	case paneReport:
		if m.preview == "" {
			m.viewport.SetContent(m.p.T("tui.results.rendering"))
		} else {
			m.viewport.SetContent(m.preview)
		}
	default:
		m.viewport.SetContent(m.summaryContent(m.viewport.Width()))
	}
	m.viewport.SetYOffset(y)
}

// updateResults handles the results screen: scroll, switch pane, go back
// to the review, quit.
func (m Model) updateResults(msg tea.Msg) (tea.Model, tea.Cmd) {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	m.notice = notice{}
	switch {
	case key.Matches(kp, m.keys.Quit):
		// Everything is written: nothing to confirm.
		return m, tea.Quit
	case key.Matches(kp, m.keys.Review, m.keys.Back):
		m.openReview()
		m.notice = notice{text: m.p.T("tui.results.back_note")}
		return m, nil
	case key.Matches(kp, m.keys.Switch):
		if m.pane == paneSummary {
			m.pane = paneReport
		} else {
			m.pane = paneSummary
		}
		m.viewport.GotoTop()
		m.refreshViewport()
		return m, m.renderPreviewCmd()
	case scroll(&m.viewport, m.keys, kp):
		return m, nil
	}
	m.notice = notice{text: m.p.T("tui.results.unknown_key", "Key", keyLabel(kp))}
	return m, nil
}
