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
	err := publish.Set{Context: ctx, Inputs: inputs, Outputs: outs}.Publish()
	return interrupted(ctx, err)
}

// interrupted turns err into ErrInterrupted when the run was stopped with
// ctrl+c (its context cancelled), so that it exits 130.
func interrupted(ctx context.Context, err error) error {
	if ctx != nil && ctx.Err() != nil && (err == nil || errors.Is(err, context.Canceled)) {
		return ErrInterrupted
	}
	return err
}
