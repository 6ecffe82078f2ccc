// Package accessible runs the assessment as plain numbered prompts, one
// line per answer: no redraws, no colour, no cursor movement. It serves
// screen readers, dumb terminals and piped input, and ends in the same
// publish.Write as the full-screen interface.
//
// The line protocol (Protocol gives it in words for --help and the README):
// each answer is one line, "LEVEL [comment]" ("2 strategy exists but
// unknown"), "d [comment]" for don't know, "n REASON" for not applicable
// where the question allows it; "?" explains the question, "b" (or "h")
// goes back, "q" stops and keeps the draft. After an answer without a
// comment the mode offers a comment line, which the next answer skips: a
// line that reads as an answer is always an answer. The letters are those
// of the full-screen run's key map (tui.DefaultKeyMap), so that a key means
// one thing in both.
package accessible

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/exit"
	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/internal/locale"
	"github.com/dgmaturity/dgmaturity/internal/publish"
	"github.com/dgmaturity/dgmaturity/internal/scoring"
	"github.com/dgmaturity/dgmaturity/internal/tui"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// ErrStopped is returned when the user typed q: the draft is kept.
var ErrStopped = errors.New("stopped")

// ErrInputEnded is returned when the input ends before the assessment is
// finished: the draft is kept.
var ErrInputEnded = errors.New("input ended before the assessment was finished")

// ErrInterrupted is returned when the context is cancelled (ctrl+c,
// SIGINT) while the mode waits for input: the draft is kept. It is
// exit.ErrInterrupted, so that it exits 130 however it is wrapped.
var ErrInterrupted = exit.ErrInterrupted

// StopError says why a run stopped early and where its answers are.
type StopError struct {
	// Reason is ErrStopped, ErrInputEnded or ErrInterrupted.
	Reason error
	// Draft is the draft file holding the answers given, or "" when none
	// was saved (nothing answered yet, or drafts off).
	Draft string
	// p speaks the run's language.
	p *locale.Printer
}

// Error implements error, in the run's language.
func (e *StopError) Error() string {
	p := e.p
	if p == nil {
		p = locale.For(locale.English)
	}
	reason := e.Reason.Error()
	switch e.Reason {
	case ErrStopped:
		reason = p.T("accessible.stop.stopped")
	case ErrInputEnded:
		reason = p.T("accessible.stop.input_ended")
	case ErrInterrupted:
		reason = p.T("accessible.stop.interrupted")
	}
	if e.Draft == "" {
		return p.T("accessible.stop.nothing_saved", "Reason", reason)
	}
	return p.T("accessible.stop.kept", "Reason", reason, "Path", e.Draft)
}

// Unwrap returns the reason.
func (e *StopError) Unwrap() error { return e.Reason }

// Options configure a run.
type Options struct {
	Questionnaire *questionnaire.Questionnaire
	// Lang is the language of the run (of Questionnaire and of the
	// prompts); "" is English.
	Lang string
	// Assessment is a draft to resume; nil starts a new one (after
	// offering the newest unfinished draft in StateDir, if any).
	Assessment *assessment.Assessment
	// StateDir holds the drafts; empty disables draft saving (tests only).
	StateDir string
	// OutDir receives the report files.
	OutDir string
	// Tool is written into the assessment ("dgmaturity 0.1.0").
	Tool string
	// Today is the assessment date for a new assessment (YYYY-MM-DD).
	Today string
	// Organisation prefills the organisation name (--org); the caller has
	// checked it with input.CheckText.
	Organisation string
	// DraftPath is the draft file Assessment was read from, when it is an
	// unfinished draft: answers are saved back to it.
	DraftPath string
	// NoResumeOffer starts a new assessment without offering the newest
	// unfinished draft: the command line sets it for piped input, whose
	// first line is the organisation's name, not an answer to the offer
	// (a piped run resumes with --resume).
	NoResumeOffer bool
	// Target is the default target level (--target); 0 keeps the
	// assessment's own, else 3.
	Target int
	// Previous is an earlier assessment to show progress against
	// (--previous); "" looks for one in OutDir.
	Previous string
	// Formats are the report formats to write (--format); the zero value
	// writes both Markdown and HTML.
	Formats publish.Formats
}

