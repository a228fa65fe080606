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
	"time"

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
	ctx       context.Context
}

var pinyinKeys = map[string]bool{}

func setup(t *testing.T) *fixture {
	t.Helper()
	root := sitetest.Root(t)
	c, err := LoadCorpus(root)
	if err != nil {
		t.Fatal(err)
	}
	dir := sitetest.Build(t, "http://example.org"+prefix)
	base := sitetest.Serve(t, dir, prefix)
	ctx := sitetest.Browser(t)
	return &fixture{dir: dir, base: base, corpus: c, ctx: ctx}
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

// waitDone waits until the page has rendered search number > after.
func waitDone(after int) chromedp.Action[chromedp.Void] {
	return poll(fmt.Sprintf(`+(document.documentElement.dataset.searchDone||0) > %d && document.documentElement.dataset.searchQ === document.getElementById('search-q').value.trim()`, after))
}

func poll(expr string) chromedp.Action[chromedp.Void] {
	p := chromedp.Poll[bool](expr, chromedp.WithPollingTimeout(15*time.Second))
	return func(ctx context.Context, t *chromedp.Target) (chromedp.Void, error) {
		_, err := p(ctx, t)
		return chromedp.Void{}, err
	}
}

// search sets the query (as a shared URL would) and returns the results.
func (f *fixture) search(t *testing.T, ctx context.Context, lang, q string, both bool) state {
	t.Helper()
	js := fmt.Sprintf(`(() => { const d = +(document.documentElement.dataset.searchDone||0);
	  document.getElementById('search-both').checked = %v;
	  const i = document.getElementById('search-q'); i.value = %s;
	  document.getElementById('search-form').requestSubmit(); return d; })()`, both, jsString(q))
	done := ev[int](t, ctx, js)
	do(t, ctx, waitDone(done))
	return ev[state](t, ctx, readJS)
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func (f *fixture) open(t *testing.T, lang, query string) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(f.ctx)
	t.Cleanup(cancel)
	u := f.base + lang + "/search/"
	if query != "" {
		u += "?" + query
	}
	do(t, ctx, chromedp.Navigate(u), chromedp.WaitReady("#search-form"))
	return ctx
}

// testQueries checks every development query: exactly the expected blocks,
// every hit highlighted, links to the block's anchor on its page.
func testQueries(t *testing.T, f *fixture) {
	for _, lang := range []string{"zh", "en"} {
		ctx, cancel := chromedp.NewContext(f.ctx)
		defer cancel()
		rec := sitetest.Record(t, ctx)
		do(t, ctx, chromedp.Navigate(f.base+lang+"/search/"), chromedp.WaitReady("#search-form"))
		for _, q := range Queries[lang] {
			want := f.corpus.Expect(lang, q)
			st := f.search(t, ctx, lang, q, false)
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
		if p := slices.DeleteFunc(rec.Problems(), func(s string) bool { return strings.Contains(s, "favicon.ico") }); len(p) > 0 {
			t.Errorf("%s: page problems: %v", lang, p)
		}
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
	ctx := f.open(t, "zh", "q="+url.QueryEscape("common prosperity")+"&both=1")
	do(t, ctx, waitDone(0))
	st := ev[state](t, ctx, readJS)
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
	st = f.search(t, ctx, "zh", "共同富裕", true)
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
	root := sitetest.Root(t)
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
	cmd := exec.Command("go", "tool", "hugo", "--quiet", "--source", src, "-d", out, "-b", "http://example.org/", "--cacheDir", t.TempDir())
	cmd.Dir = root
	if o, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("hugo: %v\n%s", err, o)
	}
	base := sitetest.Serve(t, out, "/")
	ctx, cancel := chromedp.NewContext(f.ctx)
	defer cancel()
	for _, q := range []string{"注入测试", evil, "onerror"} {
		do(t, ctx, chromedp.Navigate(base+"zh/search/?q="+url.QueryEscape(q)), waitDone(0))
		st := ev[state](t, ctx, readJS)
		xss := ev[bool](t, ctx, `!!window.__xss`)
		imgs := ev[int](t, ctx, `document.querySelectorAll('#search-results img, #search-status img').length`)
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
	ctx := f.open(t, "zh", "")
	focused := `document.activeElement.id || document.activeElement.dataset.id || document.activeElement.tagName`
	do(t, ctx, chromedp.KeyEvent("/"))
	active := ev[string](t, ctx, focused)
	live := ev[string](t, ctx, `document.getElementById('search-status').getAttribute('aria-live')`)
	label := ev[string](t, ctx, `document.querySelector('label[for=search-q]').textContent.trim()`)
	if active != "search-q" || live != "polite" || label == "" {
		t.Fatalf("after /: focus %q, aria-live %q, label %q", active, live, label)
	}
	do(t, ctx, chromedp.KeyEvent("海洋"), waitDone(0))
	st := ev[state](t, ctx, readJS)
	if len(st.Hits) < 2 {
		t.Fatalf("海洋: %d hits", len(st.Hits))
	}
	if !strings.Contains(st.Status, fmt.Sprint(len(st.Hits))) {
		t.Errorf("status %q does not announce %d results", st.Status, len(st.Hits))
	}
	var seq []string
	for _, k := range []string{kb.ArrowDown, kb.ArrowDown, kb.ArrowUp} {
		do(t, ctx, chromedp.KeyEvent(k))
		seq = append(seq, ev[string](t, ctx, focused))
	}
	if want := []string{st.Hits[0].ID, st.Hits[1].ID, st.Hits[0].ID}; !slices.Equal(seq, want) {
		t.Errorf("arrow focus %v, want %v", seq, want)
	}
	// The URL follows the query (debounced replaceState).
	do(t, ctx, poll(`location.search.includes('q=')`))
	if u := ev[string](t, ctx, `decodeURIComponent(location.search)`); !strings.Contains(u, "海洋") {
		t.Errorf("URL query %q", u)
	}
	do(t, ctx, chromedp.KeyEvent(kb.Enter))
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		loc, err := chromedp.Run(ctx, chromedp.Location())
		if err == nil && !strings.Contains(loc, "/search/") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("Enter did not open the result (at %s, %v)", loc, err)
		}
	}
	do(t, ctx, chromedp.WaitReady("body"))
	// The page opened is the result's; a paragraph is the :target.
	href := ev[string](t, ctx, `location.pathname + location.hash`)
	if href != st.Hits[0].Href {
		t.Errorf("Enter opened %s, want %s", href, st.Hits[0].Href)
	}
	if _, id, ok := strings.Cut(st.Hits[0].Href, "#"); ok {
		if target := ev[string](t, ctx, `(document.querySelector(':target')||{}).id||''`); target != id {
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
		ctx := f.open(t, c.lang, "")
		ev[bool](t, ctx, `document.getElementById('search-form').dataset.pageSize = '3', true`)
		js := fmt.Sprintf(`(() => { const d = +(document.documentElement.dataset.searchDone||0);
		  const i = document.getElementById('search-q'); i.value = %s;
		  document.getElementById('search-form').requestSubmit(); return d; })()`, jsString(c.q))
		do(t, ctx, waitDone(ev[int](t, ctx, js)))
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
		p := ev[page](t, ctx, read)
		if p.Shown != 3 || p.More == "" || !strings.Contains(p.Status, fmt.Sprint(len(want))) {
			t.Errorf("%s %q: first page %+v, want 3 hits, a more button and the total %d", c.lang, c.q, p, len(want))
		}
		// Keyboard: the first "show more" moves focus to its first new hit.
		do(t, ctx, chromedp.Click(chromedp.CSS("#search-results .search-more")))
		if id := ev[string](t, ctx, `document.activeElement.dataset.id||''`); id == "" {
			t.Errorf("%s %q: focus after show more is not on a hit", c.lang, c.q)
		}
		st := ev[state](t, ctx, readJS)
		p = ev[page](t, ctx, read)
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
	ctx := f.open(t, "en", "")
	do(t, ctx, chromedp.Focus("#search-q"), chromedp.KeyEvent("common prosp"), waitDone(0))
	st := ev[state](t, ctx, readJS)
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
	nm := sitetest.NodeModules(t)
	axe, err := os.ReadFile(filepath.Join(nm, "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ lang, q string }{{"zh", "q=" + url.QueryEscape("海洋 科技") + "&both=1"}, {"en", "q=island"}, {"en", "q=zzzz"}} {
		ctx := f.open(t, c.lang, c.q)
		do(t, ctx, waitDone(0))
		ev[bool](t, ctx, string(axe)+";true")
		res := ev[[]struct {
			ID    string
			Nodes []struct{ HTML string }
		}](t, ctx, `axe.run(document).then(r => r.violations.map(v => ({ID: v.id, Nodes: v.nodes.map(n => ({HTML: n.html}))})))`, chromedp.EvalAwaitPromise)
		for _, v := range res {
			t.Errorf("%s %s: axe %s: %+v", c.lang, c.q, v.ID, v.Nodes)
		}
	}
}

// ev evaluates a JavaScript expression in the tab and returns its value.
func ev[T any](t *testing.T, ctx context.Context, expr string, opts ...chromedp.EvaluateOption) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, opts...))
	if err != nil {
		t.Fatalf("evaluate %.60s: %v", expr, err)
	}
	return v
}

func do(t *testing.T, ctx context.Context, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}
