package assessment

import (
	"strings"
	"testing"
)

func TestSlug(t *testing.T) {
	long := strings.Repeat("word ", 1000) // 5,000 characters
	tests := []struct{ in, want string }{
		{"Example Agency", "example-agency"},
		{"  Ministère de l'Économie  ", "ministere-de-l-economie"},
		{"Straße & Søn Æble Łódź", "strasse-son-aeble-lodz"},
		{"Œuvre þing ðe ħ", "oeuvre-thing-de-h"},
		{"ＦＵＬＬ ｗｉｄｔｈ ﬁ", "full-width-fi"},
		{"../../etc/passwd", "etc-passwd"},
		{`C:\Windows\System32`, "c-windows-system32"},
		{"..", "organisation"},
		{".hidden", "hidden"},
		{"a/b\\c", "a-b-c"},
		{"🏛️ Agency 🚀", "agency"},
		{"🏛️🚀", "organisation"},
		{"", "organisation"},
		{"Министерство", "organisation"},
		{"CON", "con-org"},
		{"nul", "nul-org"},
		{"Com1", "com1-org"},
		{"lpt9", "lpt9-org"},
		{"console", "console"},
		{"Agency No. 5 -- (2026)", "agency-no-5-2026"},
		{long, strings.TrimSuffix(strings.Repeat("word-", 12), "-")},
		{strings.Repeat("a", 5000), strings.Repeat("a", 60)},
		// A word that ends right at the limit is kept whole.
		{strings.Repeat("abcd ", 11) + "abcde fgh", strings.Repeat("abcd-", 11) + "abcde"},
		// A boundary too early is not used: cut inside the long word.
		{"ab " + strings.Repeat("x", 100), "ab-" + strings.Repeat("x", 57)},
	}
	for _, tt := range tests {
		name := tt.in
		if len(name) > 30 {
			name = name[:30]
		}
		got := Slug(tt.in)
		if got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", name, got, tt.want)
		}
		if len(got) > 60 || got == "" || strings.ContainsAny(got, `/\.`) || strings.HasPrefix(got, "-") || strings.HasSuffix(got, "-") {
			t.Errorf("Slug(%q) = %q is not a safe slug", name, got)
		}
	}
}

func FuzzSlug(f *testing.F) {
	for _, s := range []string{"Example Agency", "../x", "Straße", "con", "🏛️"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Slug(s)
		if got == "" || len(got) > 64 || strings.ContainsAny(got, `/\.`) || strings.HasPrefix(got, "-") || strings.HasSuffix(got, "-") || strings.Contains(got, "--") {
			t.Errorf("Slug(%q) = %q", s, got)
		}
		for _, r := range got {
			if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
				t.Errorf("Slug(%q) = %q holds %q", s, got, r)
			}
		}
	})
}
