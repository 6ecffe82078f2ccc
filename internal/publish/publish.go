// Package publish turns an assessment into its three files: the assessment
// itself (JSON), the Markdown report and the radar chart (SVG). The
// interactive run, `assess --answers`, `merge` and `report` all end here,
// so they cannot drift apart.
package publish

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/exit"
	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/internal/locale"
	"github.com/dgmaturity/dgmaturity/internal/scoring"
	"github.com/dgmaturity/dgmaturity/questionnaire"
	"github.com/dgmaturity/dgmaturity/reports"
)

// Paths are the files Write produced, and what it wrote them from.
type Paths struct {
	// Report is the Markdown report and HTML the HTML report ("" when
	// not asked for); Chart is the radar and Charts every chart written.
	Assessment, Report, HTML, Chart string
	Charts                          []string
	// Previous is the earlier assessment the report measured progress
	// against, "" when none; Progress is that progress.
	Previous string
	Progress *scoring.Progress
	// Result is the assessment's scores, in the instrument given to Write;
	// Markdown is the Markdown report as written to Report (nil when no
	// Markdown report was asked for). The interactive run shows them
	// without scoring again or reading the file back.
	Result   *scoring.Result
	Markdown []byte
}

// Base returns the file name stem of an assessment's files:
// <organisation-slug>-<date>.
func Base(a *assessment.Assessment) string {
	return assessment.Slug(a.Organisation.Name) + "-" + a.Date
}

// Finish scores the assessment against its targets and stores the scores,
// the applicable recommendations, the roadmap and the tool in it, marking
// it complete. The stored stage is named in the instrument's original
// language (StoredScores).
func Finish(q *questionnaire.Questionnaire, a *assessment.Assessment, tool string) *scoring.Result {
	r := scoring.ScoreAssessment(q, a, 0)
	a.Scores = StoredScores(q, r)
	a.Recommendations = r.RecommendationIDs()
	a.Roadmap = r.StoredRoadmap()
	a.Tool = tool
	a.Complete = true
	return r
}

// RenderOptions say how Render renders a scored assessment.
type RenderOptions struct {
	// Lang is the language of the report (see Language); "" is the
	// assessment's own: `report --lang` renders an assessment in another
	// language than the one it was answered in.
	Lang string
	// ChartName is the file name by which the report links the chart.
	ChartName string
	// Warnings are noted in the report.
	Warnings []input.Msg
	// Progress, when not nil, adds the progress section.
	Progress *scoring.Progress
}

// Render renders the Markdown report and the radar chart of an assessment
// scored as r. The scores are the same in every language (ids, not
// texts); r is rescored with a translated instrument only for the stage's
// name.
func Render(q *questionnaire.Questionnaire, a *assessment.Assessment, r *scoring.Result, o RenderOptions) (md, svg []byte, err error) {
	lq, pr := Language(q, cmp.Or(o.Lang, a.Language))
	if lq != q {
		r = scoring.ScoreAssessment(lq, a, 0)
	}
	var mdBuf, svgBuf bytes.Buffer
	if err := reports.Markdown(&mdBuf, lq, a, r, reports.Options{ChartFile: o.ChartName, Warnings: o.Warnings, Progress: o.Progress, Printer: pr}); err != nil {
		return nil, nil, fmt.Errorf("render report: %w", err)
	}
	date := a.Date
	if pr.Tag() != locale.English {
		date = pr.DateString(a.Date)
	}
	if err := reports.RadarSVGIn(&svgBuf, pr, lq, r, pr.T("report.chart.title", "Name", a.Organisation.Name, "Date", date)); err != nil {
		return nil, nil, fmt.Errorf("render chart: %w", err)
	}
	return mdBuf.Bytes(), svgBuf.Bytes(), nil
}

// Options say how Write names and publishes an assessment's files, and
// what it publishes with them.
type Options struct {
	// Name is the file name stem, such as merge's
	// <slug>-<date>-consolidated; "" is Base(a). It must be a plain file
	// name (no folder), as Base and assessment.Slug make them.
	Name string
	// Context, when cancelled before publishing, stops the run with
	// nothing written (see Set.Context).
	Context context.Context
	// Inputs are the files the run read; none of them is overwritten.
	Inputs []string
	// Outputs are further files of the same set (merge's workshop report),
	// made once the paths are known.
	Outputs func(Paths) ([]Output, error)
	// Previous is an earlier assessment to show progress against; when
	// "", the latest earlier assessment of the same organisation in the
	// output folder is used, if there is one (FindPrevious).
	Previous string
	// Formats are the report formats to write (--format); the zero value
	// writes both Markdown and HTML.
	Formats Formats
}

