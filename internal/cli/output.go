package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
)

// writeOutput writes a result file atomically, creating its folder first:
// `-o reports/board.md` should work whether or not reports/ exists yet.
func writeOutput(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("create output folder: %w", err)
	}
	return assessment.WriteFileAtomic(path, data, 0o644)
}
