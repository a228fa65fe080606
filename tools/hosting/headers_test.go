package hosting_test

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"policysite/tools/hosting"
)

// rule is one path rule of a _headers file.
type rule struct {
	pattern string
	headers map[string]string
}

// parseHeaders reads the Netlify / Cloudflare Pages _headers format: a URL
// pattern at the start of a line, then indented "Name: value" lines.
func parseHeaders(t *testing.T, data string) []rule {
	var rules []rule
	sc := bufio.NewScanner(strings.NewReader(data))
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "" || strings.HasPrefix(trimmed, "#"):
		case line[0] != ' ' && line[0] != '\t':
			if !strings.HasPrefix(trimmed, "/") {
				t.Errorf("_headers:%d: rule %q does not start with /", n, trimmed)
			}
			rules = append(rules, rule{pattern: trimmed, headers: map[string]string{}})
		default:
			name, value, ok := strings.Cut(trimmed, ":")
			if !ok || len(rules) == 0 {
				t.Errorf("_headers:%d: %q is not a header of a rule", n, trimmed)
				continue
			}
			rules[len(rules)-1].headers[strings.ToLower(strings.TrimSpace(name))] = strings.TrimSpace(value)
		}
	}
	return rules
}

// match reports whether a _headers pattern matches a URL path: a * splat
// matches any run of characters.
func match(pattern, p string) bool {
	before, after, splat := strings.Cut(pattern, "*")
	if !splat {
		return pattern == p
	}
	return strings.HasPrefix(p, before) && strings.HasSuffix(p[len(before):], after)
}

// TestHeadersFile checks the _headers file Hugo writes at the root of the
// build for Netlify and Cloudflare Pages: every file gets the CSP, every
// fingerprinted asset and only those get immutable caching, and no file
// gets Cache-Control twice (both hosts would join the values).
func TestHeadersFile(t *testing.T) {
	dir := sharedBuild(t)
	data, err := os.ReadFile(filepath.Join(dir, "_headers"))
	if err != nil {
		t.Fatalf("no _headers at the root of the build (published by the home page from assets/hosting/_headers): %v", err)
	}
	rules := parseHeaders(t, string(data))
	const prefix = "/zhoushan/" // the path of sharedBase
	for _, f := range files(t, dir) {
		if f == "_headers" {
			continue
		}
		p := prefix + f
		var csp, cache []string
		for _, r := range rules {
			if !match(r.pattern, p) {
				continue
			}
			if v, ok := r.headers["content-security-policy"]; ok {
				csp = append(csp, v)
			}
			if v, ok := r.headers["cache-control"]; ok {
				cache = append(cache, v)
			}
		}
		if len(csp) != 1 || csp[0] != wantCSP {
			t.Errorf("%s: Content-Security-Policy %q, want exactly one %q", p, csp, wantCSP)
		}
		switch {
		case len(cache) > 1:
			t.Errorf("%s: Cache-Control set by %d rules (%q): the hosts join them", p, len(cache), cache)
		case hosting.Fingerprinted(f) && (len(cache) == 0 || cache[0] != wantImmutable):
			t.Errorf("%s: fingerprinted asset without %q (add its folder to assets/hosting/_headers)", p, wantImmutable)
		case !hosting.Fingerprinted(f) && len(cache) == 1 && strings.Contains(cache[0], "immutable"):
			t.Errorf("%s: not fingerprinted but cached as immutable (move it out of the asset folders in assets/hosting/_headers)", p)
		}
	}
}
