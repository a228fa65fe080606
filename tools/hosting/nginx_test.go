package hosting

import (
	"bytes"
	"compress/gzip"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// prefix is the URL path the site is served under in the tests, as on a
// project page (GitHub Pages) or a shared host.
const prefix = "/zhoushan/"

// startNginx builds the site for the given port and serves it with nginx
// from a generated configuration; it returns the site's base URL and the
// publish dir.
func startNginx(t *testing.T) (base, publish string) {
	t.Helper()
	bin, err := exec.LookPath("nginx")
	if err != nil {
		if _, serr := os.Stat("/usr/sbin/nginx"); serr == nil {
			bin, err = "/usr/sbin/nginx", nil
		}
	}
	require(t, err == nil, "nginx", "apt-get install -y nginx")

	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()

	tmp := t.TempDir()
	www := filepath.Join(tmp, "www")
	publish = filepath.Join(www, filepath.FromSlash(prefix))
	base = "http://" + addr + prefix
	build(t, base, publish)

	n := Nginx{Listen: addr, Prefix: prefix, Root: www, Temp: tmp, NotFound: NotFound(publish)}
	if os.Geteuid() == 0 {
		n.User = "root" // the build is in a 0700 temp folder of root's
	}
	conf, err := n.Config()
	if err != nil {
		t.Fatal(err)
	}
	confFile := filepath.Join(tmp, "nginx.conf")
	if err := os.WriteFile(confFile, conf, 0o644); err != nil {
		t.Fatal(err)
	}
	errLog := filepath.Join(tmp, "error.log")
	cmd := exec.Command(bin, "-e", errLog, "-p", tmp, "-c", confFile, "-g", "daemon off;")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt) // fast shutdown (SIGINT)
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-done
		}
		if t.Failed() {
			if b, err := os.ReadFile(errLog); err == nil && len(b) > 0 {
				lines := strings.Split(strings.TrimSpace(string(b)), "\n")
				if len(lines) > 20 {
					lines = lines[len(lines)-20:]
				}
				t.Logf("nginx error.log (last lines):\n%s", strings.Join(lines, "\n"))
			}
		}
	})
	deadline := time.Now().Add(10 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond)
		if err == nil {
			c.Close()
			break
		}
		select {
		case err := <-done:
			t.Fatalf("nginx exited: %v\n%s", err, out.String())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("nginx does not listen on %s\n%s", addr, out.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	return base, publish
}

// wantType is the media type each extension must be served with.
var wantType = map[string]string{
	".html": "text/html", ".css": "text/css", ".js": "text/javascript",
	".json": "application/json", ".xml": "application/xml", ".txt": "text/plain",
	".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg",
	".webp": "image/webp", ".ico": "image/x-icon", ".woff2": "font/woff2",
	".webmanifest": "application/manifest+json", ".csv": "text/csv",
}

// mustGzip are the types nginx must compress (when larger than gzip_min_length).
var mustGzip = map[string]bool{"text/html": true, "text/css": true, "text/javascript": true, "application/json": true, "text/csv": true, "application/xml": true}

// fetched is one crawled URL.
type fetched struct {
	url   *url.URL
	mtype string
	body  []byte
}

// TestNginx serves a build with nginx under /zhoushan/, crawls every page,
// link and asset, and checks status, Content-Type, gzip, the CSP header and
// immutable caching; then every page is loaded in Chromium (see
// checkPagesInBrowser).
func TestNginx(t *testing.T) {
	base, publish := startNginx(t)
	baseURL, _ := url.Parse(base)
	client := &http.Client{
		Timeout:       10 * time.Second,
		Transport:     &http.Transport{DisableCompression: true},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	get := func(u string) (*http.Response, []byte, error) {
		req, err := http.NewRequest("GET", u, nil)
		if err != nil {
			return nil, nil, err
		}
		req.Header.Set("Accept-Encoding", "gzip")
		resp, err := client.Do(req)
		if err != nil {
			return nil, nil, err
		}
		defer resp.Body.Close()
		var r io.Reader = resp.Body
		if resp.Header.Get("Content-Encoding") == "gzip" {
			zr, err := gzip.NewReader(resp.Body)
			if err != nil {
				return resp, nil, err
			}
			r = zr
		}
		b, err := io.ReadAll(r)
		return resp, b, err
	}

	// The start points: the landing page, both homes, and every file of
	// the build that nothing may link to (sitemaps, robots.txt, search data).
	queue := []string{base}
	for _, f := range files(t, publish) {
		if f == "_headers" {
			continue
		}
		if strings.HasSuffix(f, "index.html") {
			f = strings.TrimSuffix(f, "index.html")
		}
		queue = append(queue, base+f)
	}
	seen := map[string]string{} // URL → where it was found
	for _, q := range queue {
		seen[q] = "the build"
	}
	var pages []string
	var nFingerprinted int
	external := map[string]bool{} // links to other sites, not followed
	for len(queue) > 0 {
		u := queue[0]
		queue = queue[1:]
		resp, body, err := get(u)
		if err != nil {
			t.Errorf("GET %s (linked from %s): %v", u, seen[u], err)
			continue
		}
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s (linked from %s): %s", u, seen[u], resp.Status)
			continue
		}
		pu, _ := url.Parse(u)
		ext := path.Ext(pu.Path)
		if strings.HasSuffix(pu.Path, "/") {
			ext = ".html"
		}
		mtype, params, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
		if want, ok := wantType[ext]; !ok {
			t.Errorf("%s: no expected type for extension %q (served as %q): add it to nginx.conf.tmpl and wantType", u, ext, mtype)
		} else if mtype != want {
			t.Errorf("%s: Content-Type %q, want %q", u, mtype, want)
		}
		if strings.HasPrefix(mtype, "text/") || strings.HasSuffix(mtype, "json") || strings.HasSuffix(mtype, "xml") {
			if !strings.EqualFold(params["charset"], "utf-8") {
				t.Errorf("%s: Content-Type %q has no charset=utf-8", u, resp.Header.Get("Content-Type"))
			}
		}
		if mustGzip[mtype] && len(body) >= 256 && resp.Header.Get("Content-Encoding") != "gzip" {
			t.Errorf("%s: %s of %d bytes not gzipped", u, mtype, len(body))
		}
		if got := resp.Header.Get("Content-Security-Policy"); got != CSP {
			t.Errorf("%s: Content-Security-Policy %q, want %q", u, got, CSP)
		}
		cc := resp.Header.Get("Cache-Control")
		if Fingerprinted(pu.Path) {
			nFingerprinted++
			if cc != Immutable {
				t.Errorf("%s: fingerprinted asset with Cache-Control %q, want %q", u, cc, Immutable)
			}
		} else if strings.Contains(cc, "immutable") {
			t.Errorf("%s: not fingerprinted but Cache-Control %q", u, cc)
		}

		var links []Link
		switch mtype {
		case "text/html":
			pages = append(pages, u)
			links = Links(body)
		case "text/css":
			for _, l := range CSSLinks(body) {
				links = append(links, Link{URL: l})
			}
		}
		for _, link := range links {
			l := link.URL
			ref, err := url.Parse(strings.TrimSpace(l))
			if err != nil {
				t.Errorf("%s: bad URL %q: %v", u, l, err)
				continue
			}
			abs := pu.ResolveReference(ref)
			abs.Fragment = ""
			abs.RawQuery = ""
			if abs.Scheme == "mailto" || abs.Scheme == "tel" {
				continue
			}
			if abs.Host != baseURL.Host {
				if !link.Nav {
					t.Errorf("%s: loads a resource from another site: %s", u, abs)
				}
				external[abs.String()] = true
				continue
			}
			if !strings.HasPrefix(abs.Path, prefix) {
				t.Errorf("%s: link %q leaves the site's path %s (baseURL not respected)", u, l, prefix)
				continue
			}
			s := abs.String()
			if _, ok := seen[s]; !ok {
				seen[s] = u
				queue = append(queue, s)
			}
		}
	}
	// The site's path without the slash redirects to it, keeping host and port.
	if resp, _, err := get(strings.TrimSuffix(base, "/")); err != nil || resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != prefix {
		t.Errorf("GET %s: want a 301 to %s, got %v %v", strings.TrimSuffix(base, "/"), prefix, resp, err)
	}
	if resp, body, err := get(base + "no-such-page/"); err != nil || resp.StatusCode != http.StatusNotFound {
		t.Errorf("GET a missing page: want 404, got %v %v", resp, err)
	} else if nf := NotFound(publish); nf != "" {
		want, _ := os.ReadFile(filepath.Join(publish, nf))
		if !bytes.Equal(body, want) {
			t.Errorf("GET a missing page: the body is not the site's %s", nf)
		}
	}
	if nFingerprinted == 0 {
		t.Errorf("no fingerprinted asset found: CSS and JS should go through resources.Fingerprint")
	}
	sort.Strings(pages)
	t.Logf("crawled %d URLs (%d pages, %d fingerprinted assets); %d links to other sites not followed", len(seen), len(pages), nFingerprinted, len(external))
	if t.Failed() {
		return
	}
	checkPagesInBrowser(t, base, pages)
}

// searchQuery is typed into the search pages by the browser check.
var searchQuery = map[string]string{"zh": "海洋", "en": "marine"}

// pageURL adds a query to the search pages so the browser check also runs
// a search, and leaves the others as they are.
func pageURL(u string) string {
	for lang, q := range searchQuery {
		if strings.HasSuffix(u, "/"+lang+"/search/") {
			return u + "?q=" + url.QueryEscape(q)
		}
	}
	return u
}