// keys are the typed keys of the protocol, from the shared key map.
type keys struct {
	dontKnow, na, help, quit string
	back                     []string
}

// protocolKeys reads the protocol's letters from the full-screen key map.
func protocolKeys() keys {
	km := tui.DefaultKeyMap()
	first := func(ks []string, def string) string {
		if len(ks) > 0 {
			return ks[0]
		}
		return def
	}
	return keys{
		dontKnow: first(tui.Typed(km.DontKnow), "d"),
		na:       first(tui.Typed(km.NA), "n"),
		help:     first(tui.Typed(km.Help), "?"),
		quit:     first(tui.Typed(km.Quit), "q"),
		back:     tui.Typed(km.Prev),
	}
}

// Protocol describes the line protocol, for --help and the start of a run.
func Protocol() string { return ProtocolIn(locale.For(locale.English)) }

// ProtocolIn is Protocol in p's language.
func ProtocolIn(p *locale.Printer) string {
	k := protocolKeys()
	return p.T("accessible.protocol", "DontKnow", k.dontKnow, "NA", k.na, "Help", k.help,
		"Back", strings.Join(k.back, p.T("accessible.or")), "Quit", k.quit)
}

// line is one line read, or the end of the input.
type line struct {
	text string
	err  error
	eof  bool
}

// session is one run: the reader and writer, and where the draft goes.
type session struct {
	ctx   context.Context
	opt   Options
	lines <-chan line
	out   io.Writer
	q     *questionnaire.Questionnaire
	a     *assessment.Assessment
	keys  keys
	p     *locale.Printer
	// draft is the draft file; saved is true once it holds the answers.
	draft string
	saved bool
	// pending is a line read at a comment prompt that was the next answer.
	pending *string
	// carriedFrom is the draft of an earlier release whose answers this
	// run carried; it is removed once the new assessment is finished.
	carriedFrom string
}

// Run asks every question and writes the results. It returns the paths of
// the written files. A run that stops early returns a *StopError wrapping
// ErrStopped, ErrInputEnded or ErrInterrupted (ctx cancelled), with the
// draft that keeps the answers.
func Run(ctx context.Context, in io.Reader, out io.Writer, opt Options) (publish.Paths, error) {
	s := &session{ctx: ctx, opt: opt, lines: readLines(in), out: out, q: opt.Questionnaire, a: opt.Assessment, keys: protocolKeys(), p: locale.For(locale.Tag(opt.Lang))}
	s.say("%s", s.p.T("accessible.title"))
	s.say("%s", ProtocolIn(s.p))
	s.say("")
	if err := s.start(); err != nil {
		return publish.Paths{}, err
	}
	if err := s.questions(); err != nil {
		return publish.Paths{}, err
	}
	if opt.Target != 0 {
		t := assessment.Targets{}
		if s.a.Targets != nil {
			t = *s.a.Targets
		}
		t.Default = opt.Target
		s.a.Targets = &t
	}
	var inputs []string
	if opt.Previous != "" {
		inputs = []string{opt.Previous}
	}
	paths, err := publish.Write(opt.OutDir, s.q, s.a, opt.Tool, publish.Options{Context: s.ctx, Inputs: inputs, Previous: opt.Previous, Formats: opt.Formats})
	if err != nil {
		return publish.Paths{}, err
	}
	// The draft, marked complete, can be reopened from the full-screen run.
	if s.draft != "" {
		if err := assessment.WriteDraft(s.draft, s.a); err != nil {
			s.say("%s", s.p.T("accessible.draft_not_marked", "Error", err.Error()))
		}
	}
	if s.carriedFrom != "" {
		if err := os.Remove(s.carriedFrom); err != nil && !errors.Is(err, fs.ErrNotExist) {
			s.say("%s", s.p.T("accessible.release.old_kept", "Error", err.Error()))
		}
	}
	s.summary(paths)
	return paths, nil
}

