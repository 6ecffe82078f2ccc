// Package workshop is the live workshop: a facilitator serves the
// questionnaire over SSH (charm.land/wish/v2), every participant answers
// the ordinary question screens in their own session and their own draft,
// the facilitator's screen follows the room (who has joined, how far each
// is, the distribution of levels per question, the questions on which
// people disagree), reveals a question's anonymous distribution to
// everyone, and closes: each participant's assessment is published and
// merged exactly as `assess` and `merge` do offline.
//
// Layout: workshop.go holds the workshop's state and its folder (this
// file); close.go the closing; server.go the SSH server, its
// authentication and the sessions; code.go the join code; limiter.go the
// brake on failed attempts; hostkey.go the host key; state.go the live
// aggregation the facilitator sees; facilitator.go the facilitator's
// Bubble Tea model.
//
// The workshop folder:
//
//	DIR/workshop.json          what the workshop is (organisation, date, language, instrument)
//	DIR/drafts/<name>.json     each participant's draft, saved at every answer (0600)
//	DIR/respondents/           at close: each participant's published assessment, report and chart
//	DIR/<org>-<date>-consolidated.{json,md,svg}, DIR/<org>-<date>-workshop.md   at close: merge's output
package workshop

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/compare"
	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/internal/locale"
	"github.com/dgmaturity/dgmaturity/internal/safefile"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// MetaSchema names the format of workshop.json.
const MetaSchema = "dgmaturity/workshop/v1"

// MetaFile is the name of the file that describes a workshop in its folder.
const MetaFile = "workshop.json"

// Meta is what workshop.json holds: enough to resume the workshop and to
// check that its drafts belong to it. Language is the workshop's language,
// recorded when it starts; a folder made before languages were recorded
// has none and is in English.
type Meta struct {
	Schema        string                      `json:"schema"`
	Organisation  assessment.Organisation     `json:"organisation"`
	Date          string                      `json:"date"`
	Language      string                      `json:"language,omitempty"`
	Questionnaire assessment.QuestionnaireRef `json:"questionnaire"`
	Started       time.Time                   `json:"started"`
	// Closed is set once the workshop's results are written; a closed
	// workshop is not resumed.
	Closed bool `json:"closed,omitempty"`
}

// Config describes a workshop to start or resume.
type Config struct {
	// Questionnaire is the instrument in use (localised to Lang).
	Questionnaire *questionnaire.Questionnaire
	// Lang is the language Questionnaire is in ("" is its first): the
	// workshop's language when it starts. Resuming keeps the language the
	// workshop recorded unless Lang names another, which the workshop then
	// speaks from now on (the caller localises Questionnaire to match).
	Lang string
	// Organisation is the PSO assessed; ignored when resuming.
	Organisation assessment.Organisation
	// Dir is the workshop folder.
	Dir string
	// Resume continues the workshop in Dir instead of starting one.
	Resume bool
	// Tool is written into the assessments ("dgmaturity 0.1.0").
	Tool string
	// Now is the clock; nil is time.Now.
	Now func() time.Time
}

// Errors a participant can meet when joining. Join returns them in the
// workshop's language, wrapped: test for them with errors.Is.
var (
	// ErrNameInUse: someone connected now has joined with that name.
	ErrNameInUse = errors.New("someone with this name is connected now; if that is you, close the other window first, else add your initial or your unit")
	// ErrClosed: the workshop is closed.
	ErrClosed = errors.New("the workshop is closed")
	// ErrOtherKey: the name was first used with another authorised key.
	ErrOtherKey = errors.New("this name joined with another key; reconnect with that key, or use another name")
)

// Workshop is a live workshop's state: its folder, its participants and
// their latest answers. It is safe for concurrent use: every session
// calls into it from its own goroutine.
type Workshop struct {
	// p speaks the workshop's language: to the facilitator and to every
	// participant.
	p    *locale.Printer
	q    *questionnaire.Questionnaire
	dir  string
	tool string
	now  func() time.Time
	meta Meta

	mu       sync.Mutex
	people   []*person // in order of joining
	revealed string    // question id shown to everyone, or ""
	closed   bool
	// paused is set when the facilitator stops the server without
	// closing: sessions end, and the workshop can be resumed.
	paused bool
	// sessions are the running participant sessions, to tell them of a
	// reveal or the close.
	sessions map[*Session]struct{}
	changed  chan struct{}
}

