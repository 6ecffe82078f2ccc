package cli

import (
	"context"
	"errors"
	"fmt"
	"os"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/dgmaturity/dgmaturity/internal/accessible"
	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/internal/tui"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

func init() { register(newAssessCmd) }

// assessOptions are the flags of `assess`.
type assessOptions struct {
	answers    string
	org        string
	out        string
	resume     string
	accessible bool
}

// newAssessCmd builds `dgmaturity assess`.
func newAssessCmd(app *App) *cobra.Command {
	o := assessOptions{out: "."}
	cmd := &cobra.Command{
		Use:   "assess",
		Short: "Run the assessment, interactively or from an answers file",
		Long: `Without --answers, assess asks the questions one by one in the terminal (the same as
running dgmaturity with no command). Every answer is saved at once to a draft in the drafts
folder of dgmaturity's state folder, so a run can stop at any time and resume later. The
state folder is %LocalAppData%\dgmaturity on Windows, ~/Library/Application Support/dgmaturity
on macOS and ~/.local/state/dgmaturity on Linux, or $XDG_STATE_HOME/dgmaturity wherever
XDG_STATE_HOME is set. At the end the report (.md), the radar chart (.svg) and the
assessment file (.json) are written to --out and their paths printed.

With --answers, it scores an answers file (YAML or JSON) without asking anything.

With --accessible, or when no terminal is attached, the questions come as plain numbered
prompts, one line at a time, for screen readers and piped input.`,
		Example: `  dgmaturity assess
  dgmaturity assess --org "Ministry of Examples" --out reports/
  dgmaturity assess --resume drafts/ministry-of-examples-2026-03-01.json
  dgmaturity assess --answers answers.yaml --out reports/`,
		Args: usageArgs(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runAssess(cmd.Context(), app, o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.answers, "answers", "", "score this answers file (YAML or JSON) instead of asking")
	f.StringVar(&o.org, "org", "", "the organisation's name (prefills the start form; replaces the name in an answers file)")
	f.StringVar(&o.out, "out", ".", "folder for the report, the chart and the assessment file")
	f.BoolVar(&o.accessible, "accessible", false, "plain numbered prompts, line by line, for screen readers and piped input")
	f.StringVar(&o.resume, "resume", "", "continue this draft or assessment file")
	return cmd
}

// runDefault is what `dgmaturity` with no command does: the interactive
// assessment with the default options.
func runDefault(cmd *cobra.Command, app *App) error {
	return runAssess(cmd.Context(), app, assessOptions{out: "."})
}

// runAssess picks the run: from an answers file, accessible prompts, or
// the full-screen interface.
func runAssess(ctx context.Context, app *App, o assessOptions) error {
	if o.answers != "" {
		if o.resume != "" {
			return &input.UsageError{Msg: "--answers and --resume cannot be used together: an answers file is a complete set of answers"}
		}
		return assessAnswers(app, o.answers, o.out, o.org)
	}
	q, err := app.Instrument()
	if err != nil {
		return err
	}
	if o.accessible || !isTerminal(app.Stdin) || !isTerminal(app.Stdout) {
		return runAccessible(ctx, app, q, o)
	}
	return runInteractive(ctx, app, q, o)
}

// runAccessible runs the assessment as plain numbered prompts, one line
// each: for screen readers, dumb terminals and piped answers.
func runAccessible(ctx context.Context, app *App, q *questionnaire.Questionnaire, o assessOptions) error {
	stateDir := stateDirOrWarn(app)
	a, draft, err := loadResume(app, q, o)
	if err != nil {
		return err
	}
	// ctrl+c cancels ctx; the prompt's blocked read must notice (on every
	// system, the Windows console included).
	paths, err := accessible.Run(interruptible(ctx, app.Stdin), app.Stdout, accessible.Options{
		Questionnaire: q, Assessment: a, DraftPath: draft, StateDir: stateDir,
		OutDir: o.out, Tool: app.Tool(), Today: app.Today(), Organisation: o.org,
	})
	if errors.Is(err, ErrInterrupted) {
		// Each answer is in the draft the moment it is given.
		return fmt.Errorf("%w; every answer given so far is kept in the draft", ErrInterrupted)
	}
	if errors.Is(err, accessible.ErrStopped) {
		// Stopping on purpose is not a failure: the draft is kept.
		fmt.Fprintln(app.Stderr, "dgmaturity: "+err.Error())
		return nil
	}
	if err != nil {
		return err
	}
	printPaths(app, paths)
	return nil
}

// stateDirOrWarn returns the folder for drafts, or "" with a warning when
// there is none: the run still works, but nothing is kept if it stops.
func stateDirOrWarn(app *App) string {
	dir, err := assessment.StateDir()
	if err != nil {
		fmt.Fprintf(app.Stderr, "dgmaturity: %v; the answers are not kept if the run stops early\n", err)
		return ""
	}
	return dir
}

// loadResume reads the --resume file, if any. An unfinished draft is saved
// back where it was read from (draft); a finished assessment becomes a new
// draft in the state folder.
func loadResume(app *App, q *questionnaire.Questionnaire, o assessOptions) (a *assessment.Assessment, draft string, err error) {
	if o.resume == "" {
		return nil, "", nil
	}
	a, warnings, err := assessment.Load(o.resume, q)
	if err != nil {
		return nil, "", err
	}
	for _, w := range warnings {
		fmt.Fprintf(app.Stderr, "dgmaturity: %s: %s\n", o.resume, w)
	}
	if o.org != "" {
		a.Organisation.Name = o.org
	}
	if !a.Complete {
		draft = o.resume
	}
	return a, draft, nil
}

// runInteractive runs the full-screen assessment and prints the written
// files' paths on stdout, or where the draft is kept when the user stopped
// early.
func runInteractive(ctx context.Context, app *App, q *questionnaire.Questionnaire, o assessOptions) error {
	stateDir := stateDirOrWarn(app)
	a, draft, err := loadResume(app, q, o)
	if err != nil {
		return err
	}
	opts := tui.Options{
		Questionnaire: q,
		Lang:          app.lang,
		StateDir:      stateDir,
		OutDir:        o.out,
		Tool:          app.Tool(),
		Organisation:  o.org,
		Now:           app.Now,
		NoColor:       os.Getenv("NO_COLOR") != "", // any value, as no-color.org asks
		Assessment:    a,
		DraftPath:     draft,
	}
	m, err := tui.Run(ctx, tui.New(opts), app.Stdin, app.Stdout)
	if paths, ok := m.Paths(); ok {
		printPaths(app, paths)
	} else if p := m.DraftPath(); p != "" {
		fmt.Fprintf(app.Stderr, "Your answers are kept in the draft %s\nRun dgmaturity again to resume.\n", p)
	}
	switch {
	case err == nil:
		return nil
	case errors.Is(err, tea.ErrInterrupted), errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil:
		return ErrInterrupted
	}
	return fmt.Errorf("interactive assessment: %w", err)
}

// isTerminal reports whether a standard stream is a terminal.
func isTerminal(s any) bool {
	f, ok := s.(interface{ Fd() uintptr })
	return ok && term.IsTerminal(f.Fd())
}
