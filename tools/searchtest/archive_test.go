package searchtest

import (
	"net/url"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"policysite/tools/sitetest"
)

// TestTraditionalOnArchive: on an archive of many articles, a query in
// traditional characters finds the newest article's paragraphs (included
// in the page) without waiting for the rest of the archive: the search
// folds it to simplified characters as soon as what is loaded has no match,
// rather than after loading every article to search it unfolded. A query
// in simplified characters gets its first results without the map.
func TestTraditionalOnArchive(t *testing.T) {
	const articles = 12
	root := sitetest.Root()
	site := filepath.Join(t.TempDir(), "site")
	for _, args := range [][]string{
		{"run", "./tools/synth", "-n", "12", "-out", site},
		{"run", "./tools/split", "-root", site},
	} {
		cmd := exec.Command("go", args...)
		cmd.Dir = root
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
	public := filepath.Join(t.TempDir(), "public")
	sitetest.BuildTo(t, site, "http://example.org"+prefix, public)
	base := sitetest.Serve(t, public, prefix)
	browser := sitetest.Browser(t)

	// The JSON files whose responses ended before the first result.
	const before = `performance.getEntriesByType('resource').filter(e => e.responseEnd <= +document.documentElement.dataset.searchFirstMs).map(e => new URL(e.name).pathname).filter(p => p.endsWith('.json'))`
	for _, c := range []struct {
		q   string
		t2s bool // the map is needed for the first result
	}{{"兩個先行", true}, {"數字孿生", true}, {"两个先行", false}} {
		tab := sitetest.NewTab(t, browser)
		tab.Navigate(t, base+"zh/search/?q="+url.QueryEscape(c.q))
		tab.Do(t, chromedp.WaitReady("#search-form"))
		tab.WaitFor(t, waitDone(0))
		if n := sitetest.Eval[int](t, tab, `document.querySelectorAll('.search-hit').length`); n == 0 {
			t.Errorf("%q: no results", c.q)
			continue
		}
		files := sitetest.Eval[[]string](t, tab, before)
		var shards int
		var t2s bool
		for _, f := range files {
			shards += btoi(strings.HasSuffix(f, "/search.json"))
			t2s = t2s || strings.Contains(f, "/t2s.")
		}
		t.Logf("%q: before the first result: %v", c.q, files)
		if t2s != c.t2s {
			t.Errorf("%q: the traditional→simplified map fetched before the first result: %v, want %v", c.q, t2s, c.t2s)
		}
		// The newest article is in the page; the search may have asked for
		// the next batch (one article, then two…) meanwhile, not for all.
		if shards > 3 {
			t.Errorf("%q: %d of the %d articles' search data fetched before the first result: %v", c.q, shards, articles-1, files)
		}
		tab.Check(t)
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
