package e2e

import (
	"bytes"
	"context"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// browserServiceHosts are the hosts Chromium calls by itself (updates,
// clock, sign-in), whatever page it shows and despite the flags that
// should stop it; they are not the report's requests.
var browserServiceHosts = []string{"google.com", "googleapis.com", "gvt1.com"}

// chromium returns the headless browser, skipping the test where there is
// none outside CI; in CI (CI set) a missing browser fails the test: .ci/run
// installs it.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("chromium is not installed; CI needs it (apt-get install chromium; .ci/run does it)")
	}
	t.Skip("chromium is not installed (Debian package chromium); the HTML reports are not checked in a browser")
	return ""
}

// requestLog is an HTTP proxy that records every request the browser
// makes: the report pages must make none.
type requestLog struct {
	mu   sync.Mutex
	seen []string
}

func (l *requestLog) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	host := r.Host
	if u, err := url.Parse(r.RequestURI); err == nil && u.Host != "" {
		host = u.Host
	}
	h := strings.ToLower(strings.Split(host, ":")[0])
	for _, own := range browserServiceHosts {
		if h == own || strings.HasSuffix(h, "."+own) {
			http.Error(w, "no network in this test", http.StatusForbidden)
			return
		}
	}
	l.mu.Lock()
	l.seen = append(l.seen, r.Method+" "+r.RequestURI)
	l.mu.Unlock()
	http.Error(w, "no network in this test", http.StatusForbidden)
}

func (l *requestLog) take() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := l.seen
	l.seen = nil
	return out
}

