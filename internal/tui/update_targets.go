package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// targetStep is the short, skippable step before the results in which the
// user sets a target level per area. The recommendations then aim at it:
// only the steps from a question's level up to its area's target are shown.
type targetStep struct {
	// levels holds the target of each area, in questionnaire order.
	levels []int
	cursor int
}

// startTargets opens the targets step with the targets the assessment
// already has (a resumed one), else --target, else the default.
func (m Model) startTargets() (tea.Model, tea.Cmd) {
	m.overlay = overlayNone
	def := m.opts.Target
	if def == 0 {
		def = m.a.Targets.DefaultLevel()
	}
	m.tg = targetStep{levels: make([]int, len(m.q.Areas))}
	for i, a := range m.q.Areas {
		m.tg.levels[i] = def
		if m.a.Targets != nil {
			if v, ok := m.a.Targets.Areas[a.ID]; ok {
				m.tg.levels[i] = v
			}
		}
	}
	m.screen = screenTargets
	return m, nil
}

// updateTargets moves between areas and sets their targets; enter writes
// the report with them, s writes it with the defaults, esc goes back.
func (m Model) updateTargets(msg tea.Msg) (tea.Model, tea.Cmd) {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return m, nil
	}
	if m.overlay == overlayQuit {
		return m.keyQuit(kp)
	}
	k := m.keys
	n := len(m.tg.levels)
	switch {
	case key.Matches(kp, k.Quit):
		m.overlay = overlayQuit
	case key.Matches(kp, k.Back):
		m.screen = screenReview
	case key.Matches(kp, k.Up):
		m.tg.cursor = max(0, m.tg.cursor-1)
	case key.Matches(kp, k.Down):
		m.tg.cursor = min(n-1, m.tg.cursor+1)
	case n == 0:
	case key.Matches(kp, k.Lower):
		m.tg.levels[m.tg.cursor] = max(1, m.tg.levels[m.tg.cursor]-1)
	case key.Matches(kp, k.Raise):
		m.tg.levels[m.tg.cursor] = min(questionnaire.MaxLevel, m.tg.levels[m.tg.cursor]+1)
	case key.Matches(kp, k.Target):
		m.tg.levels[m.tg.cursor] = int(kp.String()[0] - '0')
	case key.Matches(kp, k.Pick):
		m.a = m.withTargets(m.a, m.tg.levels)
		return m.finish()
	case key.Matches(kp, k.Skip):
		m.a = m.withTargets(m.a, nil)
		return m.finish()
	}
	return m, nil
}

// withTargets returns a copy of a with the default target (--target, when
// given) and, unless levels is nil, the areas' targets; an area at the
// default is not written, so that the file records only real choices.
func (m Model) withTargets(a *assessment.Assessment, levels []int) *assessment.Assessment {
	c := cloneAssessment(a)
	var t assessment.Targets
	if a.Targets != nil {
		t = *a.Targets
	}
	if m.opts.Target != 0 {
		t.Default = m.opts.Target
	}
	if levels != nil {
		t.Areas = nil
		for i, l := range levels {
			if l != t.DefaultLevel() {
				if t.Areas == nil {
					t.Areas = map[string]int{}
				}
				t.Areas[m.q.Areas[i].ID] = l
			}
		}
	}
	if t.Default == 0 && !t.Specific() {
		c.Targets = nil
	} else {
		c.Targets = &t
	}
	return c
}
