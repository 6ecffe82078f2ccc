package cli

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
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
	"github.com/dgmaturity/dgmaturity/internal/locale"
	"github.com/dgmaturity/dgmaturity/internal/publish"
	"github.com/dgmaturity/dgmaturity/questionnaire"
	"github.com/dgmaturity/dgmaturity/reports"
)

// compareOptions are the flags of `compare`.
type compareOptions struct {
	out         string
	csv         string
	anonymise   bool
	minGroup    int
	minGroupSet bool // given on the command line (else 1, or 5 with --anonymise)
	skipInvalid bool
	salt        string // refused: see saltFor
	saltFile    string
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

--anonymise replaces every name by a pseudonym ("PSO-" and 8 hexadecimal digits, an HMAC-SHA-256
of the organisation keyed with a secret salt), leaves out respondents, comments and every other
text people typed, and withholds any group of fewer than --min-group PSOs (default 5) together
with every row, cell and change that belongs to it: a PSO whose organisation type has fewer
PSOs, and the assessments and changes of a year with fewer PSOs. Questionnaire versions that are
not plain version numbers are shown as "other". The report says what was withheld.

The salt is read from the file given with --salt-file, else from the DGMATURITY_SALT
environment variable, never from the command line (which other users of the machine can
read). Keep the same salt to get the same pseudonyms next year. Without one, a random salt is
used: the pseudonyms then differ from every other run. --min-group also applies without
--anonymise when given.

Assessments answered in any language are compared alike (ids, not texts). The report and the
CSV header are written in the language given with --lang, else the environment's (LC_ALL,
LC_MESSAGES, LANG), else English; the CSV's cells are the same in every language.

