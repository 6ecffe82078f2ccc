package workshop

import (
	"context"
	"errors"
	"fmt"
	"net"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	"charm.land/wish/v2/bubbletea"
	gossh "golang.org/x/crypto/ssh"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/tui"
)

// DefaultListen is the address served when none is given: this computer
// only. A room needs --listen 0.0.0.0:2222.
const DefaultListen = "127.0.0.1:2222"

// DefaultMax is the default number of participants connected at once.
const DefaultMax = 40

// handshakeTimeout bounds the key exchange and authentication of a
// connection (no timeout follows: a participant may read a question for
// a long time without typing).
const handshakeTimeout = 3 * time.Minute

// ServerConfig configures the SSH server of a workshop.
type ServerConfig struct {
	// Listen is the address to listen on (DefaultListen when empty).
	Listen string
	// HostKey is the server's key (LoadOrCreateHostKey).
	HostKey gossh.Signer
	// Code is the join code (NewCode).
	Code string
	// AuthorizedKeys may join without the code.
	AuthorizedKeys []gossh.PublicKey
	// Max is the number of participants connected at once (DefaultMax
	// when 0).
	Max int
	// FailDelay is the delay after a first wrong code, doubled at each
	// further failure up to MaxFailDelay; MaxFailures failures within
	// FailWindow refuse the address until FailWindow has passed. Zero
	// values take 500ms, 8s, 10 and 15 minutes.
	FailDelay, MaxFailDelay time.Duration
	MaxFailures             int
	FailWindow              time.Duration
}

// Server is a workshop's SSH server.
type Server struct {
	w      *Workshop
	cfg    ServerConfig
	srv    *ssh.Server
	ln     net.Listener
	lim    *limiter
	active atomic.Int64
	// refused counts failed authentications, for the facilitator.
	refused atomic.Int64
	// started, stopping and served order Serve and Shutdown: the ssh
	// package's Shutdown must not run while its Serve is starting (its
	// wait groups would race).
	started, stopping atomic.Bool
	served            chan struct{}
}

// NewServer returns the SSH server of w. It refuses every authentication
// but the join code (password or keyboard-interactive, never empty) and
// the authorised keys; every session but an interactive shell with a
// terminal (exec requests and subsystems are refused, as are port and
// agent forwarding, whose handlers are never installed or answer no).
func NewServer(w *Workshop, cfg ServerConfig) (*Server, error) {
	if cfg.HostKey == nil {
		return nil, errors.New("workshop server: no host key")
	}
	if normaliseCode(cfg.Code) == "" {
		return nil, errors.New("workshop server: no join code")
	}
	if cfg.Listen == "" {
		cfg.Listen = DefaultListen
	}
	if cfg.Max <= 0 {
		cfg.Max = DefaultMax
	}
	if cfg.FailDelay <= 0 {
		cfg.FailDelay = 500 * time.Millisecond
	}
	if cfg.MaxFailDelay <= 0 {
		cfg.MaxFailDelay = 8 * time.Second
	}
	if cfg.MaxFailures <= 0 {
		cfg.MaxFailures = 10
	}
	if cfg.FailWindow <= 0 {
		cfg.FailWindow = 15 * time.Minute
	}
	s := &Server{w: w, cfg: cfg, lim: newLimiter(cfg.FailDelay, cfg.MaxFailDelay, cfg.MaxFailures, cfg.FailWindow), served: make(chan struct{})}
	srv, err := wish.NewServer(
		wish.WithAddress(cfg.Listen),
		func(srv *ssh.Server) error { srv.AddHostKey(cfg.HostKey); return nil },
		wish.WithPasswordAuth(s.password),
		wish.WithKeyboardInteractiveAuth(s.keyboardInteractive),
		wish.WithPublicKeyAuth(s.publicKey),
		wish.WithMiddleware(func(ssh.Handler) ssh.Handler { return s.handle }),
		func(srv *ssh.Server) error {
			// Allow enough tries for a client that offers a few keys
			// before it asks for the code; the limiter caps the guesses.
			srv.ServerConfigCallback = func(ssh.Context) *gossh.ServerConfig { return &gossh.ServerConfig{MaxAuthTries: 12} }
			// Only a shell: no exec, no subsystem (sftp...).
			srv.SessionRequestCallback = func(_ ssh.Session, requestType string) bool { return requestType == "shell" }
			// Only session channels, with agent and X11 forwarding refused;
			// no direct-tcpip (local port forwarding) and no global request
			// handlers (no remote forwarding).
			srv.ChannelHandlers = map[string]ssh.ChannelHandler{"session": filteredSession}
			srv.RequestHandlers = map[string]ssh.RequestHandler{}
			srv.LocalPortForwardingCallback = nil
			srv.ReversePortForwardingCallback = nil
			// A connection that has not authenticated within this time is
			// dropped, so that half-open connections cannot pile up; it is
			// long enough to compare the fingerprint and type the code.
			srv.HandshakeTimeout = handshakeTimeout
			return nil
		},
	)
	if err != nil {
		return nil, fmt.Errorf("workshop server: %w", err)
	}
	s.srv = srv
	return s, nil
}

