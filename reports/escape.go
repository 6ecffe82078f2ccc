// Package reports renders scored assessments: the Markdown report, the SVG
// radar chart of the twelve principles, and (for workshops and the
// ministry) the workshop and comparison reports and CSV. Renderers are
// deterministic: the same input gives the same bytes.
package reports

import (
	"strings"
	"unicode"
)

// Escape makes text a user typed (organisation name, respondent, comment,
// reason) safe inside a Markdown line or table cell: line breaks become
// spaces, so it cannot start a heading or a new block, and every character
// that Markdown or HTML give a meaning to is backslash-escaped, so a `|`
// cannot split a table cell, backticks cannot open code, and `<script>` or
// `<img onerror=...>` reach a renderer as literal text, never as HTML.
func Escape(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\r' || r == '\n' || r == '\t' || r == '\u2028' || r == '\u2029':
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '$':
			b.WriteByte('\\')
		case '&':
			// Only "&name;" and "&#9;" are entities; a plain "&" stays readable.
			if i+1 < len(s) && (s[i+1] == '#' || isLetter(s[i+1])) {
				b.WriteByte('\\')
			}
		case '#', '+', '-', '=', '!', '{', '}':
			// Only meaningful at the start of a line or before a bracket;
			// escaping them there keeps the rest readable.
			if i == 0 || r == '!' {
				b.WriteByte('\\')
			}
		case '.', ')':
			// "1. " or "1) " at the start would begin an ordered list.
			if i > 0 && isAllDigits(s[:i]) && (i+1 == len(s) || s[i+1] == ' ') {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isAllDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// xmlEscape escapes text for SVG.
func xmlEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '"':
			b.WriteString("&quot;")
		case '\'':
			b.WriteString("&apos;")
		default:
			if unicode.IsControl(r) {
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}