// person is one participant, connected or not.
type person struct {
	name, role string
	fold       string // compare.FoldName(name): the identity
	draft      string // the draft file
	keyFP      string // fingerprint of the key used to join; "" with the code
	answers    map[string]assessment.Answer
	finished   bool
	session    *Session // nil when not connected
	lastSeen   time.Time
}

// Open starts the workshop described by cfg in cfg.Dir, or resumes it
// there (cfg.Resume): the participants and their answers are read back
// from their drafts. Starting refuses a folder that holds a workshop
// already; resuming refuses a folder without one, a closed workshop and
// one made with another questionnaire.
func Open(cfg Config) (*Workshop, error) {
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	w := &Workshop{
		p: locale.For(locale.Tag(cfg.Lang)),
		q: cfg.Questionnaire, dir: cfg.Dir, tool: cfg.Tool, now: cfg.Now,
		sessions: map[*Session]struct{}{},
		changed:  make(chan struct{}, 1),
	}
	metaPath := filepath.Join(cfg.Dir, MetaFile)
	if cfg.Resume {
		if err := w.resume(metaPath); err != nil {
			return nil, err
		}
		if err := w.keepLanguage(cfg.Lang); err != nil {
			return nil, err
		}
		return w, nil
	}
	if _, err := os.Lstat(metaPath); err == nil {
		return nil, &input.UsageError{Msg: w.p.T("workshop.usage.exists", "Dir", cfg.Dir)}
	}
	if reason := w.textProblem(cfg.Organisation.Name); reason != "" {
		return nil, &input.UsageError{Msg: w.p.T("workshop.usage.org_text", "Org", input.Quote(cfg.Organisation.Name), "Reason", reason)}
	}
	if strings.TrimSpace(cfg.Organisation.Name) == "" {
		return nil, &input.UsageError{Msg: w.p.T("workshop.usage.org_needed")}
	}
	w.meta = Meta{
		Schema:        MetaSchema,
		Organisation:  cfg.Organisation,
		Date:          cfg.Now().Format(time.DateOnly),
		Language:      cfg.Lang,
		Questionnaire: assessment.QuestionnaireRef{ID: cfg.Questionnaire.ID, Version: cfg.Questionnaire.Version, SHA256: cfg.Questionnaire.Hash()},
		Started:       cfg.Now().UTC().Truncate(time.Second),
	}
	// The folder takes the results, readable as any report; the drafts
	// inside it are the participants' own, unfinished: owner only.
	if err := os.MkdirAll(cfg.Dir, 0o755); err != nil {
		return nil, fmt.Errorf("create workshop folder: %w", err)
	}
	if err := os.MkdirAll(filepath.Join(cfg.Dir, "drafts"), 0o700); err != nil {
		return nil, fmt.Errorf("create workshop folder: %w", err)
	}
	if err := w.saveMeta(); err != nil {
		return nil, err
	}
	return w, nil
}

// LanguageOf returns the language the workshop in dir records, "en" for a
// folder made before languages were recorded, and false when dir holds no
// readable workshop (Open then says why). A resumed workshop keeps its
// language unless --lang says otherwise, as a resumed draft does: the
// caller reads it first, to localise the questionnaire to it.
func LanguageOf(dir string) (string, bool) {
	data, err := input.ReadFile(filepath.Join(dir, MetaFile), input.MiB)
	if err != nil {
		return "", false
	}
	var m Meta
	if json.Unmarshal(data, &m) != nil || m.Schema != MetaSchema {
		return "", false
	}
	return langOrEnglish(m.Language), true
}

// langOrEnglish reads a recorded language: none is English.
func langOrEnglish(lang string) string {
	if lang == "" {
		return string(locale.English)
	}
	return lang
}

