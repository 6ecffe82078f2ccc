package reports

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"github.com/dgmaturity/dgmaturity/internal/locale"
)

// The HTML report is the Markdown report rendered, never a second report:
// the same words, tables and order, in the same language. Goldmark renders
// it with its safe defaults (raw HTML is dropped, except the report's own
// empty anchors), table headers get their scope, and every chart the
// Markdown links is embedded inline so that the file stands alone.

//go:embed html.css
var htmlCSS string

// csp forbids everything but the inline style and inline images: no
// script, no font, no request of any kind.
const csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

var htmlPage = template.Must(template.New("page").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{.CSP}}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="dgmaturity">
<title>{{.Title}}</title>
<style>{{.CSS}}</style>
</head>
<body>
<main>
{{.Body}}</main>
<footer><p>{{.Footer}}</p></footer>
</body>
</html>
`))

// HTML writes md, a report this package rendered as Markdown, as one
// self-contained HTML page in p's language. charts maps the file names the
// Markdown links as images to the SVG charts to embed in their place; an
// image without a chart is shown as its text alternative. The charts must
// be this package's own output: anything that could run or fetch
// (script, foreignObject, event handlers, links) is refused.
func HTML(w io.Writer, p *locale.Printer, md []byte, charts map[string][]byte) error {
	for name, svg := range charts {
		if err := checkSVG(svg); err != nil {
			return fmt.Errorf("html report: chart %s: %w", name, err)
		}
	}
	r := &htmlRenderer{charts: charts}
	gm := goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(util.Prioritized(r, 100))),
	)
	var body bytes.Buffer
	if err := gm.Convert(md, &body); err != nil {
		return fmt.Errorf("html report: %w", err)
	}
	data := struct {
		Lang, CSP, Title, Footer string
		CSS                      template.CSS
		Body                     template.HTML
	}{
		Lang:   string(p.Tag()),
		CSP:    csp,
		Title:  firstHeading(md),
		Footer: p.T("html.footer"),
		CSS:    template.CSS(htmlCSS),
		// The body is goldmark's output with raw HTML dropped and every
		// text escaped by goldmark itself.
		Body: template.HTML(body.String()),
	}
	if err := htmlPage.Execute(w, data); err != nil {
		return fmt.Errorf("html report: %w", err)
	}
	return nil
}

// firstHeading is the text of the report's first level-one heading, with
// the Markdown escapes taken out, for the page's title.
func firstHeading(md []byte) string {
	for _, line := range strings.Split(string(md), "\n") {
		if t, ok := strings.CutPrefix(line, "# "); ok {
			return unescapeMarkdown(strings.TrimSpace(t))
		}
	}
	return "dgmaturity"
}

var mdEscape = regexp.MustCompile(`\\([!-/:-@\[-` + "`" + `{-~])`)

func unescapeMarkdown(s string) string { return mdEscape.ReplaceAllString(s, "$1") }

var unsafeSVG = regexp.MustCompile(`(?i)<script|<foreignobject|<iframe|<image|<use|\shref\s*=|\son[a-z]+\s*=|javascript:|url\([^#]`)

// checkSVG refuses a chart with anything that could run or fetch.
func checkSVG(svg []byte) error {
	if !bytes.HasPrefix(svg, []byte("<svg ")) {
		return errors.New("not an SVG chart of this program")
	}
	if m := unsafeSVG.Find(svg); m != nil {
		return fmt.Errorf("holds %q, which a report may not embed", m)
	}
	return nil
}

// ownAnchor is the one raw HTML the reports write: an empty anchor that
// links within the report point to.
var ownAnchor = regexp.MustCompile(`^(<a id="[a-z0-9._-]+">|</a>)$`)

// htmlRenderer renders the nodes the default renderer gets wrong for a
// report: table cells with scope, images that are charts, and the
// report's own anchors.
type htmlRenderer struct {
	charts map[string][]byte
	n      int
}

// RegisterFuncs implements renderer.NodeRenderer.
func (r *htmlRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(east.KindTableCell, r.cell)
	reg.Register(gast.KindImage, r.image)
	reg.Register(gast.KindRawHTML, r.rawHTML)
	reg.Register(gast.KindLink, r.link)
}

// link writes a link; a link to a sibling Markdown report (the workshop
// report's link to the consolidated report) points to its HTML page,
// written beside it. A link that could run script loses its href.
func (r *htmlRenderer) link(w util.BufWriter, src []byte, node gast.Node, entering bool) (gast.WalkStatus, error) {
	if !entering {
		w.WriteString("</a>")
		return gast.WalkContinue, nil
	}
	n := node.(*gast.Link)
	dest := string(n.Destination)
	if !strings.Contains(dest, ":") && !strings.HasPrefix(dest, "/") && strings.HasSuffix(dest, ".md") {
		dest = strings.TrimSuffix(dest, ".md") + ".html"
	}
	if html.IsDangerousURL([]byte(dest)) {
		w.WriteString("<a>")
		return gast.WalkContinue, nil
	}
	fmt.Fprintf(w, `<a href="%s">`, template.HTMLEscapeString(dest))
	// A link that shows its own file name shows the page's name instead.
	if t, ok := n.FirstChild().(*gast.Text); ok && n.ChildCount() == 1 && string(t.Segment.Value(src)) == string(n.Destination) && dest != string(n.Destination) {
		w.WriteString(template.HTMLEscapeString(dest))
		return gast.WalkSkipChildren, nil
	}
	return gast.WalkContinue, nil
}

// cell writes a header cell as th scope="col" and the first cell of a row
// as th scope="row": every report table is labelled by its first column.
func (r *htmlRenderer) cell(w util.BufWriter, src []byte, node gast.Node, entering bool) (gast.WalkStatus, error) {
	n := node.(*east.TableCell)
	tag, attr := "td", ""
	switch {
	case n.Parent().Kind() == east.KindTableHeader:
		tag, attr = "th", ` scope="col"`
	case n.PreviousSibling() == nil:
		tag, attr = "th", ` scope="row"`
	}
	if !entering {
		fmt.Fprintf(w, "</%s>\n", tag)
		return gast.WalkContinue, nil
	}
	switch n.Alignment {
	case east.AlignRight:
		attr += ` class="num"`
	case east.AlignCenter:
		attr += ` class="mid"`
	}
	fmt.Fprintf(w, "<%s%s>", tag, attr)
	return gast.WalkContinue, nil
}

// image embeds a chart in place of its link; any other image becomes its
// text alternative, so that the page never fetches a file.
func (r *htmlRenderer) image(w util.BufWriter, src []byte, node gast.Node, entering bool) (gast.WalkStatus, error) {
	if !entering {
		return gast.WalkContinue, nil
	}
	n := node.(*gast.Image)
	//lint:ignore SA1019 the plain text of the alt is what we want
	alt := string(n.Text(src))
	svg, ok := r.charts[string(n.Destination)]
	if !ok {
		w.WriteString(`<span class="alt">`)
		w.WriteString(template.HTMLEscapeString(alt))
		w.WriteString(`</span>`)
		return gast.WalkSkipChildren, nil
	}
	r.n++
	fmt.Fprintf(w, `<figure class="chart" aria-label="%s">`, template.HTMLEscapeString(alt))
	w.Write(uniqueIDs(svg, fmt.Sprintf("chart%d-", r.n)))
	w.WriteString("</figure>")
	return gast.WalkSkipChildren, nil
}

// uniqueIDs prefixes the ids of a chart (title, desc and any pattern) so
// that several charts can share one page.
func uniqueIDs(svg []byte, prefix string) []byte {
	s := string(bytes.TrimSpace(svg))
	s = idAttr.ReplaceAllString(s, `${1}="`+prefix+`$2"`)
	s = idRef.ReplaceAllString(s, `url(#`+prefix+`$1)`)
	s = labelledBy.ReplaceAllStringFunc(s, func(m string) string {
		ids := strings.Fields(strings.TrimSuffix(strings.TrimPrefix(m, `aria-labelledby="`), `"`))
		for i := range ids {
			ids[i] = prefix + ids[i]
		}
		return `aria-labelledby="` + strings.Join(ids, " ") + `"`
	})
	return []byte(s)
}

var (
	idAttr     = regexp.MustCompile(`\b(id)="([A-Za-z0-9_-]+)"`)
	idRef      = regexp.MustCompile(`url\(#([A-Za-z0-9_-]+)\)`)
	labelledBy = regexp.MustCompile(`aria-labelledby="[^"]*"`)
)

func (r *htmlRenderer) rawHTML(w util.BufWriter, src []byte, node gast.Node, entering bool) (gast.WalkStatus, error) {
	if !entering {
		return gast.WalkSkipChildren, nil
	}
	n := node.(*gast.RawHTML)
	var raw strings.Builder
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		raw.Write(seg.Value(src))
	}
	if ownAnchor.MatchString(raw.String()) {
		w.WriteString(raw.String())
	}
	return gast.WalkSkipChildren, nil
}
