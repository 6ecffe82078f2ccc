package tui

import (
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/google/go-cmp/cmp"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

var update = flag.Bool("update", false, "rewrite golden files")

// testdata is the absolute path of the golden files: some tests change the
// working folder.
var testdata = func() string {
	d, err := filepath.Abs("testdata")
	if err != nil {
		panic(err)
	}
	return d
}()

// testDate is the date of every test assessment.
const testDate = "2026-03-01"

// fixedNow is the clock of the tests.
func fixedNow() time.Time { return time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC) }

// testQuestionnaire is a small instrument: two areas, three principles,
// four questions (one allows "not applicable") and two recommendations.
func testQuestionnaire() *questionnaire.Questionnaire {
	levels := func(topic string) []string {
		return []string{
			"Nothing is done about " + topic + "; nobody has been asked to look at it.",
			"Some people work on " + topic + " on their own initiative, without a mandate or a budget.",
			"A named owner works on " + topic + " with a written mandate, but progress is not measured.",
			"The owner reports on " + topic + " to management twice a year against targets that are written down and published internally.",
			"Results on " + topic + " are reviewed each year with users and peers, and the lessons change the plan for the next year.",
		}
	}
	q := &questionnaire.Questionnaire{
		ID:        "test-instrument",
		Version:   "1.0.0",
		Title:     "Test instrument",
		Languages: []string{"en"},
		Scale: []questionnaire.ScaleLevel{
			{Level: 0, Name: "Not started"}, {Level: 1, Name: "Initial"}, {Level: 2, Name: "Developing"},
			{Level: 3, Name: "Established"}, {Level: 4, Name: "Leading"},
		},
		Pillars: []questionnaire.Pillar{{ID: "openness", Title: "Openness and engagement"}, {ID: "governance", Title: "Governance and co-ordination"}},
		Principles: []questionnaire.Principle{
			{ID: "P1", Pillar: "openness", Title: "Openness, transparency and inclusiveness", Short: "Openness", Summary: "Open by default."},
			{ID: "P2", Pillar: "governance", Title: "Leadership and political commitment", Short: "Leadership", Summary: "Someone leads."},
			{ID: "P3", Pillar: "governance", Title: "Data-driven culture", Short: "Data culture", Summary: "Data informs decisions."},
		},
		Areas: []questionnaire.Area{
			{ID: "context", Title: "Contextual factors and institutional models", Short: "Context", Summary: "The setting."},
			{ID: "data", Title: "Towards a data-driven public sector", Short: "Data", Summary: "Data."},
		},
		Questions: []questionnaire.Question{
			{ID: "CTX-01", Area: "context", Principles: []string{"P2", "P1"}, Weight: 2,
				Text:     "Does your organisation's own strategy set digital objectives that its top management has endorsed?",
				Help:     "Endorsed objectives turn good intentions into decisions on priorities, budget and staff.",
				Evidence: "The strategy document; minutes of the management meeting that endorsed it.",
				Levels:   levels("digital objectives")},
			{ID: "CTX-02", Area: "context", Principles: []string{"P2"}, Weight: 1,
				Text:     "Has a named member of senior management been made accountable for digital transformation?",
				Help:     "A senior owner keeps digital decisions with the organisation rather than its IT provider.",
				Evidence: "The organisation chart; the written mandate of the senior owner.",
				Levels:   levels("accountability")},
			{ID: "DATA-01", Area: "data", Principles: []string{"P3", "P1"}, Weight: 1, NA: true,
				Text:     "Does your organisation publish the data it holds as open data where it can?",
				Help:     "Open data lets others reuse what the organisation already collects.",
				Evidence: "Entries on the national open data portal; a list of data sets.",
				Levels:   levels("open data")},
			{ID: "DATA-02", Area: "data", Principles: []string{"P3"}, Weight: 1,
				Text:     "Are decisions on services informed by data on their use?",
				Help:     "Usage data shows where services fail their users.",
				Evidence: "Dashboards; management reports citing usage figures.",
				Levels:   levels("usage data")},
		},
		Recommendations: []questionnaire.Recommendation{
			{ID: "REC-DATA-01", Area: "data", Principles: []string{"P3"}, Title: "Build a data-driven culture",
				Text: "Use data to steer.", Addresses: []string{"DATA-01", "DATA-02"},
				Steps: []questionnaire.Step{{Level: 1, Text: "Name a data steward."}, {Level: 2, Text: "List the data sets."},
					{Level: 3, Text: "Publish a dashboard."}, {Level: 4, Text: "Share the dashboard."}}},
			{ID: "REC-CTX-01", Area: "context", Principles: []string{"P2"}, Title: "Give digital transformation a senior owner",
				Text: "Make someone accountable.", Addresses: []string{"CTX-01", "CTX-02"},
				Steps: []questionnaire.Step{{Level: 1, Text: "Write a mandate."}, {Level: 2, Text: "Report twice a year."},
					{Level: 3, Text: "Review yearly."}, {Level: 4, Text: "Share the mandate."}}},
		},
	}
	q.Reindex()
	return q
}

// testAssessment is a new assessment of a fictional agency.
func testAssessment(q *questionnaire.Questionnaire) *assessment.Assessment {
	return assessment.New(q, assessment.Organisation{Name: "Agence Exemple", Type: "agency"},
		assessment.Respondent{Name: "A. Lead", Role: "Head of digital"}, testDate, "en", "dgmaturity test")
}

