package assessment

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// maxSlug is the longest slug; with a date and an extension the file name
// stays well below every file system's limit.
const maxSlug = 60

// fold spells letters that have no decomposition into a base letter plus
// accents (so NFKD cannot fold them) with ASCII letters.
var fold = strings.NewReplacer(
	"ß", "ss", "ẞ", "ss", "æ", "ae", "Æ", "ae", "œ", "oe", "Œ", "oe",
	"ø", "o", "Ø", "o", "ł", "l", "Ł", "l", "đ", "d", "Đ", "d", "ð", "d", "Ð", "d",
	"þ", "th", "Þ", "th", "ı", "i", "ħ", "h", "Ħ", "h", "ŋ", "n", "Ŋ", "n", "ĸ", "k",
)

// windowsReserved are the device names Windows refuses as file names.
var windowsReserved = map[string]bool{
	"con": true, "prn": true, "aux": true, "nul": true,
	"com1": true, "com2": true, "com3": true, "com4": true, "com5": true, "com6": true, "com7": true, "com8": true, "com9": true,
	"lpt1": true, "lpt2": true, "lpt3": true, "lpt4": true, "lpt5": true, "lpt6": true, "lpt7": true, "lpt8": true, "lpt9": true,
}

// Slug turns a name (of an organisation) into a safe part of a file name:
// accents folded (é→e, ß→ss, æ→ae, ø→o, ł→l), lower case, runs of ASCII
// letters and digits joined by '-', at most 60 characters (cut at a '-'
// where one is near the end). Other scripts and symbols are dropped; when
// nothing is left the slug is "organisation". A Windows device name (con,
// nul, com1, ...) gets "-org" appended. The result is never empty and
// contains only [a-z0-9-], so never '/', '\\', ".." or a leading '.'.
func Slug(name string) string {
	s := norm.NFKD.String(fold.Replace(name))
	var b strings.Builder
	dash := false
	for _, r := range s {
		if unicode.Is(unicode.Mn, r) {
			continue // accents separated by NFKD
		}
		r = unicode.ToLower(r)
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			if b.Len() > maxSlug {
				break
			}
			continue
		}
		dash = true
	}
	out := b.String()
	if len(out) > maxSlug {
		cut := out[:maxSlug]
		// Cut at a word boundary, unless a word ends right at the limit
		// or the boundary is so early that most of the slug would go.
		if out[maxSlug] != '-' {
			if i := strings.LastIndexByte(cut, '-'); i >= maxSlug/2 {
				cut = cut[:i]
			}
		}
		out = strings.TrimRight(cut, "-")
	}
	if out == "" {
		return "organisation"
	}
	if windowsReserved[out] {
		out += "-org"
	}
	return out
}