// Listen opens the listening socket, so that its address is known (and a
// busy port reported) before Serve.
func (s *Server) Listen() error {
	ln, err := net.Listen("tcp", s.cfg.Listen)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", s.cfg.Listen, err)
	}
	s.ln = ln
	return nil
}

// Addr returns the address listened on (after Listen).
func (s *Server) Addr() net.Addr {
	if s.ln == nil {
		return nil
	}
	return s.ln.Addr()
}

// Serve accepts connections until Shutdown; it returns nil then. It is
// called once.
func (s *Server) Serve() error {
	s.started.Store(true)
	defer close(s.served)
	if s.stopping.Load() {
		return nil
	}
	if s.ln == nil {
		if err := s.Listen(); err != nil {
			return err
		}
	}
	err := s.srv.Serve(s.ln)
	if errors.Is(err, ssh.ErrServerClosed) || s.stopping.Load() {
		return nil
	}
	return err
}

// Shutdown stops accepting connections, waits for the open ones to end
// until ctx is done, and then closes them.
func (s *Server) Shutdown(ctx context.Context) error {
	s.stopping.Store(true)
	if s.ln != nil {
		_ = s.ln.Close()
	}
	if s.started.Load() {
		select {
		case <-s.served:
		case <-ctx.Done():
		}
	}
	err := s.srv.Shutdown(ctx)
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		err = s.srv.Close()
	}
	if errors.Is(err, ssh.ErrServerClosed) || errors.Is(err, net.ErrClosed) {
		return nil
	}
	return err
}

// Connected is the number of sessions running now.
func (s *Server) Connected() int { return int(s.active.Load()) }

// Refused is the number of failed code attempts so far.
func (s *Server) Refused() int { return int(s.refused.Load()) }

// checkCode applies the join code with the brake on guessing.
func (s *Server) checkCode(ctx ssh.Context, typed string) bool {
	h := host(ctx.RemoteAddr())
	if s.lim.blocked(h) {
		s.refused.Add(1)
		time.Sleep(s.cfg.MaxFailDelay)
		return false
	}
	if strings.TrimSpace(typed) != "" && codeMatches(s.cfg.Code, typed) {
		s.lim.succeed(h)
		return true
	}
	s.refused.Add(1)
	time.Sleep(s.lim.fail(h))
	return false
}

// password authenticates with the join code as the password.
func (s *Server) password(ctx ssh.Context, pw string) bool { return s.checkCode(ctx, pw) }

// keyboardInteractive asks for the join code.
func (s *Server) keyboardInteractive(ctx ssh.Context, ch gossh.KeyboardInteractiveChallenge) bool {
	p := s.w.p
	answers, err := ch(p.T("workshop.program_title"), p.T("workshop.auth.instruction"), []string{p.T("workshop.auth.prompt")}, []bool{true})
	if err != nil || len(answers) != 1 {
		return false
	}
	return s.checkCode(ctx, answers[0])
}

// publicKey admits the authorised keys. Other keys are refused without
// counting as a failure: clients offer all their keys first.
func (s *Server) publicKey(_ ssh.Context, key ssh.PublicKey) bool {
	return slices.ContainsFunc(s.cfg.AuthorizedKeys, func(k gossh.PublicKey) bool { return ssh.KeysEqual(key, k) })
}

// filteredSession is the session channel handler with agent and X11
// forwarding requests refused (charm.land/ssh accepts agent requests by
// default).
func filteredSession(srv *ssh.Server, conn *gossh.ServerConn, newChan gossh.NewChannel, ctx ssh.Context) {
	ssh.DefaultSessionHandler(srv, conn, filteredChannel{newChan}, ctx)
}

// filteredChannel drops forwarding requests from a session's requests.
type filteredChannel struct{ gossh.NewChannel }

