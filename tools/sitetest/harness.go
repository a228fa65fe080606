// Package sitetest builds the Hugo site and checks it in a real browser.
//
// The harness in this file is shared by every browser test in the package:
//
//	dir := sitetest.Build(t, "http://127.0.0.1/zhoushan/") // hugo build, cached per baseURL
//	base := sitetest.Serve(t, dir, "/zhoushan/")          // httptest server with a strict CSP
//	ctx := sitetest.Browser(t)                            // headless Chromium (chromedp)
//	rec := sitetest.Record(t, ctx)                         // console errors, failed requests, CSP violations
//
// Chromium is looked for at /usr/bin/chromium (or $CHROMIUM). When it is
// missing the browser tests are skipped with a loud message, except when
// CI=true, where a missing browser fails the test.
package sitetest

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// CSP is the Content-Security-Policy header Serve adds to every response.
const CSP = "default-src 'self'"

var (
	buildMu    sync.Mutex
	buildCache = map[string]string{}
)

// Root returns the repository root (the directory holding go.mod).
func Root(t testing.TB) string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err == nil {
		if p := strings.TrimSpace(string(out)); p != "" && p != os.DevNull {
			return filepath.Dir(p)
		}
	}
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("sitetest: go.mod not found above the working directory")
		}
		dir = parent
	}
}

// Build runs `go tool hugo --minify -b baseURL -d <dir>` from the repository
// root and returns the publish directory. Builds are cached per baseURL
// within the test process; the directory lives under os.TempDir and is
// removed by the OS, not by t.Cleanup, so that later tests can reuse it.
func Build(t testing.TB, baseURL string) string {
	t.Helper()
	buildMu.Lock()
	defer buildMu.Unlock()
	if dir, ok := buildCache[baseURL]; ok {
		return dir
	}
	root := Root(t)
	dir, err := os.MkdirTemp("", "sitetest-public-")
	if err != nil {
		t.Fatal(err)
	}
	cache, err := os.MkdirTemp("", "sitetest-cache-")
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "tool", "hugo", "--minify", "--quiet", "--panicOnWarning",
		"-b", baseURL, "-d", dir, "--cacheDir", cache)
	cmd.Dir = root
	var stderr bytes.Buffer
	cmd.Stdout = &stderr
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("hugo build (baseURL %s) failed: %v\n%s", baseURL, err, stderr.String())
	}
	buildCache[baseURL] = dir
	return dir
}

// Serve serves dir under prefix (for example "/zhoushan/" or "/") with an
// httptest server that adds the Content-Security-Policy header CSP to every
// response, and returns the site's base URL (server URL + prefix).
func Serve(t testing.TB, dir, prefix string) string {
	t.Helper()
	if !strings.HasPrefix(prefix, "/") {
		prefix = "/" + prefix
	}
	if !strings.HasSuffix(prefix, "/") {
		prefix += "/"
	}
	files := http.FileServer(http.Dir(dir))
	mux := http.NewServeMux()
	notFound := func(w http.ResponseWriter) {
		// Serve the site's own 404 page, as static hosts do.
		b, err := os.ReadFile(filepath.Join(dir, "404.html"))
		if err != nil {
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		w.Write(b)
	}
	mux.Handle(prefix, http.StripPrefix(strings.TrimSuffix(prefix, "/"), http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := filepath.Join(dir, filepath.FromSlash(r.URL.Path))
		if fi, err := os.Stat(p); err != nil || (fi.IsDir() && !exists(filepath.Join(p, "index.html"))) {
			notFound(w)
			return
		}
		files.ServeHTTP(w, r)
	})))
	if prefix != "/" {
		mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { notFound(w) })
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", CSP)
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL + prefix
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// ChromiumPath returns the Chromium binary the tests use.
func ChromiumPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

