package sitetest

import (
	"bytes"
	"compress/gzip"
	"io"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"policysite/tools/hosting"
)

// Crawl describes a crawl of a served site: every URL reachable from the
// start points is fetched once over HTTP, its links (hosting.Links for
// HTML, hosting.CSSLinks for CSS) are followed, and every link with a
// fragment must land on an element with that id. With a Tab, every HTML
// page is also loaded once in the browser, where the tab's recorder fails the
// test on any problem, and the links in the page's DOM after its scripts ran
// are checked too.
type Crawl struct {
	// Base is the URL the site is served at, path included; every link to
	// the site must stay under it.
	Base string
	// BuiltFor is the baseURL the site was built with, when it is not Base
	// (a build for http://127.0.0.1/zhoushan/ served on another port):
	// links under it are links to Base.
	BuiltFor string
	// Start lists URLs to fetch besides Base: files that nothing links to.
	Start []string
	// Check, when set, is called with every response (status 200).
	Check func(t testing.TB, r *Response)
	// Tab, when set, loads every HTML page once.
	Tab *Tab
	// Visit, when set, returns the URL to load for a page, and a JavaScript
	// condition to await there before the visit ends ("" for none): the search
	// pages, for example, are loaded with a query.
	Visit func(page string) (u, ready string)
}

// Response is one fetched URL; Body is decoded from gzip when it came
// compressed.
type Response struct {
	URL       *url.URL
	From      string // the page that linked to it first, or "start"
	Header    http.Header
	MediaType string
	Body      []byte
}

// CrawlResult is what a crawl reached.
type CrawlResult struct {
	URLs      []string        // every URL fetched, sorted
	Pages     []string        // the HTML pages among them, sorted
	Fragments []string        // the links with a fragment that were checked, sorted, each once
	External  map[string]bool // links to other sites, not followed
}

// link is a link found on a page, resolved.
type crawlLink struct {
	to   *url.URL // absolute, with its fragment
	from string
	nav  bool
}

