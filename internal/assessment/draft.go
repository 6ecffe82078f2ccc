package assessment

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/internal/safefile"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// New returns an empty draft made with q: schema, tool and the instrument's
// id, version and hash set, Complete false, no answers yet. A respondent
// with neither name nor role is left out.
func New(q *questionnaire.Questionnaire, org Organisation, resp Respondent, date, lang, tool string) *Assessment {
	a := &Assessment{
		Schema:        SchemaV1,
		Tool:          tool,
		Questionnaire: QuestionnaireRef{ID: q.ID, Version: q.Version, SHA256: q.Hash()},
		Organisation:  org,
		Respondents:   []Respondent{},
		Date:          date,
		Language:      lang,
		Answers:       map[string]Answer{},
	}
	if resp != (Respondent{}) {
		a.Respondents = append(a.Respondents, resp)
	}
	return a
}

// DraftPath returns where the draft of a is kept below the state folder
// dir: dir/drafts/<Slug(organisation)>-<date>.json. A date that is not
// YYYY-MM-DD is written as "undated", so that the name stays inside dir.
//
// Two unfinished drafts for the same organisation and day share the path;
// a new assessment's first draft is made with CreateDraft, which takes the
// next free name instead of overwriting.
func DraftPath(dir string, a *Assessment) string {
	date := a.Date
	if checkDate(date).ID != "" {
		date = "undated"
	}
	return filepath.Join(dir, "drafts", Slug(a.Organisation.Name)+"-"+date+".json")
}

// SaveDraft saves a at DraftPath(dir, a), creating the drafts folder
// (private to the user: 0700) when needed, and returns the path. Drafts are
// written 0600: they hold names and unfinished answers.
func SaveDraft(dir string, a *Assessment) (string, error) {
	path := DraftPath(dir, a)
	return path, WriteDraft(path, a)
}

// WriteDraft saves a draft at path atomically, creating its folder; the
// folder (0700) and the file (0600) are readable by their owner only, for
// drafts hold names and unfinished answers.
func WriteDraft(path string, a *Assessment) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("save draft: %w", err)
	}
	data, err := Marshal(a)
	if err != nil {
		return fmt.Errorf("save draft %s: %w", path, err)
	}
	return WriteFileAtomic(path, data, 0o600)
}

// DraftInfo describes an unfinished draft for a "resume?" list.
type DraftInfo struct {
	// Path is the draft's file; resume it with Load.
	Path string
	// Organisation and Respondent are names for display; Respondent joins
	// several names with ", ".
	Organisation, Respondent string
	// Date is the assessment's date as stored.
	Date string
	// Questionnaire names the instrument the draft was made with.
	Questionnaire QuestionnaireRef
	// Compatible is true when the draft was made with the questionnaire
	// given to Drafts (same id, version and hash), so that it can be resumed.
	Compatible bool
	// Answered counts the questions answered (level, don't know or N/A);
	// Total is the number of questions of the questionnaire given to
	// Drafts (0 when none was given).
	Answered, Total int
	// Modified is when the draft was last saved.
	Modified time.Time
	// Complete is true for the draft of a finished assessment (listed by
	// AllDrafts only): it can be reopened to change answers.
	Complete bool
}

// Drafts lists the unfinished drafts (complete false) in dir/drafts,
// newest first. q, which may be nil, gives Total and Compatible. Files are
// read leniently but safely: only regular *.json files up to MaxFileSize,
// and a file that cannot be read or is not an assessment is skipped without
// complaint (a draft is the tool's own file; a broken one must not block
// the start). A missing folder gives no drafts and no error.
//
// Drafts also removes the temporary files that a run killed during a draft
// write leaves behind, once they are safefile.StaleAge old, so that they
// cannot pile up; it is called at every start.
func Drafts(dir string, q *questionnaire.Questionnaire) ([]DraftInfo, error) {
	return listDrafts(dir, q, false)
}

// AllDrafts is Drafts with the drafts of finished assessments too (marked
// Complete), which the interactive run offers to reopen.
func AllDrafts(dir string, q *questionnaire.Questionnaire) ([]DraftInfo, error) {
	return listDrafts(dir, q, true)
}

// listDrafts lists the drafts in dir, the finished ones too when finished
// is set.
func listDrafts(dir string, q *questionnaire.Questionnaire, finished bool) ([]DraftInfo, error) {
	folder := filepath.Join(dir, "drafts")
	entries, err := os.ReadDir(folder)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list drafts: %w", err)
	}
	safefile.CleanStale(folder)
	var out []DraftInfo
	for _, e := range entries {
		if safefile.IsTemp(e.Name()) {
			continue // removed by CleanStale below, once stale
		}
		// Type() is from the directory entry, so symbolic links, pipes and
		// devices (which could block a read) are skipped unopened.
		if !e.Type().IsRegular() || !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		path := filepath.Join(folder, e.Name())
		info, err := e.Info()
		if err != nil || info.Size() > MaxFileSize {
			continue
		}
		data, err := input.ReadFile(path, MaxFileSize)
		if err != nil {
			continue
		}
		var a Assessment
		if json.Unmarshal(data, &a) != nil || a.Schema != SchemaV1 || a.Complete && !finished {
			continue
		}
		d := DraftInfo{
			Complete:      a.Complete,
			Path:          path,
			Organisation:  a.Organisation.Name,
			Date:          a.Date,
			Questionnaire: a.Questionnaire,
			Modified:      info.ModTime(),
		}
		names := make([]string, 0, len(a.Respondents))
		for _, r := range a.Respondents {
			if r.Name != "" {
				names = append(names, r.Name)
			}
		}
		d.Respondent = strings.Join(names, ", ")
		for id, ans := range a.Answers {
			if !ans.Answered() {
				continue
			}
			if q != nil && q.QuestionIndex(id) < 0 {
				continue
			}
			d.Answered++
		}
		if q != nil {
			d.Total = len(q.Questions)
			d.Compatible = a.Questionnaire.ID == q.ID && a.Questionnaire.Version == q.Version &&
				q.Matches(a.Questionnaire.SHA256)
		}
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool {
		if !out[i].Modified.Equal(out[j].Modified) {
			return out[i].Modified.After(out[j].Modified)
		}
		return out[i].Path < out[j].Path
	})
	return out, nil
}