// newQuestionModel returns a model on the question screen at w x h, with
// drafts saved under a temporary folder.
func newQuestionModel(t *testing.T, w, h int, noColor bool) Model {
	t.Helper()
	q := testQuestionnaire()
	m := New(Options{
		Questionnaire: q,
		Assessment:    testAssessment(q),
		StateDir:      t.TempDir(),
		OutDir:        "out",
		Tool:          "dgmaturity test",
		Now:           fixedNow,
		NoColor:       noColor,
	})
	return send(t, m, tea.WindowSizeMsg{Width: w, Height: h})
}

// press builds the key press a terminal would send for s ("enter", "up",
// "ctrl+c", "shift+tab" or a single character).
func press(s string) tea.KeyPressMsg {
	switch s {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	}
	r := []rune(s)
	return tea.KeyPressMsg{Code: r[0], Text: s}
}

// presses turns each string into its key press.
func presses(ss ...string) []tea.Msg {
	out := make([]tea.Msg, len(ss))
	for i, s := range ss {
		out[i] = press(s)
	}
	return out
}

// typeText turns text into one key press per character.
func typeText(s string) []tea.Msg {
	var out []tea.Msg
	for _, r := range s {
		out = append(out, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return out
}

// send applies the messages in order and runs the commands they return,
// feeding their messages back, as the program would. Commands may take up
// to 10s (file I/O on a loaded machine).
func send(t *testing.T, m Model, msgs ...tea.Msg) Model {
	t.Helper()
	return sendWithin(t, 10*time.Second, m, msgs...)
}

// sendFast is send for the start form: huh's text fields blink their
// cursor with timers, so commands that take more than 200ms are dropped
// rather than waited for.
func sendFast(t *testing.T, m Model, msgs ...tea.Msg) Model {
	t.Helper()
	return sendWithin(t, 200*time.Millisecond, m, msgs...)
}

// sendWithin is send with commands given at most d each.
func sendWithin(t *testing.T, d time.Duration, m Model, msgs ...tea.Msg) Model {
	t.Helper()
	for _, msg := range msgs {
		m = step(t, m, msg, d, 0)
	}
	return m
}

// step applies one message and, recursively, the messages of the
// commands it returns.
func step(t *testing.T, m Model, msg tea.Msg, d time.Duration, depth int) Model {
	t.Helper()
	if depth > 50 {
		t.Fatalf("command loop deeper than 50 at %T", msg)
	}
	next, cmd := m.Update(msg)
	m = next.(Model)
	for _, out := range runCmd(cmd, d) {
		m = step(t, m, out, d, depth+1)
	}
	return m
}

// runCmd runs a command for at most d and returns the messages it
// produced: batches and sequences are flattened; cursor blinks (which
// would tick forever), quit and terminal queries are dropped; the tests
// check for quitting themselves.
func runCmd(cmd tea.Cmd, d time.Duration) []tea.Msg {
	if cmd == nil {
		return nil
	}
	ch := make(chan tea.Msg, 1)
	go func() { ch <- cmd() }()
	var msg tea.Msg
	select {
	case msg = <-ch:
	case <-time.After(d):
		return nil
	}
	if t := reflect.TypeOf(msg); t != nil && strings.HasSuffix(t.PkgPath(), "bubbles/v2/cursor") {
		return nil
	}
	switch msg := msg.(type) {
	case nil, tea.QuitMsg, tea.InterruptMsg:
		return nil
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, runCmd(c, d)...)
		}
		return out
	}
	// tea.Sequence returns an unexported slice of commands.
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeOf(tea.Cmd(nil)) {
		var out []tea.Msg
		for i := range v.Len() {
			out = append(out, runCmd(v.Index(i).Interface().(tea.Cmd), d)...)
		}
		return out
	}
	if reflect.TypeOf(msg).PkgPath() == reflect.TypeOf(tea.QuitMsg{}).PkgPath() {
		// Terminal queries (background colour, window size) and the like:
		// no terminal answers them here.
		if _, ok := msg.(tea.WindowSizeMsg); !ok {
			return nil
		}
	}
	return []tea.Msg{msg}
}

// isQuit reports whether the command quits the program.
func isQuit(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	_, ok := cmd().(tea.QuitMsg)
	return ok
}

// isInterrupt reports whether the command interrupts the program (ctrl+c:
// Run returns tea.ErrInterrupted, the command line exits 130).
func isInterrupt(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	_, ok := cmd().(tea.InterruptMsg)
	return ok
}

// screenText is the view without ANSI sequences.
func screenText(m Model) string { return ansi.Strip(m.View().Content) }

// golden compares got with testdata/name.golden, or rewrites it with
// -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join(testdata, name+".golden")
	if *update {
		if err := os.MkdirAll(testdata, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run with -update to create it): %v", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", path, diff)
	}
}

// checkSize checks that a view fills exactly w x h cells at most.
func checkSize(t *testing.T, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if len(lines) != h {
		t.Errorf("view has %d lines, want %d", len(lines), h)
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Errorf("line %d is %d cells wide, more than %d: %q", i+1, lw, w, ansi.Strip(l))
		}
	}
}

// ansiStrip removes ANSI sequences.
func ansiStrip(s string) string { return ansi.Strip(s) }
