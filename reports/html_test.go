package reports

import (
	"bytes"
	"strings"
	"testing"

	"github.com/dgmaturity/dgmaturity/internal/locale"
)

// TestHTMLGolden renders the ministry's Markdown report with its charts
// as a page: the golden file shows the whole page.
func TestHTMLGolden(t *testing.T) {
	q, a, r := sample(t, "ministry.yaml")
	var md, radar, areas bytes.Buffer
	if err := Markdown(&md, q, a, r, Options{ChartFile: "m.svg", AreaChartFile: "m-areas.svg"}); err != nil {
		t.Fatal(err)
	}
	if err := RadarSVG(&radar, q, r, "radar"); err != nil {
		t.Fatal(err)
	}
	if err := AreaBarsSVG(&areas, locale.For(locale.English), q, r, a.Organisation.Name, a.Date); err != nil {
		t.Fatal(err)
	}
	var page bytes.Buffer
	if err := HTML(&page, locale.For(locale.English), md.Bytes(), map[string][]byte{"m.svg": radar.Bytes(), "m-areas.svg": areas.Bytes()}); err != nil {
		t.Fatal(err)
	}
	p := page.String()
	for _, want := range []string{
		`<html lang="en">`,
		`<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:">`,
		`<title>Digital government maturity: Ministry of Rural Affairs and Heritage</title>`,
		`<th scope="col">Area</th>`,
		`<th scope="row">`,
		`@media print`,
		`aria-labelledby="chart1-title chart1-desc"`, `<title id="chart2-title">`,
	} {
		if !strings.Contains(p, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	if n := strings.Count(p, "<svg "); n != 2 {
		t.Errorf("%d charts embedded, want 2", n)
	}
	// The recommendations' anchors survive; links to them work.
	if !strings.Contains(p, `<a id="`) || !strings.Contains(p, `<a href="#`) {
		t.Error("the recommendations' anchors or the links to them are lost")
	}
	golden(t, "ministry.html.golden", page.Bytes())
}

// TestHTMLIsSafe: raw HTML in the Markdown is dropped (only the reports'
// own empty anchors pass), an image that is not a chart becomes its text,
// a link to a Markdown report points to its page, and a chart that could
// run script or fetch is refused.
func TestHTMLIsSafe(t *testing.T) {
	md := "# Title <b>x</b>\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n" +
		"Text <a id=\"rec-1\"></a> <a id=\"x\" onclick=\"y\">z</a> <span onmouseover=\"q\">s</span>\n\n" +
		"![a remote image](https://example.com/x.png) [report](other.md) [bad](javascript:alert(1)) [same.md](same.md)\n"
	var page bytes.Buffer
	if err := HTML(&page, locale.For(locale.French), []byte(md), nil); err != nil {
		t.Fatal(err)
	}
	p := page.String()
	body := p[strings.Index(p, "<main>"):]
	for _, bad := range []string{"<script", "onerror", "onclick", "onmouseover", "<img", "example.com", "javascript:", "<b>"} {
		if strings.Contains(body, bad) {
			t.Errorf("the page holds %q:\n%s", bad, body)
		}
	}
	for _, want := range []string{`<a id="rec-1"></a>`, `<span class="alt">a remote image</span>`, `<a href="other.html">report</a>`, `<a href="same.html">same.html</a>`, `<html lang="fr">`} {
		if !strings.Contains(p, want) {
			t.Errorf("the page lacks %s:\n%s", want, body)
		}
	}
	for _, svg := range []string{
		`<svg xmlns="http://www.w3.org/2000/svg"><script>x</script></svg>`,
		`<svg xmlns="http://www.w3.org/2000/svg"><rect onload="x"/></svg>`,
		`<svg xmlns="http://www.w3.org/2000/svg"><image href="http://x"/></svg>`,
		`<svg xmlns="http://www.w3.org/2000/svg"><rect fill="url(http://x)"/></svg>`,
		`<html><svg></svg></html>`,
	} {
		if err := HTML(&bytes.Buffer{}, locale.For(locale.English), []byte("![c](c.svg)"), map[string][]byte{"c.svg": []byte(svg)}); err == nil {
			t.Errorf("embedded %s", svg)
		}
	}
}
