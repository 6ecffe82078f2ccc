package tui

import (
	"fmt"
	"strings"

	"github.com/dgmaturity/dgmaturity/internal/scoring"
)

// viewTargets draws the targets step: one line per area with its target
// level and the level's name, or the quit dialog.
func (m Model) viewTargets() string {
	w := m.width - 2
	var b strings.Builder
	b.WriteString(m.intro("tui.targets.title", m.p.T("tui.targets.intro", "Name", m.q.LevelName(3)), w))
	if m.overlay == overlayQuit {
		b.WriteString(m.viewQuitDialog(w))
		return m.page(b.String(), "tui.targets.title", m.keyHelp())
	}
	for i, a := range m.q.Areas {
		l := m.tg.levels[i]
		name := a.Title
		if a.Short != "" && len(name) > 30 {
			name = a.Short
		}
		line := fmt.Sprintf("%s  %s  %d %s", padRight(truncate(name, 30), 30), dots(l), l, m.q.LevelName(l))
		if i == m.tg.cursor {
			line = m.styles.Selected.Render("> " + line)
		} else {
			line = "  " + line
		}
		b.WriteString(truncate(line, w) + "\n")
	}
	return m.page(b.String(), "tui.targets.title", m.keyHelp())
}

// dots shows a level out of four without relying on colour: ●●●○.
func dots(l int) string {
	return strings.Repeat("●", l) + strings.Repeat("○", 4-l)
}

// progressText says how the overall score changed since the previous
// assessment, "" when there is none.
func (m Model) progressText(p *scoring.Progress) string {
	if p == nil || !p.Overall.Defined {
		return ""
	}
	d := scoring.Round1(p.Overall.Delta())
	sign := "±"
	switch {
	case d > 0:
		sign = "+"
	case d < 0:
		sign, d = "−", -d
	}
	return m.p.T("tui.results.since", "Delta", sign+m.p.Number(d, 1), "Since", m.p.DateString(p.Since))
}
