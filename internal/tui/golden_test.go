package tui

import (
	"fmt"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
)

// TestGoldenViews pins the look of each screen at the two reference sizes,
// with colour and without (NO_COLOR). The raw view, ANSI included, is kept
// for one colour case; the others are compared as plain text.
func TestGoldenViews(t *testing.T) {
	screens := []struct {
		name string
		// keys lead from the first question to the screen.
		keys []string
	}{
		{"question", []string{"2", "c"}}, // CTX-01 answered; a comment opened ...
		{"help", []string{"?"}},
		{"review", []string{"2", "d", "right", "3", "r"}},
		{"targets", []string{"1", "2", "0", "1", "f", "down", "right"}},
		{"results", []string{"1", "2", "0", "1", "f", "s"}},
	}
	sizes := [][2]int{{80, 24}, {120, 40}}
	for _, sc := range screens {
		for _, size := range sizes {
			for _, noColor := range []bool{false, true} {
				name := fmt.Sprintf("%s_%dx%d", sc.name, size[0], size[1])
				if noColor {
					name += "_nocolor"
				}
				t.Run(name, func(t *testing.T) {
					t.Chdir(t.TempDir()) // the results write their files
					m := newQuestionModel(t, size[0], size[1], noColor)
					m = send(t, m, presses(sc.keys...)...)
					if sc.name == "question" {
						// ... and left with esc: back on CTX-02 after CTX-01.
						m = send(t, m, presses("esc", "left", "down")...)
					}
					checkSize(t, m.View().Content, size[0], size[1])
					golden(t, name, screenText(m))
					if !noColor && size == [2]int{80, 24} {
						golden(t, name+"_ansi", m.View().Content)
					}
				})
			}
		}
	}
}

// TestGoldenReportPreview pins the results' report pane without colour
// (glamour's notty style).
func TestGoldenReportPreview(t *testing.T) {
	t.Chdir(t.TempDir())
	m := newQuestionModel(t, 80, 24, true)
	// The preview resolves the chart link to the absolute output folder;
	// pin that folder so the golden does not hold a temporary path.
	m.absPath = func(dir string) (string, error) { return "/home/lead/" + dir, nil }
	m = send(t, m, presses("1", "2", "0", "1", "f", "s", "tab")...)
	golden(t, "results_report_80x24_nocolor", screenText(m))
	m = send(t, m, press("pgdown"))
	golden(t, "results_report_80x24_nocolor_page2", screenText(m))
}

// TestGoldenDialogs pins the quit and area dialogs at 80x24.
func TestGoldenDialogs(t *testing.T) {
	for _, tt := range []struct {
		name string
		msgs []tea.Msg
	}{
		{"quit", presses("q")},
		{"areas", presses("a", "down")},
		{"na_reason", append(presses("right", "right", "n"), typeText("no open data")...)},
		{"finish", presses("r", "f")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := newQuestionModel(t, 80, 24, true)
			// A fixed draft path, so that the quit dialog is stable.
			m.saver = newSaver("", "/home/lead/.local/state/dgmaturity/drafts/agence-exemple-"+testDate+".json")
			m.saver.save = func(string, *assessment.Assessment) error { return nil }
			m = send(t, m, tt.msgs...)
			golden(t, "dialog_"+tt.name, screenText(m))
		})
	}
}
