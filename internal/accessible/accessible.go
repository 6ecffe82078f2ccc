// Package accessible runs the assessment as plain numbered prompts, one
// line per answer: no redraws, no colour, no cursor movement. It serves
// screen readers, dumb terminals and piped input (one line per prompt), and
// ends in the same publish.Write as the full-screen interface.
package accessible

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/publish"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// ErrStopped is returned when the user typed q: the draft is kept.
var ErrStopped = errors.New("stopped; the answers so far are kept in the draft")

// ErrInputEnded is returned when the input ends before the assessment is
// finished: the draft is kept.
var ErrInputEnded = errors.New("input ended before the assessment was finished; the answers so far are kept in the draft")

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
	// Organisation prefills the organisation name (--org).
	Organisation string
	// DraftPath is the draft file Assessment was read from, when it is an
	// unfinished draft: answers are saved back to it.
	DraftPath string
}

// session is one run: the reader and writer, and where the draft goes.
type session struct {
	opt   Options
	in    *bufio.Scanner
	out   io.Writer
	q     *questionnaire.Questionnaire
	a     *assessment.Assessment
	draft string
}

// Run asks every question and writes the results. It returns the paths of
// the written files; on ErrStopped or ErrInputEnded the draft path is in
// the error message.
func Run(in io.Reader, out io.Writer, opt Options) (publish.Paths, error) {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	s := &session{opt: opt, in: sc, out: out, q: opt.Questionnaire, a: opt.Assessment}
	s.say("dgmaturity: digital government maturity self-assessment, accessible mode.")
	s.say("Each prompt says what to type; press Enter after each answer. Type q at any prompt to stop: your answers are kept in a draft and you can resume later.")
	s.say("")
	if err := s.start(); err != nil {
		return publish.Paths{}, err
	}
	if err := s.questions(); err != nil {
		return publish.Paths{}, err
	}
	paths, err := publish.Write(opt.OutDir, s.q, s.a, opt.Tool)
	if err != nil {
		return publish.Paths{}, fmt.Errorf("write results: %w", err)
	}
	if err := s.save(); err != nil {
		return publish.Paths{}, err
	}
	s.summary(paths)
	return paths, nil
}

func (s *session) say(format string, args ...any) {
	fmt.Fprintf(s.out, format+"\n", args...)
}

// ask prints a prompt and reads one line; q stops the run.
func (s *session) ask(prompt string) (string, error) {
	fmt.Fprint(s.out, prompt+" ")
	if !s.in.Scan() {
		fmt.Fprintln(s.out)
		if err := s.in.Err(); err != nil {
			return "", fmt.Errorf("read answer: %w", err)
		}
		return "", s.stopErr(ErrInputEnded)
	}
	line := strings.TrimSpace(s.in.Text())
	if strings.EqualFold(line, "q") {
		return "", s.stopErr(ErrStopped)
	}
	return line, nil
}

func (s *session) stopErr(err error) error {
	if s.draft == "" {
		return err
	}
	return fmt.Errorf("%w: %s", err, s.draft)
}

