package searchtest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"policysite/tools/sitetest"
)

const prefix = "/site/"

// TestSearch runs the browser checks of the search page on one build and
// one browser.
func TestSearch(t *testing.T) {
	f := setup(t)
	for _, c := range []struct {
		name string
		fn   func(*testing.T, *fixture)
	}{{"Queries", testQueries}, {"BothLanguages", testBothLanguages}, {"Escaping", testEscaping}, {"Keyboard", testKeyboard}, {"Typing", testTyping}, {"Paging", testPaging}, {"Axe", testAxe}} {
		t.Run(c.name, func(t *testing.T) { c.fn(t, f) })
	}
}

type fixture struct {
	dir, base string
	corpus    *Corpus
	browser   context.Context
}

var pinyinKeys = map[string]bool{}

func setup(t *testing.T) *fixture {
	t.Helper()
	c, err := LoadCorpus(sitetest.Root())
	if err != nil {
		t.Fatal(err)
	}
	dir := sitetest.Build(t, "http://example.org"+prefix)
	base := sitetest.Serve(t, dir, prefix)
	return &fixture{dir: dir, base: base, corpus: c, browser: sitetest.Browser(t)}
}

// hit is one rendered result.
type hit struct {
	ID, Href, Lang, Snippet string
	Marks                   []string
	Aligned                 *struct{ Lang, Href, ID string }
}

type state struct {
	Status string
	Hits   []hit
	URL    string
}

// readJS first renders every hit: the list shows 50 at a time, and each
// click of "show more" renders the next 50 (the status announces the
// total). So the checks below still see the complete result set.
const readJS = `(() => {
  for (let b, k = 0; (b = document.querySelector('#search-results .search-more')) && k < 10000; k++) b.click();
  return {
  Status: document.getElementById('search-status').textContent,
  URL: location.href,
  Hits: [...document.querySelectorAll('#search-results li.search-hit')].map(li => {
    const a = li.querySelector('a.search-hit-link');
    const al = li.querySelector('.search-aligned');
    return {ID: a.dataset.id, Href: a.getAttribute('href'), Lang: li.lang,
      Snippet: a.querySelector('.search-snippet').textContent,
      Marks: [...a.querySelectorAll('mark')].map(m => m.textContent),
      Aligned: al ? {Lang: al.lang, Href: al.querySelector('a').getAttribute('href'), ID: al.querySelector('a').dataset.id} : null};
  }),
  };
})()`

// waitDone is true once the page has rendered search number > after.
func waitDone(after int) string {
	return fmt.Sprintf(`+(document.documentElement.dataset.searchDone||0) > %d && document.documentElement.dataset.searchQ === document.getElementById('search-q').value.trim()`, after)
}

