package cli

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"
	gossh "golang.org/x/crypto/ssh"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/internal/publish"
	"github.com/dgmaturity/dgmaturity/internal/tui"
	"github.com/dgmaturity/dgmaturity/internal/workshop"
)

// workshopOptions are the flags of `workshop serve`.
type workshopOptions struct {
	org, typ, listen, out, keys, resume string
	max                                 int
}

// newWorkshopCmd builds `dgmaturity workshop` and its subcommands.
func newWorkshopCmd(app *App) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "workshop",
		Short: "Run a live workshop: participants answer from their own terminals over SSH",
		Args:  cobra.NoArgs,
	}
	cmd.AddCommand(newWorkshopServeCmd(app), newWorkshopCloseCmd(app))
	return cmd
}

func newWorkshopServeCmd(app *App) *cobra.Command {
	o := workshopOptions{typ: "other", listen: workshop.DefaultListen, max: workshop.DefaultMax}
	cmd := &cobra.Command{
		Use:   "serve --org NAME",
		Short: "Serve the questionnaire over SSH to a room of participants",
		Long: `serve starts an SSH server on this computer. Participants join with the ssh that comes with
Windows, macOS and Linux (ssh -p 2222 join@HOST), type the join code shown here, give their
name and role, and answer the ordinary question screens; each answer is saved at once to their
own draft in the workshop folder (--out). Nobody sees anyone else's answers.

This terminal shows who has joined and how far each is, the distribution of levels of every
question, and the agenda: the questions on which participants are two or more levels apart,
widest first. v reveals the selected question's distribution, without names, on every
participant's screen; c closes the workshop: each participant's assessment is published into
<out>/respondents and merged, exactly as merge does, into the consolidated assessment and the
workshop report in <out>. q stops the server without closing; serve --resume DIR continues.

Only the join code (password or keyboard-interactive) or a key listed in --authorized-keys
gets in; failed attempts are slowed down and capped per address. Only interactive sessions
are served: commands, subsystems, port and agent forwarding are refused. The host key is made
once and kept in the state folder, so its fingerprint stays the same from one workshop to the
next.`,
		Example: `  dgmaturity workshop serve --org "Ministry of Examples" --type ministry
  dgmaturity workshop serve --org "Ministry of Examples" --listen 0.0.0.0:2222 --out workshop/
  dgmaturity workshop serve --resume workshop/`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runWorkshopServe(cmd.Context(), app, o, cmd.Flags().Changed("out"))
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.org, "org", "", "organisation assessed (required unless --resume)")
	f.StringVar(&o.typ, "type", o.typ, "type of organisation: "+strings.Join(assessment.OrganisationTypes, ", "))
	f.StringVar(&o.listen, "listen", o.listen, "address to listen on; 0.0.0.0:2222 lets a room join")
	f.StringVar(&o.out, "out", "", "workshop folder (default <organisation>-<date>-workshop)")
	f.IntVar(&o.max, "max", o.max, "participants connected at once")
	f.StringVar(&o.keys, "authorized-keys", "", "authorized_keys file: these keys join without the code")
	f.StringVar(&o.resume, "resume", "", "continue the workshop in this folder (after a stop or a crash)")
	return cmd
}

func newWorkshopCloseCmd(app *App) *cobra.Command {
	return &cobra.Command{
		Use:   "close DIR",
		Short: "Close a stopped workshop: publish every participant's answers and merge them",
		Long: `close does, without the server, what c does on the facilitator's screen: each participant's
draft in DIR/drafts is published into DIR/respondents as assess does, and merge writes the
consolidated assessment and the workshop report into DIR.`,
		Example: `  dgmaturity workshop close ministry-of-examples-2026-03-02-workshop`,
		Args:    cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			useWorkshopLanguage(app, args[0])
			q, err := app.Instrument()
			if err != nil {
				return err
			}
			w, err := workshop.Open(workshop.Config{Questionnaire: q, Lang: string(app.Language()), Dir: args[0], Resume: true, Tool: app.Tool(), Now: app.Now})
			if err != nil {
				return err
			}
			return closeWorkshop(app, w)
		},
	}
}