// readLines reads in line by line in a goroutine, so that a prompt can
// give up waiting when the context is cancelled.
func readLines(in io.Reader) <-chan line {
	ch := make(chan line)
	go func() {
		defer close(ch)
		sc := bufio.NewScanner(in)
		sc.Buffer(make([]byte, 64*1024), 1<<20)
		for sc.Scan() {
			ch <- line{text: sc.Text()}
		}
		ch <- line{err: sc.Err(), eof: true}
	}()
	return ch
}

func (s *session) say(format string, args ...any) {
	fmt.Fprintf(s.out, format+"\n", args...)
}

// stop returns the StopError for reason, naming the draft if it was saved.
func (s *session) stop(reason error) error {
	e := &StopError{Reason: reason, p: s.p}
	if s.saved {
		e.Draft = s.draft
	}
	return e
}

// read prints a prompt and reads one line, trimmed; it stops on the end of
// the input or when the context is cancelled.
func (s *session) read(prompt string) (string, error) {
	if s.pending != nil {
		l := *s.pending
		s.pending = nil
		s.say("%s %s", prompt, l) // the answer given at the comment prompt
		return l, nil
	}
	fmt.Fprint(s.out, prompt+" ")
	select {
	case <-s.ctx.Done():
		fmt.Fprintln(s.out)
		return "", s.stop(ErrInterrupted)
	case l, ok := <-s.lines:
		if !ok || l.eof {
			fmt.Fprintln(s.out)
			if l.err != nil {
				return "", fmt.Errorf("read answer: %w", l.err)
			}
			return "", s.stop(ErrInputEnded)
		}
		return strings.TrimSpace(l.text), nil
	}
}

// ask is read, with q stopping the run.
func (s *session) ask(prompt string) (string, error) {
	l, err := s.read(prompt)
	if err != nil {
		return "", err
	}
	if strings.EqualFold(l, s.keys.quit) {
		return "", s.stop(ErrStopped)
	}
	return l, nil
}

// askText asks for a text and applies the one text policy of the readers
// (input.CheckText), asking again with the reason until it passes.
func (s *session) askText(prompt, what string, mode input.TextMode) (string, error) {
	for {
		l, err := s.ask(prompt)
		if err != nil {
			return "", err
		}
		if reason := s.textProblem(l, mode); reason != "" {
			s.say("%s", s.p.T("accessible.refused", "What", what, "Reason", reason))
			continue
		}
		return l, nil
	}
}

// start resumes a draft or asks who is assessing.
func (s *session) start() error {
	if s.a == nil && s.opt.StateDir != "" && !s.opt.NoResumeOffer {
		if done, err := s.resume(); err != nil || done {
			return err
		}
	}
	if s.a != nil {
		s.draft = s.opt.DraftPath
		s.saved = s.draft != ""
		return s.draftPath()
	}
	return s.newAssessment()
}

// resume offers the drafts in the state folder: a draft of an earlier
// built-in release (after an upgrade) can be finished in its release or
// carried into the one in use; then the newest draft that can be resumed is
// offered. done reports that the run now has its assessment. A state
// folder that cannot be listed offers only what was listed: a draft must
// not block the start.
func (s *session) resume() (done bool, err error) {
	drafts, listErr := assessment.Drafts(s.opt.StateDir, s.q)
	ok, earlier := s.sortDrafts(drafts)
	for _, e := range earlier {
		if done, err := s.offerRelease(e.d, e.rel); err != nil || done {
			return done, err
		}
	}
	if listErr != nil || len(ok) == 0 {
		return false, nil
	}
	return s.offerResume(ok[0])
}

// releaseDraft is a draft made with an earlier built-in release, rel.
type releaseDraft struct {
	d   assessment.DraftInfo
	rel *questionnaire.Questionnaire
}

