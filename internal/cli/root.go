// Package cli builds the dgmaturity command tree: one file per subcommand,
// each only reading flags and calling down into the packages that do the
// work.
package cli

import (
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/exit"
	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/internal/locale"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// App carries what every subcommand shares: its streams, the version, the
// clock and the instrument flags.
type App struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	// Version is the tool version written into assessments ("dgmaturity 0.1.0").
	Version string
	// Now gives the current time; tests pin it.
	Now func() time.Time
	// Getenv reads the environment (LC_ALL, LC_MESSAGES, LANG choose the
	// language when --lang is not given); nil reads none, so tests run in
	// English unless they say otherwise.
	Getenv func(string) string

	questionnairePath string
	release           string
	lang              string
	// englishOnly is set when the instrument in use has no translation in
	// the chosen language: the run is then wholly in English, never mixed.
	englishOnly  bool
	fallbackSaid bool
}

// NewApp returns an App on the process's standard streams.
func NewApp(version string) *App {
	return &App{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Version: version, Now: time.Now, Getenv: os.Getenv}
}

// Chosen returns the language asked for: --lang, else LC_ALL, LC_MESSAGES
// or LANG, else English. An unsupported --lang is bad usage.
func (a *App) Chosen() (locale.Tag, error) {
	if a.lang != "" {
		t, ok := locale.Parse(a.lang)
		if !ok {
			// Said in English: the language asked for is the mistake.
			return locale.English, &input.UsageError{Msg: fmt.Sprintf("--lang %s: dgmaturity speaks en (English), fr (français) and de (Deutsch)", input.Quote(a.lang))}
		}
		return t, nil
	}
	if a.Getenv == nil {
		return locale.English, nil
	}
	return locale.FromEnv(a.Getenv), nil
}

// Language is the language of the run: the chosen one, or English when
// the instrument in use has no translation in it (see Instrument).
func (a *App) Language() locale.Tag {
	t, _ := a.Chosen()
	if a.englishOnly {
		return locale.English
	}
	return t
}

// Printer speaks the run's language.
func (a *App) Printer() *locale.Printer { return locale.For(a.Language()) }

// Describe returns err as the run shows it to people: the reasons of
// refused files in the run's language (input.Describe), any other error as
// it reads.
func (a *App) Describe(err error) string { return input.Describe(err, a.Printer()) }

// LangExplicit reports whether --lang was given (it then wins over the
// language a resumed draft records).
func (a *App) LangExplicit() bool { return a.lang != "" }

// Tool is the value of the assessment file's "tool" field.
func (a *App) Tool() string { return "dgmaturity " + a.Version }

// Today is the current date as YYYY-MM-DD.
func (a *App) Today() string { return a.Now().Format(time.DateOnly) }

// Instrument returns the questionnaire in use: the file given with
// --questionnaire, the built-in release given with --release, or the
// embedded default (the newest release), in the run's language (see
// Localize).
func (a *App) Instrument() (*questionnaire.Questionnaire, error) {
	q, err := a.instrumentOwn()
	if err != nil {
		return nil, err
	}
	return a.Localize(q)
}

// Localize returns q in the chosen language. When q has no translation in
// it (an earlier release, an adapted instrument), the whole run goes on in
// English, said once on stderr in the chosen language: a screen that mixes
// languages is worse than one in English.
func (a *App) Localize(q *questionnaire.Questionnaire) (*questionnaire.Questionnaire, error) {
	t, err := a.Chosen()
	if err != nil {
		return nil, err
	}
	if t == locale.English {
		return q, nil
	}
	lq, err := q.Localized(string(t))
	if err == nil {
		return lq, nil
	}
	if !a.fallbackSaid {
		a.fallbackSaid = true
		fmt.Fprintln(a.Stderr, "dgmaturity: "+locale.For(t).T("cli.lang.fallback", "ID", q.ID, "Version", q.Version))
	}
	a.englishOnly = true
	return q, nil
}

// instrumentOwn is the questionnaire in use in its own language.
func (a *App) instrumentOwn() (*questionnaire.Questionnaire, error) {
	q := questionnaire.Default()
	if a.release != "" {
		if a.questionnairePath != "" {
			return nil, usage(a, "cli.usage.release_and_questionnaire")
		}
		var versions []string
		found := false
		for _, r := range questionnaire.Releases() {
			versions = append(versions, r.Version)
			if r.Version == a.release {
				q, found = r, true
			}
		}
		if !found {
			return nil, usage(a, "cli.usage.release_unknown", "Release", input.Quote(a.release), "Releases", strings.Join(versions, ", "))
		}
	}
	if a.questionnairePath != "" {
		var err error
		if q, err = questionnaire.Load(a.questionnairePath); err != nil {
			return nil, err
		}
	}
	return q, nil
}

