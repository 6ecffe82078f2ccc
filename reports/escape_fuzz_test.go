package reports

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// gfm is the renderer the fuzz target checks against: GitHub Flavored
// Markdown (tables, strikethrough, autolinks, task lists), as goldmark
// implements it.
var gfm = goldmark.New(goldmark.WithExtensions(extension.GFM))

// FuzzEscape checks Escape on any text: the result holds no line break,
// no '|', '<' or '`' that is not backslash-escaped, no dangling backslash,
// and does not start with '#'; put in a GFM table row it gives exactly one
// row of two cells, no raw HTML, and a cell whose rendered text is the
// input with line breaks and runs of white space made single spaces and
// control characters dropped.
func FuzzEscape(f *testing.F) {
	for _, s := range []string{
		"Ministry of Rural Affairs and Heritage",
		"Evil | Corp\n# Owned `code` <script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3))",
		"Ville d'Esch-sur-Alzette", "Österreichische Behörde für Straßen", "数字政府", "وزارة",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e := Escape(s)
		if strings.ContainsAny(e, "\n\r") {
			t.Fatalf("Escape(%q) = %q holds a line break", s, e)
		}
		if strings.HasPrefix(e, "#") {
			t.Fatalf("Escape(%q) = %q starts with '#'", s, e)
		}
		escaped := false
		for i := 0; i < len(e); i++ {
			switch c := e[i]; {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '|' || c == '<' || c == '`':
				t.Fatalf("Escape(%q) = %q leaves %q at byte %d unescaped", s, e, c, i)
			}
		}
		if escaped {
			t.Fatalf("Escape(%q) = %q ends in a lone backslash, which escapes what follows", s, e)
		}

		src := []byte("| h | v |\n| --- | --- |\n| a | " + e + " |\n")
		doc := gfm.Parser().Parse(text.NewReader(src))
		// Count by walking the siblings: goldmark's table transformer leaves
		// the document's ChildCount one too high.
		if n := doc.FirstChild(); n == nil || n.Kind() != east.KindTable || n.NextSibling() != nil {
			t.Fatalf("Escape(%q) = %q: the table row does not parse as one table alone\n%s", s, e, dump(doc))
		}
		var rows, cells int
		_ = gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
			if !entering {
				return gast.WalkContinue, nil
			}
			switch n.Kind() {
			case east.KindTableRow:
				rows++
				cells = n.ChildCount()
			case gast.KindRawHTML, gast.KindHTMLBlock:
				t.Fatalf("Escape(%q) = %q renders raw HTML", s, e)
			}
			return gast.WalkContinue, nil
		})
		if rows != 1 || cells != 2 {
			t.Fatalf("Escape(%q) = %q gives %d body rows, the last of %d cells; want one row of two\n%s", s, e, rows, cells, dump(doc))
		}
		var out bytes.Buffer
		if err := gfm.Renderer().Render(&out, src, doc); err != nil {
			t.Fatal(err)
		}
		got := cellText(t, out.String())
		if want := plain(s); got != want {
			t.Fatalf("Escape(%q) = %q renders as %q, want %q\n%s", s, e, got, want, out.String())
		}
	})
}

var (
	lastCell = regexp.MustCompile(`(?s)<tbody>\s*<tr>\s*<td>.*?</td>\s*<td>(.*?)</td>\s*</tr>\s*</tbody>`)
	tag      = regexp.MustCompile(`<[^>]*>`)
)

// cellText returns the text of the second body cell of rendered HTML.
func cellText(t *testing.T, h string) string {
	t.Helper()
	m := lastCell.FindStringSubmatch(h)
	if m == nil {
		t.Fatalf("no body cell in\n%s", h)
	}
	return html.UnescapeString(tag.ReplaceAllString(m[1], ""))
}

// plain is what a reader should see of s, as Escape documents it: line
// breaks and tabs as spaces, other control characters dropped, runs of
// white space as one space, none at the ends.
func plain(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\r' || r == '\n' || r == '\t' || r == '\u2028' || r == '\u2029':
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// dump lists the kinds of goldmark's nodes, for failure messages.
func dump(doc gast.Node) string {
	var b strings.Builder
	_ = gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if entering {
			b.WriteString(n.Kind().String())
			b.WriteByte(' ')
		}
		return gast.WalkContinue, nil
	})
	return b.String()
}
