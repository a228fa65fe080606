package sitetest

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"policysite/tools/hosting"
)

// The tests in this file check the harness itself: that what it promises to
// catch, it catches.

// fakeT is a test whose errors are kept instead of failing the real test, so
// that a test of the harness can check what the harness reported.
type fakeT struct {
	testing.TB // the real test, for TempDir, Name, Logf
	mu         sync.Mutex
	errs       []string
	cleanups   []func()
}

// fatal is the panic of fakeT.Fatal, recovered by fakeT.run.
type fatal struct{}

func (f *fakeT) Helper() {}
func (f *fakeT) Errorf(format string, args ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.errs = append(f.errs, fmt.Sprintf(format, args...))
}
func (f *fakeT) Error(args ...any)                 { f.Errorf("%s", fmt.Sprint(args...)) }
func (f *fakeT) Fatalf(format string, args ...any) { f.Errorf(format, args...); panic(fatal{}) }
func (f *fakeT) Fatal(args ...any)                 { f.Error(args...); panic(fatal{}) }
func (f *fakeT) Cleanup(fn func())                 { f.cleanups = append(f.cleanups, fn) }

// run runs body as the fake test, then its cleanups, and returns its errors.
func (f *fakeT) run(body func(t testing.TB)) []string {
	func() {
		defer func() {
			if r := recover(); r != nil {
				if _, ok := r.(fatal); !ok {
					panic(r)
				}
			}
		}()
		body(f)
	}()
	for i := len(f.cleanups) - 1; i >= 0; i-- {
		f.cleanups[i]()
	}
	return f.errs
}

func fake(t *testing.T, body func(t testing.TB)) []string {
	f := &fakeT{TB: t}
	return f.run(body)
}

// contains reports whether one of errs contains every one of subs.
func contains(errs []string, subs ...string) bool {
	return slices.ContainsFunc(errs, func(e string) bool {
		for _, s := range subs {
			if !strings.Contains(e, s) {
				return false
			}
		}
		return true
	})
}

