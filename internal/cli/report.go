package cli

import (
	"cmp"
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/internal/publish"
	"github.com/dgmaturity/dgmaturity/internal/scoring"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

func newReportCmd(app *App) *cobra.Command {
	var out, previous, format string
	var target int
	cmd := &cobra.Command{
		Use:   "report ASSESSMENT.json",
		Short: "Rebuild the reports and charts of an assessment file",
		Long: `Rebuild the reports (Markdown and a self-contained HTML page, --format) and the SVG
charts (the radar, the areas against their targets, the change per area) of an assessment
file. The scores are
recomputed from the answers; where they differ from the ones stored in the file (an edited
file), a warning is printed and noted in the report. An assessment made with an earlier
release of the built-in questionnaire is reported with that release's own questions and
recommendations.

The recommendations aim at the targets recorded in the file (3 for every question in files
without targets); --target sets another default. The report shows progress since an earlier
assessment of the same organisation: the one given with --previous, else the latest earlier
one found in the report's folder.

The report is written in the language the assessment was answered in (English for files
that do not record one); --lang fr or --lang de renders it in French or German.

To print the report or keep it as a PDF, open the .html file in a browser and print it: the
page has its own print layout (A4, each main section on a new page).`,
		Example: `  dgmaturity report agency-2026-03-01.json
  dgmaturity report agency-2026-03-01.json -o board/report.md
  dgmaturity report agency-2026-03-01.json --lang de -o agency-2026-03-01.de.md
  dgmaturity report agency-2026-03-01.json --format html`,
		Args: needArgs(app, cobra.ExactArgs(1), "cli.args.report"),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := parseFormats(app, format)
			if err != nil {
				return err
			}
			return runReport(cmd.Context(), app, args[0], out, previous, target, f)
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "report file to write (default: beside the assessment, with .md); the HTML report and the charts go beside it")
	cmd.Flags().IntVar(&target, "target", 0, "default target level 1-4 instead of the one recorded in the file (default 3)")
	cmd.Flags().StringVar(&format, "format", "md,html", "report formats to write: md, html or md,html (the charts are written beside either)")
	cmd.Flags().StringVar(&previous, "previous", "", "earlier assessment file of the same organisation to show progress against (default: the latest beside the report)")
	return cmd
}

// runReport rebuilds the reports and charts of the assessment at path.
func runReport(ctx context.Context, app *App, path, out, previous string, target int, formats publish.Formats) error {
	if err := checkTarget(app, target); err != nil {
		return err
	}
	q, a, warnings, err := readReported(app, path)
	if err != nil {
		return err
	}
	r := scoring.ScoreAssessment(q, a, target)
	warnings = sayWarnings(app, path, warnings, q, a, r)
	if out == "" {
		out = strings.TrimSuffix(path, filepath.Ext(path)) + ".md"
	}
	if previous == "" {
		previous = publish.FindPrevious(filepath.Dir(out), q, a)
	}
	var progress *scoring.Progress
	inputs := []string{path}
	if previous != "" {
		if progress, err = publish.Progress(previous, q, a, r); err != nil {
			return err
		}
		inputs = append(inputs, previous)
	}
	shown := a
	if target != 0 {
		// The report states the target it used; the file is left as it is.
		c := *a
		setTarget(&c, target)
		shown = &c
	}
	// The report speaks --lang when given, else the language the
	// assessment was answered in (English for files older than the
	// choice).
	lang := cmp.Or(app.lang, a.Language)
	stem := strings.TrimSuffix(out, filepath.Ext(out))
	files, err := publish.AssessmentFiles(lang, filepath.Base(stem), formats, q, shown, r, warnings, progress)
	if err != nil {
		return err
	}
	return publishReport(ctx, app, inputs, out, files)
}

// readReported reads the assessment at path with the instrument it was
// made with: once without an instrument to learn which one, then checked
// against that one.
func readReported(app *App, path string) (*questionnaire.Questionnaire, *assessment.Assessment, []input.Msg, error) {
	data, err := input.ReadFile(path, assessment.MaxFileSize)
	if err != nil {
		return nil, nil, nil, err
	}
	first, _, err := assessment.Parse(path, data, nil)
	if err != nil {
		return nil, nil, nil, err
	}
	q, err := app.InstrumentFor(first.Questionnaire)
	if err != nil {
		return nil, nil, nil, err
	}
	a, warnings, err := assessment.Parse(path, data, q)
	if err != nil {
		return nil, nil, nil, err
	}
	return q, a, warnings, nil
}

// publishReport writes the report's files as one set: all or none, and
// never over the assessment they are made from (or the one they compare
// with). The Markdown report goes where -o (out) says, whatever its
// extension; the HTML page and the charts beside it.
func publishReport(ctx context.Context, app *App, inputs []string, out string, files []publish.File) error {
	outs := outputsIn(filepath.Dir(out), files)
	for i := range outs {
		if filepath.Ext(outs[i].Path) == ".md" {
			outs[i].Path = out
		}
	}
	if err := publishFiles(ctx, inputs, outs...); err != nil {
		return err
	}
	printOutputs(app, outs)
	return nil
}

// sayWarnings prints on stderr the warnings about the assessment a read
// from path: those of its reading, then those where the scores it stores
// differ from r, the ones recomputed from its answers (an edited file; the
// recomputed ones are used). It returns them all, for the report to note.
func sayWarnings(app *App, path string, warnings []input.Msg, q *questionnaire.Questionnaire, a *assessment.Assessment, r *scoring.Result) []input.Msg {
	warnings = append(warnings, assessment.StoredDiffers(a.Scores, publish.StoredScores(q, r))...)
	pr := app.Printer()
	for _, w := range warnings {
		fmt.Fprintln(app.Stderr, pr.T("cli.warning", "File", input.QuotePath(path), "Text", w.In(pr)))
	}
	return warnings
}