Exit codes: 0 done; 1 when files were left out (0 with --skip-invalid); 2 when no valid
assessment was found or the command line is wrong.`,
		Example: `  dgmaturity compare results/ > comparison.md
  dgmaturity compare results/2025 results/2026 -o comparison.md --csv scores.csv
  dgmaturity compare results/ --anonymise --salt-file ~/.config/dgmaturity/salt -o public.md --csv public.csv`,
		Args: needArgs(app, cobra.MinimumNArgs(1), "cli.args.compare"),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.minGroupSet = cmd.Flags().Changed("min-group")
			return runCompare(cmd.Context(), app, args, o)
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
	f.StringVar(&o.saltFile, "salt-file", "", "file with the secret salt of the pseudonyms (or DGMATURITY_SALT)")
	// --salt put the secret where other users can read it (ps,
	// /proc/PID/cmdline); it stays only to say so.
	f.StringVar(&o.salt, "salt", "", "refused: use --salt-file or DGMATURITY_SALT")
	_ = f.MarkHidden("salt")
	return cmd
}

// stderrIsTerminal reports whether w is a terminal; tests replace it.
var stderrIsTerminal = func(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// maxReasons is how many problems of one file are listed on stderr.
const maxReasons = 5

func runCompare(ctx context.Context, app *App, paths []string, o compareOptions) error {
	plan, err := planCompare(app, o)
	if err != nil {
		return err
	}
	q, err := app.Instrument()
	if err != nil {
		return err
	}
	set, err := loadCompare(ctx, app, paths, q)
	if err != nil {
		return err
	}
	s := compare.Summarise(set, compare.Options{Anonymise: o.anonymise, MinGroup: plan.minGroup, Salt: plan.salt})
	lq, pr := publish.Language(q, app.outputLang())
	out, err := renderCompare(pr, lq, s, o, plan.formats)
	if err != nil {
		return err
	}
	if err := publishCompare(ctx, app, set.Read, o, out); err != nil {
		return err
	}
	return leftOut(app, set, o)
}

// comparePlan is what the flags of one compare run decide.
type comparePlan struct {
	formats  publish.Formats
	minGroup int
	salt     string
}

// planCompare checks the flags against each other and settles the
// formats, the smallest group shown and the salt of the pseudonyms.
func planCompare(app *App, o compareOptions) (comparePlan, error) {
	switch {
	case o.minGroupSet && o.minGroup < 1:
		return comparePlan{}, usage(app, "cli.usage.min_group", "N", o.minGroup)
	case o.out != "" && o.csv != "" && filepath.Clean(o.out) == filepath.Clean(o.csv):
		return comparePlan{}, usage(app, "cli.usage.same_csv")
	case o.salt != "":
		return comparePlan{}, usage(app, "cli.usage.salt")
	case o.saltFile != "" && !o.anonymise:
		return comparePlan{}, usage(app, "cli.usage.salt_file_alone")
	}
	salt, err := saltFor(app, o)
	if err != nil {
		return comparePlan{}, err
	}
	plan := comparePlan{formats: publish.Formats{Markdown: true}, minGroup: o.minGroup, salt: salt}
	if o.format != "" {
		if plan.formats, err = parseFormats(app, o.format); err != nil {
			return comparePlan{}, err
		}
	}
	if o.out == "" && plan.formats != (publish.Formats{Markdown: true}) {
		return comparePlan{}, usage(app, "cli.usage.format_needs_out", "Formats", plan.formats.String())
	}
	if !o.minGroupSet {
		plan.minGroup = 1
		if o.anonymise {
			plan.minGroup = defaultMinGroup
		}
	}
	return plan, nil
}

// loadCompare reads the files to compare, listing on stderr those left
// out and the warnings; it fails when no valid assessment is left.
func loadCompare(ctx context.Context, app *App, paths []string, q *questionnaire.Questionnaire) (*compare.Set, error) {
	prog := newProgress(app)
	// Files of every language are read alike against the instrument's
	// original texts (ids and scores; stage names in the original
	// language, as assessment files store them); the report is then
	// written in the language asked for.
	set, err := compare.LoadContext(ctx, paths, q.Original(), compare.LoadOptions{Progress: prog.update})
	prog.done()
	if err != nil {
		return nil, interrupted(err)
	}
	sayLoadProblems(app, set)
	if len(set.Records) == 0 {
		if set.Files == 0 {
			return nil, &input.Error{File: strings.Join(paths, ", "), Msg: input.M("input.compare.no_files")}
		}
		return nil, &input.Error{File: strings.Join(paths, ", "), Msg: input.MN("input.compare.none_valid", set.Files)}
	}
	return set, nil
}

// sayLoadProblems lists on stderr the files left out (at most maxReasons
// problems each), the duplicates and the files with edited scores.
func sayLoadProblems(app *App, set *compare.Set) {
	pr := app.Printer()
	for _, p := range set.Problems {
		lines := p.LinesIn(pr)
		for i, l := range lines {
			if i == maxReasons {
				fmt.Fprintln(app.Stderr, pr.N("cli.compare.more_problems", len(lines)-maxReasons, "File", input.QuotePath(p.File)))
				break
			}
			fmt.Fprintln(app.Stderr, l)
		}
	}
	for _, d := range set.Duplicates {
		fmt.Fprintln(app.Stderr, pr.T("cli.warning", "File", input.QuotePath(d.File), "Text", pr.T("cli.compare.duplicate", "Kept", input.QuotePath(d.Kept))))
	}
	var edited []string
	for _, r := range set.Records {
		if r.StoredDiffers {
			edited = append(edited, r.File)
		}
	}
	if len(edited) > 0 {
		fmt.Fprintln(app.Stderr, pr.N("cli.compare.edited", len(edited), "File", input.QuotePath(edited[0])))
	}
}

// compareOut is a rendered comparison: the files to publish with the
// paths to print, or the Markdown report for stdout when there is no -o.
type compareOut struct {
	outs    []publish.Output
	written []string
	md      bytes.Buffer
}

// renderCompare renders the report (to -o with its charts and HTML, else
// for stdout) and the CSV.
func renderCompare(pr *locale.Printer, lq *questionnaire.Questionnaire, s *compare.Summary, o compareOptions, formats publish.Formats) (*compareOut, error) {
	out := &compareOut{}
	var files []publish.File
	if o.out != "" {
		// The charts and the HTML go beside the report.
		stem := strings.TrimSuffix(filepath.Base(o.out), filepath.Ext(o.out))
		var err error
		if files, err = publish.CompareFiles(pr, stem, formats, lq, s); err != nil {
			return nil, err
		}
	} else if err := reports.CompareIn(&out.md, pr, lq, s); err != nil {
		return nil, fmt.Errorf("render comparison: %w", err)
	}
	if o.csv != "" {
		var b bytes.Buffer
		if err := reports.CSVIn(&b, pr, lq, s); err != nil {
			return nil, fmt.Errorf("render CSV: %w", err)
		}
		out.outs = append(out.outs, publish.Output{Path: o.csv, Data: b.Bytes()})
		out.written = append(out.written, o.csv)
	}
	if o.out == "" {
		return out, nil
	}
	// The charts and the HTML go beside the report, under the name given
	// for the report, whatever its extension.
	var charts []string
	for _, f := range files {
		path := filepath.Join(filepath.Dir(o.out), f.Name)
		if filepath.Ext(f.Name) == ".md" {
			path = o.out
		}
		out.outs = append(out.outs, publish.Output{Path: path, Data: f.Data})
		if filepath.Ext(f.Name) == ".svg" {
			charts = append(charts, path)
		} else {
			out.written = append(out.written, path)
		}
	}
	out.written = append(out.written, charts...)
	return out, nil
}

// publishCompare writes the rendered files as one set (all or none,
// never over one of the files compared, read) and prints their paths, or
// writes the report to stdout.
func publishCompare(ctx context.Context, app *App, read []string, o compareOptions, out *compareOut) error {
	if len(out.outs) > 0 {
		if err := publishFiles(ctx, read, out.outs...); err != nil {
			return err
		}
	} else if err := stopped(ctx); err != nil {
		return err
	}
	// Paths go to stdout, unless the report itself does.
	pathsTo := app.Stdout
	if o.out == "" {
		if _, err := app.Stdout.Write(out.md.Bytes()); err != nil {
			return fmt.Errorf("write report: %w", err)
		}
		pathsTo = app.Stderr
	}
	for _, p := range out.written {
		fmt.Fprintln(pathsTo, input.QuotePath(p))
	}
	return nil
}

// leftOut is the error of a comparison made with files left out: not an
// input error, exit code 1 (0 with --skip-invalid).
func leftOut(app *App, set *compare.Set, o compareOptions) error {
	if n := len(set.Problems); n > 0 && !o.skipInvalid {
		return errors.New(app.Printer().N("cli.compare.left_out", n))
	}
	return nil
}

// minSalt is the shortest salt accepted: shorter ones can be guessed.
const minSalt = 16

// saltFor returns the secret salt of --anonymise: from --salt-file, else
// from DGMATURITY_SALT, else a random one (said on stderr, with how to
// keep pseudonyms stable). Leading and trailing white space (the newline
// an editor adds) is not part of it.
func saltFor(app *App, o compareOptions) (string, error) {
	if !o.anonymise {
		return "", nil
	}
	var salt, from string
	switch {
	case o.saltFile != "":
		data, err := input.ReadFile(o.saltFile, 4096)
		if err != nil {
			return "", fmt.Errorf("--salt-file: %w", err)
		}
		salt, from = strings.TrimSpace(string(data)), "--salt-file "+input.QuotePath(o.saltFile)
	case os.Getenv("DGMATURITY_SALT") != "":
		salt, from = strings.TrimSpace(os.Getenv("DGMATURITY_SALT")), "DGMATURITY_SALT"
	default:
		var b [32]byte
		_, _ = rand.Read(b[:]) // never fails (crypto/rand panics instead)
		fmt.Fprintln(app.Stderr, app.Printer().T("cli.compare.random_salt", "Min", minSalt))
		return hex.EncodeToString(b[:]), nil
	}
	if len(salt) < minSalt {
		return "", usage(app, "cli.usage.salt_short", "From", from, "Length", len(salt), "Min", minSalt)
	}
	return salt, nil
}

// progress shows "read 4,000 of 10,000 files" on one updating line of
// stderr, only when stderr is a terminal and the run has taken longer
// than progressAfter.
type progress struct {
	w       io.Writer
	pr      *locale.Printer
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
	return &progress{w: app.Stderr, pr: app.Printer(), on: stderrIsTerminal(app.Stderr), now: now, start: now()}
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
	sep := thousands[p.pr.Tag()]
	fmt.Fprint(p.w, "\r\x1b[K"+p.pr.T("cli.compare.progress", "Done", grouped(done, sep), "Total", grouped(total, sep)))
}

// done clears the progress line, if one was shown.
func (p *progress) done() {
	if p.written {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}

// thousands is the thousands separator of each language: 10,000 in
// English, 10 000 in French (a narrow no-break space), 10.000 in German.
var thousands = map[locale.Tag]string{locale.English: ",", locale.French: "\u202f", locale.German: "."}

// grouped writes n with sep between its groups of thousands: 10000 →
// "10,000".
func grouped(n int, sep string) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + sep + s[i:]
	}
	return s
}
