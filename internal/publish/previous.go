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
// text of it) count; anything else in the folder is passed over quietly.
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
			head.Questionnaire.ID != q.ID || !q.Matches(head.Questionnaire.SHA256) ||
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
		if _, _, err := assessment.Load(c.path, q); err == nil {
			return c.path
		}
	}
	return ""
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
func Progress(path string, q *questionnaire.Questionnaire, a *assessment.Assessment, r *scoring.Result) (*scoring.Progress, error) {
	prev, _, err := assessment.Load(path, q)
	if err != nil {
		return nil, fmt.Errorf("previous assessment: %w", err)
	}
	if prev.Date > a.Date {
		return nil, &input.UsageError{Msg: fmt.Sprintf("the previous assessment %s is dated %s, after this one (%s)", path, prev.Date, a.Date)}
	}
	pr := scoring.ScoreAssessment(q, prev, 0)
	return scoring.CompareResults(q, prev.Date, pr, r), nil
}
