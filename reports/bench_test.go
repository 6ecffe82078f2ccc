package reports

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/scoring"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// BenchmarkMarkdown measures rendering the Markdown report of one
// assessment (the example ministry) from its scores.
func BenchmarkMarkdown(b *testing.B) {
	q, a, r := sample(b, "ministry.yaml")
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := Markdown(&buf, q, a, r, Options{ChartFile: "chart.svg"}); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}

// BenchmarkRadarSVG measures drawing the radar chart of one assessment.
func BenchmarkRadarSVG(b *testing.B) {
	q, a, r := sample(b, "ministry.yaml")
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := RadarSVG(&buf, q, r, a.Organisation.Name); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAnswersToReport measures the non-interactive run's work between
// reading the answers file and writing the files (DESIGN.md section 10:
// under 20 ms): ParseAnswers, Score, Markdown and RadarSVG on the bytes of
// examples/ministry.yaml. "instrument-loaded" starts from the parsed
// default instrument, as every run after the first questionnaire.Default
// does; "with-instrument" also parses the instrument (its exported YAML),
// the whole cost of one `assess --answers` process short of its start and
// its file writes.
func BenchmarkAnswersToReport(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "examples", "ministry.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	instrument, err := questionnaire.ExportYAML(questionnaire.Default())
	if err != nil {
		b.Fatal(err)
	}
	run := func(b *testing.B, q *questionnaire.Questionnaire) {
		a, err := assessment.ParseAnswers("ministry.yaml", data, q, "2026-01-01")
		if err != nil {
			b.Fatal(err)
		}
		r := scoring.Score(q, a.Answers)
		var md, svg bytes.Buffer
		if err := Markdown(&md, q, a, r, Options{ChartFile: "chart.svg"}); err != nil {
			b.Fatal(err)
		}
		if err := RadarSVG(&svg, q, r, a.Organisation.Name); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("instrument-loaded", func(b *testing.B) {
		q := questionnaire.Default()
		b.ReportAllocs()
		for b.Loop() {
			run(b, q)
		}
	})
	b.Run("with-instrument", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			q, err := questionnaire.Parse("instrument.yaml", instrument)
			if err != nil {
				b.Fatal(err)
			}
			run(b, q)
		}
	})
}
