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
	"strconv"
	"strings"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/input"
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
// SIGINT) while the mode waits for input: the draft is kept.
var ErrInterrupted = errors.New("interrupted")

// StopError says why a run stopped early and where its answers are.
type StopError struct {
	// Reason is ErrStopped, ErrInputEnded or ErrInterrupted.
	Reason error
	// Draft is the draft file holding the answers given, or "" when none
	// was saved (nothing answered yet, or drafts off).
	Draft string
}

// Error implements error.
func (e *StopError) Error() string {
	if e.Draft == "" {
		return e.Reason.Error() + "; no answer was saved"
	}
	return e.Reason.Error() + "; the answers so far are kept in the draft " + e.Draft
}

// Unwrap returns the reason.
func (e *StopError) Unwrap() error { return e.Reason }

// Options configure a run.
type Options struct {
	Questionnaire *questionnaire.Questionnaire
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
func Protocol() string {
	k := protocolKeys()
	return fmt.Sprintf(`Answer each question on one line: a level from 0 to 4, optionally followed by a comment ("2 strategy exists but unknown"); %[1]s for don't know (also "%[1]s comment"); %[2]s and the reason for not applicable, where the question allows it ("%[2]s we run no such service"). %[3]s explains the question, %[4]s goes back, %[5]s stops and keeps the draft. After an answer you may type a comment on the next line, or go straight on with the next answer: a line that reads as an answer is always taken as one.`,
		k.dontKnow, k.na, k.help, strings.Join(k.back, " or "), k.quit)
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
	// draft is the draft file; saved is true once it holds the answers.
	draft string
	saved bool
	// pending is a line read at a comment prompt that was the next answer.
	pending *string
}

// Run asks every question and writes the results. It returns the paths of
// the written files. A run that stops early returns a *StopError wrapping
// ErrStopped, ErrInputEnded or ErrInterrupted (ctx cancelled), with the
// draft that keeps the answers.
func Run(ctx context.Context, in io.Reader, out io.Writer, opt Options) (publish.Paths, error) {
	s := &session{ctx: ctx, opt: opt, lines: readLines(in), out: out, q: opt.Questionnaire, a: opt.Assessment, keys: protocolKeys()}
	s.say("dgmaturity: digital government maturity self-assessment, accessible mode.")
	s.say("%s", Protocol())
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
	paths, err := publish.WriteWith(opt.OutDir, publish.Base(s.a), s.q, s.a, opt.Tool, publish.Extra{Context: s.ctx, Inputs: inputs, Previous: opt.Previous, Formats: opt.Formats})
	if err != nil {
		return publish.Paths{}, fmt.Errorf("write results: %w", err)
	}
	// The draft, marked complete, can be reopened from the full-screen run.
	if s.draft != "" {
		if err := assessment.WriteDraft(s.draft, s.a); err != nil {
			s.say("The files are written, but the draft could not be marked finished: %v", err)
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
	e := &StopError{Reason: reason}
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
		if reason := input.CheckText(l, mode); reason != "" {
			s.say("Refused: %s %s. Type it again.", what, reason)
			continue
		}
		return l, nil
	}
}

// start resumes a draft or asks who is assessing.
func (s *session) start() error {
	if s.a == nil && s.opt.StateDir != "" && !s.opt.NoResumeOffer {
		drafts, err := assessment.Drafts(s.opt.StateDir, s.q)
		// Drafts of another questionnaire (an earlier release, after an
		// upgrade) cannot be resumed here: say how, and offer the newest
		// draft that can.
		var ok []assessment.DraftInfo
		for _, d := range drafts {
			if d.Compatible {
				ok = append(ok, d)
				continue
			}
			how := "run dgmaturity with --questionnaire and that file to finish it"
			if _, known := questionnaire.Release(d.Questionnaire.ID, d.Questionnaire.Version, d.Questionnaire.SHA256); known {
				how = "run dgmaturity --release " + d.Questionnaire.Version + " --accessible to finish it in that version"
			}
			s.say("An unfinished assessment of %s was begun with questionnaire %s %s; %s.", input.Quote(d.Organisation), d.Questionnaire.ID, d.Questionnaire.Version, how)
		}
		drafts = ok
		if err == nil && len(drafts) > 0 {
			d := drafts[0]
			s.say("An unfinished assessment of %s exists: %d of %d questions answered, last saved %s.", input.Quote(d.Organisation), d.Answered, d.Total, d.Modified.Format("2 January 2006 at 15:04"))
			for {
				line, err := s.ask("Type r to resume it, or n to start a new assessment:")
				if err != nil {
					return err
				}
				if strings.EqualFold(line, "r") {
					a, _, err := assessment.Load(d.Path, s.q)
					if err != nil {
						return err
					}
					s.a, s.draft, s.saved = a, d.Path, true
					s.say("Resuming %s.", a.Organisation.Name)
					s.say("")
					return nil
				}
				if strings.EqualFold(line, "n") {
					break
				}
				s.say("Please type r or n.")
			}
		}
	}
	if s.a != nil {
		s.draft = s.opt.DraftPath
		s.saved = s.draft != ""
		return s.draftPath()
	}
	org := s.opt.Organisation
	for org == "" {
		line, err := s.askText("Organisation name:", "the organisation's name", input.SingleLine)
		if err != nil {
			return err
		}
		if org = line; org == "" {
			s.say("The organisation's name is required: the report and the file names carry it.")
		}
	}
	typ, err := s.choose("Organisation type.", assessment.OrganisationTypes)
	if err != nil {
		return err
	}
	name, err := s.askText("Your name (optional, press Enter to skip):", "your name", input.SingleLine)
	if err != nil {
		return err
	}
	role, err := s.askText("Your role (optional, press Enter to skip):", "your role", input.SingleLine)
	if err != nil {
		return err
	}
	lang := ""
	if len(s.q.Languages) > 0 {
		lang = s.q.Languages[0]
	}
	var resp assessment.Respondent
	if name != "" || role != "" {
		resp = assessment.Respondent{Name: name, Role: role}
	}
	s.a = assessment.New(s.q, assessment.Organisation{Name: org, Type: typ}, resp, s.opt.Today, lang, s.opt.Tool)
	s.say("The report will be written to %s.", s.opt.OutDir)
	s.say("")
	return s.draftPath()
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
		s.say("Drafts cannot be saved (%v): the answers are kept in this run only.", err)
		return nil
	}
	s.draft = p
	return nil
}

// choose asks for one of options by number.
func (s *session) choose(prompt string, options []string) (string, error) {
	var b strings.Builder
	b.WriteString(prompt + " Type a number:")
	for i, o := range options {
		fmt.Fprintf(&b, " %d %s,", i+1, o)
	}
	p := strings.TrimSuffix(b.String(), ",") + ":"
	for {
		line, err := s.ask(p)
		if err != nil {
			return "", err
		}
		if n, err := strconv.Atoi(line); err == nil && n >= 1 && n <= len(options) {
			return options[n-1], nil
		}
		for _, o := range options {
			if strings.EqualFold(line, o) {
				return o, nil
			}
		}
		s.say("Please type a number from 1 to %d.", len(options))
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
		s.say("%d of %d questions are already answered; the others follow.", answered, len(qs))
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
			s.say("This is the first question of this session.")
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
			return p, false, "This question applies to every organisation: it cannot be marked not applicable."
		}
		p.ans = assessment.Answer{NA: rest}
		p.needReason = rest == ""
	default:
		n, err := strconv.Atoi(h)
		if err != nil || len(h) != 1 {
			return p, false, ""
		}
		if n < questionnaire.MinLevel || n > questionnaire.MaxLevel {
			return p, false, fmt.Sprintf("%d is not a level: levels go from %d to %d.", n, questionnaire.MinLevel, questionnaire.MaxLevel)
		}
		p.ans = assessment.Lvl(n)
		p.ans.Comment = rest
	}
	if reason := input.CheckText(rest, input.Multiline); reason != "" {
		return p, false, "Refused: the text " + reason + "."
	}
	return p, true, ""
}

