package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/dgmaturity/dgmaturity/internal/publish"
	"github.com/dgmaturity/dgmaturity/questionnaire"
	"github.com/dgmaturity/dgmaturity/reports"
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
		return usage(app, "cli.usage.export_format", "Format", fmt.Sprintf("%q", format))
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
				return usage(app, "cli.args.validate_none", "Path", cmd.CommandPath())
			}
			q, err := questionnaire.Load(args[0])
			if err != nil {
				return err
			}
			fmt.Fprintln(app.Stdout, app.Printer().T("cli.validate.valid", "File", args[0], "Questions", len(q.Questions),
				"Recommendations", len(q.Recommendations), "ID", q.ID, "Version", q.Version))
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
	fmt.Fprintln(app.Stdout, app.Printer().T("cli.validate.translation", "File", path, "Language", t.Language, "ID", q.ID, "Version", q.Version))
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
			return reports.Outline(app.Stdout, q, app.Printer())
		},
	}
}