// closeWorkshop publishes and merges, and says what was written.
func closeWorkshop(app *App, w *workshop.Workshop) error {
	printed := false
	closed, err := w.Close(func(paths []string, out string) error {
		// The participants' files first, then merge's.
		for _, p := range paths {
			fmt.Fprintln(app.Stdout, p)
		}
		printed = true
		// Closing finishes what it began: an interrupt has already stopped
		// the server, and the merge must not be left half done.
		return runMerge(context.Background(), app, paths, out, publish.Both)
	})
	if !printed {
		for _, p := range closed.Published {
			fmt.Fprintln(app.Stdout, p)
		}
	}
	for _, n := range closed.Skipped {
		fmt.Fprintln(app.Stderr, app.Printer().T("workshop.close.skipped", "Name", input.Quote(n)))
	}
	return err
}

// runWorkshopServe starts or resumes the workshop, serves it until the
// facilitator stops or closes it, and closes it if asked.
func runWorkshopServe(ctx context.Context, app *App, o workshopOptions, outGiven bool) error {
	w, keys, err := openWorkshop(app, o, outGiven)
	if err != nil {
		return err
	}
	srv, info, served, err := startWorkshopServer(w, o, keys)
	if err != nil {
		return err
	}
	fmt.Fprintln(app.Stdout, app.Printer().T("workshop.serve.header", "Organisation", w.Meta().Organisation.Name,
		"Dir", w.Dir(), "Join", info.Join, "Code", info.Code, "Key", info.Fingerprint))
	outcome, ended, err := facilitate(ctx, app, w, srv, info, served)
	if ended {
		return err
	}
	if outcome == workshop.OutcomeClose {
		err := closeWorkshop(app, w)
		shutdown(srv)
		return err
	}
	w.Pause()
	shutdown(srv)
	fmt.Fprintln(app.Stderr, app.Printer().T("workshop.serve.stopped", "Dir", w.Dir()))
	if ctx.Err() != nil {
		return ErrInterrupted
	}
	return nil
}

// openWorkshop checks the flags of `workshop serve` and starts the
// workshop, or resumes it, in its folder; it returns the participants'
// keys given with --keys.
func openWorkshop(app *App, o workshopOptions, outGiven bool) (*workshop.Workshop, []gossh.PublicKey, error) {
	if o.resume != "" {
		useWorkshopLanguage(app, o.resume)
	}
	pr := app.Printer()
	if o.max < 1 {
		return nil, nil, &input.UsageError{Msg: pr.T("workshop.usage.max")}
	}
	if !isOrgType(o.typ) {
		return nil, nil, &input.UsageError{Msg: pr.T("workshop.usage.type", "Type", input.Quote(o.typ), "Types", strings.Join(assessment.OrganisationTypes, ", "))}
	}
	q, err := app.Instrument()
	if err != nil {
		return nil, nil, err
	}
	var keys []gossh.PublicKey
	if o.keys != "" {
		if keys, err = readAuthorizedKeys(o.keys); err != nil {
			return nil, nil, err
		}
	}
	cfg := workshop.Config{Questionnaire: q, Lang: string(app.Language()), Tool: app.Tool(), Now: app.Now,
		Organisation: assessment.Organisation{Name: strings.TrimSpace(o.org), Type: o.typ}}
	switch {
	case o.resume != "":
		if outGiven || o.org != "" {
			return nil, nil, &input.UsageError{Msg: pr.T("workshop.usage.resume_flags")}
		}
		cfg.Dir, cfg.Resume = o.resume, true
	case outGiven:
		cfg.Dir = o.out
	default:
		cfg.Dir = assessment.Slug(cfg.Organisation.Name) + "-" + app.Today() + "-workshop"
	}
	w, err := workshop.Open(cfg)
	if err != nil {
		return nil, nil, err
	}
	return w, keys, nil
}

// startWorkshopServer starts the SSH server of w with this machine's host
// key and a new joining code; served receives the end of its serving.
func startWorkshopServer(w *workshop.Workshop, o workshopOptions, keys []gossh.PublicKey) (srv *workshop.Server, info workshop.FacilitatorInfo, served chan error, err error) {
	state, err := assessment.StateDir()
	if err != nil {
		return nil, info, nil, fmt.Errorf("workshop host key: %w", err)
	}
	hostKey, err := workshop.LoadOrCreateHostKey(filepath.Join(state, workshop.HostKeyFile))
	if err != nil {
		return nil, info, nil, err
	}
	code, err := workshop.NewCode()
	if err != nil {
		return nil, info, nil, err
	}
	srv, err = workshop.NewServer(w, workshop.ServerConfig{Listen: o.listen, HostKey: hostKey, Code: code, AuthorizedKeys: keys, Max: o.max})
	if err != nil {
		return nil, info, nil, err
	}
	if err := srv.Listen(); err != nil {
		return nil, info, nil, err
	}
	served = make(chan error, 1)
	go func() { served <- srv.Serve() }()
	info = workshop.FacilitatorInfo{
		Join: joinCommand(srv.Addr()), Code: code, Fingerprint: workshop.Fingerprint(hostKey.PublicKey()),
		Dir: w.Dir(), NoColor: os.Getenv("NO_COLOR") != "",
	}
	return srv, info, served, nil
}

