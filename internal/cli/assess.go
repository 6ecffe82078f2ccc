package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/dgmaturity/dgmaturity/internal/accessible"
	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/internal/publish"
	"github.com/dgmaturity/dgmaturity/internal/tui"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// assessOptions are the flags of `assess`.
type assessOptions struct {
	answers    string
	org        string
	out        string
	resume     string
	accessible bool
	// target is the default target level (0: the file's or 3).
	target int
	// previous is an earlier assessment to measure progress against.
	previous string
	// format is --format: md, html or md,html.
	format string
	// formats is format parsed.
	formats publish.Formats
}

// newAssessCmd builds `dgmaturity assess`.
func newAssessCmd(app *App) *cobra.Command {
	o := assessOptions{}
	cmd := &cobra.Command{
		Use:   "assess",
		Short: "Run the assessment, interactively or from an answers file",
		Long: `Without --answers, assess asks the questions one by one in the terminal (the same as
running dgmaturity with no command). Every answer is saved at once to a draft in the drafts
folder of dgmaturity's state folder, so a run can stop at any time and resume later. The
state folder is %LocalAppData%\dgmaturity on Windows, ~/Library/Application Support/dgmaturity
on macOS and ~/.local/state/dgmaturity on Linux, or $XDG_STATE_HOME/dgmaturity wherever
XDG_STATE_HOME is set. At the end the report (.md), the radar chart (.svg) and the
assessment file (.json) are written to --out (default: ./` + DefaultOutDir + `, created) and
their paths printed.

With --answers, it scores an answers file (YAML or JSON) without asking anything.

With --accessible, or when standard input or output is not a terminal, the questions come as
plain numbered prompts, one line at a time, for screen readers and piped input. The start form
asks, one line each, for the organisation, its type (1 ministry, 2 agency, 3 municipality,
4 other), your name and your role (both optional: an empty line skips them). ` + accessible.Protocol() + `

Recommendations aim at a target level for every question: 3 (Established) unless --target
sets another, or the answers file sets targets by area, principle or question id (the most
specific wins). The report shows progress since an earlier assessment of the same
organisation: the one given with --previous, else the latest earlier one found in --out.

Exit codes: 0 finished (or stopped with q), 1 failed, 2 bad usage or input, 130 interrupted
with ctrl+c; the draft is kept in every case but the first.`,
		Example: `  dgmaturity assess
  dgmaturity assess --org "Ministry of Examples" --out reports/
  dgmaturity assess --resume drafts/ministry-of-examples-2026-03-01.json
  dgmaturity assess --answers answers.yaml --out reports/
  dgmaturity assess --answers answers.yaml --target 4 --previous reports/agency-2025-03-01.json
  # Piped answers: the form, then one line per question (here level 2 to all 48)
  { printf 'Ministry of Examples\n1\n\n\n'; yes 2 | head -n 48; } | dgmaturity assess --out reports/`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runAssess(cmd.Context(), app, o)
		},
	}
	addAssessFlags(cmd.Flags(), &o)
	return cmd
}

// DefaultOutDir is where the report, the chart and the assessment file go
// without --out: a folder of their own, created when needed, so that a run
// from a source checkout or a home folder does not scatter files there.
const DefaultOutDir = "dgmaturity-reports"

// addAssessFlags declares the flags of `assess` on f. The root command
// declares them too: `dgmaturity` alone is the assessment and takes every
// flag `assess` takes.
func addAssessFlags(f *pflag.FlagSet, o *assessOptions) {
	f.StringVar(&o.answers, "answers", "", "score this answers file (YAML or JSON) instead of asking")
	f.StringVar(&o.org, "org", "", "the organisation's name (prefills the start form; replaces the name in an answers file)")
	f.StringVar(&o.out, "out", DefaultOutDir, "folder for the report, the chart and the assessment file (created if missing)")
	f.BoolVar(&o.accessible, "accessible", false, "plain numbered prompts, line by line, for screen readers and piped input")
	f.StringVar(&o.resume, "resume", "", "continue this draft or assessment file")
	f.IntVar(&o.target, "target", 0, "default target level 1-4 for every question the answers do not target (default 3)")
	f.StringVar(&o.previous, "previous", "", "earlier assessment file of the same organisation to show progress against (default: the latest in --out)")
	f.StringVar(&o.format, "format", "md,html", "report formats to write: md, html or md,html (the charts are written beside either)")
}