// Run crawls the site and reports every problem as an error of t.
func (c Crawl) Run(t testing.TB) *CrawlResult {
	t.Helper()
	base, err := url.Parse(c.Base)
	if err != nil {
		t.Fatal(err)
	}
	var built *url.URL
	if c.BuiltFor != "" {
		if built, err = url.Parse(c.BuiltFor); err != nil {
			t.Fatal(err)
		}
	}
	client := &http.Client{
		Timeout:       CallTimeout,
		Transport:     &http.Transport{DisableCompression: true},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
	res := &CrawlResult{External: map[string]bool{}}
	seen := map[string]string{}         // URL without fragment → where it was found
	ids := map[string]map[string]bool{} // page URL → its element ids
	var queue, visitQueue []string
	var frags []crawlLink
	enqueue := func(u, from string) {
		if _, ok := seen[u]; !ok {
			seen[u] = from
			queue = append(queue, u)
		}
	}
	// follow checks a link and queues its target.
	follow := func(l crawlLink) {
		u := *l.to
		if built != nil && u.Host == built.Host && strings.HasPrefix(u.Path, built.Path) {
			u.Scheme, u.Host, u.Path = base.Scheme, base.Host, base.Path+strings.TrimPrefix(u.Path, built.Path)
		}
		switch {
		case u.Scheme == "mailto" || u.Scheme == "tel" || u.Scheme == "data" || u.Scheme == "javascript":
			return
		case u.Host != base.Host:
			if !l.nav {
				t.Errorf("%s: loads a resource from another site: %s", l.from, l.to)
			}
			res.External[u.String()] = true
			return
		case !strings.HasPrefix(u.Path, base.Path):
			t.Errorf("%s: link %s leaves the site's path %s (baseURL not respected)", l.from, l.to, base.Path)
			return
		}
		if u.Fragment != "" {
			withFragment := u
			frags = append(frags, crawlLink{to: &withFragment, from: l.from})
		}
		u.Fragment, u.RawFragment, u.RawQuery = "", "", ""
		enqueue(u.String(), l.from)
	}
	enqueue(base.String(), "start")
	for _, s := range c.Start {
		enqueue(s, "start")
	}
	visited := map[string]bool{}
	for len(queue) > 0 || len(visitQueue) > 0 {
		for len(queue) > 0 {
			u := queue[0]
			queue = queue[1:]
			r, err := fetch(client, u)
			if err != nil {
				t.Errorf("GET %s (linked from %s): %v", u, seen[u], err)
				continue
			}
			r.From = seen[u]
			res.URLs = append(res.URLs, u)
			if c.Check != nil {
				c.Check(t, r)
			}
			var links []hosting.Link
			switch r.MediaType {
			case "text/html":
				res.Pages = append(res.Pages, u)
				visitQueue = append(visitQueue, u)
				ids[u] = elementIDs(r.Body)
				links = hosting.Links(r.Body)
			case "text/css":
				for _, l := range hosting.CSSLinks(r.Body) {
					links = append(links, hosting.Link{URL: l})
				}
			}
			for _, l := range links {
				ref, err := url.Parse(strings.TrimSpace(l.URL))
				if err != nil {
					t.Errorf("%s: bad URL %q: %v", u, l.URL, err)
					continue
				}
				follow(crawlLink{to: r.URL.ResolveReference(ref), from: u, nav: l.Nav})
			}
		}
		if c.Tab == nil {
			visitQueue = nil
		}
		for len(visitQueue) > 0 && len(queue) == 0 {
			p := visitQueue[0]
			visitQueue = visitQueue[1:]
			if visited[p] {
				continue
			}
			visited[p] = true
			for _, l := range c.visit(t, p) {
				ref, err := url.Parse(l)
				if err != nil {
					t.Errorf("%s: bad URL %q in the DOM: %v", p, l, err)
					continue
				}
				follow(crawlLink{to: ref, from: p + " (DOM)", nav: true})
			}
		}
	}
	if c.Tab != nil {
		c.Tab.endVisit()
	}
	for _, f := range frags {
		page := *f.to
		frag := page.Fragment
		page.Fragment, page.RawFragment, page.RawQuery = "", "", ""
		pageIDs, ok := ids[page.String()]
		if !ok {
			continue // not an HTML page: reported when it was fetched
		}
		res.Fragments = append(res.Fragments, f.to.String())
		if !pageIDs[frag] {
			t.Errorf("%s: link %s: no element with id %q on that page", f.from, f.to, frag)
		}
	}
	sort.Strings(res.URLs)
	sort.Strings(res.Pages)
	sort.Strings(res.Fragments)
	res.Fragments = slices.Compact(res.Fragments)
	return res
}

// visit loads the page in the tab, awaits its ready condition and returns
// the links of its DOM (resolved by the browser).
func (c Crawl) visit(t testing.TB, page string) []string {
	t.Helper()
	u, ready := page, ""
	if c.Visit != nil {
		u, ready = c.Visit(page)
	}
	c.Tab.Navigate(t, u)
	if ready != "" {
		c.Tab.WaitFor(t, ready)
	}
	return Eval[[]string](t, c.Tab, `[...document.querySelectorAll("a[href], area[href], link[href], script[src], img[src], iframe[src], source[src]")].map(e => e.href || e.src)`)
}

// fetch GETs u, asking for gzip, and decodes the body; a status other than
// 200 is an error.
func fetch(client *http.Client, u string) (*Response, error) {
	req, err := http.NewRequest("GET", u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept-Encoding", "gzip")
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, &statusError{resp.Status, resp.Header.Get("Location")}
	}
	var r io.Reader = resp.Body
	if resp.Header.Get("Content-Encoding") == "gzip" {
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return nil, err
		}
		r = zr
	}
	body, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	mt, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	return &Response{URL: resp.Request.URL, Header: resp.Header, MediaType: mt, Body: body}, nil
}

type statusError struct{ status, location string }

func (e *statusError) Error() string {
	if e.location != "" {
		return e.status + " to " + e.location
	}
	return e.status
}

// elementIDs returns the ids of a page's elements (and the names of its
// <a name> anchors, which fragments also reach).
func elementIDs(page []byte) map[string]bool {
	out := map[string]bool{}
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			for _, a := range tok.Attr {
				if a.Key == "id" || (tok.Data == "a" && a.Key == "name") {
					out[a.Val] = true
				}
			}
		}
	}
}
