package cli

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/publish"
)

// writeOutput writes a result file atomically, creating its folder first:
// `-o reports/board.md` should work whether or not reports/ exists yet.
func writeOutput(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("create output folder: %w", err)
	}
	return assessment.WriteFileAtomic(path, data, 0o644)
}

// writeFiles writes an output set into dir in its order (charts before
// the reports that link them), then prints the paths on stdout, one per
// line, the reports first, so that scripts can pick them up.
func writeFiles(app *App, dir string, files []publish.File) error {
	var reports, charts []string
	for _, f := range files {
		path := filepath.Join(dir, f.Name)
		if err := writeOutput(path, f.Data); err != nil {
			return err
		}
		if filepath.Ext(path) == ".svg" {
			charts = append(charts, path)
		} else {
			reports = append(reports, path)
		}
	}
	for _, path := range append(reports, charts...) {
		fmt.Fprintln(app.Stdout, path)
	}
	return nil
}
