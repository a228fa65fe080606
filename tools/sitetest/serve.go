package sitetest

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"policysite/tools/hosting"
)

// Serve serves dir under prefix (for example "/zhoushan/" or "/") with an
// httptest server that sends hosting.CSP, the policy every host sends, with
// every response, and the site's own 404 page for a missing file. It returns
// the site's base URL (server URL + prefix); the server stops when the test
// ends.
func Serve(t testing.TB, dir, prefix string) string {
	t.Helper()
	if !strings.HasPrefix(prefix, "/") {
		prefix = "/" + prefix
	}
	if !strings.HasSuffix(prefix, "/") {
		prefix += "/"
	}
	files := http.FileServer(http.Dir(dir))
	notFound := func(w http.ResponseWriter) {
		b, err := os.ReadFile(filepath.Join(dir, hosting.NotFound(dir)))
		if err != nil {
			http.Error(w, "not found", http.StatusNotFound)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		w.Write(b)
	}
	mux := http.NewServeMux()
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
		w.Header().Set("Content-Security-Policy", hosting.CSP)
		mux.ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv.URL + prefix
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