// TestHTMLReportsInABrowser writes every kind of HTML report with the
// built binary (three assessments, one with progress, one in French, the workshop's
// consolidated and workshop reports, and a comparison), opens each in
// headless Chromium and fails on a console message (a page without script
// has none; a refused request is one), on any network request, or on a
// page whose text lacks a heading of its Markdown report. It prints each
// page to PDF and takes a screenshot at 1024 and at 320 pixels wide; set
// DGMATURITY_BROWSER_OUT to a folder to keep them for looking at.
func TestHTMLReportsInABrowser(t *testing.T) {
	browser := chromium(t)
	env := testEnv(t.TempDir(), t.TempDir())
	dir := t.TempDir()
	out := filepath.Join(dir, "reports")
	runOK := func(args ...string) {
		t.Helper()
		cmd := exec.Command(bin, args...)
		cmd.Env = env
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("dgmaturity %s: %v\n%s", strings.Join(args, " "), err, b)
		}
	}
	examples := filepath.Join("..", "examples")
	for _, f := range []string{"earlier/central-it-agency-2025.yaml", "central-it-agency.yaml", "ministry.yaml", "municipality.yaml"} {
		runOK("assess", "--answers", filepath.Join(examples, f), "--out", out)
	}
	// One report in French: the page speaks its report's language.
	runOK("--lang", "fr", "assess", "--answers", filepath.Join(examples, "ministry.yaml"), "--out", filepath.Join(dir, "fr"))
	var respondents []string
	ws, _ := filepath.Glob(filepath.Join(examples, "workshop", "*.yaml"))
	for _, f := range ws {
		o := filepath.Join(dir, "respondents", strings.TrimSuffix(filepath.Base(f), ".yaml"))
		runOK("assess", "--answers", f, "--out", o)
		j, _ := filepath.Glob(filepath.Join(o, "*.json"))
		respondents = append(respondents, j...)
	}
	runOK(append(append([]string{"merge"}, respondents...), "--out", filepath.Join(dir, "workshop"))...)
	runOK("compare", out, "-o", filepath.Join(dir, "comparison", "comparison.md"), "--format", "md,html")

	var pages []string
	for _, glob := range []string{"reports/*.html", "fr/*.html", "workshop/*.html", "comparison/*.html"} {
		m, _ := filepath.Glob(filepath.Join(dir, glob))
		pages = append(pages, m...)
	}
	if len(pages) != 8 {
		t.Fatalf("found %d HTML reports, want 8: %v", len(pages), pages)
	}

	keep := os.Getenv("DGMATURITY_BROWSER_OUT")
	for _, page := range pages {
		name := strings.TrimSuffix(filepath.Base(page), ".html")
		t.Run(name, func(t *testing.T) {
			// The pages in parallel (as many as -parallel allows): a
			// browser's start is mostly waiting. Each has its own
			// recording proxy, so that a request is charged to its page.
			t.Parallel()
			proxy := &requestLog{}
			srv := httptest.NewServer(proxy)
			t.Cleanup(srv.Close)
			shots := t.TempDir()
			if keep != "" {
				shots = keep
			}
			run := func(extra ...string) (stdout, logs string) {
				t.Helper()
				ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
				defer cancel()
				args := append([]string{
					"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--user-data-dir=" + t.TempDir(),
					"--enable-logging=stderr", "--v=0",
					// Every request goes to the recording proxy, loopback too.
					"--proxy-server=" + strings.TrimPrefix(srv.URL, "http://"), "--proxy-bypass-list=<-loopback>",
				}, extra...)
				args = append(args, "file://"+page)
				cmd := exec.CommandContext(ctx, browser, args...)
				var o, e bytes.Buffer
				cmd.Stdout, cmd.Stderr = &o, &e
				if err := cmd.Run(); err != nil {
					t.Fatalf("chromium %v: %v\n%s", extra, err, e.String())
				}
				for _, line := range strings.Split(e.String(), "\n") {
					if strings.Contains(line, ":CONSOLE") {
						t.Errorf("console message: %s", line)
					}
				}
				for _, r := range proxy.take() {
					t.Errorf("network request: %s", r)
				}
				return o.String(), e.String()
			}

			dom, _ := run("--dump-dom")
			text := pageText(dom)
			md, err := os.ReadFile(strings.TrimSuffix(page, ".html") + ".md")
			if err != nil {
				t.Fatal(err)
			}
			headings := 0
			for _, h := range markdownHeadings(string(md)) {
				headings++
				if !strings.Contains(text, h) {
					t.Errorf("the page's text lacks the heading %q", h)
				}
			}
			if headings < 3 {
				t.Errorf("the report has %d headings", headings)
			}

			// The PDF comes with the first screenshot: one browser start
			// fewer per page.
			pdf := filepath.Join(shots, name+".pdf")
			for i, width := range []string{"1024", "320"} {
				png := filepath.Join(shots, name+"-"+width+".png")
				args := []string{"--hide-scrollbars", "--window-size=" + width + ",1600", "--screenshot=" + png}
				if i == 0 {
					args = append(args, "--no-pdf-header-footer", "--print-to-pdf="+pdf)
				}
				run(args...)
				if b, err := os.ReadFile(png); err != nil || !bytes.HasPrefix(b, []byte("\x89PNG")) {
					t.Errorf("no screenshot at %s px: %v", width, err)
				}
			}
			if b, err := os.ReadFile(pdf); err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
				t.Errorf("no PDF printed: %v", err)
			}
		})
	}
}

var (
	tags       = regexp.MustCompile(`(?s)<style.*?</style>|<title>.*?</title>|<desc[^>]*>.*?</desc>|<[^>]+>`)
	spaces     = regexp.MustCompile(`\s+`)
	mdEscapes  = regexp.MustCompile(`\\([!-/:-@\[-` + "`" + `{-~])`)
	mdEmphasis = regexp.MustCompile(`\*\*|\*|` + "`")
)

// pageText is the visible text of a page's DOM, its spaces collapsed.
func pageText(dom string) string {
	return spaces.ReplaceAllString(html.UnescapeString(tags.ReplaceAllString(dom, " ")), " ")
}

// markdownHeadings are the texts of a Markdown report's headings as a
// reader sees them: without the Markdown's escapes and emphasis.
func markdownHeadings(md string) []string {
	var out []string
	for _, line := range strings.Split(md, "\n") {
		if !strings.HasPrefix(line, "#") {
			continue
		}
		h := strings.TrimSpace(strings.TrimLeft(line, "#"))
		h = mdEmphasis.ReplaceAllString(mdEscapes.ReplaceAllString(h, "$1"), "")
		out = append(out, spaces.ReplaceAllString(h, " "))
	}
	return out
}
