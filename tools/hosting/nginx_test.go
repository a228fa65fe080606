package hosting_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"policysite/tools/hosting"
	"policysite/tools/sitetest"
)

// prefix is the URL path the site is served under in the tests, as on a
// project page (GitHub Pages) or a shared host.
const prefix = "/zhoushan/"

// nginxBin returns the nginx binary, or "" when there is none.
func nginxBin() string {
	if p, err := exec.LookPath("nginx"); err == nil {
		return p
	}
	if _, err := os.Stat("/usr/sbin/nginx"); err == nil {
		return "/usr/sbin/nginx"
	}
	return ""
}

// errPortTaken is startNginx's error when another process bound the port
// first.
var errPortTaken = errors.New("port taken")

// nginxAttempts bounds the ports tried when others keep taking them.
const nginxAttempts = 5

// startNginx serves a build of the site with nginx from a configuration
// rendered from nginx.conf.tmpl, and returns the site's base URL and the
// publish folder. nginx binds its port before the site is built for it:
// a free port is picked, nginx started on it, and when another process took
// the port in between (nginx exits with "Address already in use") it is
// tried again on a fresh port, up to nginxAttempts times.
func startNginx(t *testing.T) (base, publish string) {
	t.Helper()
	bin := nginxBin()
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
		addr, err := freePort()
		if err != nil {
			t.Fatal(err)
		}
		n := hosting.Nginx{Listen: addr, Prefix: prefix, Root: www, Temp: filepath.Join(tmp, "nginx"+strconv.Itoa(attempt)), NotFound: notFound}
		if os.Geteuid() == 0 {
			n.User = "root" // the build is in a 0700 temp folder of root's
		}
		err = runNginx(t, bin, n)
		if errors.Is(err, errPortTaken) && attempt < nginxAttempts {
			t.Logf("nginx: %v; trying another port", err)
			continue
		}
		if err != nil {
			t.Fatalf("nginx (attempt %d of %d): %v", attempt, nginxAttempts, err)
		}
		base = "http://" + addr + prefix
		break
	}
	sitetest.BuildTo(t, "", base, publish)
	return base, publish
}

// freePort returns a loopback address with a port that was free a moment ago.
func freePort() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

// runNginx starts nginx with the configuration n and returns once it has
// bound its port: nginx writes its pid file only after it opened its
// listening sockets. It stops nginx when the test ends.
func runNginx(t *testing.T, bin string, n hosting.Nginx) error {
	if err := os.MkdirAll(n.Temp, 0o755); err != nil {
		return err
	}
	conf, err := n.Config()
	if err != nil {
		return err
	}
	confFile := filepath.Join(n.Temp, "nginx.conf")
	if err := os.WriteFile(confFile, conf, 0o644); err != nil {
		return err
	}
	errLog := filepath.Join(n.Temp, "error.log")
	cmd := exec.Command(bin, "-e", errLog, "-p", n.Temp, "-c", confFile, "-g", "daemon off;")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	logTail := func() string {
		b, _ := os.ReadFile(errLog)
		lines := strings.Split(strings.TrimSpace(out.String()+string(b)), "\n")
		if len(lines) > 20 {
			lines = lines[len(lines)-20:]
		}
		return strings.Join(lines, "\n")
	}
	pidFile := filepath.Join(n.Temp, "nginx.pid")
	deadline := time.After(15 * time.Second) // nginx retries a taken port for 2.5 s
	for {
		if b, err := os.ReadFile(pidFile); err == nil && strings.TrimSpace(string(b)) == strconv.Itoa(cmd.Process.Pid) {
			break
		}
		select {
		case err := <-done:
			log := logTail()
			if strings.Contains(log, "Address already in use") {
				return fmt.Errorf("%s: %w", n.Listen, errPortTaken)
			}
			return fmt.Errorf("nginx exited before listening: %v\n%s", err, log)
		case <-deadline:
			cmd.Process.Kill()
			<-done
			return fmt.Errorf("nginx wrote no pid file within 15 s\n%s", logTail())
		case <-time.After(20 * time.Millisecond):
		}
	}
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt) // fast shutdown (SIGINT)
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-done
		}
		if t.Failed() {
			t.Logf("nginx error.log (last lines):\n%s", logTail())
		}
	})
	return nil
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