// runAssess picks the run: from an answers file, accessible prompts, or
// the full-screen interface.
func runAssess(ctx context.Context, app *App, o assessOptions) error {
	if o.org != "" {
		// The text policy of every reader: what --org puts in a draft or an
		// assessment must read back.
		if reason := input.CheckText(o.org, input.SingleLine); reason != "" {
			return &input.UsageError{Msg: "--org " + reason}
		}
	}
	if err := checkTarget(app, o.target); err != nil {
		return err
	}
	o.formats = publish.Both
	if o.format != "" {
		f, err := parseFormats(app, o.format)
		if err != nil {
			return err
		}
		o.formats = f
	}
	if o.answers != "" {
		if o.resume != "" {
			return usage(app, "cli.usage.answers_and_resume")
		}
		return assessAnswers(ctx, app, o)
	}
	if err := publish.CheckFolder(o.out); err != nil {
		return err
	}
	if o.accessible || !isTerminal(app.Stdin) || !isTerminal(app.Stdout) {
		q, err := app.Instrument()
		if err != nil {
			return err
		}
		return runAccessible(ctx, app, q, o)
	}
	// The full-screen run localises the instrument itself: its start form
	// and a resumed draft may change the language.
	if _, err := app.Chosen(); err != nil {
		return err
	}
	q, err := app.instrumentOwn()
	if err != nil {
		return err
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
	paths, err := accessible.Run(ctx, app.Stdin, app.Stdout, accessible.Options{
		Questionnaire: q, Lang: string(app.Language()), Assessment: a, DraftPath: draft, StateDir: stateDir,
		OutDir: o.out, Tool: app.Tool(), Today: app.Today(), Organisation: o.org,
		NoResumeOffer: !isTerminal(app.Stdin),
		Target:        o.target, Previous: o.previous, Formats: o.formats,
	})
	var stop *accessible.StopError
	if errors.As(err, &stop) {
		// Said on stderr, with the command that goes on.
		hint := ""
		if stop.Draft != "" {
			hint = app.Printer().T("cli.draft.go_on", "Command", "dgmaturity --accessible --resume "+shellQuote(stop.Draft)+" --out "+shellQuote(o.out))
		}
		if errors.Is(err, accessible.ErrInputEnded) {
			if hint != "" {
				return fmt.Errorf("%w\n%s", err, hint) // exit 1: the run did not finish
			}
			return err
		}
		fmt.Fprintln(app.Stderr, "dgmaturity: "+err.Error())
		if hint != "" {
			fmt.Fprintln(app.Stderr, hint)
		}
		if errors.Is(err, accessible.ErrInterrupted) {
			return ErrInterrupted
		}
		return nil // stopping on purpose is not a failure
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
		fmt.Fprintln(app.Stderr, "dgmaturity: "+app.Printer().T("cli.state.none", "Error", err.Error()))
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
		fmt.Fprintf(app.Stderr, "dgmaturity: %s: %s\n", input.QuotePath(o.resume), w.In(app.Printer()))
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
	lang, _ := app.Chosen()
	opts := tui.Options{
		Questionnaire: q,
		Base:          q,
		Lang:          string(lang),
		LangFixed:     app.LangExplicit(),
		StateDir:      stateDir,
		OutDir:        o.out,
		Tool:          app.Tool(),
		Organisation:  o.org,
		Now:           app.Now,
		NoColor:       os.Getenv("NO_COLOR") != "", // any value, as no-color.org asks
		Assessment:    a,
		DraftPath:     draft,
		Target:        o.target,
		Previous:      o.previous,
		Formats:       o.formats,
	}
	m, err := tui.Run(ctx, tui.New(opts), app.Stdin, app.Stdout)
	pr := m.Printer()
	if paths, ok := m.Paths(); ok {
		printPaths(app, paths)
	} else if p := m.DraftPath(); p != "" {
		// Said on stderr: stdout carries only the paths of written files.
		fmt.Fprintln(app.Stderr, pr.T("cli.draft.kept", "Path", p))
		fmt.Fprintln(app.Stderr, pr.T("cli.draft.go_on", "Command", "dgmaturity --resume "+shellQuote(p)+" --out "+shellQuote(m.OutDir())))
	} else if m.Assessment() != nil {
		fmt.Fprintln(app.Stderr, "dgmaturity: "+pr.T("cli.draft.none"))
	}
	switch {
	case m.Interrupted(), errors.Is(err, tea.ErrInterrupted), errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil:
		return ErrInterrupted
	case err == nil:
		return nil
	}
	return fmt.Errorf("interactive assessment: %w", err)
}

// shellQuote quotes s for a POSIX shell where it needs quoting, so that a
// printed command can be pasted as it is.
func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./~+:@%", r))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// isTerminal reports whether a standard stream is a terminal.
func isTerminal(s any) bool {
	f, ok := s.(interface{ Fd() uintptr })
	return ok && term.IsTerminal(f.Fd())
}

// setTarget records a default target on the assessment (0 leaves it).
func setTarget(a *assessment.Assessment, target int) {
	if target == 0 {
		return
	}
	var t assessment.Targets
	if a.Targets != nil {
		t = *a.Targets // a copy: the caller's targets stay as they were
	}
	t.Default = target
	a.Targets = &t
}
