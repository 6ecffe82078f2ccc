package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/spf13/cobra"

	"github.com/dgmaturity/dgmaturity/internal/compare"
	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/internal/publish"
	"github.com/dgmaturity/dgmaturity/reports"
)

func init() { register(newCompareCmd) }

// compareOptions are the flags of `compare`.
type compareOptions struct {
	out         string
	csv         string
	anonymise   bool
	minGroup    int
	skipInvalid bool
	salt        string
	format      string
}

// defaultMinGroup is the smallest group shown in an anonymised comparison.
const defaultMinGroup = 5

// newCompareCmd builds `dgmaturity compare`.
func newCompareCmd(app *App) *cobra.Command {
	var o compareOptions
	cmd := &cobra.Command{
		Use:   "compare FILES|FOLDERS ...",
		Short: "Compare the assessments of many PSOs: distributions, peer groups, trends, needs",
		Long: `Compare many assessment files: folders are read recursively for *.json files, files
named explicitly are read whatever their extension. Every score is recomputed from the answers
with the questionnaire in use. Assessments of another version of the same questionnaire are
compared on the questions both versions share, and the report says so; assessments of another
questionnaire, unfinished drafts and unreadable or invalid files are left out, each listed on
the standard error with its reason.

The report (Markdown, to standard output or -o) gives the number of PSOs and assessments and
their dates; per area and principle the distribution (minimum, quartiles, median, maximum) with
a text box plot; the stages; a PSO by area table; peer groups by organisation type; the
principles weakest across government; the recommendations most often needed, grouped by the
OECD review recommendation they stem from (which national programme would help most PSOs); the
trend by year and each PSO's change since its previous assessment. The cross-section uses each
PSO's latest assessment. A PSO is recognised by its organisation id, else by its name.

--csv writes one row per assessment, every score a column, for spreadsheets.

With -o, the charts are written beside the report and linked from it (<name>-areas.svg and
-principles.svg: box plots; -stages.svg; -heatmap.svg: each PSO's area scores, or each peer
group's above 60 PSOs; -trend.svg: the median and quartiles by year), and --format md,html
adds a self-contained HTML page of the report with the charts in it (default md: the
comparison is read by analysts, and often piped). An anonymised comparison's charts and HTML
withhold exactly what its Markdown withholds.

--anonymise replaces every name by a stable pseudonym ("PSO-" and 8 hexadecimal digits), leaves
out respondents, comments and every other text people typed, and withholds any group of fewer
than --min-group PSOs (default 5); the report says what was withheld. Each PSO's own row is
shown under its pseudonym only. Without --salt, anyone with a list of PSO names can recompute
the pseudonyms: give a secret --salt (and keep it, to get the same pseudonyms next time) before
publishing. --min-group also applies without --anonymise when given.

Exit codes: 0 done; 1 when files were left out (0 with --skip-invalid); 2 when no valid
assessment was found or the command line is wrong.`,
		Example: `  dgmaturity compare results/ > comparison.md
  dgmaturity compare results/2025 results/2026 -o comparison.md --csv scores.csv
  dgmaturity compare results/ --anonymise --salt "$SALT" -o public.md --csv public.csv`,
		Args: needArgs(cobra.MinimumNArgs(1), "at least one assessment file or folder"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !cmd.Flags().Changed("min-group") {
				o.minGroup = 0
			}
			return runCompare(app, args, o)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&o.out, "output", "o", "", "report file to write (default: standard output); the charts and the HTML report go beside it")
	f.StringVar(&o.format, "format", "md", "report formats to write with -o: md, html or md,html (the charts are written beside either)")
	f.StringVar(&o.csv, "csv", "", "also write one row per assessment to this CSV file")
	f.BoolVar(&o.anonymise, "anonymise", false, "pseudonyms instead of names, no free text, small groups withheld")
	f.BoolVar(&o.anonymise, "anonymize", false, "same as --anonymise")
	_ = f.MarkHidden("anonymize")
	f.IntVar(&o.minGroup, "min-group", defaultMinGroup, "smallest group of PSOs whose statistics are shown")
	f.BoolVar(&o.skipInvalid, "skip-invalid", false, "exit 0 even when files were left out as unreadable or invalid")
	f.StringVar(&o.salt, "salt", "", "secret that keys the pseudonyms of --anonymise (keep it to get the same pseudonyms again)")
	return cmd
}

// stderrIsTerminal reports whether w is a terminal; tests replace it.
var stderrIsTerminal = func(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// maxReasons is how many problems of one file are listed on stderr.
const maxReasons = 5

func runCompare(app *App, paths []string, o compareOptions) error {
	switch {
	case o.minGroup < 0:
		return &input.UsageError{Msg: fmt.Sprintf("--min-group must be 1 or more, not %d", o.minGroup)}
	case o.out != "" && o.csv != "" && filepath.Clean(o.out) == filepath.Clean(o.csv):
		return &input.UsageError{Msg: "-o and --csv name the same file"}
	case o.salt != "" && !o.anonymise:
		return &input.UsageError{Msg: "--salt keys the pseudonyms of --anonymise; give --anonymise too"}
	}
	formats := publish.Formats{Markdown: true}
	if o.format != "" {
		f, err := publish.ParseFormats(o.format)
		if err != nil {
			return err
		}
		formats = f
	}
	if o.out == "" && formats != (publish.Formats{Markdown: true}) {
		return &input.UsageError{Msg: "--format " + formats.String() + " needs -o: the HTML report and the charts are written beside the report file"}
	}
	minGroup := o.minGroup
	if minGroup == 0 && o.anonymise {
		minGroup = defaultMinGroup
	}
	q, err := app.Instrument()
	if err != nil {
		return err
	}

	prog := newProgress(app)
	set := compare.Load(paths, q, compare.LoadOptions{Progress: prog.update})
	prog.done()

	for _, p := range set.Problems {
		lines := p.Lines()
		for i, l := range lines {
			if i == maxReasons {
				fmt.Fprintf(app.Stderr, "%s: and %d more problems\n", p.File, len(lines)-maxReasons)
				break
			}
			fmt.Fprintln(app.Stderr, l)
		}
	}
	for _, d := range set.Duplicates {
		fmt.Fprintf(app.Stderr, "warning: %s: same PSO and date as %s; counted once\n", d.File, d.Kept)
	}
	if len(set.Records) == 0 {
		if set.Files == 0 {
			return &input.Error{File: strings.Join(paths, ", "), Reason: "no assessment file (*.json) found"}
		}
		return &input.Error{File: strings.Join(paths, ", "), Reason: fmt.Sprintf("none of the %d files is a valid assessment to compare", set.Files)}
	}
	var edited []string
	for _, r := range set.Records {
		if r.StoredDiffers {
			edited = append(edited, r.File)
		}
	}
	if len(edited) > 0 {
		fmt.Fprintf(app.Stderr, "warning: %d files store scores that differ from the ones recomputed from their answers (edited?), e.g. %s; the recomputed scores are used\n", len(edited), edited[0])
	}
	if o.anonymise && o.salt == "" {
		fmt.Fprintln(app.Stderr, "note: the pseudonyms are unsalted: anyone with a list of PSO names can recompute them; give --salt before publishing PSO rows")
	}

	s := compare.Summarise(set, compare.Options{Anonymise: o.anonymise, MinGroup: minGroup, Salt: o.salt})
	var md bytes.Buffer
	var files []publish.File
	if o.out != "" {
		// The charts and the HTML go beside the report.
		stem := strings.TrimSuffix(filepath.Base(o.out), filepath.Ext(o.out))
		if files, err = publish.CompareFiles(stem, formats, q, s); err != nil {
			return err
		}
	} else if err := reports.Compare(&md, q, s); err != nil {
		return fmt.Errorf("render comparison: %w", err)
	}
	var written []string
	if o.csv != "" {
		var b bytes.Buffer
		if err := reports.CSV(&b, q, s); err != nil {
			return fmt.Errorf("render CSV: %w", err)
		}
		if err := writeOutput(o.csv, b.Bytes()); err != nil {
			return err
		}
		written = append(written, o.csv)
	}
	if o.out != "" {
		// The charts first, the reports that link them last; the reports'
		// paths are printed first.
		var charts []string
		for _, f := range files {
			path := filepath.Join(filepath.Dir(o.out), f.Name)
			if filepath.Ext(f.Name) == ".md" {
				path = o.out // the name given, whatever its extension
			}
			if err := writeOutput(path, f.Data); err != nil {
				return err
			}
			if filepath.Ext(f.Name) == ".svg" {
				charts = append(charts, path)
			} else {
				written = append(written, path)
			}
		}
		written = append(written, charts...)
	} else if _, err := app.Stdout.Write(md.Bytes()); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	// Paths go to stdout, unless the report itself does.
	pathsTo := app.Stdout
	if o.out == "" {
		pathsTo = app.Stderr
	}
	for _, p := range written {
		fmt.Fprintln(pathsTo, p)
	}

	if n := len(set.Problems); n > 0 && !o.skipInvalid {
		// Not an input error: the comparison was made, exit code 1.
		if n == 1 {
			return errors.New("1 file was left out")
		}
		return fmt.Errorf("%d files were left out", n)
	}
	return nil
}

// progress shows "read 4,000 of 10,000 files" on one updating line of
// stderr, only when stderr is a terminal and the run has taken longer
// than progressAfter.
type progress struct {
	w       io.Writer
	on      bool
	now     func() time.Time
	start   time.Time
	last    time.Time
	written bool
}

// progressAfter is how long a run goes on before its progress is shown;
// progressEvery is how often the line is redrawn.
const (
	progressAfter = 300 * time.Millisecond
	progressEvery = 100 * time.Millisecond
)

func newProgress(app *App) *progress {
	now := app.Now
	if now == nil {
		now = time.Now
	}
	return &progress{w: app.Stderr, on: stderrIsTerminal(app.Stderr), now: now, start: now()}
}

func (p *progress) update(done, total int) {
	if !p.on {
		return
	}
	t := p.now()
	if t.Sub(p.start) < progressAfter || (t.Sub(p.last) < progressEvery && done < total) {
		return
	}
	p.last = t
	p.written = true
	fmt.Fprintf(p.w, "\r\x1b[Kread %s of %s files", commas(done), commas(total))
}

// done clears the progress line, if one was shown.
func (p *progress) done() {
	if p.written {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}

// commas writes n with thousands separators: 10000 → "10,000".
func commas(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
