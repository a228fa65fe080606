package hosting_test

import (
	"bytes"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"policysite/tools/hosting"
	"policysite/tools/sitetest"
)

// prefix is the URL path the site is served under in the tests, as on a
// project page (GitHub Pages) or a shared host.
const prefix = "/zhoushan/"

// nginxAttempts bounds the ports tried when others keep taking them.
const nginxAttempts = 5

// startNginx serves a build of the site with nginx from a configuration
// rendered from nginx.conf.tmpl, and returns the site's base URL and the
// publish folder. nginx binds its port before the site is built for it:
// a free port is picked, nginx started on it, and when another process took
// the port in between (hosting.ErrPortTaken) it is tried again on a fresh
// port, up to nginxAttempts times.
func startNginx(t *testing.T) (base, publish string) {
	t.Helper()
	bin := hosting.NginxBinary()
	sitetest.Require(t, bin != "", "nginx", "apt-get install -y nginx")
	// The 404 page's path does not depend on the baseURL.
	notFound := hosting.NotFound(sharedBuild(t))
	if notFound == "" {
		t.Fatal("the build has no 404 page")
	}
	tmp := t.TempDir()
	www := filepath.Join(tmp, "www")
	publish = filepath.Join(www, filepath.FromSlash(prefix))
	if err := os.MkdirAll(publish, 0o755); err != nil {
		t.Fatal(err)
	}
	for attempt := 1; ; attempt++ {
		addr, err := hosting.FreeAddr()
		if err != nil {
			t.Fatal(err)
		}
		n := hosting.Nginx{Listen: addr, Prefix: prefix, Root: www, Temp: filepath.Join(tmp, "nginx"+strconv.Itoa(attempt)), NotFound: notFound}
		if os.Geteuid() == 0 {
			n.User = "root" // the build is in a 0700 temp folder of root's
		}
		srv, err := hosting.Start(bin, n)
		if errors.Is(err, hosting.ErrPortTaken) && attempt < nginxAttempts {
			t.Logf("%v; trying another port", err)
			continue
		}
		if err != nil {
			t.Fatalf("nginx (attempt %d of %d): %v", attempt, nginxAttempts, err)
		}
		t.Cleanup(func() {
			srv.Stop()
			if t.Failed() {
				t.Logf("nginx (last lines of its output and error log):\n%s", srv.Log())
			}
		})
		base = "http://" + addr + prefix
		break
	}
	sitetest.BuildTo(t, "", base, publish)
	return base, publish
}

// wantType is the media type each extension must be served with.
var wantType = map[string]string{
	".html": "text/html", ".css": "text/css", ".js": "text/javascript",
	".json": "application/json", ".xml": "application/xml", ".txt": "text/plain",
	".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg",
	".webp": "image/webp", ".ico": "image/x-icon", ".woff2": "font/woff2",
	".webmanifest": "application/manifest+json", ".csv": "text/csv",
	".ris": "application/x-research-info-systems", ".bib": "application/x-bibtex",
}

// mustGzip are the types nginx must compress (when larger than gzip_min_length).
var mustGzip = map[string]bool{"text/html": true, "text/css": true, "text/javascript": true, "application/json": true, "text/csv": true, "application/xml": true}

