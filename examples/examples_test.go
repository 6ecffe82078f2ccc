// Package examples_test keeps the committed example reports in step with
// the tool: it runs `dgmaturity assess --answers` on every example answers
// file and compares the three files it writes with those under reports/.
// Refresh them with: go test ./examples -update (then review git diff).
package examples_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dgmaturity/dgmaturity/internal/cli"
)

var update = flag.Bool("update", false, "rewrite the committed example reports")

func TestExamplesAreCurrent(t *testing.T) {
	files, err := filepath.Glob("*.yaml")
	if err != nil || len(files) < 3 {
		t.Fatalf("want at least 3 example answer files, found %v (%v)", files, err)
	}
	for _, f := range files {
		t.Run(f, func(t *testing.T) {
			out := t.TempDir()
			var stdout, stderr bytes.Buffer
			app := cli.NewApp("0.1.0")
			app.Stdout, app.Stderr = &stdout, &stderr
			app.Now = func() time.Time { return time.Date(2026, 6, 1, 9, 0, 0, 0, time.UTC) }
			root := cli.Root(app)
			root.SetArgs([]string{"assess", "--answers", f, "--out", out})
			if err := root.Execute(); err != nil {
				t.Fatalf("assess %s: %v\n%s", f, err, stderr.String())
			}
			written := strings.Fields(stdout.String())
			if len(written) != 3 {
				t.Fatalf("assess printed %q, want three paths", stdout.String())
			}
			for _, path := range written {
				got, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				committed := filepath.Join("reports", filepath.Base(path))
				if *update {
					if err := os.MkdirAll("reports", 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(committed, got, 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(committed)
				if err != nil {
					t.Fatalf("%v: run go test ./examples -update", err)
				}
				if !bytes.Equal(got, want) {
					t.Errorf("%s is stale: the tool now writes something else; run go test ./examples -update and review the diff", committed)
				}
			}
		})
	}
}