// isAnswer reports whether a line at the comment prompt is the next
// answer rather than a comment: it starts with a number, d or n, alone or
// followed by a space; or it is b (back to the question just answered).
func (s *session) isAnswer(l string) bool {
	head, _, _ := strings.Cut(l, " ")
	h := strings.ToLower(head)
	if h == s.keys.dontKnow || h == s.keys.na || contains(s.keys.back, strings.ToLower(l)) {
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
	s.say("Question %d of %d, %s. Area: %s. Principles: %s.", i+1, len(s.q.Questions), qu.ID, short(area.Short, area.Title), strings.Join(ps, ", "))
	s.say("%s", qu.Text)
	for l, text := range qu.Levels {
		s.say("  %d %s: %s", l, s.q.LevelName(l), text)
	}
	prompt := fmt.Sprintf("Type 0 to 4 for the level that fits (a comment may follow), %s for don't know", s.keys.dontKnow)
	if qu.NA {
		prompt += fmt.Sprintf(", %s and the reason for not applicable", s.keys.na)
	}
	prompt += fmt.Sprintf(", %s for help, %s to go back, %s to stop:", s.keys.help, strings.Join(s.keys.back, " or "), s.keys.quit)
	for {
		l, err := s.ask(prompt)
		if err != nil {
			return false, err
		}
		low := strings.ToLower(l)
		switch {
		case low == s.keys.help:
			s.say("Why it matters: %s", qu.Help)
			s.say("What counts as evidence: %s", qu.Evidence)
			continue
		case contains(s.keys.back, low):
			return true, nil
		case l == "":
			s.say("Nothing typed. %s", prompt)
			continue
		}
		p, ok, msg := s.parseAnswer(l, qu)
		if !ok {
			if msg == "" {
				msg = fmt.Sprintf("%q is not an answer here.", l)
			}
			s.say("%s", msg)
			continue
		}
		for p.needReason {
			reason, err := s.askText("Why does this question not apply to your organisation? Type the reason:", "the reason", input.Multiline)
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
	what := "don't know"
	switch {
	case ans.Level != nil:
		what = fmt.Sprintf("%d %s", *ans.Level, s.q.LevelName(*ans.Level))
	case ans.NA != "":
		what = "not applicable"
	}
	if ans.Comment != "" {
		what += ", with a comment"
	}
	s.say("Saved %s: %s.", qu.ID, what)
	return nil
}

// comment offers a comment line; a line that reads as an answer is kept
// for the next question instead.
func (s *session) comment(qu *questionnaire.Question) error {
	for {
		l, err := s.ask("Comment (optional; press Enter to skip, or type the next answer):")
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
		if reason := input.CheckText(l, input.Multiline); reason != "" {
			s.say("Refused: the comment %s. Type it again.", reason)
			continue
		}
		ans := s.a.Answers[qu.ID]
		ans.Comment = l
		s.a.Answers[qu.ID] = ans
		if err := s.save(); err != nil {
			return err
		}
		s.say("Comment saved.")
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
	s.say("Your answers cannot be saved as a draft: %v", err)
	s.say("Nothing is kept if the run stops now. The report is still written to %s at the end.", s.opt.OutDir)
	for {
		l, rerr := s.read("Type c to continue without drafts, or q to quit:")
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
	s.say("The assessment is complete.")
	if sc != nil {
		s.say("Stage: %s. Overall score: %.1f out of 100.", sc.Stage, sc.Overall)
		if pr := p.Progress; pr != nil && pr.Overall.Defined {
			s.say("Since the assessment of %s the overall score changed by %+.1f points.", pr.Since, scoring.Round1(pr.Overall.Delta())+0) // +0 turns -0 into 0
		}
		for _, area := range s.q.Areas {
			if v, ok := sc.Areas[area.ID]; ok {
				s.say("  %s: %.1f", area.Title, v)
			}
		}
	}
	if n := len(s.a.Recommendations); n > 0 {
		s.say("%d recommendations apply; the report lists them by priority, with a roadmap of their steps.", n)
	}
	s.say("Report: %s", p.Report)
	s.say("Chart: %s", p.Chart)
	s.say("Assessment file: %s", p.Assessment)
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func short(s, long string) string {
	if s != "" {
		return s
	}
	return long
}
