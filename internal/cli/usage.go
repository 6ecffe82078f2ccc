package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/dgmaturity/dgmaturity/internal/exit"
	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/internal/locale"
	"github.com/dgmaturity/dgmaturity/internal/publish"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// usage returns the usage error (exit 2) of message id in the run's
// language. Before the flags are read, and when --lang itself is wrong,
// that is English.
func usage(app *App, id string, kv ...any) error {
	return &exit.UsageError{Msg: app.Printer().T(id, kv...)}
}

// flagError turns pflag's error for a flag it could not read into a usage
// error in the run's language that still names the flag. The English
// messages are pflag's own words. Only the flags read before the mistake
// count: `--lang fr --frob` is refused in French, `--frob --lang fr` in
// the environment's language.
func flagError(app *App, err error) error {
	p := app.Printer()
	var (
		notExist *pflag.NotExistError
		noValue  *pflag.ValueRequiredError
		invalid  *pflag.InvalidValueError
		syntax   *pflag.InvalidSyntaxError
	)
	switch {
	case errors.As(err, &notExist) && notExist.GetSpecifiedShortnames() != "":
		return &exit.UsageError{Msg: p.T("cli.flag.unknown_short", "Char", shortFlag(notExist.GetSpecifiedName()), "Group", notExist.GetSpecifiedShortnames())}
	case errors.As(err, &notExist):
		return &exit.UsageError{Msg: p.T("cli.flag.unknown", "Flag", notExist.GetSpecifiedName())}
	case errors.As(err, &noValue) && noValue.GetSpecifiedShortnames() != "":
		return &exit.UsageError{Msg: p.T("cli.flag.needs_value_short", "Char", shortFlag(noValue.GetSpecifiedName()), "Group", noValue.GetSpecifiedShortnames())}
	case errors.As(err, &noValue):
		return &exit.UsageError{Msg: p.T("cli.flag.needs_value", "Flag", noValue.GetSpecifiedName())}
	case errors.As(err, &invalid):
		return &exit.UsageError{Msg: p.T("cli.flag.invalid", "Value", fmt.Sprintf("%q", invalid.GetValue()),
			"Flag", fmt.Sprintf("%q", flagNames(invalid.GetFlag())), "Cause", errors.Unwrap(invalid))}
	case errors.As(err, &syntax):
		return &exit.UsageError{Msg: p.T("cli.flag.syntax", "Flag", syntax.GetSpecifiedFlag())}
	}
	// Cobra's own flag errors (none the commands use today) stay as they are.
	return &exit.UsageError{Msg: err.Error()}
}

// shortFlag writes a one-letter flag as pflag does: 'x'.
func shortFlag(name string) string {
	if name == "" {
		return "''"
	}
	return fmt.Sprintf("%q", rune(name[0]))
}

// flagNames names a flag as pflag does: "-o, --output" or "--target".
func flagNames(f *pflag.Flag) string {
	if f.Shorthand != "" && f.ShorthandDeprecated == "" {
		return "-" + f.Shorthand + ", --" + f.Name
	}
	return "--" + f.Name
}

// usageArgs wraps a cobra argument check so that its failure is a usage
// error; one that is already (needArgs, rootArgs) is kept as it is.
// Cobra's English words are kept in an English run; another language says
// that the command does not take these arguments.
func usageArgs(app *App, check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		err := check(cmd, args)
		switch {
		case err == nil || exit.IsUsage(err):
			return err
		case app.Language() == locale.English:
			return &exit.UsageError{Msg: err.Error()}
		}
		return usage(app, "cli.args.wrong", "Path", cmd.CommandPath(), "Count", len(args))
	}
}

// needArgs is an argument check that says what the command needs in words
// ("report needs one assessment file (ASSESSMENT.json)", message whatID)
// rather than cobra's count of arguments, and where to read more.
func needArgs(app *App, check cobra.PositionalArgs, whatID string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if check(cmd, args) == nil {
			return nil
		}
		p := app.Printer()
		kv := []any{"Command", cmd.Name(), "What", p.T(whatID), "Path", cmd.CommandPath()}
		if len(args) == 0 {
			return &exit.UsageError{Msg: p.T("cli.args.need_none", kv...)}
		}
		return &exit.UsageError{Msg: p.N("cli.args.need", len(args), kv...)}
	}
}

// rootArgs refuses words after the bare command: the only reason to type
// one is a command name, so a mistyped one is named with the nearest
// commands (cobra's suggestions) and a pointer to --help.
func rootArgs(app *App) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) == 0 {
			return nil
		}
		p := app.Printer()
		msg := p.T("cli.args.unknown_command", "Name", input.Quote(args[0]))
		if cmd.SuggestionsMinimumDistance <= 0 {
			cmd.SuggestionsMinimumDistance = 2 // cobra's default, set only on its own error path
		}
		if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
			msg += " " + p.T("cli.args.did_you_mean", "Commands", strings.Join(s, " "+p.T("cli.args.or")+" "))
		}
		return &exit.UsageError{Msg: msg + " " + p.T("cli.args.see_help")}
	}
}

// parseFormats reads --format as publish.ParseFormats does, and refuses a
// wrong one in the run's language, naming its first wrong part.
func parseFormats(app *App, s string) (publish.Formats, error) {
	f, err := publish.ParseFormats(s)
	if err == nil || !exit.IsUsage(err) {
		return f, err
	}
	for _, part := range strings.Split(s, ",") {
		if _, err := publish.ParseFormats(part); err != nil {
			return publish.Formats{}, usage(app, "cli.usage.format", "Format", input.Quote(part))
		}
	}
	return publish.Formats{}, err
}

// checkTarget refuses a --target outside 1-4 (0 means not given).
func checkTarget(app *App, t int) error {
	if t != 0 && (t < 1 || t > questionnaire.MaxLevel) {
		return usage(app, "cli.usage.target", "Target", t)
	}
	return nil
}