// facilitate shows the facilitator's screen until the facilitator stops
// or closes the workshop, and says which. Without a terminal it serves
// until interrupted (the workshop is then stopped); when the serving ends
// by itself first, ended is true, with the error that ended it.
func facilitate(ctx context.Context, app *App, w *workshop.Workshop, srv *workshop.Server, info workshop.FacilitatorInfo, served chan error) (outcome workshop.Outcome, ended bool, err error) {
	outcome = workshop.OutcomeStop
	if isTerminal(app.Stdin) && isTerminal(app.Stdout) {
		final, err := tea.NewProgram(workshop.NewFacilitator(w, srv, info),
			tea.WithContext(ctx), tea.WithInput(app.Stdin), tea.WithOutput(app.Stdout), tea.WithFilter(tui.SameSizeFilter())).Run()
		if f, ok := final.(workshop.Facilitator); ok && err == nil {
			outcome = f.Outcome()
		}
		return outcome, false, nil
	}
	// No terminal to draw on: serve until interrupted, then stop;
	// `workshop close DIR` closes.
	fmt.Fprintln(app.Stdout, app.Printer().T("workshop.serve.no_terminal", "Dir", w.Dir()))
	select {
	case <-ctx.Done():
	case err := <-served:
		return outcome, true, err
	}
	return outcome, false, nil
}

// shutdown stops the server, giving open sessions a moment.
func shutdown(srv *workshop.Server) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	_ = srv.Shutdown(ctx)
}

// isOrgType reports whether t is a known type of organisation.
func isOrgType(t string) bool {
	for _, x := range assessment.OrganisationTypes {
		if t == x {
			return true
		}
	}
	return false
}

// joinCommand is what participants type. On an unspecified address
// (0.0.0.0) it names this computer's first non-loopback address.
func joinCommand(addr net.Addr) string {
	host, port, err := net.SplitHostPort(addr.String())
	if err != nil {
		return "ssh join@" + addr.String()
	}
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		host = "THIS-COMPUTER"
		if as, err := net.InterfaceAddrs(); err == nil {
			for _, a := range as {
				if n, ok := a.(*net.IPNet); ok && !n.IP.IsLoopback() && n.IP.To4() != nil {
					host = n.IP.String()
					break
				}
			}
		}
	}
	if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	if p, _ := strconv.Atoi(port); p == 22 {
		return "ssh join@" + host
	}
	return "ssh -p " + port + " join@" + host
}

// readAuthorizedKeys reads an authorized_keys file: one key a line, blank
// lines and # comments skipped; a line that is not a key is an input
// error naming it.
func readAuthorizedKeys(path string) ([]gossh.PublicKey, error) {
	data, err := input.ReadFile(path, input.MiB)
	if err != nil {
		return nil, err
	}
	var keys []gossh.PublicKey
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 64<<10), int(input.MiB))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, _, _, _, err := gossh.ParseAuthorizedKey([]byte(line))
		if err != nil {
			return nil, &input.Error{File: path, Line: n, Reason: "is not a public key: " + err.Error()}
		}
		keys = append(keys, k)
	}
	if err := sc.Err(); err != nil {
		return nil, &input.Error{File: path, Reason: err.Error()}
	}
	if len(keys) == 0 {
		return nil, &input.Error{File: path, Reason: "holds no key"}
	}
	return keys, nil
}

// useWorkshopLanguage makes a resumed or closed workshop speak the
// language it was started in, as a resumed draft does, unless --lang says
// otherwise (the workshop then records the new one; see workshop.Open).
// The facilitator and the participants thus read one language, and the
// questionnaire is localised to it.
func useWorkshopLanguage(app *App, dir string) {
	if lang, ok := workshop.LanguageOf(dir); ok && !app.LangExplicit() {
		app.lang = lang
	}
}
