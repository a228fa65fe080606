package searchtest

import (
	"fmt"
	"net/url"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"policysite/tools/sitetest"
)

// TestArchive: the search on an archive of many articles, whose data
// arrives in batches after the newest article (included in the page).
func TestArchive(t *testing.T) {
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
	f := &fixture{dir: public, base: base, browser: sitetest.Browser(t)}
	t.Run("Traditional", func(t *testing.T) { testTraditional(t, f, articles) })
	t.Run("Growing", func(t *testing.T) { testGrowing(t, f, site) })
	t.Run("Headings", func(t *testing.T) { testHeadings(t, f) })
}

// testHeadings: on an archive, a page's heading among the results names
// its article too (sections of different articles may share a title): no
// two headings of different articles read the same, for the eye or for a
// screen reader (the titles apart: "…, in …").
func testHeadings(t *testing.T, f *fixture) {
	for _, c := range []struct{ lang, q string }{{"en", "island"}, {"zh", "海洋"}} {
		tab := f.open(t, c.lang, "q="+url.QueryEscape(c.q))
		tab.WaitFor(t, waitDone(0))
		type head struct{ Text, Href, Article string }
		heads := sitetest.Eval[[]head](t, tab, `[...document.querySelectorAll('#search-results .search-group h2 a')].map(a => ({
		  Text: a.textContent, Href: a.getAttribute('href'), Article: (a.querySelector('.search-article') || {}).textContent || ''}))`)
		seen := map[string]string{} // heading → its article's path
		named := 0
		for _, h := range heads {
			parts := strings.Split(strings.Trim(h.Href, "/"), "/")
			article := strings.Join(parts[:min(len(parts), 3)], "/")
			if other, ok := seen[h.Text]; ok && other != article {
				t.Errorf("%s %q: headings of two articles read %q", c.lang, c.q, h.Text)
			}
			seen[h.Text] = article
			if h.Article != "" {
				named++
				if i := strings.Index(h.Text, h.Article); i <= 0 || !strings.ContainsAny(h.Text[:i], ",，") {
					t.Errorf("%s %q: heading %q: its article's title is not set apart from the page's", c.lang, c.q, h.Text)
				}
			}
		}
		if len(heads) < 2 || named == 0 {
			t.Errorf("%s %q: %d headings, %d naming their article", c.lang, c.q, len(heads), named)
		}
		tab.Check(t)
	}
}

// testTraditional: a query in traditional characters finds the newest
// article's paragraphs (included in the page) without waiting for the
// rest of the archive: the search folds it to simplified characters as
// soon as what is loaded has no match, rather than after loading every
// article to search it unfolded. A query in simplified characters gets its
// first results without the map.
func testTraditional(t *testing.T, f *fixture, articles int) {
	base, browser := f.base, f.browser
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

// testGrowing: as an archive's data arrives, the results only grow: no
// result shown is taken off the page, and the count is announced once,
// when it is final (the count so far, or "Loading…", is shown beside the
// live region).
// The queries are words that the newest article (in the page) has only as
// the beginning of longer words (deep in deepen) while other articles have
// the word itself: matched by prefix in the newest article alone, by the
// word once the rest has arrived. And a word every article has.
func testGrowing(t *testing.T, f *fixture, site string) {
	c, err := LoadCorpus(site)
	if err != nil {
		t.Fatal(err)
	}
	tab := f.open(t, "en", "")
	newest := sitetest.Eval[string](t, tab, `Object.keys(JSON.parse(document.getElementById('search-data').textContent).included)[0].split('/').at(-2)`)
	words := map[bool]map[string]bool{true: {}, false: {}} // in the newest article, or not
	for _, b := range c.Blocks["en"] {
		for _, w := range Words(b.Text) {
			words[b.Article == newest][w] = true
		}
	}
	var queries []string
	for w := range words[false] {
		if len(w) < 4 || words[true][w] || !strings.ContainsFunc(w, func(r rune) bool { return r >= 'a' && r <= 'z' }) {
			continue
		}
		prefixed, sameStem := false, false
		for n := range words[true] {
			sameStem = sameStem || Stem(n) == Stem(w)
			prefixed = prefixed || strings.HasPrefix(n, w) || strings.HasPrefix(Stem(n), Stem(w))
		}
		if prefixed && !sameStem {
			queries = append(queries, w)
		}
	}
	slices.Sort(queries)
	if len(queries) == 0 {
		t.Fatalf("no word of the archive is only a prefix in the newest article (%s)", newest)
	}
	queries = append(queries[:min(3, len(queries))], "island")
	probe := `window.__growing = {removed: [], status: []};
	new MutationObserver((records) => {
	  for (const r of records) for (const n of r.removedNodes) {
	    if (n.nodeType !== 1) continue;
	    for (const li of n.matches('li.search-hit') ? [n] : n.querySelectorAll('li.search-hit')) __growing.removed.push(li.querySelector('a.search-hit-link').getAttribute('href'));
	  }
	  const s = document.getElementById('search-status');
	  if (s && s.textContent !== (__growing.status.at(-1) ?? '')) __growing.status.push(s.textContent);
	}).observe(document, {childList: true, subtree: true, characterData: true});`
	for _, lang := range []string{"en", "zh"} {
		for _, q := range queries {
			name := fmt.Sprintf("%s %q", lang, q)
			tab := f.probed(t, nil, probe, lang, q, false)
			type record struct {
				Removed, Status []string
				Count           string
				Hits            int
			}
			// A result made again in its place (its block in the other
			// language arrived) is not taken off: one missing at the end is.
			r := sitetest.Eval[record](t, tab, `({Removed: __growing.removed.filter(h => !document.querySelector('#search-results a.search-hit-link[href="' + CSS.escape(h) + '"]')), Status: __growing.status.filter(s => s !== ''),
			  Count: document.getElementById('search-status').textContent, Hits: document.querySelectorAll('li.search-hit').length})`)
			t.Logf("%s: %d results; announced %q", name, r.Hits, r.Status)
			if r.Hits == 0 {
				t.Errorf("%s: no results", name)
			}
			if len(r.Removed) > 0 {
				t.Errorf("%s: %d results shown, then taken off the page as the archive arrived: %v", name, len(r.Removed), r.Removed)
			}
			// The live region holds the final count and nothing before it:
			// neither the counts so far nor "Loading…" (said again at each
			// keystroke of a reader typing), which are shown beside it.
			if len(r.Status) != 1 || r.Status[0] != r.Count {
				t.Errorf("%s: the live region said %q, want only the final count %q", name, r.Status, r.Count)
			}
			tab.Check(t)
		}
	}
}