// Browser starts a headless Chromium with a fresh profile and returns a
// browser context; the browser is closed when the test ends. Tabs can be
// opened with chromedp.NewContext(ctx).
func Browser(t testing.TB) context.Context {
	t.Helper()
	bin := ChromiumPath()
	if _, err := os.Stat(bin); err != nil {
		msg := fmt.Sprintf("\n\n*** sitetest: Chromium not found at %s: BROWSER TESTS SKIPPED ***\n*** install it with: apt-get install -y chromium ***\n", bin)
		if os.Getenv("CI") == "true" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelB := chromedp.NewContext(actx)
	if err := chromedp.Do(ctx); err != nil {
		cancelB()
		cancelA()
		t.Fatalf("start chromium: %v", err)
	}
	t.Cleanup(func() { cancelB(); cancelA() })
	return ctx
}

// NodeModules returns the path of tools/node/node_modules, running `npm ci`
// in tools/node first when it is missing.
func NodeModules(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(Root(t), "tools", "node")
	nm := filepath.Join(dir, "node_modules")
	if _, err := os.Stat(filepath.Join(nm, "axe-core", "axe.min.js")); err == nil {
		return nm
	}
	cmd := exec.Command("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("npm ci in %s: %v\n%s", dir, err, out)
	}
	return nm
}

// Record listens on the tab ctx for console errors, uncaught exceptions,
// failed requests (and responses with status >= 400 for sub-resources) and
// CSP violations, and returns the recorder collecting them. CSP violations
// reach it twice: as browser log entries and, while scripts run, through a
// securitypolicyviolation listener the recorder installs on every document
// (scripts run over CDP are not subject to the page's CSP).
// Call it before the first navigation in the tab.
func Record(t testing.TB, ctx context.Context) *Recorder {
	t.Helper()
	r := &Recorder{urls: map[network.RequestID]string{}}
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
			Source: `document.addEventListener("securitypolicyviolation", function (e) {
  console.error("CSP violation: " + e.violatedDirective + " blocked " + (e.blockedURI || "inline") + " at " + e.sourceFile + ":" + e.lineNumber);
});`,
		})
		return err
	}))
	if err != nil {
		t.Fatalf("sitetest: install CSP listener: %v", err)
	}
	err = chromedp.Listen(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
				var parts []string
				for _, a := range ev.Args {
					if a.Value != nil {
						parts = append(parts, string(a.Value))
					} else {
						parts = append(parts, a.Description)
					}
				}
				r.add("console.%s: %s", ev.Type, strings.Join(parts, " "))
			}
		case *runtime.EventExceptionThrown:
			d := ev.ExceptionDetails
			msg := d.Text
			if d.Exception != nil && d.Exception.Description != "" {
				msg += " " + d.Exception.Description
			}
			r.add("exception: %s (%s:%d)", msg, d.URL, d.LineNumber)
		case *log.EventEntryAdded:
			if ev.Entry.Level == log.EntryLevelError {
				r.add("log %s: %s (%s)", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL)
			}
		case *network.EventRequestWillBeSent:
			r.mu.Lock()
			r.urls[ev.RequestID] = ev.Request.URL
			r.mu.Unlock()
		case *network.EventLoadingFailed:
			if ev.Canceled {
				return
			}
			reason := ev.ErrorText
			if ev.BlockedReason != "" {
				reason += " blocked:" + string(ev.BlockedReason)
			}
			r.mu.Lock()
			u := r.urls[ev.RequestID]
			r.mu.Unlock()
			r.add("request failed: %s (%s)", u, reason)
		case *network.EventResponseReceived:
			if ev.Response.Status >= 400 && ev.Type != network.ResourceTypeDocument {
				r.add("HTTP %d: %s", ev.Response.Status, ev.Response.URL)
			}
		}
	})
	if err != nil {
		t.Fatalf("sitetest: listen: %v", err)
	}
	return r
}

// Recorder collects problems a page reports while it loads and runs.
type Recorder struct {
	mu       sync.Mutex
	problems []string
	urls     map[network.RequestID]string
}

func (r *Recorder) add(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.problems = append(r.problems, fmt.Sprintf(format, args...))
}

// Problems returns what has been recorded since the last call and clears it.
func (r *Recorder) Problems() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	p := r.problems
	r.problems = nil
	return p
}
