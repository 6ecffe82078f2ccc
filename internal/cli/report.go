package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/internal/publish"
	"github.com/dgmaturity/dgmaturity/internal/scoring"
)

func init() { register(newReportCmd) }

func newReportCmd(app *App) *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "report ASSESSMENT.json",
		Short: "Rebuild the report and chart of an assessment file",
		Long: `Rebuild the Markdown report and the SVG chart of an assessment file. The scores are
recomputed from the answers; where they differ from the ones stored in the file (an edited
file), a warning is printed and noted in the report.`,
		Example: `  dgmaturity report agency-2026-03-01.json
  dgmaturity report agency-2026-03-01.json -o board/report.md`,
		Args: usageArgs(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runReport(cmd.Context(), app, args[0], out)
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "report file to write (default: beside the assessment, with .md); the chart goes beside it with .svg")
	return cmd
}

func runReport(ctx context.Context, app *App, path, out string) error {
	q, err := app.Instrument()
	if err != nil {
		return err
	}
	a, warnings, err := assessment.Load(path, q)
	if err != nil {
		return err
	}
	r := scoring.Score(q, a.Answers)
	warnings = append(warnings, assessment.StoredDiffers(a.Scores, r.Stored())...)
	for _, w := range warnings {
		fmt.Fprintln(app.Stderr, "warning: "+input.QuotePath(path)+": "+w)
	}
	if out == "" {
		out = strings.TrimSuffix(path, filepath.Ext(path)) + ".md"
	}
	chart := strings.TrimSuffix(out, filepath.Ext(out)) + ".svg"
	md, svg, err := publish.Render(q, a, r, filepath.Base(chart), warnings)
	if err != nil {
		return err
	}
	// The chart and the report are one set: both or neither, and never
	// over the assessment they are made from.
	if err := publishFiles(ctx, []string{path},
		publish.Output{Path: out, Data: md}, publish.Output{Path: chart, Data: svg}); err != nil {
		return err
	}
	fmt.Fprintln(app.Stdout, out)
	fmt.Fprintln(app.Stdout, chart)
	return nil
}