// InstrumentFor returns the questionnaire to read an assessment made with
// ref: the file given with --questionnaire; else the embedded release the
// assessment was made with, so that last year's file keeps its own
// questions, levels and recommendations after an upgrade of the tool; else
// the default (which then refuses a file of an unknown text, naming it).
// The --lang flag applies to all three.
func (a *App) InstrumentFor(ref assessment.QuestionnaireRef) (*questionnaire.Questionnaire, error) {
	if a.questionnairePath == "" && a.release == "" {
		if q, ok := questionnaire.Release(ref.ID, ref.Version, ref.SHA256); ok {
			return a.Localize(q)
		}
	}
	return a.Instrument()
}

// Root builds the command tree. With no subcommand it runs the interactive
// assessment, the tool's main job.
func Root(app *App) *cobra.Command {
	var o assessOptions
	root := &cobra.Command{
		Use:   "dgmaturity",
		Short: "Measure a public sector organisation's digital government maturity",
		Long: `dgmaturity takes a public sector organisation through a questionnaire built on the
12 principles of the 2014 OECD Recommendation on Digital Government Strategies, across the
four areas of the OECD Digital Government Review of Luxembourg (2022). It scores the answers,
matches recommendations to the gaps and writes a Markdown report.

Run it without a command to start the interactive assessment.`,
		Example: `  # The interactive assessment:
  dgmaturity
  # Score an answers file and write the report into reports/:
  dgmaturity assess --answers answers.yaml --out reports/
  # The questions and how they cover the principles and areas:
  dgmaturity questionnaire show`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          rootArgs(app),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runAssess(cmd.Context(), app, o)
		},
	}
	addAssessFlags(root.Flags(), &o)
	root.SetIn(app.Stdin)
	root.SetOut(helpOut(app.Stdout))
	root.SetErr(app.Stderr)
	root.PersistentFlags().StringVar(&app.questionnairePath, "questionnaire", "", "questionnaire file to use instead of the built-in one")
	root.PersistentFlags().StringVar(&app.release, "release", "", "earlier release of the built-in questionnaire to use (e.g. 1.0.0)")
	root.PersistentFlags().StringVar(&app.lang, "lang", "", "language of everything dgmaturity says: en, fr or de (default: LC_ALL, LC_MESSAGES, LANG, else en)")
	// Flag mistakes are bad usage: exit 2, like bad input. Subcommands
	// inherit this function.
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return flagError(app, err) })
	// The commands in the order the help lists them (cobra sorts them
	// too); a new command is one more entry here.
	root.AddCommand(
		newAssessCmd(app),
		newCompareCmd(app),
		newMergeCmd(app),
		newQuestionnaireCmd(app),
		newReportCmd(app),
		newWorkshopCmd(app),
	)
	root.InitDefaultCompletionCmd() // cobra adds it at run time; here so that its help is fitted too
	typeArgErrors(app, root)
	fitHelp(root, termWidth(), isTerminal(app.Stdout) && !slices.Contains(os.Args, "man"))
	return root
}

// typeArgErrors makes every argument check of the tree return a usage
// error (exit 2), in this one place: cobra's checks (NoArgs, ExactArgs...)
// return plain errors, which would otherwise exit 1.
//
// A group of commands (workshop) shows its help when run alone, like
// questionnaire: cobra would show it for any words after the group too,
// exit 0, so that a mistyped subcommand ("workshop strat") looked like
// success.
func typeArgErrors(app *App, c *cobra.Command) {
	if c.HasSubCommands() && !c.Runnable() {
		c.RunE = func(cmd *cobra.Command, _ []string) error { return cmd.Help() }
	}
	if c.Args != nil {
		c.Args = usageArgs(app, c.Args)
	}
	for _, sub := range c.Commands() {
		typeArgErrors(app, sub)
	}
}

// ErrInterrupted is returned when the user stops a run with ctrl+c; it is
// exit.ErrInterrupted (exit code 130), named here for the commands.
var ErrInterrupted = exit.ErrInterrupted
