package exit_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/dgmaturity/dgmaturity/internal/exit"
	"github.com/dgmaturity/dgmaturity/internal/input"
)

func TestCode(t *testing.T) {
	for _, tt := range []struct {
		name string
		err  error
		want int
	}{
		{"nil", nil, exit.OK},
		{"plain failure", errors.New("disk full"), exit.Failure},
		{"usage", &exit.UsageError{Msg: "--max must be at least 1"}, exit.Usage},
		{"usage wrapped", fmt.Errorf("compare: %w", exit.Usagef("--min-group %d", 0)), exit.Usage},
		{"input alias", &input.UsageError{Msg: "x"}, exit.Usage},
		{"bad file", &input.Error{File: "a.yaml", Line: 3, Field: "level", Reason: "not a number"}, exit.Usage},
		{"bad files", fmt.Errorf("reading: %w", input.Errors{{File: "a.yaml", Reason: "x"}, {File: "b.yaml", Reason: "y"}}), exit.Usage},
		{"interrupted", fmt.Errorf("assess: %w", exit.ErrInterrupted), exit.Interrupted},
		{"context cancelled", fmt.Errorf("run: %w", context.Canceled), exit.Interrupted},
	} {
		if got := exit.Code(tt.err); got != tt.want {
			t.Errorf("%s: Code(%v) = %d; want %d", tt.name, tt.err, got, tt.want)
		}
	}
}
