package tui

import (
	"maps"
	"slices"
	"sync"

	tea "charm.land/bubbletea/v2"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
)

// saver writes draft snapshots in the order they were taken. Every change
// gets a higher sequence number in Update; answers are written in Update
// itself (see saveCmd), but finishing writes from a command and Run's flush
// after the program, so the saver holds a mutex across each write and
// skips any snapshot older than the newest one written: an older snapshot
// can never overwrite a newer one.
type saver struct {
	mu sync.Mutex
	// dir is the state folder; the draft goes to its drafts/ subfolder.
	dir string
	// path is the draft file; found on the first write when empty.
	path string
	// written is the sequence number of the newest snapshot on disk.
	written uint64
	// exists is true when path holds a draft: it was resumed from there,
	// or a write to it succeeded. Until then nothing may claim it is saved.
	exists bool
	// save writes one file atomically (assessment.WriteDraft; tests replace it).
	save func(path string, a *assessment.Assessment) error
}

// newSaver returns a saver for drafts in stateDir. path is the draft file
// when it is already known (a resumed draft); empty picks a free name on
// the first write. With neither, drafts are not saved.
func newSaver(stateDir, path string) *saver {
	return &saver{dir: stateDir, path: path, exists: path != "", save: assessment.WriteDraft}
}

// Path returns the draft file once it holds the answers (it was resumed,
// or a write succeeded); "" before, so that no message says answers are
// saved where they are not.
func (s *saver) Path() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.exists {
		return ""
	}
	return s.path
}

// disable stops saving drafts for the rest of the run: the user chose to
// go on without them after a save failed.
func (s *saver) disable() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.dir, s.path, s.exists = "", "", false
}

// enabled reports whether drafts are saved at all.
func (s *saver) enabled() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.dir != "" || s.path != ""
}

// write stores snap as the draft unless a snapshot with a sequence number
// at least as high is already on disk; written reports whether it wrote.
func (s *saver) write(seq uint64, snap *assessment.Assessment) (path string, written bool, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if seq <= s.written {
		return s.path, false, nil
	}
	if s.path == "" {
		if s.dir == "" {
			return "", false, nil
		}
		// The first write creates the draft exclusively under a free name,
		// so that two sessions of one organisation and day never share it;
		// the ordinary write below then stores the same snapshot.
		p, err := assessment.CreateDraft(s.dir, snap)
		if err != nil {
			return "", false, err
		}
		s.path = p
	}
	if err := s.save(s.path, snap); err != nil {
		// WriteDraft's errors name the step and the file already.
		return s.path, false, err
	}
	s.written, s.exists = seq, true
	return s.path, true, nil
}

// savedMsg reports that the snapshot with sequence number Seq is on disk
// (or was skipped because a newer one is).
type savedMsg struct {
	Seq  uint64
	Path string
}

// saveFailedMsg reports that writing the draft failed; the answers are
// still in memory and the next change tries again.
type saveFailedMsg struct {
	Seq uint64
	Err error
}

// saveCmd writes a snapshot of the assessment as the draft now, before
// Update returns, and returns the command that reports the outcome. The
// write is not left to the command on purpose: the screen confirms an
// answer (the next question, "Saved ...") as soon as Update returns, and a
// write still running in a command then raced the renderer. Under disk
// load the next question was shown before the write's fsync ended, and a
// kill at that moment lost an answer the screen had confirmed (found by
// the e2e kill tests). A draft write takes about a millisecond.
func (m *Model) saveCmd() tea.Cmd {
	if m.a == nil || !m.saver.enabled() {
		return nil
	}
	m.seq++
	seq := m.seq
	path, _, err := m.saver.write(seq, cloneAssessment(m.a))
	return func() tea.Msg {
		if err != nil {
			return saveFailedMsg{Seq: seq, Err: err}
		}
		return savedMsg{Seq: seq, Path: path}
	}
}

// flush writes the model's newest state synchronously; Run calls it once
// the program has ended, so that quitting (or being interrupted) while a
// save command was still queued loses nothing.
func (m Model) flush() error {
	if m.a == nil || m.seq == 0 {
		return nil
	}
	_, _, err := m.saver.write(m.seq, cloneAssessment(m.a))
	return err
}

// cloneAssessment returns a deep copy of a, so that a command can write it
// while Update goes on changing the original.
func cloneAssessment(a *assessment.Assessment) *assessment.Assessment {
	c := *a
	c.Respondents = slices.Clone(a.Respondents)
	c.Answers = make(map[string]assessment.Answer, len(a.Answers))
	for id, ans := range a.Answers {
		if ans.Level != nil {
			l := *ans.Level
			ans.Level = &l
		}
		c.Answers[id] = ans
	}
	c.Spread = maps.Clone(a.Spread)
	if a.Scores != nil {
		s := *a.Scores
		s.Areas = maps.Clone(a.Scores.Areas)
		s.Principles = maps.Clone(a.Scores.Principles)
		s.Pillars = maps.Clone(a.Scores.Pillars)
		c.Scores = &s
	}
	c.Recommendations = slices.Clone(a.Recommendations)
	return &c
}
