package input

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The one text policy of dgmaturity, for every string that comes from
// outside: file contents (values and object keys), file names, typed and
// pasted text, questionnaires and translations. Characters that could drive
// a terminal (C0 and C1 controls, ESC, DEL), reorder what is shown (bidi
// controls) or hide text (invisible format characters, line and paragraph
// separators) are refused on input; where a string must still be shown (a
// file name, an unknown key in an error message) it goes through Quote.

// Multiline lets a text hold line breaks and tabs (comments, reasons,
// help texts); single-line texts (names, ids, roles) refuse them too.
type TextMode int

const (
	// SingleLine refuses line breaks and tabs as well.
	SingleLine TextMode = iota
	// Multiline allows "\n", "\r" (of a CRLF line end) and "\t".
	Multiline
)

// Disallowed reports whether r is refused in a text from outside. Line
// breaks and tabs are judged by the caller's mode (see CheckText).
func Disallowed(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f: // C0, DEL, C1 (ESC is C0)
		return true
	case r == '\u2028', r == '\u2029': // line and paragraph separators
		return true
	case r == '\u00ad': // soft hyphen: invisible but harmless, pasted from word processors
		return false
	case unicode.Is(unicode.Cf, r):
		// Format characters: bidi controls (U+061C, U+200E/F, U+202A-202E,
		// U+2066-2069), zero-width characters (U+200B-200D, U+2060, U+FEFF)
		// and the rest of the category. None of them is visible, and some
		// reorder or hide what a reader sees.
		return true
	}
	return false
}

// BadRune returns the first refused character of s under mode, and false
// when s is acceptable.
func BadRune(s string, mode TextMode) (rune, bool) {
	for _, r := range s {
		if mode == Multiline && (r == '\n' || r == '\r' || r == '\t') {
			continue
		}
		if Disallowed(r) {
			return r, true
		}
	}
	return 0, false
}

// CheckText returns "" when s follows the text policy, else the reason to
// give the user, in English, naming the refused character ("contains the
// control character U+001B (escape); remove it"). TextProblem gives it as a
// message, for any language.
func CheckText(s string, mode TextMode) string { return TextProblem(s, mode).String() }

// TextProblem is CheckText as a message: no ID when s follows the text
// policy.
func TextProblem(s string, mode TextMode) Msg {
	r, bad := BadRune(s, mode)
	if !bad {
		return Msg{}
	}
	return M("input.text.refused", "Kind", kind(r), "Code", fmt.Sprintf("U+%04X", r), "Name", name(r))
}

func kind(r rune) Msg {
	switch {
	case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f:
		return M("input.text.kind.control")
	case r == '\u2028' || r == '\u2029':
		return M("input.text.kind.separator")
	case isBidi(r):
		return M("input.text.kind.bidi")
	}
	return M("input.text.kind.invisible")
}

// runeNames are the message ids of the characters named in a refusal.
var runeNames = map[rune]string{
	0x1b: "input.text.name.escape", '\n': "input.text.name.line_break", '\t': "input.text.name.tab",
	'\r': "input.text.name.carriage_return", 0x7: "input.text.name.bell", 0xfeff: "input.text.name.bom",
	0x200b: "input.text.name.zero_width_space", 0x202e: "input.text.name.rtl_override",
}

// name is the character's name in parentheses after its code, or nothing.
func name(r rune) Msg { return M(runeNames[r]) }

func isBidi(r rune) bool {
	return r == 0x061c || r == 0x200e || r == 0x200f ||
		(r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

// Quote returns s for display in a message: every character CheckText
// would refuse (in single-line mode) is shown as an escape (\x1b, \u202e),
// and so is a backslash, so that the shown text is unambiguous. Invalid
// UTF-8 bytes are shown as \xNN. Nothing from outside reaches a terminal
// raw through Quote.
func Quote(s string) string { return quote(s, true) }

// QuotePath is Quote for a file path: the same escapes, but a backslash is
// kept as it is, for it separates folders on Windows.
func QuotePath(s string) string { return quote(s, false) }

func quote(s string, backslash bool) string {
	if !needsQuote(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\\' && backslash:
			b.WriteString(`\\`)
		case r < 0x80 && Disallowed(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case Disallowed(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
		i += n
	}
	return b.String()
}

func needsQuote(s string) bool {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n <= 1) || r == '\\' || Disallowed(r) {
			return true
		}
		i += n
	}
	return false
}

// FoldName folds a name (of an organisation, a respondent) for comparing
// two of them: Unicode NFC, so that "Ministère" typed as one character or
// as e and a combining accent is one name; the characters Disallowed
// refuses (invisible ones, such as a zero-width space) dropped; lower case;
// runs of white space as one space; no space at either end.
func FoldName(s string) string {
	s = strings.Map(func(r rune) rune {
		if Disallowed(r) && !unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
	s = strings.ToLower(norm.NFC.String(s))
	return strings.Join(strings.Fields(s), " ")
}
