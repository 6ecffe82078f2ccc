package cli

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"

	"github.com/dgmaturity/dgmaturity/internal/publish"
)

// publishFiles publishes a run's result files as one set, all or nothing,
// never over one of the run's inputs (see publish.Set): `-o reports/board.md`
// works whether or not reports/ exists yet.
func publishFiles(ctx context.Context, inputs []string, outs ...publish.Output) error {
	return interrupted(publish.Set{Context: ctx, Inputs: inputs, Outputs: outs}.Publish())
}

// interrupted turns the error of a run stopped with ctrl+c (its context
// cancelled) into ErrInterrupted, so that it exits 130. A run that
// finished (err nil) stays finished, however late the ctrl+c came.
func interrupted(err error) error {
	if errors.Is(err, context.Canceled) {
		return ErrInterrupted
	}
	return err
}

// stopped returns ErrInterrupted once ctrl+c was pressed: a checkpoint
// before work that writes.
func stopped(ctx context.Context) error {
	if ctx != nil && ctx.Err() != nil {
		return ErrInterrupted
	}
	return nil
}

// outputsIn places a run's rendered files in dir, as publish.Outputs of
// one set.
func outputsIn(dir string, files []publish.File) []publish.Output {
	outs := make([]publish.Output, 0, len(files))
	for _, f := range files {
		outs = append(outs, publish.Output{Path: filepath.Join(dir, f.Name), Data: f.Data})
	}
	return outs
}

// printOutputs prints the paths of published files on stdout, one per
// line, the reports first and the charts after, so that scripts can pick
// them up.
func printOutputs(app *App, outs []publish.Output) {
	var reports, charts []string
	for _, o := range outs {
		if filepath.Ext(o.Path) == ".svg" {
			charts = append(charts, o.Path)
		} else {
			reports = append(reports, o.Path)
		}
	}
	for _, path := range append(reports, charts...) {
		fmt.Fprintln(app.Stdout, path)
	}
}
