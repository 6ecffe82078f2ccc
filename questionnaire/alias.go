package questionnaire

import "strings"

// hashAlias says that an assessment recorded with an earlier text of an
// instrument (SHA256) reads against the current text, because the two
// differ only in their recommendation catalogue: the same id and version,
// and the same questions, scale and structure (Questions, the hash of the
// instrument without its recommendations, as QuestionsHash gives it).
//
// The table is for the tool's own releases only. It exists so that a
// catalogue can be rewritten without turning every assessment file already
// written into a stranger: scores come from answers and questions alone, and
// every reader recomputes the recommendations from the catalogue in use.
type hashAlias struct {
	id, version string
	// sha256 is the hash the older release recorded.
	sha256 string
	// questions is the QuestionsHash both texts share.
	questions string
}

// hashAliases lists the earlier texts each release still reads.
var hashAliases = []hashAlias{
	// dgmaturity's first release of oecd-dgs-2014 1.0.0 matched
	// recommendations with threshold triggers (when: any/all); this one
	// stages them by level (addresses, steps). The questions are unchanged.
	{
		id:        "oecd-dgs-2014",
		version:   "1.0.0",
		sha256:    "7520246e699ad19248f0d72ed279ec0f1c66de53bdf587cbf1365d2a779eb255",
		questions: "e52803f3fde0b0cdb4931882219513035a6fb7e347b736886c2c3472af3c14fb",
	},
}

// Matches reports whether an assessment that recorded sha256 was made with
// this instrument: the instrument's own hash, or a known earlier text of it
// whose questions are the same (see hashAliases).
func (q *Questionnaire) Matches(sha256 string) bool {
	if strings.EqualFold(sha256, q.Hash()) {
		return true
	}
	for _, a := range hashAliases {
		if a.id == q.ID && a.version == q.Version && strings.EqualFold(a.sha256, sha256) && a.questions == q.QuestionsHash() {
			return true
		}
	}
	return false
}

// QuestionsHash returns the SHA-256 (hex) of the instrument without its
// recommendation catalogue: what scoring an assessment depends on.
func (q *Questionnaire) QuestionsHash() string {
	q.ix()
	return q.qhash
}