// fixture serves small pages that misbehave in known ways, under the CSP
// the site is served with.
func fixture(t *testing.T) string {
	t.Helper()
	page := func(body string) string {
		return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>fixture</title><link rel="icon" href="icon.svg"></head><body>` + body + `</body></html>`
	}
	files := map[string]string{
		"/icon.svg":     `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>`,
		"/ok.html":      page(`<p id="here">fine</p><a href="ok.html#here">self</a>`),
		"/console.html": page(`<script src="console.js"></script>`),
		"/console.js":   `console.error("boom from the page");`,
		"/throw.html":   page(`<script src="throw.js"></script>`),
		"/throw.js":     `throw new Error("kaboom");`,
		"/inline.html":  page(`<script>document.title = "inline ran";</script>`),
		"/missing.html": page(`<img src="nope.png" alt="">`),
		"/late.html":    page(`<script src="late.js"></script>`),
		"/late.js":      `fetch("slow").then(r => r.text()).then(() => console.error("late error after a slow fetch"));`,
		"/long.html":    page(`<script src="long.js"></script>`),
		"/long.js":      `setTimeout(() => { const end = performance.now() + 120; while (performance.now() < end) {} }, 0);`,
		"/js.html":      page(`<p id="js">off</p><script src="js.js"></script>`),
		"/js.js":        `document.getElementById("js").textContent = "on";`,
		"/later.html":   page(`<p id="later">no</p><script src="later.js"></script>`),
		"/later.js":     `setTimeout(() => { document.getElementById("later").textContent = "yes"; }, 300);`,
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", hosting.CSP)
		if r.URL.Path == "/slow" {
			time.Sleep(500 * time.Millisecond) // the server's delay, not the test's
			fmt.Fprint(w, "slow")
			return
		}
		body, ok := files[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		switch {
		case strings.HasSuffix(r.URL.Path, ".js"):
			w.Header().Set("Content-Type", "text/javascript")
		case strings.HasSuffix(r.URL.Path, ".svg"):
			w.Header().Set("Content-Type", "image/svg+xml")
		default:
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
		}
		fmt.Fprint(w, body)
	}))
	t.Cleanup(srv.Close)
	return srv.URL + "/"
}

// TestRecorder checks that what a page reports fails the test by default,
// at the end of the visit, and that Allow is narrow.
func TestRecorder(t *testing.T) {
	browser := Browser(t)
	base := fixture(t)
	tab := NewTab(t, browser)
	for _, c := range []struct {
		page string
		want []string // what the error must say
	}{
		{"console.html", []string{"console.html", "console.error", "boom from the page"}},
		{"throw.html", []string{"throw.html", "exception", "kaboom"}},
		{"inline.html", []string{"inline.html", "CSP violation", "script-src"}},
		{"missing.html", []string{"missing.html", "HTTP 404", "nope.png"}},
		{"late.html", []string{"late.html", "late error after a slow fetch"}},
	} {
		errs := fake(t, func(ft testing.TB) { tab.Navigate(ft, base+c.page) })
		if !contains(errs, c.want...) {
			t.Errorf("%s: errors %q, want one saying %q", c.page, errs, c.want)
		}
	}
	// A clean page reports nothing.
	if errs := fake(t, func(ft testing.TB) { tab.Navigate(ft, base+"ok.html") }); len(errs) > 0 {
		t.Errorf("ok.html: %q", errs)
	}
	// Problems of a visit are reported when the next one starts, to the
	// test that made the visit.
	var first []string
	second := fake(t, func(ft testing.TB) {
		first = fake(t, func(ft testing.TB) { tab.Navigate(ft, base+"console.html") })
		tab.Navigate(ft, base+"ok.html")
	})
	if !contains(first, "boom") || len(second) > 0 {
		t.Errorf("errors %q and %q, want the console error with the first visit only", first, second)
	}
	// Allow: the allowed problem is no error; others still are.
	errs := fake(t, func(ft testing.TB) {
		tab.Allow(ft, `HTTP 404: .*/nope\.png$`)
		tab.Navigate(ft, base+"missing.html")
		tab.Navigate(ft, base+"console.html")
	})
	if contains(errs, "nope.png") || !contains(errs, "boom") {
		t.Errorf("with nope.png allowed: %q, want only the console error", errs)
	}
	// An allowance that matched nothing is an error.
	errs = fake(t, func(ft testing.TB) {
		tab.Allow(ft, `never happens`)
		tab.Navigate(ft, base+"ok.html")
	})
	if !contains(errs, "never happens", "no such problem") {
		t.Errorf("unused allowance: %q, want an error", errs)
	}
	// The allowance ended with its test.
	errs = fake(t, func(ft testing.TB) { tab.Navigate(ft, base+"missing.html") })
	if !contains(errs, "nope.png") {
		t.Errorf("missing.html after the allowing test ended: %q, want the 404", errs)
	}
}

// TestWaitFor checks the awaited condition: true at once, true later, never
// true (an error naming the condition), and a condition that throws (an
// error at once, not at the deadline).
func TestWaitFor(t *testing.T) {
	browser := Browser(t)
	base := fixture(t)
	tab := NewTab(t, browser)
	tab.Navigate(t, base+"later.html")
	tab.WaitFor(t, `document.readyState === "complete"`)
	tab.WaitFor(t, `document.getElementById("later").textContent === "yes"`)
	if err := Await(tab.Context(), `document.title === "never"`, time.Second); err == nil || !strings.Contains(err.Error(), `document.title === "never"`) || !strings.Contains(err.Error(), "still false") {
		t.Errorf("a condition never true: %v", err)
	}
	start := time.Now()
	if err := Await(tab.Context(), `document.getElementById("nothing").textContent === ""`, 10*time.Second); err == nil || !strings.Contains(err.Error(), "TypeError") {
		t.Errorf("a throwing condition: %v", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("a throwing condition failed after %s, not at once", d)
	}
	if err := Await(tab.Context(), `"yes"`, time.Second); err == nil {
		t.Error("a condition that is not a boolean: no error")
	}
}

// TestEmulation checks that each emulation helper changes what the page
// sees.
func TestEmulation(t *testing.T) {
	browser := Browser(t)
	base := fixture(t)
	tab := NewTab(t, browser)
	tab.Navigate(t, base+"ok.html")
	type screen struct {
		Width, Height int
		Ratio         float64
		Coarse        bool
	}
	const read = `({Width: innerWidth, Height: innerHeight, Ratio: devicePixelRatio, Coarse: matchMedia("(pointer: coarse)").matches})`
	for _, c := range []struct {
		v    Viewport
		want screen
	}{
		{Phone, screen{360, 780, 3, true}},
		{Narrow, screen{320, 780, 2, true}},
		{Zoom200, screen{640, 450, 2, false}},
		{Desktop, screen{1280, 900, 1, false}},
	} {
		tab.Viewport(t, c.v)
		if got := Eval[screen](t, tab, read); got != c.want {
			t.Errorf("%s: the page sees %+v, want %+v", c.v.Name, got, c.want)
		}
	}
	// Colour scheme and print media hold together.
	media := func() []bool {
		return Eval[[]bool](t, tab, `[matchMedia("(prefers-color-scheme: dark)").matches, matchMedia("print").matches]`)
	}
	tab.ColorScheme(t, "dark")
	tab.PrintMedia(t, true)
	if got := media(); !slices.Equal(got, []bool{true, true}) {
		t.Errorf("dark + print: %v", got)
	}
	tab.PrintMedia(t, false)
	if got := media(); !slices.Equal(got, []bool{true, false}) {
		t.Errorf("dark, print off: %v", got)
	}
	tab.ColorScheme(t, "light")
	if got := media(); !slices.Equal(got, []bool{false, false}) {
		t.Errorf("light: %v", got)
	}
	tab.ColorScheme(t, "")
	// PDF.
	pdf := filepath.Join(t.TempDir(), "ok.pdf")
	tab.PrintPDF(t, pdf)
	if b, err := os.ReadFile(pdf); err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) || len(b) < 500 {
		t.Errorf("PrintPDF wrote %d bytes (%v)", len(b), err)
	}
	// JavaScript off and on.
	tab.JavaScript(t, false)
	tab.Navigate(t, base+"js.html")
	if got := Eval[string](t, tab, `document.getElementById("js").textContent`); got != "off" {
		t.Errorf("JavaScript off: the page's script ran (%q)", got)
	}
	tab.JavaScript(t, true)
	tab.Navigate(t, base+"js.html")
	if got := Eval[string](t, tab, `document.getElementById("js").textContent`); got != "on" {
		t.Errorf("JavaScript on: the page's script did not run (%q)", got)
	}
	// Long tasks, with the CPU throttled: a 120 ms busy loop is one.
	tab.CPUThrottle(t, 2)
	tab.Navigate(t, base+"long.html")
	tab.WaitFor(t, `performance.getEntriesByType("navigation")[0].loadEventEnd > 0`)
	var tasks []float64
	for deadline := time.Now().Add(WaitTimeout); len(tasks) == 0 && time.Now().Before(deadline); {
		tasks = tab.LongTasks(t)
		tab.WaitFor(t, `new Promise(r => setTimeout(() => r(true), 50))`)
	}
	tab.CPUThrottle(t, 1)
	if len(tasks) == 0 || slices.Max(tasks) < 100 {
		t.Errorf("long tasks %v, want one of 120 ms or more", tasks)
	}
	// Clipboard.
	tab.GrantClipboard(t)
	Eval[bool](t, tab, `navigator.clipboard.writeText("剪贴板 clipboard").then(() => true)`, chromedp.EvalAwaitPromise)
	if got := tab.Clipboard(t); got != "剪贴板 clipboard" {
		t.Errorf("clipboard holds %q", got)
	}
}

// TestCrawl checks that the crawler reports a broken link, a missing
// fragment, a resource from another site and a link out of the site's path.
func TestCrawl(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("index.html", `<!DOCTYPE html><title>i</title><h1 id="top">i</h1>
<a href="a/">a</a> <a href="a/#p1">p1</a> <a href="a/#p9">p9</a> <a href="gone/">gone</a>
<a href="/elsewhere/">out</a> <a href="https://example.org/">ext</a> <img src="https://example.org/i.png" alt="">
<link rel="stylesheet" href="s.css">`)
	write("a/index.html", `<!DOCTYPE html><title>a</title><p id="p1">1</p><a href="../#top">up</a>`)
	write("s.css", `body{background:url(missing.png)}`)
	base := Serve(t, dir, "/site/")
	var res *CrawlResult
	errs := fake(t, func(ft testing.TB) { res = Crawl{Base: base}.Run(ft) })
	for _, want := range [][]string{
		{"a/#p9", `no element with id "p9"`},
		{"gone/", "404"},
		{"missing.png", "404"},
		{"/elsewhere/", "leaves the site's path"},
		{"https://example.org/i.png", "another site"},
	} {
		if !contains(errs, want...) {
			t.Errorf("crawl errors lack %q:\n%s", want, strings.Join(errs, "\n"))
		}
	}
	if len(errs) != 5 {
		t.Errorf("%d errors, want 5:\n%s", len(errs), strings.Join(errs, "\n"))
	}
	if res == nil || !slices.Equal(res.Pages, []string{base, base + "a/"}) || !slices.Equal(res.Fragments, []string{base + "#top", base + "a/#p1", base + "a/#p9"}) || !res.External["https://example.org/"] {
		t.Errorf("result %+v", res)
	}
}

// requireMode says which part of TestRequire a test binary plays: "go"
// (the go command) or "child" (a test whose tool is missing).
const requireMode = "SITETEST_REQUIRE"

// TestRequireChild stands for a test whose tool is missing.
func TestRequireChild(t *testing.T) {
	if os.Getenv(requireMode) != "child" {
		t.Skip("run by TestRequire")
	}
	Require(t, false, "example-tool", "apt-get install example-tool")
	t.Error("Require returned")
}

// TestRequireGo stands for the go command of `go test ./...`: it runs
// TestRequireChild with the child's output going to a file, as the go
// command buffers it, and fails when the child fails.
func TestRequireGo(t *testing.T) {
	if os.Getenv(requireMode) != "go" {
		t.Skip("run by TestRequire")
	}
	f, err := os.Create(os.Getenv(requireMode + "_OUT"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^TestRequireChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), requireMode+"=child")
	cmd.Stdout, cmd.Stderr = f, f
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
}

// TestRequire runs a test whose tool is missing under a stand-in for the go
// command, with CI set in various ways: outside CI the test skips and a loud
// line reaches the go command's stderr (where `go test ./...` shows it);
// under CI it fails.
func TestRequire(t *testing.T) {
	for _, c := range []struct {
		ci   string
		fail bool
	}{{"", false}, {"0", false}, {"false", false}, {"FALSE", false}, {"1", true}, {"true", true}, {"yes", true}} {
		out := filepath.Join(t.TempDir(), "out")
		cmd := exec.Command(os.Args[0], "-test.run=^TestRequireGo$", "-test.count=1")
		cmd.Env = append(slices.DeleteFunc(os.Environ(), func(kv string) bool { return strings.HasPrefix(kv, "CI=") }),
			requireMode+"=go", requireMode+"_OUT="+out, "CI="+c.ci)
		var goStderr bytes.Buffer
		cmd.Stderr = &goStderr
		runErr := cmd.Run()
		child, _ := os.ReadFile(out)
		loud := "*** sitetest: example-tool missing: TestRequireChild SKIPPED (install: apt-get install example-tool"
		switch {
		case c.fail && (runErr == nil || !strings.Contains(string(child), "example-tool missing") || strings.Contains(goStderr.String(), "***")):
			t.Errorf("CI=%q: exit %v, test output %q, go stderr %q; want a failure and no loud line", c.ci, runErr, child, goStderr.String())
		case !c.fail && (runErr != nil || !strings.Contains(goStderr.String(), loud) || strings.Contains(string(child), "***")):
			t.Errorf("CI=%q: exit %v, test output %q, go stderr %q; want a skip and the loud line on the go command's stderr only", c.ci, runErr, child, goStderr.String())
		}
	}
}

// TestRoot checks that Root is the folder of this module's go.mod.
func TestRoot(t *testing.T) {
	if !declares(filepath.Join(Root(), "go.mod"), module) {
		t.Errorf("Root() = %s: no go.mod of %s there", Root(), module)
	}
	if _, err := os.Stat(filepath.Join(Root(), "tools", "sitetest", "harness_test.go")); err != nil {
		t.Errorf("Root() = %s: %v", Root(), err)
	}
}
