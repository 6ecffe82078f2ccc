package questionnaire

import "testing"

// TestHashAliases checks that the default instrument accepts the hash the
// previous release recorded for 1.0.0, and that an instrument whose
// questions differ does not.
func TestHashAliases(t *testing.T) {
	const previous = "7520246e699ad19248f0d72ed279ec0f1c66de53bdf587cbf1365d2a779eb255"
	q := Releases()[0] // release 1.0.0, whose earlier text the alias names
	if q.Version != "1.0.0" {
		t.Fatalf("oldest release %s, want 1.0.0", q.Version)
	}
	if !q.Matches(q.Hash()) || !q.Matches(previous) {
		t.Fatalf("release 1.0.0 does not accept its own hash or its earlier text's")
	}
	if q.Matches("00" + previous[2:]) {
		t.Error("an unknown hash is accepted")
	}
	c := q.clone()
	c.Questions[0].Text += " (changed)"
	c.Reindex()
	if c.Matches(previous) {
		t.Error("an instrument with another question text accepts the previous release's hash")
	}
	c = q.clone()
	c.Version = "1.1.0"
	c.Reindex()
	if c.Matches(previous) {
		t.Error("another version accepts the previous release's hash")
	}
	// A translation keeps the source's hashes.
	if fr := Translate(q, nil); !fr.Matches(previous) {
		t.Error("a translated copy does not accept the previous release's hash")
	}
}