// sortDrafts returns the drafts that can be resumed and those of an earlier
// built-in release, in the order given, and says of every other draft how
// it can be resumed: it belongs to another questionnaire or to a later
// release (this run was started with --release).
func (s *session) sortDrafts(drafts []assessment.DraftInfo) (ok []assessment.DraftInfo, earlier []releaseDraft) {
	for _, d := range drafts {
		if d.Compatible {
			ok = append(ok, d)
			continue
		}
		if rel, found := tui.EarlierRelease(d.Questionnaire, s.q); found {
			earlier = append(earlier, releaseDraft{d, rel})
			continue
		}
		id := "accessible.resume.other_questionnaire"
		if _, known := questionnaire.Release(d.Questionnaire.ID, d.Questionnaire.Version, d.Questionnaire.SHA256); known {
			id = "accessible.resume.other_release"
		}
		s.say("%s", s.p.T(id, "Organisation", input.Quote(d.Organisation), "ID", d.Questionnaire.ID, "Version", d.Questionnaire.Version))
	}
	return ok, earlier
}

// offerResume offers to resume the draft d, asking until the answer is r
// (resume) or n (start anew). done reports that the run now has its
// assessment.
func (s *session) offerResume(d assessment.DraftInfo) (done bool, err error) {
	s.say("%s", s.p.N("accessible.resume.offer", d.Answered, "Organisation", input.Quote(d.Organisation), "Total", d.Total,
		"When", s.when(d.Modified)))
	for {
		line, err := s.ask(s.p.T("accessible.resume.ask"))
		if err != nil {
			return false, err
		}
		switch {
		case strings.EqualFold(line, "r"):
			a, _, err := assessment.Load(d.Path, s.q)
			if err != nil {
				return false, err
			}
			s.a, s.draft, s.saved = a, d.Path, true
			s.say("%s", s.p.T("accessible.resume.resuming", "Organisation", a.Organisation.Name))
			s.say("")
			return true, nil
		case strings.EqualFold(line, "n"):
			return false, nil
		}
		s.say("%s", s.p.T("accessible.resume.r_or_n"))
	}
}

// when is the date and time a draft was last saved, as the offers say it.
func (s *session) when(t time.Time) string {
	return s.p.T("accessible.date_time", "Date", s.p.Date(t), "Time", t.Format("15:04"))
}

// newAssessment asks who is assessing (the organisation unless given, its
// type, the respondent's name and role) and starts the assessment.
func (s *session) newAssessment() error {
	org := s.opt.Organisation
	for org == "" {
		line, err := s.askText(s.p.T("accessible.form.org"), s.p.T("accessible.form.what_org"), input.SingleLine)
		if err != nil {
			return err
		}
		if org = line; org == "" {
			s.say("%s", s.p.T("accessible.form.org_required"))
		}
	}
	typ, err := s.chooseType()
	if err != nil {
		return err
	}
	name, err := s.askText(s.p.T("accessible.form.name"), s.p.T("accessible.form.what_name"), input.SingleLine)
	if err != nil {
		return err
	}
	role, err := s.askText(s.p.T("accessible.form.role"), s.p.T("accessible.form.what_role"), input.SingleLine)
	if err != nil {
		return err
	}
	lang := s.p.Tag()
	var resp assessment.Respondent
	if name != "" || role != "" {
		resp = assessment.Respondent{Name: name, Role: role}
	}
	s.a = assessment.New(s.q, assessment.Organisation{Name: org, Type: typ}, resp, s.opt.Today, string(lang), s.opt.Tool)
	s.say("%s", s.p.T("accessible.form.out", "Folder", s.opt.OutDir))
	s.say("")
	return s.draftPath()
}

