package cli

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/internal/publish"
	"github.com/dgmaturity/dgmaturity/internal/scoring"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// newMergeCmd builds `dgmaturity merge`.
func newMergeCmd(app *App) *cobra.Command {
	out, format := ".", "md,html"
	cmd := &cobra.Command{
		Use:   "merge A.json B.json ...",
		Short: "Consolidate a workshop: merge the assessments of several respondents of one PSO",
		Long: `Merge the assessment files of several respondents of one public sector organisation, made
with one version of the questionnaire, into a consolidated assessment, and write the workshop
report that prepares the discussion.

The files must be of the same organisation (the same organisation id when both give one, else
the same name, ignoring case and spacing) and of the same questionnaire (id, version and
content hash); anything else is refused. A consolidated file from an earlier merge may be given
too: its respondents are taken one by one.

The respondents may have answered in different languages: answers are merged by question id.
The consolidated assessment and both reports are written in the language given with --lang,
else the environment's (LC_ALL, LC_MESSAGES, LANG), else English.

Per question, the consolidated answer is the median of the levels given (the lower of the two
middle levels when their number is even); "don't know" and "not applicable" count only where
nobody gave a level. What each respondent said is kept in the file. Its date is the latest of
the inputs' dates.

Written into --out: <slug>-<date>-consolidated.json with its reports and charts (as assess
writes them), and the workshop report <slug>-<date>-workshop.md: the respondents' scores side
by side, the discussion agenda (questions on which the respondents are two or more levels
apart, widest first, with what each said and their comments, and a chart of the spread of
their levels, -workshop-spread.svg) and the consensus and spread of every question. Each
report is written as Markdown and as a self-contained HTML page (--format md, html or
md,html; default both: the workshop's result goes to the board as the assessment's does).`,
		Example: `  dgmaturity merge lead.json it.json data-officer.json
  dgmaturity merge workshop/*.json --out workshop/results`,
		Args: needArgs(app, cobra.MinimumNArgs(2), "cli.args.merge"),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := parseFormats(app, format)
			if err != nil {
				return err
			}
			return runMerge(cmd.Context(), app, args, out, f)
		},
	}
	cmd.Flags().StringVar(&out, "out", ".", "folder for the consolidated assessment, its reports and charts, and the workshop report")
	cmd.Flags().StringVar(&format, "format", "md,html", "report formats to write: md, html or md,html (the charts are written beside either)")
	return cmd
}

// runMerge consolidates the files at paths and publishes the consolidated
// assessment with its reports and the workshop report into outDir.
func runMerge(ctx context.Context, app *App, paths []string, outDir string, formats publish.Formats) error {
	q, err := app.Instrument()
	if err != nil {
		return err
	}
	set, err := loadMerge(app, paths, q)
	if err != nil {
		return err
	}
	if err := stopped(ctx); err != nil {
		return err
	}
	// The consolidated assessment and its reports are in the language
	// asked for (outputLang), whatever the languages of the inputs.
	c, repeats := scoring.Consolidate(q, set, app.outputLang(), app.Tool())
	for _, r := range repeats {
		fmt.Fprintln(app.Stderr, app.Printer().T("cli.warning", "File", input.QuotePath(r.Path),
			"Text", app.Printer().T("cli.merge.repeat", "Name", input.Quote(r.Name), "First", input.QuotePath(r.First))))
	}
	return publishMerge(ctx, app, q, c, paths, outDir, formats)
}

// loadMerge reads the files and gathers those that can be merged (see
// assessment.MergeSet); the first refusal ends the run. Warnings (stored
// scores that differ from the recomputed ones, as report gives them) go
// to app's standard error.
func loadMerge(app *App, paths []string, q *questionnaire.Questionnaire) (*assessment.MergeSet, error) {
	set := &assessment.MergeSet{}
	for _, p := range paths {
		if err := set.Claim(p); err != nil {
			return nil, err
		}
		// Read without the instrument first, so that a file of another
		// instrument is refused with the reason that matters here.
		a, warnings, err := assessment.Load(p, nil)
		if err != nil {
			return nil, err
		}
		if err := set.Fits(p, a, q); err != nil {
			return nil, err
		}
		// An edited file is merged with the scores recomputed from its
		// answers; say so, as report does.
		sayWarnings(app, p, warnings, q, a, scoring.Score(q, a.Answers))
		if err := set.Add(p, a); err != nil {
			return nil, err
		}
	}
	return set, nil
}

// publishMerge writes the consolidated assessment c, its reports and
// charts and the workshop reports into outDir as one set: all or none,
// never over an input. The workshop report links the consolidated report;
// its HTML page links the HTML one (the renderer maps .md links to .html).
func publishMerge(ctx context.Context, app *App, q *questionnaire.Questionnaire, c *assessment.Assessment, inputs []string, outDir string, formats publish.Formats) error {
	base := publish.Base(c)
	var workshop []publish.Output
	written, err := publish.Write(outDir, q, c, app.Tool(), publish.Options{Name: base + "-consolidated",
		Context: ctx,
		Inputs:  inputs,
		Formats: formats,
		Outputs: func(p publish.Paths) ([]publish.Output, error) {
			ws, err := publish.WorkshopFiles(base+"-workshop", formats, q, c, base+"-consolidated.md")
			if err != nil {
				return nil, err
			}
			workshop = outputsIn(outDir, ws)
			return workshop, nil
		},
	})
	if err != nil {
		return interrupted(err)
	}
	printPaths(app, written)
	printOutputs(app, workshop)
	return nil
}