// TestNginx serves a build with nginx under /zhoushan/, crawls every page,
// link and asset (sitetest.Crawl, over HTTP: the pages are loaded in the
// browser by tools/sitetest), and checks for each response the status, the
// Content-Type, gzip, the CSP and the other security headers, and immutable
// caching on exactly the fingerprinted assets.
func TestNginx(t *testing.T) {
	base, publish := startNginx(t)
	all := files(t, publish)
	var start []string // every file: also those nothing links to (sitemaps, search data)
	for _, f := range all {
		if f != "_headers" {
			start = append(start, base+strings.TrimSuffix(f, "index.html"))
		}
	}
	immutable := map[string]bool{} // fingerprinted files served as immutable
	res := sitetest.Crawl{Base: base, Start: start, Check: func(t testing.TB, r *sitetest.Response) {
		u := r.URL.String()
		ext := path.Ext(r.URL.Path)
		if strings.HasSuffix(r.URL.Path, "/") {
			ext = ".html"
		}
		ct := r.Header.Get("Content-Type")
		if want, ok := wantType[ext]; !ok {
			t.Errorf("%s: no expected type for extension %q (served as %q): add it to nginx.conf.tmpl and wantType", u, ext, ct)
		} else if r.MediaType != want {
			t.Errorf("%s: Content-Type %q, want %q", u, r.MediaType, want)
		}
		if strings.HasPrefix(r.MediaType, "text/") || strings.HasSuffix(r.MediaType, "json") || strings.HasSuffix(r.MediaType, "xml") || r.MediaType == "application/x-research-info-systems" || r.MediaType == "application/x-bibtex" {
			if !strings.Contains(strings.ToLower(ct), "charset=utf-8") {
				t.Errorf("%s: Content-Type %q has no charset=utf-8", u, ct)
			}
		}
		if mustGzip[r.MediaType] && len(r.Body) >= 256 && r.Header.Get("Content-Encoding") != "gzip" {
			t.Errorf("%s: %s of %d bytes not gzipped", u, r.MediaType, len(r.Body))
		}
		for name, want := range map[string]string{
			"Content-Security-Policy": wantCSP,
			"X-Content-Type-Options":  "nosniff",
			"Referrer-Policy":         "strict-origin-when-cross-origin",
		} {
			if got := r.Header.Values(name); len(got) != 1 || got[0] != want {
				t.Errorf("%s: %s %q, want %q once", u, name, got, want)
			}
		}
		cc := r.Header.Get("Cache-Control")
		switch {
		case hosting.Fingerprinted(r.URL.Path) && cc == wantImmutable:
			immutable[strings.TrimPrefix(r.URL.Path, prefix)] = true
		case hosting.Fingerprinted(r.URL.Path):
			t.Errorf("%s: fingerprinted asset with Cache-Control %q, want %q", u, cc, wantImmutable)
		case strings.Contains(cc, "immutable"):
			t.Errorf("%s: not fingerprinted but Cache-Control %q", u, cc)
		}
	}}.Run(t)
	// Every fingerprinted file of the build was served as immutable.
	var fingerprinted []string
	for _, f := range all {
		if hosting.Fingerprinted(f) {
			fingerprinted = append(fingerprinted, f)
			if !immutable[f] {
				t.Errorf("%s: fingerprinted, not served as immutable", f)
			}
		}
	}
	if len(fingerprinted) == 0 {
		t.Errorf("no fingerprinted file in the build: CSS and JS should go through resources.Fingerprint")
	}
	if !slices.Contains(res.URLs, base) || len(res.Pages) == 0 {
		t.Errorf("the crawl fetched %d URLs, %d pages: not the landing page", len(res.URLs), len(res.Pages))
	}

	client := &http.Client{
		Timeout:       sitetest.CallTimeout,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	get := func(u string) (*http.Response, []byte) {
		resp, err := client.Get(u)
		if err != nil {
			t.Fatalf("GET %s: %v", u, err)
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatalf("GET %s: %v", u, err)
		}
		return resp, b
	}
	// The site's path without the slash redirects to it, keeping host and port.
	if resp, _ := get(strings.TrimSuffix(base, "/")); resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != prefix {
		t.Errorf("GET %s: %s to %q, want a 301 to %s", strings.TrimSuffix(base, "/"), resp.Status, resp.Header.Get("Location"), prefix)
	}
	// A missing page gets the site's 404 page, with the CSP.
	resp, body := get(base + "no-such-page/")
	want, err := os.ReadFile(filepath.Join(publish, hosting.NotFound(publish)))
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusNotFound || !bytes.Equal(body, want) || resp.Header.Get("Content-Security-Policy") != wantCSP {
		t.Errorf("GET a missing page: %s, CSP %q, %d bytes; want 404 with the site's 404 page (%d bytes) and %q",
			resp.Status, resp.Header.Get("Content-Security-Policy"), len(body), len(want), wantCSP)
	}
	// The headers file of other hosts is not served.
	if resp, _ := get(base + "_headers"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("GET %s_headers: %s, want 404", base, resp.Status)
	}
	t.Logf("crawled %d URLs (%d pages, %d fingerprinted assets); %d links to other sites not followed", len(res.URLs), len(res.Pages), len(fingerprinted), len(res.External))
}

// TestCSPConstant checks that the policy package hosting gives nginx and the
// test server of tools/sitetest is the one the README promises.
func TestCSPConstant(t *testing.T) {
	if hosting.CSP != wantCSP {
		t.Errorf("hosting.CSP = %q, want %q", hosting.CSP, wantCSP)
	}
	if hosting.Immutable != wantImmutable {
		t.Errorf("hosting.Immutable = %q, want %q", hosting.Immutable, wantImmutable)
	}
}

// TestStartPortTaken checks that Start tells a port another process holds
// (which startNginx then replaces) from other failures.
func TestStartPortTaken(t *testing.T) {
	bin := hosting.NginxBinary()
	sitetest.Require(t, bin != "", "nginx", "apt-get install -y nginx")
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	tmp := t.TempDir()
	n := hosting.Nginx{Listen: l.Addr().String(), Prefix: prefix, Root: tmp, Temp: filepath.Join(tmp, "nginx")}
	if os.Geteuid() == 0 {
		n.User = "root"
	}
	srv, err := hosting.Start(bin, n)
	if err == nil {
		srv.Stop()
		t.Fatalf("nginx started on %s, which this test holds", n.Listen)
	}
	if !errors.Is(err, hosting.ErrPortTaken) {
		t.Errorf("Start on a taken port: %v, want ErrPortTaken", err)
	}
	// Any other failure is not ErrPortTaken.
	n.Listen = "127.0.0.1:notaport"
	if _, err := hosting.Start(bin, n); err == nil || errors.Is(err, hosting.ErrPortTaken) {
		t.Errorf("Start with a bad listen address: %v, want another error", err)
	}
}