// offerRelease offers the draft d, made with the earlier release rel: to
// finish it in rel, to carry its answers into the release in use (a new
// draft; d is removed once the new assessment is finished), or to leave
// it. done reports that the run now has its assessment.
func (s *session) offerRelease(d assessment.DraftInfo, rel *questionnaire.Questionnaire) (done bool, err error) {
	cur := s.q.Original().Version
	s.say("%s", s.p.N("accessible.release.offer", d.Answered, "Organisation", input.Quote(d.Organisation), "Old", rel.Version, "New", cur,
		"When", s.when(d.Modified)))
	choices := []string{"finish", "carry", "leave"}
	names := []string{
		s.p.T("accessible.release.finish", "Old", rel.Version),
		s.p.T("accessible.release.carry", "New", cur),
		s.p.T("accessible.release.leave"),
	}
	choice, err := s.choose(s.p.T("accessible.release.ask"), choices, names)
	if err != nil || choice == "leave" {
		return false, err
	}
	old, _, err := assessment.Load(d.Path, rel)
	if err != nil {
		return false, err
	}
	if choice == "finish" {
		s.useRelease(rel)
		s.a, s.draft, s.saved = old, d.Path, true
		s.say("%s", s.p.T("accessible.release.finishing", "Organisation", old.Organisation.Name, "Old", rel.Version))
		s.say("")
		return true, nil
	}
	carried, left := assessment.Carry(old.Answers, rel, s.q)
	s.a = assessment.New(s.q, old.Organisation, assessment.Respondent{}, s.opt.Today, string(s.p.Tag()), s.opt.Tool)
	s.a.Respondents = append(s.a.Respondents, old.Respondents...)
	s.a.Answers = carried
	answered, changed := 0, 0
	for _, a := range carried {
		if a.Answered() {
			answered++
		}
	}
	// New or changed: the questions rel lacks (a changed construct has a
	// new id), and those whose old answer does not fit them any more.
	for _, q := range s.q.Questions {
		if _, ok := rel.Question(q.ID); !ok || slices.Contains(left, q.ID) {
			changed++
		}
	}
	s.carriedFrom = d.Path
	s.say("%s", s.p.N("accessible.release.carried", answered, "Changed", changed, "Old", rel.Version, "New", cur))
	s.say("")
	if err := s.draftPath(); err != nil {
		return false, err
	}
	// The new draft holds the carried answers from its creation, so that
	// stopping before the first answer loses none of them.
	s.saved = s.draft != ""
	return true, nil
}

// useRelease makes the run use the earlier release rel, in the run's
// language when rel has a translation in it, else wholly in English, said
// once in the run's language.
func (s *session) useRelease(rel *questionnaire.Questionnaire) {
	s.q = rel
	if s.p.Tag() == locale.English {
		return
	}
	q, err := rel.Localized(string(s.p.Tag()))
	if err != nil {
		s.say("%s", s.p.T("tui.lang.fallback", "ID", rel.ID, "Version", rel.Version))
		s.p = locale.For(locale.English)
		return
	}
	s.q = q
}

// draftPath creates the draft file exclusively under a free name in the
// state folder, so that an earlier draft of the same organisation and day,
// or another session's started at the same moment, is never erased.
func (s *session) draftPath() error {
	if s.opt.StateDir == "" || s.draft != "" {
		return nil
	}
	p, err := assessment.CreateDraft(s.opt.StateDir, s.a)
	if err != nil {
		s.say("%s", s.p.T("accessible.drafts_off", "Error", err.Error()))
		return nil
	}
	s.draft = p
	return nil
}

// chooseType asks for the organisation's type by number, the types named
// in the run's language.
func (s *session) chooseType() (string, error) {
	names := make([]string, len(assessment.OrganisationTypes))
	for i, t := range assessment.OrganisationTypes {
		names[i] = t // in English the ids themselves, as they are typed
		if s.p.Tag() != locale.English {
			names[i] = s.p.T("tui.orgtype." + t)
		}
	}
	return s.choose(s.p.T("accessible.form.type"), assessment.OrganisationTypes, names)
}

