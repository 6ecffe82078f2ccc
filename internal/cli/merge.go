package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/compare"
	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/internal/publish"
	"github.com/dgmaturity/dgmaturity/internal/scoring"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// newMergeCmd builds `dgmaturity merge`.
func newMergeCmd(app *App) *cobra.Command {
	out, format := ".", "md,html"
	cmd := &cobra.Command{
		Use:   "merge A.json B.json ...",
		Short: "Consolidate a workshop: merge the assessments of several respondents of one PSO",
		Long: `Merge the assessment files of several respondents of one public sector organisation, made
with one version of the questionnaire, into a consolidated assessment, and write the workshop
report that prepares the discussion.

The files must be of the same organisation (the same organisation id when both give one, else
the same name, ignoring case and spacing) and of the same questionnaire (id, version and
content hash); anything else is refused. A consolidated file from an earlier merge may be given
too: its respondents are taken one by one.

The respondents may have answered in different languages: answers are merged by question id.
The consolidated assessment and both reports are written in the language given with --lang,
else the environment's (LC_ALL, LC_MESSAGES, LANG), else English.

Per question, the consolidated answer is the median of the levels given (the lower of the two
middle levels when their number is even); "don't know" and "not applicable" count only where
nobody gave a level. What each respondent said is kept in the file. Its date is the latest of
the inputs' dates.

Written into --out: <slug>-<date>-consolidated.json with its reports and charts (as assess
writes them), and the workshop report <slug>-<date>-workshop.md: the respondents' scores side
by side, the discussion agenda (questions on which the respondents are two or more levels
apart, widest first, with what each said and their comments, and a chart of the spread of
their levels, -workshop-spread.svg) and the consensus and spread of every question. Each
report is written as Markdown and as a self-contained HTML page (--format md, html or
md,html; default both: the workshop's result goes to the board as the assessment's does).`,
		Example: `  dgmaturity merge lead.json it.json data-officer.json
  dgmaturity merge workshop/*.json --out workshop/results`,
		Args: needArgs(cobra.MinimumNArgs(2), "the assessment files of at least two respondents"),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := publish.ParseFormats(format)
			if err != nil {
				return err
			}
			return runMerge(cmd.Context(), app, args, out, f)
		},
	}
	cmd.Flags().StringVar(&out, "out", ".", "folder for the consolidated assessment, its reports and charts, and the workshop report")
	cmd.Flags().StringVar(&format, "format", "md,html", "report formats to write: md, html or md,html (the charts are written beside either)")
	return cmd
}

// mergeInput is one file given to merge, with its respondents' own answers.
type mergeInput struct {
	path    string
	a       *assessment.Assessment
	answers []map[string]assessment.Answer // one per respondent
}

func runMerge(ctx context.Context, app *App, paths []string, outDir string, formats publish.Formats) error {
	q, err := app.Instrument()
	if err != nil {
		return err
	}
	inputs, err := loadMergeInputs(app, paths, q)
	if err != nil {
		return err
	}
	if err := stopped(ctx); err != nil {
		return err
	}
	var answers []map[string]assessment.Answer
	var people []assessment.Respondent
	seen := map[string]string{}
	for _, in := range inputs {
		for i, r := range in.a.Respondents {
			if key := compare.FoldName(r.Name); key != "" {
				if first, dup := seen[key]; dup {
					fmt.Fprintf(app.Stderr, "warning: %s: respondent %s is also in %s; both are counted\n", input.QuotePath(in.path), input.Quote(r.Name), input.QuotePath(first))
				} else {
					seen[key] = in.path
				}
			}
			people = append(people, r)
			answers = append(answers, in.answers[i])
		}
	}
	merged, spread := scoring.Merge(q, answers)

	first := inputs[0].a
	// The consolidated assessment and its reports are in the language
	// asked for (outputLang), whatever the languages of the inputs.
	c := assessment.New(q, first.Organisation, assessment.Respondent{}, first.Date, app.outputLang(), app.Tool())
	c.Respondents = people
	c.Answers = merged
	c.Spread = spread
	for _, in := range inputs[1:] {
		if in.a.Date > c.Date {
			c.Date = in.a.Date
		}
		// Keep an organisation id that only some of the files give.
		if c.Organisation.ID == "" {
			c.Organisation.ID = in.a.Organisation.ID
		}
	}

	base := publish.Base(c)
	// The consolidated assessment, its reports and charts and the workshop
	// reports are one set: all or none, never over an input. The workshop
	// report links the consolidated report; its HTML page links the HTML
	// one (the renderer maps .md links to .html).
	var workshop []publish.Output
	paths2, err := publish.WriteWith(outDir, base+"-consolidated", q, c, app.Tool(), publish.Extra{
		Context: ctx,
		Inputs:  paths,
		Formats: formats,
		Outputs: func(p publish.Paths) ([]publish.Output, error) {
			ws, err := publish.WorkshopFiles(base+"-workshop", formats, q, c, base+"-consolidated.md")
			if err != nil {
				return nil, err
			}
			workshop = outputsIn(outDir, ws)
			return workshop, nil
		},
	})
	if err = interrupted(err); err != nil {
		if err == ErrInterrupted {
			return err
		}
		return fmt.Errorf("write results: %w", err)
	}
	printPaths(app, paths2)
	printOutputs(app, workshop)
	return nil
}