// keepLanguage settles a resumed workshop's language: the recorded one,
// unless lang names another, which is then recorded (so that a later
// resume or close keeps it). A folder without a language stays untouched
// when resumed in English.
func (w *Workshop) keepLanguage(lang string) error {
	if lang != "" && lang != langOrEnglish(w.meta.Language) {
		w.meta.Language = lang
		if err := w.saveMeta(); err != nil {
			return err
		}
	}
	w.p = locale.For(locale.Tag(w.meta.Language))
	return nil
}

// textProblem is input.CheckText in the workshop's language: "" when s
// follows the text policy, else the reason, naming the character by its
// code (the policy's own words in English).
func (w *Workshop) textProblem(s string) string {
	r, bad := input.BadRune(s, input.SingleLine)
	switch {
	case !bad:
		return ""
	case w.p.Tag() == locale.English:
		return input.CheckText(s, input.SingleLine)
	}
	return w.p.T("tui.text.bad_char", "Code", fmt.Sprintf("U+%04X", r))
}

// resume reads the workshop and its drafts back.
func (w *Workshop) resume(metaPath string) error {
	data, err := input.ReadFile(metaPath, input.MiB)
	if err != nil {
		return &input.UsageError{Msg: w.p.T("workshop.usage.not_folder", "Dir", w.dir, "File", MetaFile, "Error", input.Describe(err, w.p))}
	}
	if err := json.Unmarshal(data, &w.meta); err != nil || w.meta.Schema != MetaSchema {
		return &input.Error{File: metaPath, Reason: "is not a dgmaturity workshop file"}
	}
	if w.meta.Closed {
		return &input.UsageError{Msg: w.p.T("workshop.usage.closed_already", "Dir", w.dir)}
	}
	ref := w.meta.Questionnaire
	if ref.ID != w.q.ID || ref.Version != w.q.Version || !strings.EqualFold(ref.SHA256, w.q.Hash()) {
		return &input.Error{File: metaPath, Field: "questionnaire",
			Reason: fmt.Sprintf("the workshop uses questionnaire %s %s; run with --questionnaire and that file", ref.ID, ref.Version)}
	}
	folder := filepath.Join(w.dir, "drafts")
	entries, err := os.ReadDir(folder)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("read the drafts: %w", err)
	}
	for _, e := range entries {
		if !e.Type().IsRegular() || !strings.HasSuffix(e.Name(), ".json") || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		path := filepath.Join(folder, e.Name())
		a, _, err := assessment.Load(path, w.q)
		if err != nil {
			return fmt.Errorf("resume the workshop: %w", err)
		}
		if len(a.Respondents) != 1 {
			return &input.Error{File: path, Field: "respondents", Reason: "a participant's draft names exactly one respondent"}
		}
		p := &person{
			name: a.Respondents[0].Name, role: a.Respondents[0].Role,
			fold: compare.FoldName(a.Respondents[0].Name), draft: path,
			answers: a.Answers, finished: a.Complete,
		}
		if info, err := e.Info(); err == nil {
			p.lastSeen = info.ModTime()
		}
		w.people = append(w.people, p)
	}
	// Drafts are read in name order; show them in the order people joined,
	// and bind the names that joined with a key to that key again.
	roster, err := w.readRoster()
	if err != nil {
		return err
	}
	rank := map[string]int{}
	for i, r := range roster {
		rank[r.Draft] = i
		for _, p := range w.people {
			if filepath.Base(p.draft) == r.Draft {
				p.keyFP = r.Key
			}
		}
	}
	slices.SortStableFunc(w.people, func(a, b *person) int {
		ra, oka := rank[filepath.Base(a.draft)]
		rb, okb := rank[filepath.Base(b.draft)]
		switch {
		case oka && okb:
			return ra - rb
		case oka:
			return -1
		case okb:
			return 1
		}
		return a.lastSeen.Compare(b.lastSeen)
	})
	return nil
}

// RosterFile lists the participants in the order they joined, with the
// key each joined with, if any.
const RosterFile = "participants.json"