// choose asks for one of options by number (or by its id or name).
func (s *session) choose(prompt string, options, names []string) (string, error) {
	var b strings.Builder
	b.WriteString(prompt + " " + s.p.T("accessible.type_number"))
	for i := range options {
		fmt.Fprintf(&b, " %d %s,", i+1, names[i])
	}
	p := strings.TrimSuffix(b.String(), ",") + strings.TrimRight(s.colon(), " ")
	for {
		line, err := s.ask(p)
		if err != nil {
			return "", err
		}
		if n, err := strconv.Atoi(line); err == nil && n >= 1 && n <= len(options) {
			return options[n-1], nil
		}
		for i, o := range options {
			if strings.EqualFold(line, o) || strings.EqualFold(line, names[i]) {
				return o, nil
			}
		}
		s.say("%s", s.p.T("accessible.number_range", "Max", len(options)))
	}
}

// questions asks the unanswered questions, from where the user left off
// (after the last answered one) round to the start; going back asks the
// previous question of this run again.
func (s *session) questions() error {
	qs := s.q.Questions
	last, answered := -1, 0
	for i, qu := range qs {
		if s.a.Answers[qu.ID].Answered() {
			last, answered = i, answered+1
		}
	}
	if answered > 0 {
		s.say("%s", s.p.N("accessible.already_answered", answered, "Total", len(qs)))
		s.say("")
	}
	var queue []int
	for k := 1; k <= len(qs); k++ {
		i := (last + k) % len(qs)
		if !s.a.Answers[qs[i].ID].Answered() {
			queue = append(queue, i)
		}
	}
	var done []int // asked in this run, for going back
	for len(queue) > 0 {
		i := queue[0]
		back, err := s.question(i, &qs[i])
		if err != nil {
			return err
		}
		if !back {
			queue, done = queue[1:], append(done, i)
			continue
		}
		if len(done) == 0 {
			s.say("%s", s.p.T("accessible.first"))
			continue
		}
		prev := done[len(done)-1]
		done = done[:len(done)-1]
		queue = append([]int{prev}, queue...)
	}
	return nil
}

// parsed is a line read as an answer.
type parsed struct {
	ans assessment.Answer
	// needReason is set for a bare "n": the reason is asked next.
	needReason bool
}

// parseAnswer reads a line as an answer to qu: "LEVEL [comment]",
// "d [comment]", "n REASON". ok is false when the line is not an answer;
// msg then says why, when it looked like one.
func (s *session) parseAnswer(l string, qu *questionnaire.Question) (p parsed, ok bool, msg string) {
	head, rest, _ := strings.Cut(l, " ")
	rest = strings.TrimSpace(rest)
	switch h := strings.ToLower(head); {
	case h == s.keys.dontKnow:
		p.ans = assessment.Answer{DontKnow: true, Comment: rest}
	case h == s.keys.na:
		if !qu.NA {
			return p, false, s.p.T("accessible.na_not_allowed")
		}
		p.ans = assessment.Answer{NA: rest}
		p.needReason = rest == ""
	default:
		n, err := strconv.Atoi(h)
		if err != nil || len(h) != 1 {
			return p, false, ""
		}
		if n < questionnaire.MinLevel || n > questionnaire.MaxLevel {
			return p, false, s.p.T("accessible.not_a_level", "N", n, "Min", questionnaire.MinLevel, "Max", questionnaire.MaxLevel)
		}
		p.ans = assessment.Lvl(n)
		p.ans.Comment = rest
	}
	if reason := s.textProblem(rest, input.Multiline); reason != "" {
		return p, false, s.p.T("accessible.refused", "What", s.p.T("accessible.what_text"), "Reason", reason)
	}
	return p, true, ""
}

// isAnswer reports whether a line at the comment prompt is the next
// answer rather than a comment: it starts with a number, d or n, alone or
// followed by a space; or it is b (back to the question just answered).
func (s *session) isAnswer(l string) bool {
	head, _, _ := strings.Cut(l, " ")
	h := strings.ToLower(head)
	if h == s.keys.dontKnow || h == s.keys.na || slices.Contains(s.keys.back, strings.ToLower(l)) {
		return true
	}
	// Any number counts, so that one out of range is refused as a level
	// rather than stored as a comment.
	_, err := strconv.Atoi(h)
	return err == nil
}

