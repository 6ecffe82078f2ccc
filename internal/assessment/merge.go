package assessment

import (
	"fmt"
	"path/filepath"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/dgmaturity/dgmaturity/internal/input"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// MergeFile is one assessment file given to a merge (the consolidation of
// a workshop), with what each of its respondents answered.
type MergeFile struct {
	Path string
	A    *Assessment
	// Answers holds one map per respondent of A, in A's order.
	Answers []map[string]Answer
}

// MergeSet gathers the files of one merge and holds the rules of which
// files may be merged: each file once, all of one organisation and one
// questionnaire text, each naming its respondents. Every refusal is an
// input error naming the file.
//
// A file goes in with Claim (before it is read), Fits (once read) and Add
// (once its warnings are said).
type MergeSet struct {
	Files []MergeFile
	seen  map[string]bool
}

// Claim refuses path when the set was given it already: each respondent's
// file counts once, however its path is written.
func (s *MergeSet) Claim(path string) error {
	clean := filepath.Clean(path)
	if abs, err := filepath.Abs(clean); err == nil {
		clean = abs
	}
	if s.seen[clean] {
		return &input.Error{File: path, Msg: input.M("input.merge.twice")}
	}
	if s.seen == nil {
		s.seen = map[string]bool{}
	}
	s.seen[clean] = true
	return nil
}

// Fits refuses a, read from path, when it is not of the organisation and
// the questionnaire of the set's first file, or not a valid assessment of
// q, the instrument in use. The instrument is checked first, so that a
// file of another one is refused with the reason that matters here.
func (s *MergeSet) Fits(path string, a *Assessment, q *questionnaire.Questionnaire) error {
	if len(s.Files) > 0 {
		if err := sameWorkshop(s.Files[0], path, a); err != nil {
			return err
		}
	}
	if err := Validate(a, q); err != nil {
		return withFile(err, path)
	}
	return nil
}

// Add adds a, read from path, with its respondents' own answers: the
// file's answers for a single respondent, or, for a file consolidated
// earlier, each respondent's from its spread.
func (s *MergeSet) Add(path string, a *Assessment) error {
	if len(a.Respondents) == 0 {
		return &input.Error{File: path, Field: "respondents", Msg: input.M("input.merge.no_respondent")}
	}
	answers, err := respondentAnswers(path, a)
	if err != nil {
		return err
	}
	s.Files = append(s.Files, MergeFile{Path: path, A: a, Answers: answers})
	return nil
}

// Repeat is a respondent named in two files of a merge (both are counted).
type Repeat struct {
	Path, Name string
	// First is the file that named the respondent first.
	First string
}

// Respondents returns the set's respondents and their answers, file by
// file, and the respondents named again in a later file (by folded name).
func (s *MergeSet) Respondents() (people []Respondent, answers []map[string]Answer, repeats []Repeat) {
	seen := map[string]string{}
	for _, f := range s.Files {
		for i, r := range f.A.Respondents {
			if key := input.FoldName(r.Name); key != "" {
				if first, dup := seen[key]; dup {
					repeats = append(repeats, Repeat{Path: f.Path, Name: r.Name, First: first})
				} else {
					seen[key] = f.Path
				}
			}
			people = append(people, r)
			answers = append(answers, f.Answers[i])
		}
	}
	return people, answers, repeats
}

// SameOrganisation reports whether two organisations are the same PSO:
// the same id when both give one (white space folded, case kept: register
// ids may be case-sensitive), else the same folded name (input.FoldName).
func SameOrganisation(a, b Organisation) bool {
	ia, ib := foldID(a.ID), foldID(b.ID)
	if ia != "" && ib != "" {
		return ia == ib
	}
	return input.FoldName(a.Name) == input.FoldName(b.Name)
}

// foldID folds an organisation id: NFC, runs of white space as one space.
func foldID(s string) string { return strings.Join(strings.Fields(norm.NFC.String(s)), " ") }

// sameWorkshop refuses b, read from path, when it is not of first's PSO
// or instrument.
func sameWorkshop(first MergeFile, path string, b *Assessment) error {
	oa, ob := first.A.Organisation, b.Organisation
	if !SameOrganisation(oa, ob) {
		return &input.Error{File: path, Field: "organisation",
			Msg: input.M("input.merge.other_org", "Org", orgName(ob), "First", input.QuotePath(first.Path), "FirstOrg", orgName(oa))}
	}
	ra, rb := first.A.Questionnaire, b.Questionnaire
	switch {
	case ra.ID != rb.ID:
		return &input.Error{File: path, Field: "questionnaire.id",
			Msg: input.M("input.merge.other_questionnaire", "ID", input.Quote(rb.ID), "First", input.QuotePath(first.Path), "FirstID", input.Quote(ra.ID))}
	case ra.Version != rb.Version:
		return &input.Error{File: path, Field: "questionnaire.version",
			Msg: input.M("input.merge.other_version", "Version", input.Quote(rb.Version), "ID", input.Quote(rb.ID), "First", input.QuotePath(first.Path), "FirstVersion", input.Quote(ra.Version))}
	case !strings.EqualFold(ra.SHA256, rb.SHA256):
		return &input.Error{File: path, Field: "questionnaire.sha256",
			Msg: input.M("input.merge.other_text", "ID", input.Quote(rb.ID), "Version", input.Quote(rb.Version), "First", input.QuotePath(first.Path),
				"SHA", fmt.Sprintf("%.12s", rb.SHA256), "FirstSHA", fmt.Sprintf("%.12s", ra.SHA256))}
	}
	return nil
}

// orgName names an organisation in a refusal: its name quoted, with its
// id when it has one.
func orgName(o Organisation) string {
	s := `"` + input.Quote(o.Name) + `"`
	if o.ID != "" {
		s += " (id " + input.Quote(o.ID) + ")"
	}
	return s
}

// respondentAnswers returns the answers of each respondent of a: the file's
// answers for a single respondent, or, for a file consolidated earlier,
// each respondent's own answers from its spread.
func respondentAnswers(path string, a *Assessment) ([]map[string]Answer, error) {
	n := len(a.Respondents)
	if len(a.Spread) == 0 {
		if n > 1 {
			return nil, &input.Error{File: path, Field: "spread", Msg: input.M("input.merge.no_spread", "N", n)}
		}
		return []map[string]Answer{a.Answers}, nil
	}
	out := make([]map[string]Answer, n)
	for i := range out {
		out[i] = make(map[string]Answer)
	}
	for id, sp := range a.Spread {
		if len(sp.Responses) != n {
			return nil, &input.Error{File: path, Field: "spread." + id + ".responses",
				Msg: input.M("input.merge.responses", "Responses", len(sp.Responses), "Respondents", n)}
		}
		for i, r := range sp.Responses {
			if r.Answered() || r.Comment != "" {
				out[i][id] = r
			}
		}
	}
	return out, nil
}

// withFile sets the file name on input errors that have none (Validate
// reports problems of an in-memory value).
func withFile(err error, path string) error {
	switch e := err.(type) {
	case *input.Error:
		if e.File == "" {
			x := *e
			x.File = path
			return &x
		}
	case input.Errors:
		out := make(input.Errors, len(e))
		for i, x := range e {
			y := *x
			if y.File == "" {
				y.File = path
			}
			out[i] = &y
		}
		return out
	}
	return err
}
