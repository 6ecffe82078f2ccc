package compare

import (
	"cmp"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"

	"github.com/dgmaturity/dgmaturity/internal/assessment"
	"github.com/dgmaturity/dgmaturity/internal/scoring"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// Options shape the summary.
type Options struct {
	// Anonymise replaces every organisation name by a stable pseudonym
	// (see Pseudonym) and leaves out everything people typed.
	Anonymise bool
	// MinGroup is the smallest group whose statistics are shown: a peer
	// group, a year of the trend or a distribution resting on fewer PSOs
	// is withheld. 0 or 1 shows every group.
	MinGroup int
	// Salt keys the pseudonyms (HMAC-SHA-256), so that they cannot be
	// recomputed from a list of PSO names by someone who does not know it.
	// Keep it to get the same pseudonyms next year. When anonymising
	// without one, Summarise uses a random salt: the pseudonyms are never
	// the plain hash of a name.
	Salt string
}

// knownVersion is what a published (anonymised) summary shows of another
// version of the questionnaire: a plain version number. Anything else in
// questionnaire.version is free text that could identify its author, and
// is shown as OtherVersion.
var knownVersion = regexp.MustCompile(`^[0-9]{1,4}(\.[0-9]{1,4}){0,3}$`)

// OtherVersion stands, in an anonymised summary, for a questionnaire
// version that is not a plain version number.
const OtherVersion = "other"

// Dist is the distribution of one score across PSOs: count, five-number
// summary and mean (NaN when N is 0). When Withheld is true (fewer PSOs
// than the minimum group), only N is kept.
type Dist struct {
	// ID is the area, principle or pillar id; "" for the overall score.
	ID string
	scoring.Summary
	Withheld bool
}

// PSO is one PSO in the cross-section: its latest assessment.
type PSO struct {
	// Label is the organisation's name, or its pseudonym when anonymised.
	Label string
	// Type is the organisation type; "" when withheld (an anonymised type
	// group smaller than the minimum).
	Type string
	// Date is the date of the latest assessment; Assessments counts all of
	// the PSO's assessments.
	Date        string
	Assessments int
	// Overall, Stage, Coverage and Areas are the latest scores (NaN undefined).
	Overall  float64
	Stage    string
	Coverage float64
	Areas    []float64
	// OtherVersion is true when the latest assessment was made with
	// another version of the instrument.
	OtherVersion bool
}

// Group is a peer group: the PSOs of one organisation type.
type Group struct {
	Type string
	// PSOs counts the PSOs of the type (by their latest assessment).
	PSOs int
	// Overall and Areas are medians (NaN when withheld or undefined).
	Overall float64
	Areas   []float64
	// Withheld is true when the group is smaller than the minimum.
	Withheld bool
}

// Weak is a principle among the weakest across government.
type Weak struct {
	Dist
	// Below counts the PSOs whose score of the principle is below
	// WeakThreshold.
	Below int
}

// WeakThreshold is the score under which a PSO counts as weak on a
// principle in the list of weakest principles: the middle of the scale.
const WeakThreshold = 50

// WeakestShown is how many principles the list of weakest principles holds.
const WeakestShown = 5

// Need is a national recommendation of the review (a Source of the
// instrument) and how many PSOs need it: those whose latest assessment
// matched at least one catalogue entry that stems from it.
type Need struct {
	// Source is the source id; "" gathers the entries grounded in the
	// principles only.
	Source string
	PSOs   int
	// Entries are the matched catalogue entries that stem from it, most
	// needed first.
	Entries []EntryNeed
}

// EntryNeed is a catalogue entry and the number of PSOs it was matched for.
type EntryNeed struct {
	ID   string
	PSOs int
}

// Year is one year of the trend: each PSO's latest assessment of that year.
type Year struct {
	Year        string
	PSOs        int
	Assessments int
	// Overall and Areas are medians (NaN when withheld or undefined).
	Overall  float64
	Areas    []float64
	Withheld bool
	// OverallQ1 and OverallQ3 are the quartiles of the overall score,
	// for the trend chart's band (NaN when withheld).
	OverallQ1, OverallQ3 float64
}

// Change is a PSO's change between its two latest assessments.
type Change struct {
	Label    string
	From, To string
	// Overall is the latest overall score; Delta its change; Areas the
	// changes per area (NaN where either score is undefined).
	Overall float64
	Delta   float64
	Areas   []float64
}

// Changes sums up the PSOs assessed more than once. A change that rounds
// to 0.0 counts as steady.
type Changes struct {
	Improved, Declined, Steady int
	// Median is the median change of the overall score; NaN when withheld
	// (fewer PSOs than the minimum) or when no PSO was assessed twice.
	Median   float64
	Withheld bool
}

// Row is one assessment, as a line of the CSV.
type Row struct {
	// Label is the organisation's name, or its pseudonym when anonymised.
	Label string
	// Type is the organisation type; "" when withheld.
	Type                       string
	Date                       string
	Questionnaire              assessment.QuestionnaireRef
	Overall                    float64
	Stage                      string
	Coverage                   float64
	Areas, Principles, Pillars []float64
}

// Version notes the assessments made with another version (or another
// text) of the instrument than the one in use.
type Version struct {
	Version, SHA256 string
	// SameVersion is true when the version number is the one in use but
	// the text differs (an adapted copy).
	SameVersion bool
	Assessments int
	// Lacking is the largest number of questions of the instrument in use
	// that these assessments had no answer to (left out of their scores).
	Lacking int
	// Reworded lists the questions this version shares with the one in use
	// whose wording differs (same id, same construct, other words), when
	// the version is a known release of the instrument; nil otherwise.
	Reworded []string
}

// Summary is everything the comparison report and the CSV show. When it
// is anonymised it holds no name, id, respondent or free text of any
// assessment: labels are pseudonyms.
type Summary struct {
	Anonymised bool
	// MinGroup is the smallest group shown (1: every group).
	MinGroup int
	// Salted is true when the pseudonyms are keyed with a secret salt.
	Salted bool

	// Files counts the files considered; LeftOut those left out as
	// invalid; Duplicates the valid ones left out as copies.
	Files, LeftOut, Duplicates int
	// Assessments and PSOs count what was compared; FirstDate and LastDate
	// bound the assessments' dates.
	Assessments, PSOs   int
	FirstDate, LastDate string
	// EditedFiles counts assessments whose stored scores differ from the
	// recomputed ones.
	EditedFiles int
	// Versions are the other versions of the instrument seen, by version.
	Versions []Version

	// Overall, Areas, Principles and Pillars are the distributions over
	// the latest assessment of each PSO, in the instrument's order.
	Overall                    Dist
	Areas, Principles, Pillars []Dist
	// Stages counts the PSOs at each stage level 0..4 (latest assessment);
	// Unstaged those without an overall score.
	Stages   [questionnaire.MaxLevel + 1]int
	Unstaged int
	// PSOList is the cross-section, by label.
	PSOList []PSO
	// Groups are the peer groups, in the order of assessment.OrganisationTypes
	// (then any other type).
	Groups []Group
	// Weakest are the principles with the lowest medians, lowest first
	// (empty when the distributions are withheld).
	Weakest []Weak
	// Needs are the national recommendations by how many PSOs need them,
	// most needed first, then the entries grounded in principles only
	// (Source "") when any was matched.
	Needs []Need
	// Years is the trend over all assessments, by year.
	Years []Year
	// ChangeList holds, for each PSO assessed more than once, the change
	// since its previous assessment, by label.
	ChangeList []Change
	Changes    Changes
	// Rows are all assessments compared, by label and date, for the CSV.
	Rows []Row
	// HiddenPSOs, HiddenRows and HiddenChanges count what an anonymised
	// summary leaves out of the PSO table, the rows and the changes
	// because it belongs to a withheld group (a small organisation type, a
	// small year).
	HiddenPSOs, HiddenRows, HiddenChanges int
	// Withheld says in sentences what was left out and why.
	Withheld []string
}

// Summarise computes the statistics of set, in named steps: the PSOs and
// their labels, the instrument versions seen, the cross-section, the peer
// groups, the weakest principles and the needs, the trend, the changes
// and the rows of the CSV. Each step reads what the earlier ones set.
func Summarise(set *Set, opt Options) *Summary {
	if opt.Anonymise && opt.Salt == "" {
		var b [32]byte
		_, _ = rand.Read(b[:]) // never fails (crypto/rand panics instead)
		opt.Salt = hex.EncodeToString(b[:])
	}
	b := &summariser{q: set.Instrument, opt: opt, s: &Summary{
		Anonymised:  opt.Anonymise,
		MinGroup:    max(opt.MinGroup, 1),
		Salted:      opt.Anonymise && opt.Salt != "",
		Files:       set.Files,
		LeftOut:     len(set.Problems),
		Duplicates:  len(set.Duplicates),
		Assessments: len(set.Records),
	}}
	b.groupPSOs(set.Records)
	b.versions(set.Records)
	b.crossSection()
	withheldTypes := b.peerGroups()
	b.weakest()
	b.s.Needs = needs(b.q, b.latest)
	b.trend(set.Records)
	b.changes()
	b.rows()
	b.s.Withheld = withheldNotes(b.s, opt, withheldTypes)
	return b.s
}

// pso is one organisation of the comparison: its assessments and label.
type pso struct {
	recs  []Record // by date
	label string
}

// summariser holds what the steps of Summarise share.
type summariser struct {
	q   *questionnaire.Questionnaire
	opt Options
	s   *Summary
	// psos are the organisations, latest their latest assessments (same
	// order); typeCount counts them by organisation type.
	psos      []*pso
	latest    []Record
	typeCount map[string]int
	// withheldYear holds the years withheld when anonymised.
	withheldYear map[string]bool
}

// small reports whether a group of n PSOs is too small to be shown.
func (b *summariser) small(n int) bool { return n < b.s.MinGroup }

// version is the version shown for v: anonymised, free text someone typed
// as a version becomes OtherVersion.
func (b *summariser) version(v string) string {
	if b.opt.Anonymise && v != b.q.Version && !knownVersion.MatchString(v) {
		return OtherVersion
	}
	return v
}

// showType is the organisation type shown: none, anonymised, for a type
// with too few PSOs.
func (b *summariser) showType(t string) string {
	if b.opt.Anonymise && b.small(b.typeCount[t]) {
		return ""
	}
	return t
}

// hidden: anonymised, a PSO whose organisation type has fewer PSOs than
// the minimum is a group of its own: none of its rows, cells or changes is
// shown, not even under its pseudonym (a lone municipality is recognised
// by its type alone).
func (b *summariser) hidden(r Record) bool { return b.opt.Anonymise && b.small(b.typeCount[r.Type]) }

// shown reports whether an assessment may be shown: not hidden and not of
// a withheld year.
func (b *summariser) shown(r Record) bool { return !b.hidden(r) && !b.withheldYear[r.Date[:4]] }

// groupPSOs finds the PSOs, runs of equal keys (the records are sorted by
// key, then date), labels them, and counts them by organisation type.
func (b *summariser) groupPSOs(recs []Record) {
	for i := 0; i < len(recs); {
		j := i
		for j < len(recs) && recs[j].Key == recs[i].Key {
			j++
		}
		b.psos = append(b.psos, &pso{recs: recs[i:j]})
		i = j
	}
	b.s.PSOs = len(b.psos)
	labelPSOs(b.psos, func(p *pso) (string, Record) { return p.recs[0].Key, p.recs[len(p.recs)-1] }, func(p *pso, l string) { p.label = l }, b.opt)
	b.latest = make([]Record, len(b.psos))
	b.typeCount = map[string]int{}
	for i, p := range b.psos {
		b.latest[i] = p.recs[len(p.recs)-1]
		b.typeCount[b.latest[i].Type]++
	}
}

// versions sets the date range, counts the edited files and lists the
// other versions of the instrument seen.
func (b *summariser) versions(recs []Record) {
	s, q := b.s, b.q
	versions := map[string]*Version{}
	for _, r := range recs {
		if s.FirstDate == "" || r.Date < s.FirstDate {
			s.FirstDate = r.Date
		}
		if r.Date > s.LastDate {
			s.LastDate = r.Date
		}
		if r.StoredDiffers {
			s.EditedFiles++
		}
		if r.OtherVersion {
			k := b.version(r.Instrument.Version) + "\x00" + strings.ToLower(r.Instrument.SHA256)
			v := versions[k]
			if v == nil {
				v = &Version{Version: b.version(r.Instrument.Version), SHA256: strings.ToLower(r.Instrument.SHA256), SameVersion: r.Instrument.Version == q.Version}
				// Both released texts: say which shared questions were
				// reworded. (A translated or adapted instrument in use is
				// not a release; its wording cannot be compared.)
				old, ok1 := questionnaire.Release(r.Instrument.ID, r.Instrument.Version, r.Instrument.SHA256)
				cur, ok2 := questionnaire.Release(q.ID, q.Version, q.Hash())
				if ok1 && ok2 && old != cur {
					v.Reworded = questionnaire.Diff(old, cur).Reworded
				}
				versions[k] = v
			}
			v.Assessments++
			v.Lacking = max(v.Lacking, r.Lacking)
		}
	}
	for _, v := range versions {
		s.Versions = append(s.Versions, *v)
	}
	slices.SortFunc(s.Versions, func(a, b Version) int {
		return cmp.Or(strings.Compare(a.Version, b.Version), strings.Compare(a.SHA256, b.SHA256))
	})
}

// crossSection sets the distributions, the stages and the PSO table over
// the latest assessment of each PSO.
func (b *summariser) crossSection() {
	s, q, latest := b.s, b.q, b.latest
	s.Overall = dist("", latest, func(r Record) float64 { return r.Overall }, s.MinGroup)
	s.Areas = dists(q.Areas, func(a questionnaire.Area) string { return a.ID }, latest, func(r Record) []float64 { return r.Areas }, s.MinGroup)
	s.Principles = dists(q.Principles, func(p questionnaire.Principle) string { return p.ID }, latest, func(r Record) []float64 { return r.Principles }, s.MinGroup)
	s.Pillars = dists(q.Pillars, func(p questionnaire.Pillar) string { return p.ID }, latest, func(r Record) []float64 { return r.Pillars }, s.MinGroup)
	stageOf := map[string]int{}
	for l := range s.Stages {
		if _, seen := stageOf[q.LevelName(l)]; !seen {
			stageOf[q.LevelName(l)] = l
		}
	}
	for i, p := range b.psos {
		r := latest[i]
		if l, ok := stageOf[r.Stage]; ok && r.Stage != "" {
			s.Stages[l]++
		} else {
			s.Unstaged++
		}
		if b.hidden(r) {
			s.HiddenPSOs++
			continue
		}
		s.PSOList = append(s.PSOList, PSO{
			Label: p.label, Type: b.showType(r.Type), Date: r.Date, Assessments: len(p.recs),
			Overall: r.Overall, Stage: r.Stage, Coverage: r.Coverage, Areas: r.Areas, OtherVersion: r.OtherVersion,
		})
	}
	slices.SortFunc(s.PSOList, func(a, b PSO) int { return byLabel(a.Label, b.Label) })
}

// peerGroups sets the medians of each organisation type, in the order of
// assessment.OrganisationTypes then any other type, and returns the types
// withheld as too small.
func (b *summariser) peerGroups() (withheld []string) {
	q := b.q
	var types []string
	for t := range b.typeCount {
		types = append(types, t)
	}
	slices.SortFunc(types, func(a, b string) int {
		ia, ib := slices.Index(assessment.OrganisationTypes, a), slices.Index(assessment.OrganisationTypes, b)
		if ia < 0 {
			ia = len(assessment.OrganisationTypes)
		}
		if ib < 0 {
			ib = len(assessment.OrganisationTypes)
		}
		return cmp.Or(cmp.Compare(ia, ib), strings.Compare(a, b))
	})
	for _, t := range types {
		var members []Record
		for _, r := range b.latest {
			if r.Type == t {
				members = append(members, r)
			}
		}
		g := Group{Type: t, PSOs: len(members), Overall: math.NaN(), Areas: nanSlice(len(q.Areas))}
		if b.small(len(members)) {
			g.Withheld = true
			withheld = append(withheld, t)
		} else {
			g.Overall = median(members, func(r Record) float64 { return r.Overall })
			for i := range q.Areas {
				g.Areas[i] = median(members, func(r Record) float64 { return r.Areas[i] })
			}
		}
		b.s.Groups = append(b.s.Groups, g)
	}
	return withheld
}

// weakest sets the principles with the lowest medians.
func (b *summariser) weakest() {
	var weak []Weak
	for i, d := range b.s.Principles {
		if d.Withheld || d.N == 0 {
			continue
		}
		w := Weak{Dist: d}
		for _, r := range b.latest {
			if v := r.Principles[i]; !math.IsNaN(v) && v < WeakThreshold {
				w.Below++
			}
		}
		weak = append(weak, w)
	}
	slices.SortStableFunc(weak, func(a, b Weak) int { return cmp.Compare(a.Median, b.Median) })
	b.s.Weakest = weak[:min(len(weak), WeakestShown)]
}

// trend sets the years of the trend. Anonymised, an assessment of a
// withheld year is withheld everywhere (rows and changes), or the year's
// few PSOs could be read off them.
func (b *summariser) trend(recs []Record) {
	b.s.Years = years(b.q, recs, func(y *Year) bool { return b.small(y.PSOs) })
	b.withheldYear = map[string]bool{}
	for _, y := range b.s.Years {
		if y.Withheld && b.opt.Anonymise {
			b.withheldYear[y.Year] = true
		}
	}
}

// changes sets the change of each PSO since its previous assessment and
// their median.
func (b *summariser) changes() {
	s := b.s
	var deltas []float64
	for _, p := range b.psos {
		if len(p.recs) < 2 {
			continue
		}
		prev, cur := p.recs[len(p.recs)-2], p.recs[len(p.recs)-1]
		if !b.shown(cur) || !b.shown(prev) {
			s.HiddenChanges++
			continue
		}
		c := Change{Label: p.label, From: prev.Date, To: cur.Date, Overall: cur.Overall,
			Delta: scoring.Round1(cur.Overall - prev.Overall), Areas: make([]float64, len(b.q.Areas))}
		for i := range c.Areas {
			c.Areas[i] = scoring.Round1(cur.Areas[i] - prev.Areas[i])
		}
		s.ChangeList = append(s.ChangeList, c)
		switch {
		case math.IsNaN(c.Delta):
		case c.Delta > 0:
			s.Changes.Improved++
		case c.Delta < 0:
			s.Changes.Declined++
		default:
			s.Changes.Steady++
		}
		if !math.IsNaN(c.Delta) {
			deltas = append(deltas, c.Delta)
		}
	}
	slices.SortFunc(s.ChangeList, func(a, b Change) int { return byLabel(a.Label, b.Label) })
	s.Changes.Median = math.NaN()
	if len(deltas) > 0 {
		if b.small(len(deltas)) {
			s.Changes.Withheld = true
		} else {
			_, _, s.Changes.Median, _, _ = scoring.Quartiles(deltas)
		}
	}
}

// rows sets every assessment shown, for the CSV; anonymised, the date
// range becomes that of the rows shown.
func (b *summariser) rows() {
	s := b.s
	for _, p := range b.psos {
		for _, r := range p.recs {
			if !b.shown(r) || b.hidden(p.recs[len(p.recs)-1]) {
				s.HiddenRows++
				continue
			}
			ref := r.Instrument
			ref.Version = b.version(ref.Version)
			s.Rows = append(s.Rows, Row{
				Label: p.label, Type: b.showType(r.Type), Date: r.Date, Questionnaire: ref,
				Overall: r.Overall, Stage: r.Stage, Coverage: r.Coverage,
				Areas: r.Areas, Principles: r.Principles, Pillars: r.Pillars,
			})
		}
	}
	slices.SortStableFunc(s.Rows, func(a, b Row) int {
		return cmp.Or(byLabel(a.Label, b.Label), strings.Compare(a.Date, b.Date))
	})
	if b.opt.Anonymise {
		// The dates that bound the comparison are those of the shown
		// assessments: the first date of a withheld year would name it.
		s.FirstDate, s.LastDate = "", ""
		for _, r := range s.Rows {
			if s.FirstDate == "" || r.Date < s.FirstDate {
				s.FirstDate = r.Date
			}
			s.LastDate = max(s.LastDate, r.Date)
		}
	}
}

// withheldNotes says what the summary leaves out and why.
func withheldNotes(s *Summary, opt Options, types []string) []string {
	var notes []string
	if opt.Anonymise {
		// The salt is secret (Summarise makes a random one when none is
		// given): the recipe without it lets no one recompute a pseudonym.
		rule := "the first 8 hexadecimal digits of an HMAC-SHA-256, keyed with a secret salt, of its organisation id, or of its name when it has no id"
		notes = append(notes,
			"Names of organisations, organisation ids, respondents, comments and the reasons given for \"not applicable\" are left out of this report and of the CSV.",
			"Each PSO appears under a stable pseudonym, \"PSO-\" followed by "+rule+": the same PSO gets the same pseudonym in every run made with the same salt.",
			"A PSO's own scores (the table of PSOs by area, the changes and the CSV rows) are shown under its pseudonym only, and only where at least "+fmt.Sprint(s.MinGroup)+" PSOs share its organisation type.")
	}
	if s.MinGroup <= 1 {
		return notes
	}
	for _, t := range types {
		notes = append(notes, fmt.Sprintf("The peer group %q has fewer than %d PSOs: its statistics are withheld.", t, s.MinGroup))
	}
	var dists []string
	for _, d := range append(append([]Dist{s.Overall}, s.Areas...), s.Principles...) {
		if d.Withheld {
			id := d.ID
			if id == "" {
				id = "overall"
			}
			dists = append(dists, id)
		}
	}
	if len(dists) > 0 {
		notes = append(notes, fmt.Sprintf("Distributions resting on fewer than %d PSOs are withheld: %s.", s.MinGroup, strings.Join(dists, ", ")))
	}
	var years []string
	for _, y := range s.Years {
		if y.Withheld {
			years = append(years, y.Year)
		}
	}
	if len(years) > 0 {
		notes = append(notes, fmt.Sprintf("Years with fewer than %d PSOs assessed are withheld from the trend: %s.", s.MinGroup, strings.Join(years, ", ")))
	}
	if s.Changes.Withheld {
		notes = append(notes, fmt.Sprintf("Fewer than %d PSOs were assessed more than once: the median change is withheld.", s.MinGroup))
	}
	if opt.Anonymise && (s.HiddenPSOs > 0 || s.HiddenRows > 0 || s.HiddenChanges > 0) {
		notes = append(notes, "The PSOs of a withheld peer group, and the assessments of a withheld year, are left out of the table of PSOs, of the changes and of the CSV rows: a group's few members could be recognised there by their type or year.")
	}
	if opt.Anonymise {
		for _, v := range s.Versions {
			if v.Version == OtherVersion {
				notes = append(notes, "Questionnaire versions that are not plain version numbers are shown as \"other\".")
				break
			}
		}
	}
	return notes
}

// labelPSOs sets each PSO's label: its latest name, or its pseudonym when
// anonymising. Names shared by several PSOs get their id (if any) added;
// pseudonyms that collide are lengthened.
func labelPSOs[P any](psos []P, of func(P) (key string, latest Record), set func(P, string), opt Options) {
	labels := make([]string, len(psos))
	count := map[string]int{}
	for i, p := range psos {
		key, r := of(p)
		if opt.Anonymise {
			labels[i] = Pseudonym(key, opt.Salt)
		} else {
			labels[i] = foldSpace(r.Name)
		}
		count[labels[i]]++
	}
	for i, p := range psos {
		key, r := of(p)
		if count[labels[i]] > 1 {
			if opt.Anonymise {
				labels[i] = pseudonym(key, opt.Salt, 16)
			} else if r.OrgID != "" {
				labels[i] += " (" + r.OrgID + ")"
			}
		}
		set(p, labels[i])
	}
}

// Pseudonym is the stable pseudonym of the PSO with the organisation key
// (see OrganisationKey): "PSO-" and the first 8 hexadecimal digits of the
// key's SHA-256, or of its HMAC-SHA-256 keyed with salt when salt is set.
// Without a salt, whoever has a list of PSO names can recompute it.
func Pseudonym(key, salt string) string { return pseudonym(key, salt, 8) }

func pseudonym(key, salt string, digits int) string {
	var sum []byte
	if salt == "" {
		h := sha256.Sum256([]byte(key))
		sum = h[:]
	} else {
		m := hmac.New(sha256.New, []byte(salt))
		m.Write([]byte(key))
		sum = m.Sum(nil)
	}
	return "PSO-" + hex.EncodeToString(sum)[:digits]
}

// dist summarises one score over the records; withheld below minGroup.
func dist(id string, recs []Record, v func(Record) float64, minGroup int) Dist {
	var st scoring.Stats
	for _, r := range recs {
		st.Add(v(r))
	}
	d := Dist{ID: id, Summary: st.Summary()}
	if d.N > 0 && d.N < minGroup {
		nan := math.NaN()
		d = Dist{ID: id, Summary: scoring.Summary{N: d.N, Min: nan, Q1: nan, Median: nan, Q3: nan, Max: nan, Mean: nan}, Withheld: true}
	}
	return d
}

func dists[T any](items []T, id func(T) string, recs []Record, vs func(Record) []float64, minGroup int) []Dist {
	out := make([]Dist, len(items))
	for i, it := range items {
		out[i] = dist(id(it), recs, func(r Record) float64 { return vs(r)[i] }, minGroup)
	}
	return out
}

func median(recs []Record, v func(Record) float64) float64 {
	vals := make([]float64, 0, len(recs))
	for _, r := range recs {
		vals = append(vals, v(r))
	}
	_, _, m, _, _ := scoring.Quartiles(vals)
	return m
}

func nanSlice(n int) []float64 {
	out := make([]float64, n)
	for i := range out {
		out[i] = math.NaN()
	}
	return out
}

// needs counts, over the latest assessments, the PSOs that need each
// national recommendation and each catalogue entry.
func needs(q *questionnaire.Questionnaire, latest []Record) []Need {
	bySource := map[string]*Need{}
	entry := map[string]int{}
	for _, r := range latest {
		seen := map[string]bool{}
		for _, id := range r.Recommendations {
			entry[id]++
			src := ""
			if rec, ok := q.Recommendation(id); ok {
				src = rec.Source
			}
			if bySource[src] == nil {
				bySource[src] = &Need{Source: src}
			}
			if !seen[src] {
				seen[src] = true
				bySource[src].PSOs++
			}
		}
	}
	for id, n := range entry {
		src := ""
		if rec, ok := q.Recommendation(id); ok {
			src = rec.Source
		}
		bySource[src].Entries = append(bySource[src].Entries, EntryNeed{ID: id, PSOs: n})
	}
	var out []Need
	for _, n := range bySource {
		slices.SortFunc(n.Entries, func(a, b EntryNeed) int { return cmp.Or(cmp.Compare(b.PSOs, a.PSOs), strings.Compare(a.ID, b.ID)) })
		out = append(out, *n)
	}
	// The national recommendations, most needed first (then by id); the
	// entries grounded in principles only, which no national programme
	// stands behind, last.
	slices.SortFunc(out, func(a, b Need) int {
		return cmp.Or(cmp.Compare(boolInt(a.Source == ""), boolInt(b.Source == "")), cmp.Compare(b.PSOs, a.PSOs), strings.Compare(a.Source, b.Source))
	})
	return out
}

// years builds the trend: per calendar year, each PSO's latest assessment
// of that year. recs are sorted by key and date.
func years(q *questionnaire.Questionnaire, recs []Record, withhold func(*Year) bool) []Year {
	type bucket struct {
		latest []Record
		n      int
	}
	byYear := map[string]*bucket{}
	for i, r := range recs {
		y := r.Date[:4]
		b := byYear[y]
		if b == nil {
			b = &bucket{}
			byYear[y] = b
		}
		b.n++
		// The PSO's last record of the year: the next one is another PSO or
		// another year.
		if i+1 == len(recs) || recs[i+1].Key != r.Key || recs[i+1].Date[:4] != y {
			b.latest = append(b.latest, r)
		}
	}
	var out []Year
	for y, b := range byYear {
		yr := Year{Year: y, PSOs: len(b.latest), Assessments: b.n, Overall: math.NaN(), Areas: nanSlice(len(q.Areas)), OverallQ1: math.NaN(), OverallQ3: math.NaN()}
		if withhold(&yr) {
			yr.Withheld = true
		} else {
			vals := make([]float64, 0, len(b.latest))
			for _, r := range b.latest {
				vals = append(vals, r.Overall)
			}
			_, yr.OverallQ1, yr.Overall, yr.OverallQ3, _ = scoring.Quartiles(vals)
			for i := range q.Areas {
				yr.Areas[i] = median(b.latest, func(r Record) float64 { return r.Areas[i] })
			}
		}
		out = append(out, yr)
	}
	slices.SortFunc(out, func(a, b Year) int { return strings.Compare(a.Year, b.Year) })
	return out
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// byLabel orders labels as people look them up: ignoring case first.
func byLabel(a, b string) int {
	return cmp.Or(strings.Compare(strings.ToLower(a), strings.ToLower(b)), strings.Compare(a, b))
}
