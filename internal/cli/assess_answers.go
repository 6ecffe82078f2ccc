package cli

import (
	"fmt"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/publish"
)

// assessAnswers is the non-interactive run: it reads an answers file,
// scores it and writes the assessment, the report and the chart into
// outDir, printing their paths.
func assessAnswers(app *App, o assessOptions) error {
	answersPath, outDir, org := o.answers, o.out, o.org
	q, err := app.Instrument()
	if err != nil {
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
	if a.Language == "" && app.lang != "" {
		a.Language = app.lang
	}
	setTarget(a, o.target)
	paths, err := publish.WriteFormats(outDir, publish.Base(a), q, a, app.Tool(), o.previous, o.formats)
	if err != nil {
		return fmt.Errorf("write results: %w", err)
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