// rosterEntry is one participant in RosterFile.
type rosterEntry struct {
	Name  string `json:"name"`
	Draft string `json:"draft"`         // file name in drafts/
	Key   string `json:"key,omitempty"` // SHA256 fingerprint of the key used to join
}

// readRoster reads RosterFile; a missing one is an empty roster.
func (w *Workshop) readRoster() ([]rosterEntry, error) {
	path := filepath.Join(w.dir, RosterFile)
	if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	data, err := input.ReadFile(path, 16*input.MiB)
	if err != nil {
		return nil, err
	}
	var r []rosterEntry
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, &input.Error{File: path, Reason: "is not a list of participants: " + err.Error()}
	}
	return r, nil
}

// saveRosterLocked writes RosterFile; called with mu held.
func (w *Workshop) saveRosterLocked() error {
	r := make([]rosterEntry, len(w.people))
	for i, p := range w.people {
		r[i] = rosterEntry{Name: p.name, Draft: filepath.Base(p.draft), Key: p.keyFP}
	}
	data, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return fmt.Errorf("encode %s: %w", RosterFile, err)
	}
	return safefile.WriteFileAtomic(filepath.Join(w.dir, RosterFile), append(data, '\n'), 0o600)
}

// saveMeta writes workshop.json atomically.
func (w *Workshop) saveMeta() error {
	data, err := json.MarshalIndent(w.meta, "", "  ")
	if err != nil {
		return fmt.Errorf("encode %s: %w", MetaFile, err)
	}
	return safefile.WriteFileAtomic(filepath.Join(w.dir, MetaFile), append(data, '\n'), 0o644)
}

// Printer speaks the workshop's language.
func (w *Workshop) Printer() *locale.Printer { return w.p }

// Meta returns what the workshop is.
func (w *Workshop) Meta() Meta { return w.meta }

// Dir returns the workshop folder.
func (w *Workshop) Dir() string { return w.dir }

// Questionnaire returns the instrument in use.
func (w *Workshop) Questionnaire() *questionnaire.Questionnaire { return w.q }

// Changes returns a channel that receives a value after every change
// (a join, an answer, a departure); changes in quick succession are
// coalesced into one.
func (w *Workshop) Changes() <-chan struct{} { return w.changed }

// notify signals a change without blocking.
func (w *Workshop) notify() {
	select {
	case w.changed <- struct{}{}:
	default:
	}
}

// maxNameLen is the longest name or role a participant may give, in
// characters.
const maxNameLen = 100

// checkName applies the text policy to a typed name or role; field is
// "name" or "role", and only a name is required. Its reasons are in the
// workshop's language: the participant reads them on the join screen.
func (w *Workshop) checkName(field, s string) (string, error) {
	s = strings.Join(strings.Fields(s), " ")
	if reason := w.textProblem(s); reason != "" {
		return "", errors.New(w.p.T("workshop.join.bad_"+field, "Reason", reason))
	}
	if field == "name" && s == "" {
		return "", errors.New(w.p.T("workshop.join.name_needed"))
	}
	if len([]rune(s)) > maxNameLen {
		return "", errors.New(w.p.T("workshop.join."+field+"_long", "Max", maxNameLen))
	}
	return s, nil
}

// refusal is a join error in the workshop's language that is still one
// of the sentinel errors for errors.Is.
type refusal struct {
	msg string
	err error
}

// Error is the refusal in the workshop's language.
func (r refusal) Error() string { return r.msg }

// Unwrap is the sentinel error, for errors.Is.
func (r refusal) Unwrap() error { return r.err }

// refuse returns err as the participant reads it.
func (w *Workshop) refuse(err error) error {
	id := map[error]string{ErrNameInUse: "workshop.join.name_in_use", ErrClosed: "workshop.join.closed", ErrOtherKey: "workshop.join.other_key"}[err]
	return refusal{msg: w.p.T(id), err: err}
}

