package publish

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/internal/scoring"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// maxScanned bounds how many files FindPrevious looks at, so that an
// output folder of many thousand files (an analyst's collection) costs a
// bounded time.
const maxScanned = 2000

// FindPrevious returns the path of the latest earlier assessment of the
// same organisation in dir, or "" when there is none. The same
// organisation: the same organisation id when a has one, else the same
// name (ignoring case and surrounding space) and type. Earlier: a date
// before a's. Only finished assessments made with q (or a known earlier
// text of it) or with another release of the built-in instrument count;
// anything else in the folder is passed over quietly.
func FindPrevious(dir string, q *questionnaire.Questionnaire, a *assessment.Assessment) string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return ""
	}
	type cand struct{ path, date string }
	var found []cand
	scanned := 0
	for _, e := range entries {
		if scanned == maxScanned {
			break
		}
		if !e.Type().IsRegular() || !strings.EqualFold(filepath.Ext(e.Name()), ".json") {
			continue
		}
		scanned++
		path := filepath.Join(dir, e.Name())
		data, err := input.ReadFile(path, assessment.MaxFileSize)
		if err != nil {
			continue
		}
		var head struct {
			Schema        string                      `json:"schema"`
			Questionnaire assessment.QuestionnaireRef `json:"questionnaire"`
			Organisation  assessment.Organisation     `json:"organisation"`
			Date          string                      `json:"date"`
			Complete      bool                        `json:"complete"`
		}
		if json.Unmarshal(data, &head) != nil || head.Schema != assessment.SchemaV1 || !head.Complete ||
			instrumentOf(head.Questionnaire, q) == nil ||
			head.Date >= a.Date || !sameOrganisation(head.Organisation, a.Organisation) {
			continue
		}
		found = append(found, cand{path, head.Date})
	}
	// The latest date wins; on one date, the last name in order (a
	// consolidated workshop file sorts after the respondents' own).
	slices.SortFunc(found, func(x, y cand) int {
		if c := strings.Compare(y.date, x.date); c != 0 {
			return c
		}
		return strings.Compare(y.path, x.path)
	})
	for _, c := range found {
		if _, _, err := assessment.Load(c.path, nil); err == nil {
			return c.path
		}
	}
	return ""
}

// instrumentOf returns the instrument an assessment made with ref is read
// with, next to one made with q: q itself (or a known earlier text of it),
// another release of the built-in instrument, or nil when it is neither.
func instrumentOf(ref assessment.QuestionnaireRef, q *questionnaire.Questionnaire) *questionnaire.Questionnaire {
	if ref.ID != q.ID {
		return nil
	}
	if ref.Version == q.Version && q.Matches(ref.SHA256) {
		return q
	}
	if rel, ok := questionnaire.Release(ref.ID, ref.Version, ref.SHA256); ok {
		return rel
	}
	return nil
}

func sameOrganisation(x, y assessment.Organisation) bool {
	if x.ID != "" || y.ID != "" {
		return x.ID == y.ID
	}
	return strings.EqualFold(strings.TrimSpace(x.Name), strings.TrimSpace(y.Name)) && x.Type == y.Type
}

// Progress reads the earlier assessment at path and returns what moved
// from it to a (scored as r). The earlier one is scored with its own
// targets, so that "steps now done" are the steps its roadmap listed.
//
// An earlier assessment made with another release of the built-in
// instrument is compared on the questions both releases share (question
// ids are stable: a shared id is the same construct), as compare does: both
// assessments are scored on the shared questions only (answers to retired
// questions set aside, new questions left out), and the progress says which
// release the earlier one used and which shared questions were reworded.
func Progress(path string, q *questionnaire.Questionnaire, a *assessment.Assessment, r *scoring.Result) (*scoring.Progress, error) {
	data, err := input.ReadFile(path, assessment.MaxFileSize)
	if err != nil {
		return nil, fmt.Errorf("previous assessment: %w", err)
	}
	head, _, err := assessment.Parse(path, data, nil)
	if err != nil {
		return nil, fmt.Errorf("previous assessment: %w", err)
	}
	pq := instrumentOf(head.Questionnaire, q)
	if pq == nil {
		pq = q // Parse below names the mismatch
	}
	prev, _, err := assessment.Parse(path, data, pq)
	if err != nil {
		return nil, fmt.Errorf("previous assessment: %w", err)
	}
	if prev.Date > a.Date {
		return nil, input.Refuse("input.publish.previous_later", "Path", input.QuotePath(path), "Date", prev.Date, "This", a.Date)
	}
	if pq == q {
		pr := scoring.ScoreAssessment(q, prev, 0)
		return scoring.CompareResults(q, prev.Date, pr, r), nil
	}
	c := questionnaire.Diff(pq, q)
	shared := make(map[string]assessment.Answer, len(q.Questions))
	for i := range q.Questions {
		id := q.Questions[i].ID
		if x, ok := prev.Answers[id]; ok && x.Answered() && slices.Contains(c.Shared, id) {
			shared[id] = x
		} else {
			shared[id] = assessment.Answer{NA: "not in questionnaire version " + pq.Version}
		}
	}
	onShared := *prev
	onShared.Answers = shared
	onShared.Targets = nil // its targets may name questions the current release lacks
	pr := scoring.ScoreAssessment(q, &onShared, 0)
	// The current assessment on the same shared questions: a score that
	// rose only because new questions count would not be progress.
	now := *a
	now.Answers = make(map[string]assessment.Answer, len(a.Answers))
	for id, x := range a.Answers {
		if slices.Contains(c.Shared, id) {
			now.Answers[id] = x
		}
	}
	for i := range q.Questions {
		if id := q.Questions[i].ID; !slices.Contains(c.Shared, id) {
			now.Answers[id] = assessment.Answer{NA: "not in questionnaire version " + pq.Version}
		}
	}
	p := scoring.CompareResults(q, prev.Date, pr, scoring.ScoreAssessment(q, &now, 0))
	p.Version = pq.Version
	p.Shared = len(c.Shared)
	p.Reworded = c.Reworded
	return p, nil
}