// question asks one question until it gets an answer; it reports whether
// the user asked to go back.
func (s *session) question(i int, qu *questionnaire.Question) (back bool, err error) {
	area, _ := s.q.Area(qu.Area)
	var ps []string
	for _, id := range qu.Principles {
		if p, ok := s.q.Principle(id); ok {
			ps = append(ps, p.ID+" "+short(p.Short, p.Title))
		}
	}
	s.say("%s", s.p.T("accessible.question.head", "N", i+1, "Total", len(s.q.Questions), "ID", qu.ID, "Area", short(area.Short, area.Title), "Principles", strings.Join(ps, ", ")))
	s.say("%s", qu.Text)
	for l, text := range qu.Levels {
		s.say("  %d %s%s%s", l, s.q.LevelName(l), s.colon(), text)
	}
	prompt := s.p.T("accessible.question.prompt", "DontKnow", s.keys.dontKnow, "Help", s.keys.help,
		"Back", strings.Join(s.keys.back, s.p.T("accessible.or")), "Quit", s.keys.quit)
	if qu.NA {
		prompt = s.p.T("accessible.question.prompt_na", "DontKnow", s.keys.dontKnow, "NA", s.keys.na, "Help", s.keys.help,
			"Back", strings.Join(s.keys.back, s.p.T("accessible.or")), "Quit", s.keys.quit)
	}
	for {
		l, err := s.ask(prompt)
		if err != nil {
			return false, err
		}
		low := strings.ToLower(l)
		switch {
		case low == s.keys.help:
			s.say("%s", s.p.T("accessible.question.why", "Text", qu.Help))
			s.say("%s", s.p.T("accessible.question.evidence", "Text", qu.Evidence))
			continue
		case slices.Contains(s.keys.back, low):
			return true, nil
		case l == "":
			s.say("%s %s", s.p.T("accessible.nothing_typed"), prompt)
			continue
		}
		p, ok, msg := s.parseAnswer(l, qu)
		if !ok {
			if msg == "" {
				msg = s.p.T("accessible.not_an_answer", "Line", input.Quote(l))
			}
			s.say("%s", msg)
			continue
		}
		for p.needReason {
			reason, err := s.askText(s.p.T("accessible.question.na_reason"), s.p.T("accessible.what_reason"), input.Multiline)
			if err != nil {
				return false, err
			}
			p.ans.NA, p.needReason = reason, reason == ""
		}
		// The answer is saved before anything else is asked: stopping at
		// the comment prompt keeps it.
		if err := s.answer(qu, p.ans); err != nil {
			return false, err
		}
		if p.ans.Comment == "" {
			if err := s.comment(qu); err != nil {
				return false, err
			}
		}
		s.say("")
		return false, nil
	}
}

// answer stores and saves an answer, and says so.
func (s *session) answer(qu *questionnaire.Question, ans assessment.Answer) error {
	s.a.Answers[qu.ID] = ans
	if err := s.save(); err != nil {
		return err
	}
	what := s.p.T("tui.answer.dont_know")
	switch {
	case ans.Level != nil:
		what = fmt.Sprintf("%d %s", *ans.Level, s.q.LevelName(*ans.Level))
	case ans.NA != "":
		what = s.p.T("tui.answer.na")
	}
	id := "accessible.saved"
	if ans.Comment != "" {
		id = "accessible.saved_comment"
	}
	s.say("%s", s.p.T(id, "ID", qu.ID, "Answer", what))
	return nil
}

