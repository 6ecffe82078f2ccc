// Command dgmaturity measures a public sector organisation's digital
// government maturity against the 2014 OECD Recommendation on Digital
// Government Strategies. It only wires: the commands live in internal/cli.
package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"charm.land/fang/v2"

	"github.com/dgmaturity/dgmaturity/internal/cli"
	"github.com/dgmaturity/dgmaturity/internal/exit"
	"github.com/dgmaturity/dgmaturity/internal/version"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

func main() {
	os.Exit(run())
}

// run executes the command line and maps its outcome to an exit code, in
// this one place, through the exit contract (internal/exit): 0 done, 1
// failed while working, 2 bad usage or input, 130 interrupted.
func run() int {
	// Most runs need the built-in instrument: parse it while cobra, fang
	// and the terminal get ready (start to first screen is budgeted).
	questionnaire.Preload()
	// The version, commit and date come from the release build's linker
	// flags, else from the module's build information (internal/version);
	// the assessment's tool field carries the same version.
	v := version.Get()
	app := cli.NewApp(v.Version)
	root := cli.Root(app)
	root.SetVersionTemplate("{{.Name}} {{.Version}}\n")
	err := fang.Execute(context.Background(), root,
		fang.WithVersion(v.String()),
		fang.WithNotifySignal(os.Interrupt),
		// fang's default handler reformats messages into a box; ours keep
		// file:line: field: reason intact for people and scripts.
		fang.WithErrorHandler(func(w io.Writer, _ fang.Styles, err error) {
			msg := app.Describe(err) // a file's problems in the run's language
			if err == cli.ErrInterrupted {
				msg = app.Printer().T("cli.interrupted") // in the run's language
			}
			fmt.Fprintln(w, "dgmaturity: "+msg)
		}),
	)
	return exit.Code(err)
}
