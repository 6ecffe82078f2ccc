package cli

import (
	"context"
	"errors"

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