// start resumes a draft or asks who is assessing.
func (s *session) start() error {
	if s.a == nil && s.opt.StateDir != "" {
		drafts, err := assessment.Drafts(s.opt.StateDir, s.q)
		if err == nil && len(drafts) > 0 {
			d := drafts[0]
			s.say("An unfinished assessment of %s exists: %d of %d questions answered, last saved %s.", d.Organisation, d.Answered, d.Total, d.Modified.Format("2 January 2006 at 15:04"))
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
					s.a, s.draft = a, d.Path
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
		return s.draftPath()
	}
	org := s.opt.Organisation
	for org == "" {
		line, err := s.ask("Organisation name:")
		if err != nil {
			return err
		}
		if org = line; org == "" {
			s.say("The organisation name is needed for the report.")
		}
	}
	typ, err := s.choose("Organisation type.", assessment.OrganisationTypes)
	if err != nil {
		return err
	}
	name, err := s.ask("Your name (optional, press Enter to skip):")
	if err != nil {
		return err
	}
	role, err := s.ask("Your role (optional, press Enter to skip):")
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
		return err
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

// questions asks every unanswered question in order; b goes back.
func (s *session) questions() error {
	qs := s.q.Questions
	answered := 0
	for _, qu := range qs {
		if s.a.Answers[qu.ID].Answered() {
			answered++
		}
	}
	if answered > 0 {
		s.say("%d of %d questions are already answered; the others follow.", answered, len(qs))
		s.say("")
	}
	history := []int{}
	for i := 0; i < len(qs); i++ {
		qu := &qs[i]
		if s.a.Answers[qu.ID].Answered() && !containsInt(history, -i-1) {
			continue
		}
		back, err := s.question(i, qu)
		if err != nil {
			return err
		}
		if back {
			if len(history) == 0 {
				s.say("This is the first question.")
				i--
				continue
			}
			prev := history[len(history)-1]
			history = history[:len(history)-1]
			// Mark the previous question as asked again even though answered.
			history = append(history, -prev-1)
			i = prev - 1
			continue
		}
		history = removeInt(history, -i-1)
		history = append(history, i)
	}
	return nil
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func removeInt(xs []int, x int) []int {
	out := xs[:0]
	for _, v := range xs {
		if v != x {
			out = append(out, v)
		}
	}
	return out
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
	keys := "Type 0 to 4 for the level that fits, d for don't know"
	if qu.NA {
		keys += ", n for not applicable"
	}
	keys += ", h for help, b to go back, q to stop:"
	for {
		line, err := s.ask(keys)
		if err != nil {
			return false, err
		}
		var ans assessment.Answer
		switch l := strings.ToLower(line); {
		case l == "h" || l == "?":
			s.say("Why it matters: %s", qu.Help)
			s.say("What counts as evidence: %s", qu.Evidence)
			continue
		case l == "b":
			return true, nil
		case l == "d":
			ans.DontKnow = true
		case l == "n" && qu.NA:
			reason := ""
			for reason == "" {
				if reason, err = s.ask("Why does this question not apply to your organisation? Type the reason:"); err != nil {
					return false, err
				}
			}
			ans.NA = reason
		default:
			n, convErr := strconv.Atoi(l)
			if convErr != nil || n < questionnaire.MinLevel || n > questionnaire.MaxLevel {
				if l == "n" {
					s.say("This question cannot be marked not applicable.")
				} else {
					s.say("%q is not an answer here.", line)
				}
				continue
			}
			ans = assessment.Lvl(n)
		}
		comment, err := s.ask("Comment (optional, press Enter to skip):")
		if err != nil {
			return false, err
		}
		ans.Comment = comment
		s.a.Answers[qu.ID] = ans
		if err := s.save(); err != nil {
			return false, err
		}
		s.say("Saved.")
		s.say("")
		return false, nil
	}
}

// save writes the draft atomically after every answer.
func (s *session) save() error {
	if s.draft == "" {
		return nil
	}
	return assessment.WriteDraft(s.draft, s.a)
}

func (s *session) summary(p publish.Paths) {
	sc := s.a.Scores
	s.say("The assessment is complete.")
	if sc != nil {
		s.say("Stage: %s. Overall score: %.1f out of 100.", sc.Stage, sc.Overall)
		for _, area := range s.q.Areas {
			if v, ok := sc.Areas[area.ID]; ok {
				s.say("  %s: %.1f", area.Title, v)
			}
		}
	}
	if n := len(s.a.Recommendations); n > 0 {
		s.say("%d recommendations apply; the report lists them by priority.", n)
	}
	s.say("Report: %s", p.Report)
	s.say("Chart: %s", p.Chart)
	s.say("Assessment file: %s", p.Assessment)
}

func short(s, long string) string {
	if s != "" {
		return s
	}
	return long
}