// search sets the query (as a shared URL would) and returns the results.
func (f *fixture) search(t *testing.T, tab *sitetest.Tab, lang, q string, both bool) state {
	t.Helper()
	js := fmt.Sprintf(`(() => { const d = +(document.documentElement.dataset.searchDone||0);
	  document.getElementById('search-both').checked = %v;
	  const i = document.getElementById('search-q'); i.value = %s;
	  document.getElementById('search-form').requestSubmit(); return d; })()`, both, jsString(q))
	done := sitetest.Eval[int](t, tab, js)
	tab.WaitFor(t, waitDone(done))
	return sitetest.Eval[state](t, tab, readJS)
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func (f *fixture) open(t *testing.T, lang, query string) *sitetest.Tab {
	t.Helper()
	tab := sitetest.NewTab(t, f.browser)
	u := f.base + lang + "/search/"
	if query != "" {
		u += "?" + query
	}
	tab.Navigate(t, u)
	tab.Do(t, chromedp.WaitReady("#search-form"))
	return tab
}

// testQueries checks every development query: exactly the expected blocks,
// every hit highlighted, links to the block's anchor on its page.
func testQueries(t *testing.T, f *fixture) {
	for _, lang := range []string{"zh", "en"} {
		tab := f.open(t, lang, "")
		for _, q := range Queries[lang] {
			want := f.corpus.Expect(lang, q)
			st := f.search(t, tab, lang, q, false)
			var got []string
			for _, h := range st.Hits {
				got = append(got, h.ID)
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("%s %q: got %v, want %v", lang, q, got, want)
				continue
			}
			if len(want) == 0 && !strings.Contains(st.Status, "") {
				t.Errorf("%s %q: no status", lang, q)
			}
			for _, h := range st.Hits {
				f.checkHit(t, lang, q, h)
			}
		}
		tab.Check(t)
	}
}

var anchorRE = regexp.MustCompile(`^` + regexp.QuoteMeta(prefix) + `(zh|en)/([^#]*)#([\w-]+)$`)

func (f *fixture) checkHit(t *testing.T, lang, q string, h hit) {
	t.Helper()
	if h.Lang != lang {
		t.Errorf("%s %q %s: lang %q", lang, q, h.ID, h.Lang)
	}
	if len(h.Marks) == 0 {
		t.Errorf("%s %q %s: nothing highlighted in %q", lang, q, h.ID, h.Snippet)
	}
	if regexp.MustCompile(`^s\d+$`).MatchString(h.ID) {
		// A section heading links to its section page.
		if !regexp.MustCompile(`^` + regexp.QuoteMeta(prefix+lang+"/") + `[^#]+/$`).MatchString(h.Href) {
			t.Errorf("%s %q %s: heading link %q", lang, q, h.ID, h.Href)
		}
		return
	}
	m := anchorRE.FindStringSubmatch(h.Href)
	if m == nil || m[1] != lang || m[3] != h.ID {
		t.Errorf("%s %q %s: link %q is not a block anchor", lang, q, h.ID, h.Href)
		return
	}
	// The anchor exists on the linked page (paragraphs, headings, items).
	if regexp.MustCompile(`^p\d`).MatchString(h.ID) {
		b, err := os.ReadFile(filepath.Join(f.dir, m[1], filepath.FromSlash(m[2]), "index.html"))
		if err != nil {
			t.Errorf("%s %q %s: %v", lang, q, h.ID, err)
		} else if !regexp.MustCompile(`id="?` + regexp.QuoteMeta(h.ID) + `["\s>]`).Match(b) {
			t.Errorf("%s %q: %s has no element with id %s", lang, q, h.Href, h.ID)
		}
	}
}

// testBothLanguages: a hit in one language shows its aligned block in the other.
func testBothLanguages(t *testing.T, f *fixture) {
	tab := f.open(t, "zh", "q="+url.QueryEscape("common prosperity")+"&both=1")
	tab.WaitFor(t, waitDone(0))
	st := sitetest.Eval[state](t, tab, readJS)
	want := f.corpus.Expect("en", "common prosperity")
	var got []string
	for _, h := range st.Hits {
		if h.Lang != "en" {
			t.Errorf("hit %s in %s, want en", h.ID, h.Lang)
		}
		if h.Aligned == nil || h.Aligned.Lang != "zh" || h.Aligned.ID != h.ID || !strings.HasPrefix(h.Aligned.Href, prefix+"zh/") {
			t.Errorf("hit %s: aligned %+v", h.ID, h.Aligned)
		}
		got = append(got, h.ID)
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if !strings.Contains(st.URL, "both=1") {
		t.Errorf("URL %s lost both=1", st.URL)
	}
	// A Chinese query with both: zh hits, each with its English block.
	st = f.search(t, tab, "zh", "共同富裕", true)
	if len(st.Hits) == 0 {
		t.Fatal("no hits for 共同富裕")
	}
	for _, h := range st.Hits {
		if h.Lang != "zh" || h.Aligned == nil || h.Aligned.Lang != "en" {
			t.Errorf("hit %s (%s): aligned %+v", h.ID, h.Lang, h.Aligned)
		}
	}
}

// testEscaping: markup in a query or in the page text is shown as text.
func testEscaping(t *testing.T, f *fixture) {
	// A copy of the site whose data holds markup in a paragraph.
	root := sitetest.Root()
	sitetest.Watch(root, sitetest.SiteInputs...)
	src := t.TempDir()
	for _, d := range []string{"config.toml", "content", "data", "layouts", "assets", "i18n", "static"} {
		if _, err := os.Stat(filepath.Join(root, d)); err == nil {
			if out, err := exec.Command("cp", "-r", filepath.Join(root, d), src).CombinedOutput(); err != nil {
				t.Fatalf("cp: %v %s", err, out)
			}
		}
	}
	evil := `<img src=x onerror="window.__xss=1">`
	files, _ := filepath.Glob(filepath.Join(src, "data", "articles", "*.json"))
	b, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	var art map[string]any
	if err := json.Unmarshal(b, &art); err != nil {
		t.Fatal(err)
	}
	for _, bl := range art["blocks"].([]any) {
		m := bl.(map[string]any)
		if m["id"] == "p2" {
			tx := m["text"].(map[string]any)
			tx["zh"] = tx["zh"].(string) + "注入测试" + evil
		}
	}
	b, _ = json.Marshal(art)
	os.WriteFile(files[0], b, 0o644)
	out := t.TempDir()
	sitetest.BuildTo(t, src, "http://example.org/", out)
	base := sitetest.Serve(t, out, "/")
	tab := sitetest.NewTab(t, f.browser)
	for _, q := range []string{"注入测试", evil, "onerror"} {
		tab.Navigate(t, base+"zh/search/?q="+url.QueryEscape(q))
		tab.WaitFor(t, waitDone(0))
		st := sitetest.Eval[state](t, tab, readJS)
		xss := sitetest.Eval[bool](t, tab, `!!window.__xss`)
		imgs := sitetest.Eval[int](t, tab, `document.querySelectorAll('#search-results img, #search-status img').length`)
		if xss || imgs > 0 {
			t.Errorf("%q: markup ran (xss=%v, img=%d)", q, xss, imgs)
		}
		if len(st.Hits) != 1 || st.Hits[0].ID != "p2" || !strings.Contains(st.Hits[0].Snippet, "<img") {
			t.Errorf("%q: want p2 with the markup as text, got %+v", q, st.Hits)
		}
	}
}

// testKeyboard: "/" focuses the box, arrows move through results, Enter
// opens one and the paragraph is the :target; the count is announced.
func testKeyboard(t *testing.T, f *fixture) {
	tab := f.open(t, "zh", "")
	focused := `document.activeElement.id || document.activeElement.dataset.id || document.activeElement.tagName`
	tab.Do(t, chromedp.KeyEvent("/"))
	active := sitetest.Eval[string](t, tab, focused)
	live := sitetest.Eval[string](t, tab, `document.getElementById('search-status').getAttribute('aria-live')`)
	label := sitetest.Eval[string](t, tab, `document.querySelector('label[for=search-q]').textContent.trim()`)
	if active != "search-q" || live != "polite" || label == "" {
		t.Fatalf("after /: focus %q, aria-live %q, label %q", active, live, label)
	}
	tab.Do(t, chromedp.KeyEvent("海洋"))
	tab.WaitFor(t, waitDone(0))
	st := sitetest.Eval[state](t, tab, readJS)
	if len(st.Hits) < 2 {
		t.Fatalf("海洋: %d hits", len(st.Hits))
	}
	if !strings.Contains(st.Status, fmt.Sprint(len(st.Hits))) {
		t.Errorf("status %q does not announce %d results", st.Status, len(st.Hits))
	}
	var seq []string
	for _, k := range []string{kb.ArrowDown, kb.ArrowDown, kb.ArrowUp} {
		tab.Do(t, chromedp.KeyEvent(k))
		seq = append(seq, sitetest.Eval[string](t, tab, focused))
	}
	if want := []string{st.Hits[0].ID, st.Hits[1].ID, st.Hits[0].ID}; !slices.Equal(seq, want) {
		t.Errorf("arrow focus %v, want %v", seq, want)
	}
	// The URL follows the query (debounced replaceState).
	tab.WaitFor(t, `location.search.includes('q=')`)
	if u := sitetest.Eval[string](t, tab, `decodeURIComponent(location.search)`); !strings.Contains(u, "海洋") {
		t.Errorf("URL query %q", u)
	}
	tab.Do(t, chromedp.KeyEvent(kb.Enter))
	tab.WaitFor(t, `!location.href.includes("/search/")`)
	tab.Do(t, chromedp.WaitReady("body"))
	// The page opened is the result's; a paragraph is the :target.
	href := sitetest.Eval[string](t, tab, `location.pathname + location.hash`)
	if href != st.Hits[0].Href {
		t.Errorf("Enter opened %s, want %s", href, st.Hits[0].Href)
	}
	if _, id, ok := strings.Cut(st.Hits[0].Href, "#"); ok {
		if target := sitetest.Eval[string](t, tab, `(document.querySelector(':target')||{}).id||''`); target != id {
			t.Errorf("Enter: :target %q, want %s", target, id)
		}
	}
}

// testPaging: the list renders a page of hits at a time (data-page-size,
// 50 on the site, 3 here so the site's own queries need several pages)
// while the status announces the total; "show more" renders the next page,
// continuing the last page's group, until exactly the expected hits are
// shown, each once; arrow keys reach the hits rendered by "show more".
func testPaging(t *testing.T, f *fixture) {
	for _, c := range []struct{ lang, q string }{{"en", "island"}, {"zh", "海洋"}, {"en", "common prosperity"}} {
		tab := f.open(t, c.lang, "")
		sitetest.Eval[bool](t, tab, `document.getElementById('search-form').dataset.pageSize = '3', true`)
		js := fmt.Sprintf(`(() => { const d = +(document.documentElement.dataset.searchDone||0);
		  const i = document.getElementById('search-q'); i.value = %s;
		  document.getElementById('search-form').requestSubmit(); return d; })()`, jsString(c.q))
		tab.WaitFor(t, waitDone(sitetest.Eval[int](t, tab, js)))
		want := f.corpus.Expect(c.lang, c.q)
		if len(want) <= 3 {
			t.Fatalf("%s %q: %d expected hits, too few to page", c.lang, c.q, len(want))
		}
		type page struct {
			Shown, Groups int
			More, Status  string
		}
		const read = `({Shown: document.querySelectorAll('#search-results li.search-hit').length,
		  Groups: document.querySelectorAll('#search-results .search-group').length,
		  More: (document.querySelector('#search-results .search-more')||{}).textContent||'',
		  Status: document.getElementById('search-status').textContent})`
		p := sitetest.Eval[page](t, tab, read)
		if p.Shown != 3 || p.More == "" || !strings.Contains(p.Status, fmt.Sprint(len(want))) {
			t.Errorf("%s %q: first page %+v, want 3 hits, a more button and the total %d", c.lang, c.q, p, len(want))
		}
		// Keyboard: the first "show more" moves focus to its first new hit.
		tab.Do(t, chromedp.Click(chromedp.CSS("#search-results .search-more")))
		if id := sitetest.Eval[string](t, tab, `document.activeElement.dataset.id||''`); id == "" {
			t.Errorf("%s %q: focus after show more is not on a hit", c.lang, c.q)
		}
		st := sitetest.Eval[state](t, tab, readJS)
		p = sitetest.Eval[page](t, tab, read)
		var got []string
		for _, h := range st.Hits {
			got = append(got, h.ID)
		}
		groups := map[string]bool{}
		for _, h := range st.Hits {
			u, _, _ := strings.Cut(h.Href, "#")
			groups[u] = true
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s %q paged: got %v, want %v", c.lang, c.q, got, want)
		}
		if p.More != "" || p.Groups != len(groups) {
			t.Errorf("%s %q: after show more: %+v, want no button and %d groups (one per page)", c.lang, c.q, p, len(groups))
		}
	}
}

// testTyping: the last word, still being typed, matches as a prefix (only
// when it matches no word as it stands), and the URL follows.
func testTyping(t *testing.T, f *fixture) {
	tab := f.open(t, "en", "")
	tab.Do(t, chromedp.Focus("#search-q"), chromedp.KeyEvent("common prosp"))
	tab.WaitFor(t, waitDone(0))
	st := sitetest.Eval[state](t, tab, readJS)
	var want, got []string
	for _, b := range f.corpus.Blocks["en"] {
		var common, prosp bool
		for _, w := range Words(b.Text) {
			common = common || Stem(w) == "common"
			prosp = prosp || strings.HasPrefix(w, "prosp")
		}
		if common && prosp {
			want = append(want, b.ID)
		}
	}
	for _, h := range st.Hits {
		got = append(got, h.ID)
	}
	slices.Sort(want)
	slices.Sort(got)
	if len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("typing \"common prosp\": got %v, want %v", got, want)
	}
}

// testAxe runs axe-core on the search page with results in both languages.
func testAxe(t *testing.T, f *fixture) {
	for _, c := range []struct{ lang, q string }{{"zh", "q=" + url.QueryEscape("海洋 科技") + "&both=1"}, {"en", "q=island"}, {"en", "q=zzzz"}} {
		tab := f.open(t, c.lang, c.q)
		tab.WaitFor(t, waitDone(0))
		for _, v := range tab.Axe(t) {
			t.Errorf("%s %s: %s", c.lang, c.q, v)
		}
	}
}

func TestMain(m *testing.M) {
	code := m.Run()
	sitetest.RemoveBuilds()
	os.Exit(code)
}