// Write finishes the assessment and publishes its files into dir
// (created if missing), named <slug>-<date> unless o names them, with the
// extra outputs, as one Set (see Set.Publish): everything is rendered in
// memory, every file written to a temporary file, then all published or
// none. The assessment file is created without replacing another: when
// the name is taken by the assessment of other respondents (several
// respondents of one organisation on one day share a file name), the run
// is refused and nothing is written; the same respondents' earlier
// assessment is replaced.
//
// A failure while writing (a full disk) reads "write results: ..."; a
// refusal (exit 2) and bad input are returned as they are, to be said in
// the run's language (input.Describe), and so is ctrl+c.
func Write(dir string, q *questionnaire.Questionnaire, a *assessment.Assessment, tool string, o Options) (Paths, error) {
	paths, err := publishAssessment(dir, q, a, tool, o)
	if err != nil && !exit.IsUsage(err) && !errors.Is(err, context.Canceled) {
		return Paths{}, &Failure{Err: err}
	}
	return paths, err
}

// Failure is why Write could not write the files (a full disk, a folder
// it may not write to): its text reads "write results: ..." on a command
// line, and Err is the reason alone for a screen that already says the
// files could not be written.
type Failure struct{ Err error }

// Error returns the failure with the context a command line needs.
func (f *Failure) Error() string { return "write results: " + f.Err.Error() }

// Unwrap returns the reason, for errors.Is and errors.As.
func (f *Failure) Unwrap() error { return f.Err }

// publishAssessment is Write without the context of its failures.
func publishAssessment(dir string, q *questionnaire.Questionnaire, a *assessment.Assessment, tool string, o Options) (Paths, error) {
	base := cmp.Or(o.Name, Base(a))
	if filepath.Base(base) != base || base == "." || base == ".." {
		return Paths{}, fmt.Errorf("%s is not a plain file name", input.Quote(base))
	}
	r := Finish(q, a, tool)
	paths := Paths{
		Assessment: filepath.Join(dir, base+".json"),
		Chart:      filepath.Join(dir, base+".svg"),
		Result:     r,
	}
	if err := paths.findProgress(dir, q, a, o.Previous); err != nil {
		return Paths{}, err
	}
	files, err := AssessmentFiles(a.Language, base, cmp.Or(o.Formats, Both), q, a, r, nil, paths.Progress)
	if err != nil {
		return Paths{}, err
	}
	js, err := assessment.Marshal(a)
	if err != nil {
		return Paths{}, err
	}
	set := Set{Context: o.Context, Inputs: o.Inputs, Outputs: []Output{
		{Path: paths.Assessment, Data: js, Claim: func(old []byte) error { return checkOverwrite(paths.Assessment, old, a) }},
	}}
	set.Outputs = append(set.Outputs, paths.place(dir, files)...)
	if o.Outputs != nil {
		more, err := o.Outputs(paths)
		if err != nil {
			return Paths{}, err
		}
		set.Outputs = append(set.Outputs, more...)
	}
	if err := set.Publish(); err != nil {
		return Paths{}, err
	}
	return paths, nil
}

// findProgress measures the progress since previous, or since the latest
// earlier assessment of the organisation in dir when previous is "".
func (p *Paths) findProgress(dir string, q *questionnaire.Questionnaire, a *assessment.Assessment, previous string) error {
	if previous == "" {
		previous = FindPrevious(dir, q, a)
	}
	if previous == "" {
		return nil
	}
	progress, err := Progress(previous, q, a, p.Result)
	if err != nil {
		return err
	}
	p.Previous, p.Progress = previous, progress
	return nil
}

// place puts the rendered files into dir and notes their paths.
func (p *Paths) place(dir string, files []File) []Output {
	outs := make([]Output, 0, len(files))
	for _, f := range files {
		path := filepath.Join(dir, f.Name)
		outs = append(outs, Output{Path: path, Data: f.Data})
		switch filepath.Ext(f.Name) {
		case ".md":
			p.Report, p.Markdown = path, f.Data
		case ".html":
			p.HTML = path
		case ".svg":
			p.Charts = append(p.Charts, path)
		}
	}
	return outs
}

// checkOverwrite refuses to replace an assessment file that holds the
// answers of other respondents: several respondents of one organisation on
// one day share a file name, and one must never silently erase another.
// Rewriting one's own assessment (the same respondents) is allowed.
func checkOverwrite(path string, data []byte, a *assessment.Assessment) error {
	var old struct {
		Respondents []assessment.Respondent `json:"respondents"`
	}
	if json.Unmarshal(data, &old) != nil {
		return input.Refuse("input.publish.not_assessment", "Path", input.QuotePath(path))
	}
	if sameRespondents(old.Respondents, a.Respondents) {
		return nil
	}
	var names []string
	for _, r := range old.Respondents {
		names = append(names, input.Quote(r.Name))
	}
	if len(names) == 0 {
		return input.Refuse("input.publish.taken_someone", "Path", input.QuotePath(path))
	}
	return input.Refuse("input.publish.taken", "Path", input.QuotePath(path), "Who", strings.Join(names, ", "))
}

func sameRespondents(x, y []assessment.Respondent) bool {
	if len(x) != len(y) {
		return false
	}
	for i := range x {
		if input.FoldName(x[i].Name) != input.FoldName(y[i].Name) {
			return false
		}
	}
	return true
}
