package workshop

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/publish"
	"github.com/dgmaturity/dgmaturity/internal/tui"
)

// MergeFunc consolidates published assessment files into outDir: the
// merge command's own function, so that a live workshop ends exactly as
// the offline `merge` does.
type MergeFunc func(paths []string, outDir string) error

// Closed is what closing wrote.
type Closed struct {
	// Published are the participants' assessment files, in order of
	// joining.
	Published []string
	// Skipped names the participants who answered nothing: they are not
	// merged.
	Skipped []string
}

// sessionsGrace is how long Close waits for the participants' sessions to
// end after telling them; a session ends within a frame, so this only
// matters for a stuck connection.
const sessionsGrace = 5 * time.Second

// Close ends the workshop: no one joins any more, every participant's
// session ends (their drafts are saved at every answer, so nothing is
// pending), each participant who answered anything has their assessment
// published as `assess` does, into DIR/respondents, and merge writes the
// consolidated assessment and the workshop report into DIR. The workshop
// is marked closed only when all of that succeeded; until then it can be
// resumed and closed again.
func (w *Workshop) Close(merge MergeFunc) (Closed, error) {
	w.endSessions(func() { w.closed = true })

	w.mu.Lock()
	people := append([]*person(nil), w.people...)
	w.mu.Unlock()

	var out Closed
	var files []string
	respondents := filepath.Join(w.dir, "respondents")
	for _, p := range people {
		// The draft on disk is the record: every answer was saved there
		// before the screen confirmed it.
		a, _, err := assessment.Load(p.draft, w.q)
		if err != nil {
			return out, fmt.Errorf("%s: %w", w.p.T("workshop.close.failed"), err)
		}
		if !anyAnswer(a) {
			out.Skipped = append(out.Skipped, p.name)
			continue
		}
		base := publish.Base(a) + "-" + strings.TrimSuffix(filepath.Base(p.draft), ".json")
		paths, err := publish.Write(respondents, w.q, a, w.tool, publish.Options{Name: base})
		if err != nil {
			return out, fmt.Errorf("%s: %w", w.p.T("workshop.close.publish_failed", "Name", p.name), err)
		}
		files = append(files, paths.Assessment)
	}
	out.Published = files
	if len(files) == 0 {
		return out, errors.New(w.p.T("workshop.close.nobody"))
	}
	if err := merge(files, w.dir); err != nil {
		return out, fmt.Errorf("%s: %w", w.p.T("workshop.close.merge_failed"), err)
	}
	w.meta.Closed = true
	if err := w.saveMeta(); err != nil {
		return out, err
	}
	return out, nil
}

// anyAnswer reports whether a holds at least one answer.
func anyAnswer(a *assessment.Assessment) bool {
	for _, ans := range a.Answers {
		if ans.Answered() {
			return true
		}
	}
	return false
}

// Closing reports whether Close has begun.
func (w *Workshop) Closing() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.closed
}

// Pause ends every participant's session without closing the workshop:
// the facilitator stops the server, and `serve --resume` continues. Their
// drafts are saved at every answer, so nothing is pending.
func (w *Workshop) Pause() { w.endSessions(func() { w.paused = true }) }

// Paused reports whether Pause was called.
func (w *Workshop) Paused() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.paused
}

// endSessions sets the state with mark (under the lock, so that no
// session attaches after it), tells every session to end, and waits a
// moment for them to.
func (w *Workshop) endSessions(mark func()) {
	w.mu.Lock()
	mark()
	for s := range w.sessions {
		s.send(tui.ClosedMsg{})
	}
	w.notify()
	w.mu.Unlock()

	deadline := time.Now().Add(sessionsGrace)
	for {
		w.mu.Lock()
		n := len(w.sessions)
		w.mu.Unlock()
		if n == 0 || time.Now().After(deadline) {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
}
