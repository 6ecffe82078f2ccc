package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"

	"github.com/dgmaturity/dgmaturity/internal/scoring"
)

// viewTargets draws the targets step: one line per area with its target
// level and the level's name.
func (m Model) viewTargets() string {
	w := m.width - 2
	var b strings.Builder
	b.WriteString(m.styles.Heading.Render("Targets") + "\n\n")
	b.WriteString(wrap("What level does your organisation aim at in each area? The recommendations show only the steps from where you stand up to your target. Level 3, Established, is the usual aim; press s to keep it.", w) + "\n\n")
	for i, a := range m.q.Areas {
		l := m.tg.levels[i]
		name := a.Title
		if a.Short != "" && len(name) > 30 {
			name = a.Short
		}
		line := fmt.Sprintf("%-*s  %s  %d %s", 30, truncate(name, 30), dots(l), l, m.q.LevelName(l))
		if i == m.tg.cursor {
			line = m.styles.Selected.Render("> " + line)
		} else {
			line = "  " + line
		}
		b.WriteString(truncate(line, w) + "\n")
	}
	return m.frame(indent(b.String(), 1), m.styles.Subtle.Render("Targets"), m.targetsHelp())
}

// dots shows a level out of four without relying on colour: ●●●○.
func dots(l int) string {
	return strings.Repeat("●", l) + strings.Repeat("○", 4-l)
}

// targetsHelp is the key help of the targets step.
func (m Model) targetsHelp() bindings {
	k := m.keys
	return bindings{short: []key.Binding{k.Up, k.Down, targetKeys.Lower, targetKeys.Set, targetKeys.Accept, targetKeys.Skip, k.Back, k.Quit}}
}

// progressText says how the overall score changed since the previous
// assessment, "" when there is none.
func progressText(p *scoring.Progress) string {
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
	return fmt.Sprintf("%s%.1f since %s", sign, d, p.Since)
}