// Join lets a session in under a name: a new participant gets a new draft,
// and one who was here before (the same name, ignoring case and spacing)
// continues their own draft. keyFP is the fingerprint of the authorised
// key the session used, "" for the join code; a name first used with a key
// can only come back with that key. It returns the participant's
// assessment and the draft file to save it to.
func (w *Workshop) Join(s *Session, name, role, keyFP string) (*assessment.Assessment, string, error) {
	name, err := w.checkName("name", name)
	if err != nil {
		return nil, "", err
	}
	if role, err = w.checkName("role", role); err != nil {
		return nil, "", err
	}
	fold := compare.FoldName(name)
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return nil, "", w.refuse(ErrClosed)
	}
	for _, p := range w.people {
		if p.fold != fold {
			continue
		}
		if p.session != nil {
			return nil, "", w.refuse(ErrNameInUse)
		}
		if p.keyFP != "" && p.keyFP != keyFP {
			return nil, "", w.refuse(ErrOtherKey)
		}
		a, _, err := assessment.Load(p.draft, w.q)
		if err != nil {
			return nil, "", fmt.Errorf("%s: %w", w.p.T("workshop.join.read_draft"), err)
		}
		// The workshop speaks one language: a draft begun before a resume
		// in another (--lang) goes on in the workshop's.
		a.Language = w.meta.Language
		p.session, p.lastSeen = s, w.now()
		w.notify()
		return a, p.draft, nil
	}
	resp := assessment.Respondent{Name: name, Role: role}
	a := assessment.New(w.q, w.meta.Organisation, resp, w.meta.Date, w.meta.Language, w.tool)
	path, err := w.freeDraftPath(name)
	if err != nil {
		return nil, "", err
	}
	// Saved at once, so that a participant who drops out before the first
	// answer is still known after a restart.
	if err := assessment.WriteDraft(path, a); err != nil {
		return nil, "", err
	}
	w.people = append(w.people, &person{name: name, role: role, fold: fold, draft: path, keyFP: keyFP,
		answers: map[string]assessment.Answer{}, session: s, lastSeen: w.now()})
	if err := w.saveRosterLocked(); err != nil {
		w.people = w.people[:len(w.people)-1]
		_ = os.Remove(path)
		return nil, "", err
	}
	w.notify()
	return a, path, nil
}

// freeDraftPath picks drafts/<slug>.json, or <slug>-2.json ... when two
// different names make the same slug. Called with mu held.
func (w *Workshop) freeDraftPath(name string) (string, error) {
	slug := assessment.Slug(name)
	if slug == "organisation" && !strings.Contains(strings.ToLower(name), "organisation") {
		slug = "participant" // a name in another script: Slug's fallback is for organisations
	}
	stem := filepath.Join(w.dir, "drafts", slug)
	for i := 1; i < 1000; i++ {
		p := stem + ".json"
		if i > 1 {
			p = fmt.Sprintf("%s-%d.json", stem, i)
		}
		taken := slices.ContainsFunc(w.people, func(x *person) bool { return x.draft == p })
		if _, err := os.Lstat(p); !taken && errors.Is(err, fs.ErrNotExist) {
			return p, nil
		}
	}
	return "", errors.New(w.p.T("workshop.join.no_draft_name", "Name", input.Quote(name)))
}

// Saved records a participant's draft as just written: their answers,
// and whether they have finished.
func (w *Workshop) Saved(s *Session, a *assessment.Assessment) {
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, p := range w.people {
		if p.session == s {
			p.answers = a.Answers
			p.finished = a.Complete
			p.lastSeen = w.now()
			w.notify()
			w.sendRevealLocked(p)
			return
		}
	}
}

// leave marks the participant of session s as disconnected.
func (w *Workshop) leave(s *Session) {
	w.mu.Lock()
	defer w.mu.Unlock()
	delete(w.sessions, s)
	for _, p := range w.people {
		if p.session == s {
			p.session = nil
			p.lastSeen = w.now()
			w.notify()
		}
	}
}

// attach registers a running session, to be told of reveals and the
// close. It fails once the workshop is closed.
func (w *Workshop) attach(s *Session) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed || w.paused {
		return false
	}
	w.sessions[s] = struct{}{}
	if w.revealed != "" {
		s.send(w.revealMsgLocked())
	}
	return true
}