// comment offers a comment line; a line that reads as an answer is kept
// for the next question instead.
func (s *session) comment(qu *questionnaire.Question) error {
	for {
		l, err := s.ask(s.p.T("accessible.comment.ask"))
		if errors.Is(err, ErrInputEnded) {
			// The end of piped answers after the last one is no comment;
			// any later prompt meets the end again and stops.
			return nil
		}
		if err != nil {
			return err
		}
		if l == "" {
			return nil
		}
		if s.isAnswer(l) {
			s.pending = &l
			return nil
		}
		if reason := s.textProblem(l, input.Multiline); reason != "" {
			s.say("%s", s.p.T("accessible.refused", "What", s.p.T("accessible.what_comment"), "Reason", reason))
			continue
		}
		ans := s.a.Answers[qu.ID]
		ans.Comment = l
		s.a.Answers[qu.ID] = ans
		if err := s.save(); err != nil {
			return err
		}
		s.say("%s", s.p.T("accessible.comment.saved"))
		return nil
	}
}

// save writes the draft atomically after every change. When it fails the
// user is told why and chooses: go on without drafts, or stop.
func (s *session) save() error {
	if s.draft == "" {
		return nil
	}
	err := assessment.WriteDraft(s.draft, s.a)
	if err == nil {
		s.saved = true
		return nil
	}
	s.say("%s", s.p.T("accessible.save.failed", "Error", err.Error()))
	s.say("%s", s.p.T("accessible.save.nothing_kept", "Folder", s.opt.OutDir))
	for {
		l, rerr := s.read(s.p.T("accessible.save.ask"))
		if rerr != nil {
			return rerr
		}
		switch strings.ToLower(l) {
		case "c":
			s.draft, s.saved = "", false
			return nil
		case s.keys.quit:
			return s.stop(ErrStopped)
		}
	}
}

func (s *session) summary(p publish.Paths) {
	sc := s.a.Scores
	s.say("%s", s.p.T("accessible.summary.complete"))
	if sc != nil {
		// The file stores the stage in the instrument's own language; it is
		// said in the run's.
		stage := sc.Stage
		for l := questionnaire.MinLevel; l <= questionnaire.MaxLevel; l++ {
			if s.q.Original().LevelName(l) == sc.Stage {
				stage = s.q.LevelName(l)
			}
		}
		s.say("%s", s.p.T("accessible.summary.stage", "Stage", stage, "Score", s.p.Number(sc.Overall, 1)))
		if pr := p.Progress; pr != nil && pr.Overall.Defined {
			d := scoring.Round1(pr.Overall.Delta()) + 0 // +0 turns -0 into 0
			delta := s.p.Number(d, 1)
			if d >= 0 {
				delta = "+" + delta
			}
			s.say("%s", s.p.T("accessible.summary.since", "Since", s.p.DateString(pr.Since), "Delta", delta))
		}
		for _, area := range s.q.Areas {
			if v, ok := sc.Areas[area.ID]; ok {
				s.say("  %s%s%s", area.Title, s.colon(), s.p.Number(v, 1))
			}
		}
	}
	if n := len(s.a.Recommendations); n > 0 {
		s.say("%s", s.p.N("accessible.summary.recommendations", n))
	}
	if p.Report != "" {
		s.say("%s", s.p.T("accessible.summary.report", "Path", p.Report))
	}
	if p.HTML != "" {
		s.say("%s", s.p.T("accessible.summary.html", "Path", p.HTML))
	}
	s.say("%s", s.p.T("accessible.summary.chart", "Path", p.Chart))
	s.say("%s", s.p.T("accessible.summary.assessment", "Path", p.Assessment))
}

// colon is ": " as the run's language writes it: French puts a no-break
// space before the colon.
func (s *session) colon() string {
	if s.p.Tag() == locale.French {
		return "\u00a0: "
	}
	return ": "
}

// textProblem is input.CheckText in the run's language: "" when s follows
// the text policy, else the reason, naming the refused character by its
// code.
func (s *session) textProblem(text string, mode input.TextMode) string {
	r, bad := input.BadRune(text, mode)
	if !bad {
		return ""
	}
	if s.p.Tag() == locale.English {
		return input.CheckText(text, mode) // the policy's own words, naming the character
	}
	return s.p.T("tui.text.bad_char", "Code", fmt.Sprintf("U+%04X", r))
}

func short(s, long string) string {
	if s != "" {
		return s
	}
	return long
}