// loadMergeInputs reads the files and checks that they can be merged: one
// PSO, one instrument (the one in use), no file twice. Every refusal is an
// input error naming the file.
// Warnings (stored scores that differ from the recomputed ones, as report
// gives them) go to app's standard error.
func loadMergeInputs(app *App, paths []string, q *questionnaire.Questionnaire) ([]mergeInput, error) {
	var inputs []mergeInput
	seen := map[string]bool{}
	for _, p := range paths {
		clean := filepath.Clean(p)
		if abs, err := filepath.Abs(clean); err == nil {
			clean = abs
		}
		if seen[clean] {
			return nil, &input.Error{File: p, Reason: "is given twice; each respondent's file counts once"}
		}
		seen[clean] = true
		// Read without the instrument first, so that a file of another
		// instrument is refused with the reason that matters here.
		a, warnings, err := assessment.Load(p, nil)
		if err != nil {
			return nil, err
		}
		in := mergeInput{path: p, a: a}
		if len(inputs) > 0 {
			if err := sameWorkshop(inputs[0], in); err != nil {
				return nil, err
			}
		}
		if err := assessment.Validate(a, q); err != nil {
			return nil, withFile(err, p)
		}
		// An edited file is merged with the scores recomputed from its
		// answers; say so, as report does.
		warnings = append(warnings, assessment.StoredDiffers(a.Scores, publish.StoredScores(q, scoring.Score(q, a.Answers)))...)
		for _, w := range warnings {
			fmt.Fprintln(app.Stderr, "warning: "+input.QuotePath(p)+": "+w)
		}
		if len(a.Respondents) == 0 {
			return nil, &input.Error{File: p, Field: "respondents", Reason: "names no respondent: merge consolidates the answers of named respondents"}
		}
		if in.answers, err = respondentAnswers(p, a); err != nil {
			return nil, err
		}
		inputs = append(inputs, in)
	}
	return inputs, nil
}

// sameWorkshop refuses b when it is not of a's PSO or instrument.
func sameWorkshop(a, b mergeInput) error {
	oa, ob := a.a.Organisation, b.a.Organisation
	if !compare.SameOrganisation(oa, ob) {
		return &input.Error{File: b.path, Field: "organisation",
			Reason: fmt.Sprintf("is an assessment of %s, but %s is of %s: merge consolidates the respondents of one organisation", orgName(ob), input.QuotePath(a.path), orgName(oa))}
	}
	ra, rb := a.a.Questionnaire, b.a.Questionnaire
	switch {
	case ra.ID != rb.ID:
		return &input.Error{File: b.path, Field: "questionnaire.id",
			Reason: fmt.Sprintf("was made with questionnaire %s, but %s with %s: merge needs one questionnaire", input.Quote(rb.ID), input.QuotePath(a.path), input.Quote(ra.ID))}
	case ra.Version != rb.Version:
		return &input.Error{File: b.path, Field: "questionnaire.version",
			Reason: fmt.Sprintf("was made with version %s of %s, but %s with version %s: merge needs one questionnaire version", input.Quote(rb.Version), input.Quote(rb.ID), input.QuotePath(a.path), input.Quote(ra.Version))}
	case !strings.EqualFold(ra.SHA256, rb.SHA256):
		return &input.Error{File: b.path, Field: "questionnaire.sha256",
			Reason: fmt.Sprintf("was made with another text of %s %s than %s (sha256 %.12s… against %.12s…): merge needs one questionnaire text", input.Quote(rb.ID), input.Quote(rb.Version), input.QuotePath(a.path), rb.SHA256, ra.SHA256)}
	}
	return nil
}

func orgName(o assessment.Organisation) string {
	s := `"` + input.Quote(o.Name) + `"`
	if o.ID != "" {
		s += " (id " + input.Quote(o.ID) + ")"
	}
	return s
}

// respondentAnswers returns the answers of each respondent of a: the file's
// answers for a single respondent, or, for a file consolidated earlier,
// each respondent's own answers from its spread.
func respondentAnswers(path string, a *assessment.Assessment) ([]map[string]assessment.Answer, error) {
	n := len(a.Respondents)
	if len(a.Spread) == 0 {
		if n > 1 {
			return nil, &input.Error{File: path, Field: "spread",
				Reason: fmt.Sprintf("names %d respondents but does not say what each answered (no spread): merge their own files instead", n)}
		}
		return []map[string]assessment.Answer{a.Answers}, nil
	}
	out := make([]map[string]assessment.Answer, n)
	for i := range out {
		out[i] = make(map[string]assessment.Answer)
	}
	for id, sp := range a.Spread {
		if len(sp.Responses) != n {
			return nil, &input.Error{File: path, Field: "spread." + id + ".responses",
				Reason: fmt.Sprintf("holds %d responses for %d respondents", len(sp.Responses), n)}
		}
		for i, r := range sp.Responses {
			if r.Answered() || r.Comment != "" {
				out[i][id] = r
			}
		}
	}
	return out, nil
}

// withFile sets the file name on input errors that have none (Validate
// reports problems of an in-memory value).
func withFile(err error, path string) error {
	switch e := err.(type) {
	case *input.Error:
		if e.File == "" {
			x := *e
			x.File = path
			return &x
		}
	case input.Errors:
		out := make(input.Errors, len(e))
		for i, x := range e {
			y := *x
			if y.File == "" {
				y.File = path
			}
			out[i] = &y
		}
		return out
	}
	return err
}
