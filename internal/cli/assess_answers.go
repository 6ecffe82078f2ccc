package cli

import (
	"context"
	"fmt"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/locale"
	"github.com/dgmaturity/dgmaturity/internal/publish"
)

// assessAnswers is the non-interactive run: it reads an answers file,
// scores it and writes the assessment, the report and the chart into
// outDir, printing their paths. Interrupted (ctx cancelled) before the
// files are published, it writes nothing and returns ErrInterrupted.
func assessAnswers(ctx context.Context, app *App, o assessOptions) error {
	answersPath, outDir, org := o.answers, o.out, o.org
	q, err := app.Instrument()
	if err != nil {
		return err
	}
	if err := stopped(ctx); err != nil {
		return err
	}
	a, err := assessment.LoadAnswers(answersPath, q, app.Today())
	if err != nil {
		return err
	}
	if org != "" {
		a.Organisation.Name = org
		// The flag's text goes through the same checks as the file's.
		if err := assessment.Validate(a, q); err != nil {
			return fmt.Errorf("--org: %w", err)
		}
	}
	if l := app.Language(); a.Language == "" && l != locale.English {
		// The assessment records the language it was made in, and the
		// report is written in it (see publish); English is the reading
		// of a file without one, so it is left out as before.
		a.Language = string(l)
	}
	setTarget(a, o.target)
	inputs := []string{answersPath}
	if o.previous != "" {
		inputs = append(inputs, o.previous)
	}
	paths, err := publish.Write(outDir, q, a, app.Tool(),
		publish.Options{Context: ctx, Inputs: inputs, Previous: o.previous, Formats: o.formats})
	if err != nil {
		return interrupted(err)
	}
	printPaths(app, paths)
	return nil
}

// printPaths prints the written files on stdout, one per line, so that
// scripts can pick them up.
func printPaths(app *App, p publish.Paths) {
	for _, path := range append([]string{p.Assessment, p.Report, p.HTML}, p.Charts...) {
		if path != "" {
			fmt.Fprintln(app.Stdout, path)
		}
	}
}
