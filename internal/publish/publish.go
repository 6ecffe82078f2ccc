// Package publish turns an assessment into its three files: the assessment
// itself (JSON), the Markdown report and the radar chart (SVG). The
// interactive run and `assess --answers` both end here, so they cannot
// drift apart.
package publish

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/scoring"
	"github.com/dgmaturity/dgmaturity/questionnaire"
	"github.com/dgmaturity/dgmaturity/reports"
)

// Paths are the files Write produced.
type Paths struct {
	Assessment, Report, Chart string
}

// Base returns the file name stem of an assessment's files:
// <organisation-slug>-<date>.
func Base(a *assessment.Assessment) string {
	return assessment.Slug(a.Organisation.Name) + "-" + a.Date
}

// Finish scores the assessment and stores the scores, the matched
// recommendations and the tool in it, marking it complete.
func Finish(q *questionnaire.Questionnaire, a *assessment.Assessment, tool string) *scoring.Result {
	r := scoring.Score(q, a.Answers)
	a.Scores = r.Stored()
	a.Recommendations = make([]string, len(r.Matches))
	for i, m := range r.Matches {
		a.Recommendations[i] = m.Recommendation.ID
	}
	a.Tool = tool
	a.Complete = true
	return r
}

// Write finishes the assessment and writes <slug>-<date>.json, .md and .svg
// into dir (created if missing). Everything is rendered in memory first and
// each file is written atomically, so a failure leaves no half-written file.
func Write(dir string, q *questionnaire.Questionnaire, a *assessment.Assessment, tool string) (Paths, error) {
	r := Finish(q, a, tool)
	base := Base(a)
	paths := Paths{
		Assessment: filepath.Join(dir, base+".json"),
		Report:     filepath.Join(dir, base+".md"),
		Chart:      filepath.Join(dir, base+".svg"),
	}
	var md, svg bytes.Buffer
	if err := reports.Markdown(&md, q, a, r, reports.Options{ChartFile: base + ".svg"}); err != nil {
		return Paths{}, fmt.Errorf("render report: %w", err)
	}
	if err := reports.RadarSVG(&svg, q, r, a.Organisation.Name+": principle scores, "+a.Date); err != nil {
		return Paths{}, fmt.Errorf("render chart: %w", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Paths{}, fmt.Errorf("create output folder: %w", err)
	}
	// The chart and the report first, the assessment last: the JSON is the
	// record, and it only appears once what it describes exists.
	if err := assessment.WriteFileAtomic(paths.Chart, svg.Bytes(), 0o644); err != nil {
		return Paths{}, err
	}
	if err := assessment.WriteFileAtomic(paths.Report, md.Bytes(), 0o644); err != nil {
		return Paths{}, err
	}
	if err := assessment.Save(paths.Assessment, a); err != nil {
		return Paths{}, err
	}
	return paths, nil
}