// Accept accepts the channel and filters its requests.
func (c filteredChannel) Accept() (gossh.Channel, <-chan *gossh.Request, error) {
	ch, reqs, err := c.NewChannel.Accept()
	if err != nil {
		return ch, reqs, err
	}
	out := make(chan *gossh.Request)
	go func() {
		defer close(out)
		for r := range reqs {
			switch r.Type {
			case "auth-agent-req@openssh.com", "x11-req":
				_ = r.Reply(false, nil)
				continue
			}
			out <- r
		}
	}()
	return ch, out, nil
}

// Session is one participant's running session, as the workshop sees it:
// a mailbox that hands messages (reveals, the close) to its program
// without ever blocking the workshop.
type Session struct {
	mu    sync.Mutex
	queue []tea.Msg
	wake  chan struct{}
	done  chan struct{}
}

func newSession() *Session {
	return &Session{wake: make(chan struct{}, 1), done: make(chan struct{})}
}

// send queues msg for the program; a newer reveal replaces a queued one.
func (s *Session) send(msg tea.Msg) {
	s.mu.Lock()
	if _, ok := msg.(tui.RevealMsg); ok {
		s.queue = slices.DeleteFunc(s.queue, func(m tea.Msg) bool { _, r := m.(tui.RevealMsg); return r })
	}
	s.queue = append(s.queue, msg)
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// pump delivers queued messages to p until the session ends.
func (s *Session) pump(p *tea.Program) {
	for {
		select {
		case <-s.done:
			return
		case <-s.wake:
		}
		s.mu.Lock()
		q := s.queue
		s.queue = nil
		s.mu.Unlock()
		for _, m := range q {
			p.Send(m)
		}
	}
}

// crlf ends a line written to a session outside Bubble Tea.
const crlf = "\r\n"

// handle runs one SSH session: refusals first, then the participant's
// Bubble Tea program, sized to the client's terminal and colour profile.
// What it says outside the program is in the workshop's language, as the
// program is: a participant does not choose a language of their own.
func (s *Server) handle(sess ssh.Session) {
	w := s.w
	_, winCh, ok := sess.Pty()
	if !ok {
		fmt.Fprint(sess.Stderr(), w.p.T("workshop.session.no_terminal")+crlf)
		_ = sess.Exit(1)
		return
	}
	if n := s.active.Add(1); n > int64(s.cfg.Max) {
		s.active.Add(-1)
		fmt.Fprint(sess, w.p.N("workshop.session.full", s.cfg.Max)+crlf)
		_ = sess.Exit(1)
		return
	}
	defer s.active.Add(-1)

	keyFP := ""
	if pk := sess.PublicKey(); pk != nil {
		keyFP = Fingerprint(pk)
	}
	env := sess.Environ()
	session := newSession()
	model := tui.NewParticipant(tui.ParticipantOptions{
		Questionnaire: w.q,
		Lang:          w.meta.Language,
		Organisation:  w.meta.Organisation.Name,
		Tool:          w.tool,
		NoColor:       hasEnv(env, "NO_COLOR"),
		Join: func(name, role string) (a *assessment.Assessment, path string, err error) {
			return w.Join(session, name, role, keyFP)
		},
		Saved: func(a *assessment.Assessment) { w.Saved(session, a) },
	})
	opts := append(bubbletea.MakeOptions(sess), tea.WithoutSignalHandler(), tea.WithContext(sess.Context()), tea.WithFilter(tui.SameSizeFilter()))
	p := tea.NewProgram(model, opts...)
	if !w.attach(session) {
		fmt.Fprint(sess, w.p.T("workshop.session.unavailable")+crlf)
		_ = sess.Exit(1)
		return
	}
	defer w.leave(session)
	defer close(session.done)
	go session.pump(p)
	go func() {
		for {
			select {
			case <-session.done:
				return
			case win, ok := <-winCh:
				if !ok {
					return
				}
				p.Send(tea.WindowSizeMsg{Width: win.Width, Height: win.Height})
			}
		}
	}()
	final, _ := p.Run()
	p.Kill()
	// Said after the alternate screen is gone, so that it stays on the
	// participant's terminal.
	switch pm, _ := final.(tui.Participant); {
	case w.Closing():
		fmt.Fprint(sess, w.p.T("workshop.session.thanks")+crlf)
	case w.Paused():
		fmt.Fprint(sess, w.p.T("workshop.session.paused")+crlf)
	case pm.Joined():
		fmt.Fprint(sess, w.p.T("workshop.session.saved")+crlf)
	}
	_ = sess.Exit(0)
}

// hasEnv reports whether env sets name to a non-empty value.
func hasEnv(env []string, name string) bool {
	for _, kv := range env {
		if k, v, ok := strings.Cut(kv, "="); ok && k == name && v != "" {
			return true
		}
	}
	return false
}
