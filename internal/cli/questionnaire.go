package cli

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/internal/publish"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

func newQuestionnaireCmd(app *App) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "questionnaire",
		Short: "Export, check or outline the questionnaire",
		Long: `Work with the questionnaire (the instrument): export the one in use to adapt it, check an
adapted copy, or print its outline and the coverage of the 12 principles by the four areas.

The instrument in use is the built-in OECD 2014 one, or the file given with --questionnaire,
in the language given with --lang.`,
		Example: `  dgmaturity questionnaire export -o my-instrument.yaml
  dgmaturity questionnaire validate my-instrument.yaml
  dgmaturity --questionnaire my-instrument.yaml questionnaire show`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newQuestionnaireExportCmd(app), newQuestionnaireValidateCmd(app), newQuestionnaireShowCmd(app))
	return cmd
}

func newQuestionnaireExportCmd(app *App) *cobra.Command {
	var format, out string
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Write the questionnaire in use as YAML or JSON",
		Long: `Write the questionnaire in use to standard output, or to a file with -o (written
atomically: an existing file is replaced only once the new one is complete).

The YAML form is the one to adapt: change it, check it with 'questionnaire validate' and run
with --questionnaire FILE. The JSON form follows the JSON Schema shipped with dgmaturity.
Without --format, a file name ending in .json gives JSON, anything else YAML.`,
		Example: `  dgmaturity questionnaire export > instrument.yaml
  dgmaturity questionnaire export --format json -o instrument.json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !cmd.Flags().Changed("format") && strings.EqualFold(filepath.Ext(out), ".json") {
				format = "json"
			}
			return runQuestionnaireExport(cmd.Context(), app, format, out)
		},
	}
	cmd.Flags().StringVar(&format, "format", "yaml", "output format: yaml or json")
	cmd.Flags().StringVarP(&out, "output", "o", "", "write to this file instead of standard output")
	return cmd
}

func runQuestionnaireExport(ctx context.Context, app *App, format, out string) error {
	var export func(*questionnaire.Questionnaire) ([]byte, error)
	switch strings.ToLower(format) {
	case "yaml", "yml":
		export = questionnaire.ExportYAML
	case "json":
		export = questionnaire.ExportJSON
	default:
		return &input.UsageError{Msg: fmt.Sprintf("--format must be yaml or json, not %q", format)}
	}
	q, err := app.Instrument()
	if err != nil {
		return err
	}
	data, err := export(q)
	if err != nil {
		return err
	}
	if out == "" || out == "-" {
		_, err := app.Stdout.Write(data)
		return err
	}
	var inputs []string
	if app.questionnairePath != "" {
		inputs = append(inputs, app.questionnairePath)
	}
	if err := publishFiles(ctx, inputs, publish.Output{Path: out, Data: data}); err != nil {
		return err
	}
	fmt.Fprintln(app.Stdout, out)
	return nil
}

func newQuestionnaireValidateCmd(app *App) *cobra.Command {
	var translation string
	cmd := &cobra.Command{
		Use:   "validate [FILE]",
		Short: "Check a questionnaire file, or a translation against its instrument",
		Long: `Check a questionnaire file (YAML or JSON) as dgmaturity reads it with --questionnaire:
its shape, that every id is unique and every reference names an existing entry, that each
question has five level statements, that every trigger is well formed, and so on.

With --translation, check a translation file against its instrument instead: FILE or
--questionnaire if given, else the built-in release the translation names in its version
field. Ids the instrument does not have, ids it has that the translation leaves out, fields
an entry cannot translate and wrong counts of levels or steps are all listed.

Every problem is listed with its line; the exit code is 0 when the file is valid and 2 when
it is not.`,
		Example: `  dgmaturity questionnaire validate my-instrument.yaml
  dgmaturity questionnaire validate --translation lb.yaml
  dgmaturity questionnaire validate --translation lb.yaml my-instrument.yaml`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if translation != "" {
				return runValidateTranslation(app, translation, args)
			}
			if len(args) == 0 {
				return &input.UsageError{Msg: fmt.Sprintf("validate needs one questionnaire file (YAML), or --translation FILE; none was given. Run %s --help for an example.", cmd.CommandPath())}
			}
			q, err := questionnaire.Load(args[0])
			if err != nil {
				return err
			}
			fmt.Fprintf(app.Stdout, "%s: valid: %d questions, %d recommendations (%s %s)\n",
				args[0], len(q.Questions), len(q.Recommendations), q.ID, q.Version)
			return nil
		},
	}
	cmd.Flags().StringVar(&translation, "translation", "", "translation file to check against its instrument")
	return cmd
}

// runValidateTranslation checks a translation file against the instrument
// it translates (see the validate command's help).
func runValidateTranslation(app *App, path string, args []string) error {
	t, err := questionnaire.LoadTranslation(path)
	if err != nil {
		return err
	}
	var q *questionnaire.Questionnaire
	switch {
	case len(args) == 1:
		q, err = questionnaire.Load(args[0])
	case app.questionnairePath != "" || app.release != "":
		q, err = app.instrumentOwn()
	default:
		q = questionnaire.Default()
		for _, r := range questionnaire.Releases() {
			if r.ID == t.Questionnaire && r.Version == t.Version {
				q = r
			}
		}
	}
	if err != nil {
		return err
	}
	if err := t.CheckComplete(q); err != nil {
		return err
	}
	fmt.Fprintf(app.Stdout, "%s: valid: a complete %s translation of %s %s\n", path, t.Language, q.ID, q.Version)
	return nil
}

func newQuestionnaireShowCmd(app *App) *cobra.Command {
	return &cobra.Command{
		Use:   "show",
		Short: "Print the outline of the questionnaire and its coverage matrix",
		Long: `Print the questionnaire in use as an outline (the pillars with their principles, the areas
with their questions) followed by the principle-by-area matrix: how many questions of each
area carry each principle.`,
		Example: `  dgmaturity questionnaire show | less
  dgmaturity --questionnaire my-instrument.yaml questionnaire show`,
		Args: cobra.NoArgs,
		RunE: func(_ *cobra.Command, _ []string) error {
			q, err := app.Instrument()
			if err != nil {
				return err
			}
			return writeOutline(app.Stdout, q)
		},
	}
}

const (
	// outlineWidth bounds the outline's lines, so that the whole output
	// reads in an 80-column terminal; longer texts are cut with "…" (the
	// full texts are in `questionnaire export`).
	outlineWidth = 80
	// matrixWidth keeps the matrix readable in an 80-column terminal.
	matrixWidth = 80
)

// writeOutline writes the outline and the coverage matrix as plain text.
func writeOutline(out io.Writer, q *questionnaire.Questionnaire) error {
	w := bufio.NewWriter(out)
	line := func(s string) { fmt.Fprintln(w, ansi.Truncate(s, outlineWidth, "…")) }
	heading := func(s string) {
		fmt.Fprintln(w)
		fmt.Fprintln(w, s)
		fmt.Fprintln(w, strings.Repeat("=", ansi.StringWidth(s)))
	}

	line(outlineText(q.Title))
	line(fmt.Sprintf("%s %s: %d questions, %d recommendations, %d principles in %d pillars, %d areas",
		q.ID, q.Version, len(q.Questions), len(q.Recommendations), len(q.Principles), len(q.Pillars), len(q.Areas)))

	heading("Pillars and principles")
	idW, shortW := 0, 0
	for _, p := range q.Principles {
		idW = max(idW, ansi.StringWidth(p.ID))
		shortW = max(shortW, ansi.StringWidth(outlineText(p.Short)))
	}
	for i, pl := range q.Pillars {
		if i > 0 {
			fmt.Fprintln(w)
		}
		line(fmt.Sprintf("%s (%s)", outlineText(pl.Title), pl.ID))
		for _, p := range q.Principles {
			if p.Pillar == pl.ID {
				line("  " + outlinePad(p.ID, idW) + "  " + outlinePad(outlineText(p.Short), shortW) + "  " + outlineText(p.Title))
			}
		}
	}

	heading("Areas and questions")
	qW := 0
	core := false
	for _, x := range q.Questions {
		qW = max(qW, ansi.StringWidth(x.ID))
		core = core || x.Weight > 1
	}
	if core {
		line("(* core question: weight above 1)")
		fmt.Fprintln(w)
	}
	for i, a := range q.Areas {
		if i > 0 {
			fmt.Fprintln(w)
		}
		idx := q.AreaQuestions(a.ID)
		line(fmt.Sprintf("%s (%s, %s)", outlineText(a.Title), a.ID, outlinePlural(len(idx), "question")))
		for _, j := range idx {
			x := q.Questions[j]
			mark := " "
			if x.Weight > 1 {
				mark = "*"
			}
			line("  " + outlinePad(x.ID, qW) + " " + mark + " " + outlineText(x.Text))
		}
	}

	heading("Coverage: questions per principle and area")
	writeMatrix(w, q)
	fmt.Fprintln(w)
	fmt.Fprintln(w, "A question counts under every principle it carries;")
	fmt.Fprintln(w, "the totals count each question once.")
	return w.Flush()
}

// writeMatrix writes the principle-by-area table of question counts with
// row and column totals, narrowed to fit matrixWidth columns.
func writeMatrix(w io.Writer, q *questionnaire.Questionnaire) {
	counts := make(map[string]map[string]int, len(q.Principles))
	rowTotal := map[string]int{}
	for _, x := range q.Questions {
		for _, p := range x.Principles {
			if counts[p] == nil {
				counts[p] = map[string]int{}
			}
			counts[p][x.Area]++
			rowTotal[p]++
		}
	}

	idW, shortW := 0, 0
	for _, p := range q.Principles {
		idW = max(idW, ansi.StringWidth(p.ID))
		shortW = max(shortW, ansi.StringWidth(outlineText(p.Short)))
	}
	headers := make([]string, len(q.Areas))
	width := func(short bool) int {
		n := max(idW+2+shortW, len("Total")) + 2 + len("Total")
		for _, a := range q.Areas {
			h := a.ID
			if short {
				h = outlineText(a.Short)
			}
			n += 2 + max(ansi.StringWidth(h), 3)
		}
		return n
	}
	// Area short labels as column heads; ids when those do not fit; then
	// the principle labels give way.
	useShort := width(true) <= matrixWidth
	for i, a := range q.Areas {
		headers[i] = a.ID
		if useShort {
			headers[i] = outlineText(a.Short)
		}
	}
	if over := width(useShort) - matrixWidth; over > 0 {
		shortW = max(shortW-over, 0)
	}
	labelW := max(idW+2+shortW, len("Total"))
	label := func(id, short string) string {
		s := outlinePad(id, idW)
		if shortW > 0 {
			s += "  " + ansi.Truncate(short, shortW, "…")
		}
		return outlinePad(s, labelW)
	}
	row := func(first string, cells []string, total string) {
		var b strings.Builder
		b.WriteString(first)
		for i, c := range cells {
			b.WriteString("  ")
			b.WriteString(outlinePadLeft(c, max(ansi.StringWidth(headers[i]), 3)))
		}
		b.WriteString("  ")
		b.WriteString(outlinePadLeft(total, len("Total")))
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}

	row(outlinePad("", labelW), headers, "Total")
	for _, p := range q.Principles {
		cells := make([]string, len(q.Areas))
		for i, a := range q.Areas {
			cells[i] = outlineCount(counts[p.ID][a.ID])
		}
		row(label(p.ID, outlineText(p.Short)), cells, outlineCount(rowTotal[p.ID]))
	}
	cells := make([]string, len(q.Areas))
	for i, a := range q.Areas {
		cells[i] = outlineCount(len(q.AreaQuestions(a.ID)))
	}
	row(outlinePad("Total", labelW), cells, outlineCount(len(q.Questions)))
}

// outlineCount writes a cell: "-" for none, so that gaps stand out.
func outlineCount(n int) string {
	if n == 0 {
		return "-"
	}
	return fmt.Sprint(n)
}

// outlineText folds a text's line breaks and runs of spaces into single spaces.
func outlineText(s string) string { return strings.Join(strings.Fields(s), " ") }

// outlinePad fills s with spaces to width display columns.
func outlinePad(s string, width int) string {
	if n := ansi.StringWidth(s); n < width {
		return s + strings.Repeat(" ", width-n)
	}
	return s
}

// outlinePadLeft right-aligns s in width display columns.
func outlinePadLeft(s string, width int) string {
	if n := ansi.StringWidth(s); n < width {
		return strings.Repeat(" ", width-n) + s
	}
	return s
}

func outlinePlural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
