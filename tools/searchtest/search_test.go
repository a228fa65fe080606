package searchtest

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"maps"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
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
	}{{"Queries", testQueries}, {"BothLanguages", testBothLanguages}, {"Escaping", testEscaping}, {"Keyboard", testKeyboard},
		{"Arrival", testArrival}, {"History", testHistory}, {"Announcements", testAnnouncements}, {"GlossaryNote", testGlossaryNote}, {"LineBreaks", testLineBreaks}, {"Typing", testTyping}, {"Paging", testPaging}, {"TitleAndCount", testTitleAndCount}, {"LanguageSwitch", testLanguageSwitch},
		{"NoScript", testNoScript}, {"Requests", testRequests}, {"LongTasks", testLongTasks}, {"LayoutShift", testLayoutShift},
		{"Axe", testAxe}} {
		t.Run(c.name, func(t *testing.T) { c.fn(t, f) })
	}
}

type fixture struct {
	dir, base string
	corpus    *Corpus
	browser   context.Context
	labels    map[string]map[string]string // language → block id → label on the parallel page
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
	return &fixture{dir: dir, base: base, corpus: c, browser: sitetest.Browser(t), labels: parallelLabels(t, dir)}
}

// parallelLabels reads the block labels the parallel pages show (the row
// headers: ¶12, ¶3-6, Part 2…), per language.
func parallelLabels(t *testing.T, dir string) map[string]map[string]string {
	t.Helper()
	row := regexp.MustCompile(`<tr id="?([^" >]+)"?[^>]*>\s*<th scope="?row"?><a href="?#[^" >]+"?>([^<]*)</a>`)
	out := map[string]map[string]string{}
	for _, lang := range []string{"zh", "en"} {
		files, _ := filepath.Glob(filepath.Join(dir, lang, "*", "parallel", "index.html"))
		if len(files) == 0 {
			t.Fatalf("no parallel page in %s", lang)
		}
		out[lang] = map[string]string{}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range row.FindAllStringSubmatch(string(b), -1) {
				out[lang][m[1]] = html.UnescapeString(m[2])
			}
		}
	}
	return out
}

// hit is one rendered result: the block it links to, and the block in the
// other language shown beside it (Aligned), if any.
type hit struct {
	ID, Href, Lang, Label, Snippet string
	Marks                          []string
	Aligned                        *struct {
		Lang, ID, Text   string
		Marks, Sentences []string
		Links            int
	}
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
    return {ID: a.dataset.id, Href: a.getAttribute('href'), Lang: li.dataset.lang,
      Label: a.querySelector('.search-para').textContent,
      Snippet: a.querySelector('.search-snippet').textContent,
      Marks: [...a.querySelectorAll('mark')].map(m => m.textContent),
      Aligned: al ? {Lang: al.dataset.lang, ID: al.dataset.id, Text: al.textContent,
        Marks: [...al.querySelectorAll('mark:not(.search-sentence)')].map(m => m.textContent),
        Sentences: [...al.querySelectorAll('mark.search-sentence')].map(m => m.textContent),
        Links: al.querySelectorAll('a').length} : null};
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

// probed opens the search page for q in a new tab (at viewport vp, unless
// nil) with probe evaluated before any of the page's scripts, and waits
// until the results are complete.
func (f *fixture) probed(t *testing.T, vp *sitetest.Viewport, probe, lang, q string, both bool) *sitetest.Tab {
	t.Helper()
	tab := sitetest.NewTab(t, f.browser)
	if vp != nil {
		tab.Viewport(t, *vp)
	}
	tab.Do(t, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: probe})
		return err
	}))
	u := f.base + lang + "/search/?q=" + url.QueryEscape(q)
	if both {
		u += "&both=1"
	}
	tab.Navigate(t, u)
	tab.WaitFor(t, waitDone(0))
	return tab
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

// testQueries checks every development query and every cross-language
// query on both search pages, without "both languages": exactly the
// expected blocks, each linked in the expected language (the page's when it
// matched there), highlighted, labelled as the parallel page labels it,
// linked to its anchor naming the texts matched; a block found only in the
// other language has its block in the page's language beside it, as text.
func testQueries(t *testing.T, f *fixture) {
	for _, lang := range []string{"zh", "en"} {
		tab := f.open(t, lang, "")
		for _, q := range append(slices.Clone(Queries[lang]), CrossQueries[lang]...) {
			want := map[string]Hit{}
			for _, h := range f.corpus.ExpectHits(lang, q, false) {
				want[h.ID] = h
			}
			st := f.search(t, tab, lang, q, false)
			var got []string
			for _, h := range st.Hits {
				got = append(got, h.ID)
			}
			slices.Sort(got)
			wantIDs := slices.Sorted(maps.Keys(want))
			if !slices.Equal(got, wantIDs) {
				t.Errorf("%s %q: got %v, want %v", lang, q, got, wantIDs)
				continue
			}
			if len(want) == 0 && st.Status == "" {
				t.Errorf("%s %q: no status", lang, q)
			}
			for _, h := range st.Hits {
				f.checkHit(t, lang, q, h, want[h.ID])
			}
		}
		tab.Check(t)
	}
}

var anchorRE = regexp.MustCompile(`^` + regexp.QuoteMeta(prefix) + `(zh|en)/([^#?]*)\?((?:hl=[^&#]+&?)+)#([\w.-]+)$`)

func (f *fixture) checkHit(t *testing.T, lang, q string, h hit, want Hit) {
	t.Helper()
	if h.Lang != want.Primary {
		t.Errorf("%s %q %s: links to %q, want %q (matched in %v)", lang, q, h.ID, h.Lang, want.Primary, want.Langs)
	}
	if len(h.Marks) == 0 {
		t.Errorf("%s %q %s: nothing highlighted in %q", lang, q, h.ID, h.Snippet)
	}
	// Left-out text is marked by an element of its own (its hidden text,
	// for screen readers, is "[…]"), never by an ellipsis the text has not.
	if s := strings.ReplaceAll(h.Snippet, "[…]", ""); strings.Contains(s, "…") && !strings.Contains(f.blockText(h.Lang, h.ID), "…") {
		t.Errorf("%s %q %s: the excerpt %q has an ellipsis the text has not", lang, q, h.ID, h.Snippet)
	}
	// The label is in the page's language, as that language's parallel
	// page has it (Part 4 on the English page, 第4部分 on the Chinese one).
	if l := f.labels[lang][h.ID]; h.Label != l {
		t.Errorf("%s %q %s: label %q, the %s parallel page says %q", lang, q, h.ID, h.Label, lang, l)
	}
	if want.Primary != lang {
		if a := h.Aligned; a == nil || a.Lang != lang || a.ID != h.ID || a.Links != 0 || a.Text == "" {
			t.Errorf("%s %q %s: found only in %s, want its %s block beside it as text, got %+v", lang, q, h.ID, want.Primary, lang, h.Aligned)
		}
	}
	if a := h.Aligned; a != nil && want.Langs[a.Lang] && len(a.Marks) == 0 {
		t.Errorf("%s %q %s: the %s block matched but nothing is highlighted in %q", lang, q, h.ID, a.Lang, a.Text)
	}
	// A block beside the result that did not match itself is shown at the
	// sentences aligned with those the result matched in, set apart.
	if a := h.Aligned; a != nil && !want.Langs[a.Lang] {
		aligned := f.alignedSentences(h, a.Lang)
		if aligned != "" && len(a.Sentences) == 0 {
			t.Errorf("%s %q %s: the %s block beside it does not set apart the sentences aligned with the match (%q): %q", lang, q, h.ID, a.Lang, aligned, a.Text)
		}
		for _, s := range a.Sentences {
			if s == "" || !strings.Contains(aligned, s) {
				t.Errorf("%s %q %s: %q is set apart in the %s block, but the aligned sentences are %q", lang, q, h.ID, s, a.Lang, aligned)
			}
		}
	}
	m := anchorRE.FindStringSubmatch(h.Href)
	if m == nil || m[1] != h.Lang || m[4] != h.ID {
		t.Errorf("%s %q %s: link %q is not a block anchor naming the texts matched (?hl=…#id)", lang, q, h.ID, h.Href)
		return
	}
	// It names the texts highlighted in the excerpt, as they are in the
	// block: each in the block's text, and each highlighted text among them
	// (an excerpt shows at most three passages; the link names every text
	// matched, up to a bound no query here reaches).
	hl, _ := url.ParseQuery(m[3])
	named := hl["hl"]
	for _, s := range named {
		if !strings.Contains(f.blockText(h.Lang, h.ID), s) {
			t.Errorf("%s %q %s: the link names %q, which is not in the block", lang, q, h.ID, s)
		}
	}
	if !capped(named) {
		for _, mk := range h.Marks {
			if !overlaps(mk, named) {
				t.Errorf("%s %q %s: %q is highlighted but the link %q does not name it", lang, q, h.ID, mk, h.Href)
			}
		}
	}
	// The anchor exists on the linked page (paragraphs, headings, items).
	b, err := os.ReadFile(filepath.Join(f.dir, m[1], filepath.FromSlash(m[2]), "index.html"))
	if err != nil {
		t.Errorf("%s %q %s: %v", lang, q, h.ID, err)
	} else if !regexp.MustCompile(`id="?` + regexp.QuoteMeta(h.ID) + `["\s>]`).Match(b) {
		t.Errorf("%s %q: %s has no element with id %s", lang, q, h.Href, h.ID)
	}
}

// alignedSentences returns the sentences in lang aligned with the
// sentences of the hit's block that hold one of the texts it matched (those
// its link names, and those its excerpt highlights), joined as the block's
// text joins them.
func (f *fixture) alignedSentences(h hit, lang string) string {
	sep := map[string]string{"zh": "", "en": " "}[lang]
	var out []string
	texts := slices.Clone(h.Marks)
	if u, err := url.Parse(h.Href); err == nil {
		texts = append(texts, u.Query()["hl"]...)
	}
	for _, b := range f.corpus.Blocks[h.Lang] {
		if b.ID != h.ID {
			continue
		}
		for _, s := range b.Sentences {
			for _, m := range texts {
				if strings.Contains(s[h.Lang], strings.TrimSpace(m)) && s[lang] != "" {
					out = append(out, s[lang])
					break
				}
			}
		}
	}
	return strings.Join(out, sep)
}

func (f *fixture) blockText(lang, id string) string {
	for _, b := range f.corpus.Blocks[lang] {
		if b.ID == id {
			return b.Text
		}
	}
	return ""
}

// testBothLanguages: with "both languages" every result shows its block in
// the other language, highlighted where it matched; the option is kept in
// the address.
func testBothLanguages(t *testing.T, f *fixture) {
	for _, c := range []struct{ lang, q string }{{"zh", "common prosperity"}, {"zh", "共同富裕"}, {"en", "海洋"}} {
		tab := f.open(t, c.lang, "q="+url.QueryEscape(c.q)+"&both=1")
		tab.WaitFor(t, waitDone(0))
		st := sitetest.Eval[state](t, tab, readJS)
		want := map[string]Hit{}
		for _, h := range f.corpus.ExpectHits(c.lang, c.q, true) {
			want[h.ID] = h
		}
		var got []string
		for _, h := range st.Hits {
			got = append(got, h.ID)
			w := want[h.ID]
			if h.Lang != w.Primary {
				t.Errorf("%s %q: hit %s in %s, want %s", c.lang, c.q, h.ID, h.Lang, w.Primary)
			}
			a := h.Aligned
			if a == nil || a.Lang == h.Lang || a.ID != h.ID || a.Links != 0 {
				t.Errorf("%s %q: hit %s: aligned %+v", c.lang, c.q, h.ID, a)
			} else if w.Langs[a.Lang] != (len(a.Marks) > 0) {
				t.Errorf("%s %q: hit %s: the %s block matched: %v, highlighted: %v", c.lang, c.q, h.ID, a.Lang, w.Langs[a.Lang], a.Marks)
			}
		}
		slices.Sort(got)
		if wantIDs := slices.Sorted(maps.Keys(want)); len(got) == 0 || !slices.Equal(got, wantIDs) {
			t.Errorf("%s %q: got %v, want %v", c.lang, c.q, got, wantIDs)
		}
		if !strings.Contains(st.URL, "both=1") {
			t.Errorf("URL %s lost both=1", st.URL)
		}
	}
}

// testLineBreaks: a line break in the address's query (a link made by
// another tool) separates words, as a space: the search box would drop it
// and join them.
func testLineBreaks(t *testing.T, f *fixture) {
	for _, c := range []struct{ lang, q, want string }{{"en", "island\nport", "island port"}, {"en", "free\r\ntrade", "free trade"}, {"zh", "海洋\n科技", "海洋 科技"}} {
		tab := f.open(t, c.lang, "q="+url.QueryEscape(c.q))
		tab.WaitFor(t, waitDone(0))
		if box := sitetest.Eval[string](t, tab, `document.getElementById('search-q').value`); box != c.want {
			t.Errorf("%s %q: the box holds %q, want %q", c.lang, c.q, box, c.want)
		}
		var got []string
		for _, h := range sitetest.Eval[state](t, tab, readJS).Hits {
			got = append(got, h.ID)
		}
		slices.Sort(got)
		if want := f.corpus.Expect(c.lang, c.want); len(got) == 0 || !slices.Equal(got, want) {
			t.Errorf("%s %q: got %v, want %v", c.lang, c.q, got, want)
		}
		tab.Check(t)
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
	files, _ := filepath.Glob(filepath.Join(src, "data", "articles", "[^_]*.json"))
	b, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	var art map[string]any
	if err := json.Unmarshal(b, &art); err != nil {
		t.Fatal(err)
	}
	// In both languages: a query in Latin letters searches the English.
	for _, bl := range art["blocks"].([]any) {
		m := bl.(map[string]any)
		if m["id"] == "p2" {
			tx := m["text"].(map[string]any)
			tx["zh"] = tx["zh"].(string) + "注入测试" + evil
			tx["en"] = tx["en"].(string) + " " + evil
			// The search page includes the newest article's sentences.
			ss := m["sentences"].([]any)
			last := ss[len(ss)-1].(map[string]any)
			last["zh"] = last["zh"].(string) + "注入测试" + evil
			last["en"] = last["en"].(string) + " " + evil
		}
	}
	b, _ = json.Marshal(art)
	os.WriteFile(files[0], b, 0o644)
	// And in the aligned data, where the search's files take their text.
	slug := strings.TrimSuffix(filepath.Base(files[0]), ".json")
	aligned := filepath.Join(src, "content", "zh", slug, "blocks.json")
	if b, err = os.ReadFile(aligned); err != nil {
		t.Fatal(err)
	}
	var data map[string]any
	if err := json.Unmarshal(b, &data); err != nil {
		t.Fatal(err)
	}
	for _, bl := range data["blocks"].([]any) {
		m := bl.(map[string]any)
		if m["id"] == "p2" {
			ss := m["sentences"].([]any)
			last := ss[len(ss)-1].(map[string]any)
			last["zh"] = last["zh"].(string) + "注入测试" + evil
			last["en"] = last["en"].(string) + " " + evil
		}
	}
	b, _ = json.Marshal(data)
	os.WriteFile(aligned, b, 0o644)
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
// opens one at its block, which the reader marks, with the match in view
// (text fragment); the count is announced.
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
	checkArrival(t, tab, st.Hits[0])
}

// testArrival opens results as a reader does, for queries whose words are
// also in a title or heading above the block they are found in, in
// Chinese text where word boundaries would cut them, and at the end of long
// paragraphs on a phone: the page opens at the block, the texts the result
// highlighted are marked in that block and nowhere else, the first in view,
// and the address is the block's own.
func testArrival(t *testing.T, f *fixture) {
	phone := sitetest.Viewport{Width: 390, Height: 664, Mobile: true}
	for _, c := range []struct{ lang, q string }{{"zh", "海岛"}, {"en", "building"}, {"zh", "港"}, {"en", "prosperity"}, {"zh", "两个先行"},
		{"en", "island building city"}, {"zh", "1"}} {
		tab := f.open(t, c.lang, "")
		tab.Viewport(t, phone)
		st := f.search(t, tab, c.lang, c.q, false)
		if len(st.Hits) < 2 {
			t.Fatalf("%s %q: %d hits", c.lang, c.q, len(st.Hits))
		}
		for i, h := range st.Hits {
			if i%2 == 1 && i != len(st.Hits)-1 {
				continue // every other hit and the last: enough pages, in less time
			}
			tab.Navigate(t, new(url.URL).ResolveReference(mustURL(t, st.URL)).ResolveReference(mustURL(t, h.Href)).String())
			tab.Do(t, chromedp.WaitReady("body"))
			checkArrival(t, tab, h)
		}
	}
	// In the both view (remembered from an earlier visit), which puts the
	// other language in after the page opened and brings the block back in
	// view: the first mark of a long paragraph is still brought into view.
	tab := f.open(t, "en", "")
	tab.Viewport(t, phone)
	st := f.search(t, tab, "en", "mitigation", false)
	if len(st.Hits) == 0 {
		t.Fatal("mitigation: no hits")
	}
	sitetest.Eval[bool](t, tab, `localStorage.setItem('view', 'both'), true`)
	defer sitetest.Eval[bool](t, tab, `localStorage.removeItem('view'), true`)
	h := st.Hits[len(st.Hits)-1]
	tab.Navigate(t, new(url.URL).ResolveReference(mustURL(t, st.URL)).ResolveReference(mustURL(t, h.Href)).String())
	tab.WaitFor(t, `!!document.querySelector('.article.both') && location.search === '?view=both'`)
	js := `new Promise(res => requestAnimationFrame(() => requestAnimationFrame(() => {
	  const hl = CSS.highlights.get('found'), r = hl && [...hl][0];
	  if (!r) return res('nothing marked');
	  const b = r.getBoundingClientRect(), top = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
	  res(b.top >= top - 1 && b.bottom <= innerHeight + 1 ? '' : 'first mark at ' + Math.round(b.top) + '–' + Math.round(b.bottom) + ' of ' + innerHeight);
	})))`
	if msg := sitetest.Eval[string](t, tab, js, chromedp.EvalAwaitPromise); msg != "" {
		t.Errorf("both view, %s: %s", h.Href, msg)
	}
}

// capped tells whether a link names as many texts as it may
// (assets/js/search/hit-url.js: maxTexts, maxLength): then a text
// highlighted in the excerpt may be left out of it.
func capped(named []string) bool {
	n := 0
	for _, s := range named {
		n += len([]rune(s))
	}
	return len(named) >= 16 || n > 150
}

// overlaps tells whether the marked text s is one of texts, part of one,
// or holds one (overlapping or touching matches are marked as one).
func overlaps(s string, texts []string) bool {
	s = strings.Join(strings.Fields(s), " ")
	for _, n := range texts {
		n = strings.Join(strings.Fields(n), " ")
		if n != "" && (strings.Contains(s, n) || strings.Contains(n, s)) {
			return true
		}
	}
	return false
}

func mustURL(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// checkArrival checks the page a result h opened in tab.
func checkArrival(t *testing.T, tab *sitetest.Tab, h hit) {
	t.Helper()
	href, err := url.Parse(h.Href)
	if err != nil {
		t.Fatal(err)
	}
	named := href.Query()["hl"]
	want := href.Path + "#" + href.Fragment
	tab.WaitFor(t, `!location.search.includes('hl=')`)
	if got := sitetest.Eval[string](t, tab, `location.pathname + location.search + location.hash`); got != want {
		t.Errorf("%s opened %s, want the block's own address %s", h.Href, got, want)
	}
	tab.WaitFor(t, fmt.Sprintf(`!!document.getElementById(%s) && document.getElementById(%[1]s).classList.contains('tg')`, jsString(h.ID)))
	type found struct {
		Texts           []string
		Outside, InView int
		Error           string
	}
	js := fmt.Sprintf(`new Promise(res => requestAnimationFrame(() => requestAnimationFrame(() => {
	  const block = document.getElementById(%s), hl = CSS.highlights.get('found');
	  if (!hl) return res({Error: 'no highlight'});
	  const ranges = [...hl];
	  const top = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
	  const r0 = ranges[0] && ranges[0].getBoundingClientRect();
	  res({Texts: ranges.map(r => r.toString().replace(/\s+/g, ' ')),
	    Outside: ranges.filter(r => !block.contains(r.commonAncestorContainer)).length,
	    InView: r0 && r0.top >= top - 1 && r0.bottom <= innerHeight + 1 ? 1 : 0});
	})))`, jsString(h.ID))
	got := sitetest.Eval[found](t, tab, js, chromedp.EvalAwaitPromise)
	if got.Error != "" || len(got.Texts) == 0 {
		t.Errorf("%s: nothing marked (%s)", h.Href, got.Error)
		return
	}
	if got.Outside > 0 {
		t.Errorf("%s: %d of %d marks outside the block", h.Href, got.Outside, len(got.Texts))
	}
	for _, s := range got.Texts {
		if !overlaps(s, named) {
			t.Errorf("%s: marked %q, which the link does not name (%q)", h.Href, s, named)
		}
	}
	for _, m := range h.Marks {
		if !overlaps(m, got.Texts) && !capped(named) {
			t.Errorf("%s: %q, highlighted in the result, is not marked on the page (marked: %q)", h.Href, m, got.Texts)
		}
	}
	if got.InView == 0 {
		t.Errorf("%s: the first mark %q is not in view", h.Href, got.Texts[0])
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
			u, _, _ = strings.Cut(u, "?")
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
// when it matches no word as it stands).
func testTyping(t *testing.T, f *fixture) {
	tab := f.open(t, "en", "")
	tab.Do(t, chromedp.Focus("#search-q"), chromedp.KeyEvent("common prosp"))
	tab.WaitFor(t, waitDone(0))
	st := sitetest.Eval[state](t, tab, readJS)
	var got []string
	for _, h := range st.Hits {
		got = append(got, h.ID)
	}
	slices.Sort(got)
	if want := f.corpus.Expect("en", "common prosp"); len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("typing \"common prosp\": got %v, want %v", got, want)
	}
}

// testHistory: each query the reader searched for keeps its history entry
// (not each keystroke), and Back and Forward show each again: the box, the
// address, the title and the results.
func testHistory(t *testing.T, f *fixture) {
	tab := sitetest.NewTab(t, f.browser)
	tab.Navigate(t, f.base+"en/")
	tab.Navigate(t, f.base+"en/search/?q=port")
	tab.WaitFor(t, waitDone(0))
	typeQuery := func(q string, submit string) {
		done := sitetest.Eval[int](t, tab, `+(document.documentElement.dataset.searchDone||0)`)
		tab.Do(t, chromedp.Focus("#search-q"))
		sitetest.Eval[bool](t, tab, `document.getElementById('search-q').select(), true`)
		tab.Do(t, chromedp.KeyEvent(q))
		if submit == "enter" {
			tab.Do(t, chromedp.KeyEvent(kb.Enter))
		} else {
			tab.Do(t, chromedp.Click(`#search-form button[type=submit]`))
		}
		tab.WaitFor(t, waitDone(done))
		tab.WaitFor(t, fmt.Sprintf(`new URLSearchParams(location.search).get('q') === %s`, jsString(q)))
	}
	typeQuery("harbor", "enter")
	typeQuery("舟山", "click")
	check := func(q string) {
		t.Helper()
		tab.WaitFor(t, fmt.Sprintf(`document.getElementById('search-q').value === %[1]s && document.documentElement.dataset.searchQ === %[1]s`, jsString(q)))
		st := sitetest.Eval[state](t, tab, readJS)
		if u, _ := url.Parse(st.URL); u == nil || u.Query().Get("q") != q {
			t.Errorf("back at %q: address %s", q, st.URL)
		}
		if title := sitetest.Eval[string](t, tab, `document.title`); !strings.Contains(title, q) {
			t.Errorf("back at %q: title %q", q, title)
		}
		var got []string
		for _, h := range st.Hits {
			got = append(got, h.ID)
		}
		slices.Sort(got)
		if want := f.corpus.Expect("en", q); !slices.Equal(got, want) {
			t.Errorf("back at %q: hits %v, want %v", q, got, want)
		}
	}
	back := func() { sitetest.Eval[bool](t, tab, `history.back(), true`) }
	// A keyboard user on a result goes back: the focus lands on a result
	// or in the box, not on the page's body.
	tab.Do(t, chromedp.Focus("#search-q"), chromedp.KeyEvent(kb.ArrowDown))
	if !sitetest.Eval[bool](t, tab, `document.activeElement.matches('a.search-hit-link')`) {
		t.Fatal("ArrowDown from the box did not reach a result")
	}
	back()
	check("harbor")
	tab.WaitFor(t, `document.activeElement.matches('a.search-hit-link, #search-q')`)
	back()
	check("port")
	sitetest.Eval[bool](t, tab, `history.forward(), true`)
	check("harbor")
	back()
	back()
	tab.WaitFor(t, `location.pathname.endsWith('/en/')`)
}

// testAnnouncements: what a screen reader hears. The count is announced
// once per query, also when more data arrives after it ("Loading…" is
// beside the live region, not in it); the glossary note and the labels of
// results in the other language carry their language.
func testAnnouncements(t *testing.T, f *fixture) {
	probe := `window.__status = [];
	document.addEventListener('readystatechange', () => {
	  if (document.readyState !== 'interactive') return;
	  const s = document.getElementById('search-status');
	  new MutationObserver(() => __status.push(s.textContent)).observe(s, {childList: true, characterData: true, subtree: true});
	});`
	for _, c := range []struct{ lang, q string }{{"en", "Ningbo-Zhoushan"}, {"zh", "「九龙治海」"}, {"en", "晾晒"}, {"zh", "harbor"}, {"en", "jiulong zhihai"}, {"zh", "lvse shihua"}} {
		tab := f.probed(t, nil, probe, c.lang, c.q, false)
		texts := sitetest.Eval[[]string](t, tab, `__status.filter(s => s !== '')`)
		if len(texts) == 0 {
			t.Errorf("%s %q: nothing announced", c.lang, c.q)
			continue
		}
		final := texts[len(texts)-1]
		for _, s := range texts[:len(texts)-1] {
			if strings.Contains(s, final) {
				t.Errorf("%s %q: the count is announced more than once: %q", c.lang, c.q, texts)
			}
		}
		type langs struct{ Page, Bad string }
		got := sitetest.Eval[langs](t, tab, `(() => {
		  const page = document.documentElement.lang, bad = [];
		  for (const li of document.querySelectorAll('#search-results li.search-hit')) {
		    const label = li.querySelector('.search-para');
		    if (label.closest('[lang]').lang !== page && !/^¶/.test(label.textContent)) bad.push(label.textContent + ' in ' + label.closest('[lang]').lang);
		  }
		  const note = document.querySelector('#search-results .search-note');
		  if (note) for (const n of note.childNodes) {
		    const text = n.textContent, lang = n.nodeType === 1 ? n.lang : page;
		    if (/\p{Script=Han}/u.test(text) && !lang.startsWith('zh')) bad.push('note: ' + text + ' in ' + lang);
		    if (/[A-Za-z]{3}/.test(text) && !/\p{Script=Han}/u.test(text) && lang.startsWith('zh')) bad.push('note: ' + text + ' in ' + lang);
		  }
		  return {Page: page, Bad: bad.join('; ')};
		})()`)
		if got.Bad != "" {
			t.Errorf("%s %q: language tags: %s", c.lang, c.q, got.Bad)
		}
	}
}

// testGlossaryNote: the note before the results names the glossary terms
// the query named: all of them when they are six or fewer, otherwise five
// and a button that shows the rest and leaves the focus on the note.
func testGlossaryNote(t *testing.T, f *fixture) {
	for _, c := range []struct{ lang, q string }{{"en", "city"}, {"zh", "海洋"}, {"en", "islands"}, {"zh", "development"}} {
		name := fmt.Sprintf("%s %q", c.lang, c.q)
		named := f.corpus.Named(c.q)
		if len(named) < 5 {
			t.Fatalf("%s: names %d terms; the test wants a query that names five or more", name, len(named))
		}
		tab := f.open(t, c.lang, "q="+url.QueryEscape(c.q))
		tab.WaitFor(t, waitDone(0))
		type note struct {
			Text   string
			Terms  int
			Button string
		}
		read := `(() => { const n = document.querySelector('#search-results .search-note'), b = n && n.querySelector('button');
		  return {Text: n ? n.textContent : '', Terms: n ? n.textContent.split('\u00a0= ').length - 1 : 0, Button: b ? b.textContent : ''}; })()`
		got := sitetest.Eval[note](t, tab, read)
		if len(named) <= 6 {
			if got.Terms != len(named) || got.Button != "" {
				t.Errorf("%s: the note shows %d terms and button %q, want all %d and none: %q", name, got.Terms, got.Button, len(named), got.Text)
			}
		} else {
			if got.Terms != 5 || !strings.Contains(got.Button, fmt.Sprint(len(named)-5)) {
				t.Errorf("%s: the note shows %d terms and button %q, want 5 and a button for the other %d: %q", name, got.Terms, got.Button, len(named)-5, got.Text)
			}
			sitetest.Eval[bool](t, tab, `document.querySelector('#search-results .search-note button').click(), true`)
			got = sitetest.Eval[note](t, tab, read)
			if got.Terms != len(named) || got.Button != "" {
				t.Errorf("%s: after the button, the note shows %d terms and button %q, want all %d: %q", name, got.Terms, got.Button, len(named), got.Text)
			}
			if !sitetest.Eval[bool](t, tab, `document.activeElement === document.querySelector('#search-results .search-note')`) {
				t.Errorf("%s: after the button, the focus is not on the note", name)
			}
		}
		for _, term := range named {
			if !strings.Contains(got.Text, term.Zh) {
				t.Errorf("%s: the note does not name %s: %q", name, term.Zh, got.Text)
			}
		}
		tab.Check(t)
	}
}

// testTitleAndCount: the tab title carries the query; the count uses the
// language's plural forms.
func testTitleAndCount(t *testing.T, f *fixture) {
	for _, c := range []struct{ lang, q, title, status string }{
		{"en", "hydrogen", "“hydrogen” · Search · ", "1 paragraph on 1 page"},
		{"en", "island", "“island” · Search · ", " paragraphs on "},
		{"zh", "海岛", "“海岛” · 搜索 · ", "个段落，分布于"},
	} {
		tab := f.open(t, c.lang, "q="+url.QueryEscape(c.q))
		tab.WaitFor(t, waitDone(0))
		st := sitetest.Eval[state](t, tab, readJS)
		title := sitetest.Eval[string](t, tab, `document.title`)
		if !strings.HasPrefix(title, c.title) || !strings.Contains(st.Status, c.status) {
			t.Errorf("%s %q: title %q, status %q; want %q…, …%q…", c.lang, c.q, title, st.Status, c.title, c.status)
		}
	}
	// One article: the headings name their page alone.
	tab := f.open(t, "en", "q=island")
	tab.WaitFor(t, waitDone(0))
	if n := sitetest.Eval[int](t, tab, `document.querySelectorAll('#search-results .search-article').length`); n != 0 {
		t.Errorf("one article: %d headings name it", n)
	}
	// The same query on both pages counts the same paragraphs and pages: a
	// section found in both languages is listed under each, and counted
	// once.
	digits := regexp.MustCompile(`\d+`)
	for _, q := range []string{"island", "共同富裕", "海洋", "zhoushan"} {
		counts := map[string]string{}
		for _, lang := range []string{"zh", "en"} {
			tab := f.open(t, lang, "q="+url.QueryEscape(q))
			tab.WaitFor(t, waitDone(0))
			counts[lang] = fmt.Sprint(digits.FindAllString(sitetest.Eval[state](t, tab, readJS).Status, -1))
		}
		if counts["zh"] != counts["en"] {
			t.Errorf("%q: the Chinese page counts %s paragraphs and pages, the English one %s", q, counts["zh"], counts["en"])
		}
	}
}

// testRequests: the search page alone requests no search data; a query in
// the page's language shows its first results without any request; a query
// in the other language fetches that language's data. The page has one
// search box.
func testRequests(t *testing.T, f *fixture) {
	const fetched = `performance.getEntriesByType('resource').map(e => new URL(e.name).pathname).filter(p => p.endsWith('.json'))`
	for _, lang := range []string{"zh", "en"} {
		tab := f.open(t, lang, "")
		tab.Do(t, chromedp.Focus("#search-q"))
		sitetest.Eval[bool](t, tab, `new Promise(r => setTimeout(() => r(true), 300))`, chromedp.EvalAwaitPromise)
		if got := sitetest.Eval[[]string](t, tab, fetched); len(got) > 0 {
			t.Errorf("%s: the page without a query fetched %v", lang, got)
		}
		if n := sitetest.Eval[int](t, tab, `document.querySelectorAll('input[type=search]').length`); n != 1 {
			t.Errorf("%s: %d search boxes", lang, n)
		}
	}
	for _, c := range []struct {
		lang, q string
		own     bool
	}{{"zh", "海洋", true}, {"en", "island", true}, {"en", "共同富裕", false}} {
		tab := f.open(t, c.lang, "q="+url.QueryEscape(c.q))
		tab.WaitFor(t, waitDone(0))
		before := sitetest.Eval[[]string](t, tab, `performance.getEntriesByType('resource').filter(e => e.responseEnd <= +document.documentElement.dataset.searchFirstMs).map(e => new URL(e.name).pathname).filter(p => p.endsWith('.json'))`)
		if c.own && len(before) > 0 {
			t.Errorf("%s %q: requests before the first result: %v", c.lang, c.q, before)
		}
		if !c.own && !slices.ContainsFunc(before, func(p string) bool { return strings.HasPrefix(p, prefix+"zh/") }) {
			t.Errorf("%s %q: the first result came without the Chinese data: %v", c.lang, c.q, before)
		}
	}
}

// testLanguageSwitch: the language switch opens the other search page with
// the query.
func testLanguageSwitch(t *testing.T, f *fixture) {
	tab := f.open(t, "zh", "q="+url.QueryEscape("共同富裕"))
	tab.WaitFor(t, waitDone(0))
	tab.Do(t, chromedp.Click(chromedp.CSS("a[data-lang-switch]")))
	tab.WaitFor(t, `location.pathname.endsWith('/en/search/')`)
	tab.WaitFor(t, waitDone(0))
	st := sitetest.Eval[state](t, tab, readJS)
	if q := sitetest.Eval[string](t, tab, `new URLSearchParams(location.search).get('q')||''`); q != "共同富裕" || len(st.Hits) == 0 {
		t.Errorf("after the switch: q=%q, %d results", q, len(st.Hits))
	}
	// Typed, then switched at once: the switch carries what is in the box.
	tab.Do(t, chromedp.SendKeys("#search-q", " 海洋"))
	if q := sitetest.Eval[string](t, tab, `new URL(document.querySelector('a[data-lang-switch]').href).searchParams.get('q')`); q != "共同富裕 海洋" {
		t.Errorf("right after typing, the switch carries q=%q, want %q", q, "共同富裕 海洋")
	}
}

// testNoScript: without JavaScript the page keeps the query in its address,
// says first that search needs JavaScript, and links the glossary and the
// contents; no empty screen comes before the message.
func testNoScript(t *testing.T, f *fixture) {
	for _, lang := range []string{"zh", "en"} {
		tab := sitetest.NewTab(t, f.browser)
		tab.JavaScript(t, false)
		tab.Navigate(t, f.base+lang+"/search/?q="+url.QueryEscape("海洋"))
		tab.Do(t, chromedp.WaitReady("body"))
		type page struct {
			Q, Message         string
			MessageTop         float64
			Links              []string
			FormShown, Results bool
		}
		p := sitetest.Eval[page](t, tab, `(() => {
		  const m = document.querySelector('.search-noscript');
		  return {Q: new URLSearchParams(location.search).get('q') || '',
		    Message: m ? m.textContent.trim() : '', MessageTop: m ? m.getBoundingClientRect().top : -1,
		    Links: m ? [...m.querySelectorAll('a')].map(a => a.getAttribute('href')) : [],
		    FormShown: document.getElementById('search-form').getBoundingClientRect().height > 0,
		    Results: document.querySelectorAll('.search-hit').length > 0};
		})()`)
		if p.Q != "海洋" || p.Message == "" || p.MessageTop < 0 || p.MessageTop > 400 || p.FormShown || p.Results {
			t.Errorf("%s without JS: %+v", lang, p)
		}
		var glossary, contents bool
		for _, l := range p.Links {
			glossary = glossary || strings.HasSuffix(l, "/glossary/")
			contents = contents || strings.HasSuffix(l, "#toc-h")
		}
		if !glossary || !contents {
			t.Errorf("%s without JS: links %v, want the glossary and the contents", lang, p.Links)
		}
	}
}

// testLongTasks checks that the search page does its work in short tasks,
// by what the page does rather than by how long it takes (the times, with
// the CPU throttled as on a phone, are the search benchmark's:
// tools/bench/search), so that a slow or loaded machine cannot fail it. Each
// query is loaded once with a probe (sliceProbe) that records, from before
// the page's script runs:
//
//   - every batch of DOM changes (a MutationObserver callback, which runs
//     once for the changes one task made at a time): the results it put
//     on the page, and the animation frame it came in;
//   - the results taken off the page, and results made again with the
//     same markup as one taken off (a result re-rendered unchanged);
//   - the yields of the search (scheduler.yield), with a clock on which
//     every call to performance.now() is 10 ms later than the last, as if
//     every step of the search were slow: each step then ends its slice.
//
// It fails when a task puts more results on the page than the first screen
// (firstScreen) or a later batch (batch) holds, when two batches come in
// one frame (the browser would lay them out in one task), when arriving
// data makes a shown result again unchanged, when the same query again
// changes the results on the page, or when the search does not yield after
// each block it searched before its first results.
func testLongTasks(t *testing.T, f *fixture) {
	// The sizes of assets/js/search/results-view.js.
	const firstScreen, batch = 3, 3
	blocks := min(len(f.corpus.Blocks["zh"]), len(f.corpus.Blocks["en"]))
	for _, c := range []struct {
		lang, q string
		both    bool
	}{{"zh", "海洋", false}, {"zh", "共同富裕", false}, {"en", "zhoushan", false}, {"en", "共同富裕", false},
		{"zh", "common prosperity", false}, {"zh", "common prosperity", true}, {"en", "the", false}, {"zh", "舟山", false},
		{"zh", "发展", true}} {
		name := fmt.Sprintf("%s %q both=%v", c.lang, c.q, c.both)
		tab := f.probed(t, nil, sliceProbe, c.lang, c.q, c.both)
		type batchRec struct{ Frame, Items, Elements, Yields int }
		type probe struct {
			Batches            []batchRec
			Removed, Recreated int
			Shown, Yields      int
		}
		p := sitetest.Eval[probe](t, tab, `window.__sliceProbe.read()`)
		var added []batchRec
		for _, b := range p.Batches {
			if b.Items > 0 {
				added = append(added, b)
			}
		}
		t.Logf("%s: %d results shown in %d batches %v, %d taken off, %d yields", name, p.Shown, len(added), added, p.Removed, p.Yields)
		if p.Shown == 0 || len(added) == 0 {
			t.Errorf("%s: no results shown", name)
			continue
		}
		if n := added[0].Items; n > firstScreen {
			t.Errorf("%s: the first screen put %d results on the page in one task, want %d at most", name, n, firstScreen)
		}
		for i, b := range added[1:] {
			if b.Items > batch {
				t.Errorf("%s: batch %d put %d results on the page in one task, want %d at most", name, i+2, b.Items, batch)
			}
			if b.Frame == added[i].Frame {
				t.Errorf("%s: batches %d and %d came in one frame (%d): the browser lays them out in one task", name, i+1, i+2, b.Frame)
			}
		}
		// A result is at most a label, its language, three windows of text
		// (snippet.js) and the block beside it: a few dozen elements.
		for i, b := range added {
			if b.Elements > 40*b.Items {
				t.Errorf("%s: batch %d put %d elements on the page for %d results", name, i+1, b.Elements, b.Items)
			}
		}
		if p.Recreated > 0 {
			t.Errorf("%s: %d results taken off the page and made again unchanged as data arrived", name, p.Recreated)
		}
		if y := added[0].Yields; y < blocks-1 {
			t.Errorf("%s: the search yielded %d times before its first results, want one yield per block searched (%d blocks)", name, y, blocks)
		}
		// The same query again, everything loaded: nothing to redo.
		done := sitetest.Eval[int](t, tab, `(() => { const d = +document.documentElement.dataset.searchDone;
		  document.getElementById('search-form').requestSubmit(); return d; })()`)
		tab.WaitFor(t, waitDone(done))
		again := sitetest.Eval[probe](t, tab, `window.__sliceProbe.read()`)
		made := 0
		for _, b := range again.Batches[len(p.Batches):] {
			made += b.Items
		}
		if made > 0 || again.Removed > p.Removed {
			t.Errorf("%s: the same query again made %d results and took %d off the page", name, made, again.Removed-p.Removed)
		}
		tab.Check(t)
	}
}

// sliceProbe is run in the search page before its scripts (see
// testLongTasks): it keeps window.__sliceProbe.
const sliceProbe = `(() => {
  const probe = { frames: 0, yields: 0, batches: [], removed: 0, recreated: 0 };
  window.__sliceProbe = probe;
  const tick = () => { probe.frames++; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  // A clock on which every step takes 10 ms.
  const now = performance.now.bind(performance);
  let late = 0;
  performance.now = () => now() + (late += 10);
  if (window.scheduler && scheduler.yield) {
    const y = scheduler.yield.bind(scheduler);
    scheduler.yield = () => { probe.yields++; return y(); };
  }
  const takenOff = new Map(); // markup → count, of results taken off the page
  const gone = new WeakSet();
  new MutationObserver((records) => {
    // A node added, then given children before this callback, is seen
    // whole here and again as the parent of each child: count each once.
    const items = new Set();
    const elements = new Set();
    for (const r of records) {
      for (const n of r.removedNodes) {
        if (n.nodeType !== 1) continue;
        for (const li of n.matches("li.search-hit") ? [n] : n.querySelectorAll("li.search-hit")) {
          probe.removed++;
          gone.add(li);
          takenOff.set(li.outerHTML, (takenOff.get(li.outerHTML) || 0) + 1);
        }
      }
      for (const n of r.addedNodes) {
        if (n.nodeType !== 1 || !n.isConnected || !n.closest("#search-results")) continue;
        elements.add(n);
        for (const e of n.getElementsByTagName("*")) elements.add(e);
      }
    }
    for (const e of elements) if (e.matches("li.search-hit")) items.add(e);
    for (const li of items) if (!gone.has(li) && takenOff.get(li.outerHTML)) probe.recreated++;
    probe.batches.push({ Frame: probe.frames, Items: items.size, Elements: items.size ? elements.size : 0, Yields: probe.yields });
  }).observe(document, { childList: true, subtree: true });
  probe.read = () => ({ Batches: probe.batches, Removed: probe.removed, Recreated: probe.recreated,
    Shown: document.querySelectorAll("#search-results li.search-hit").length, Yields: probe.yields });
})()`

// testLayoutShift: a result, once on the screen, stays where it is while
// the rest of the query's data arrives (the other language, the glossary
// terms it names) and the rest of the results are put on the page: nothing
// is put above it and it is not made again; the same holds for the headings
// of the pages and the note naming the glossary terms searched for. Each
// query is loaded with a probe (shiftProbe) that reads, at every animation
// frame, where each of them is, and sums the layout shifts the browser
// reports (the Cumulative Layout Shift of the load, as Lighthouse measures
// it), on the screen of Lighthouse's phone.
func testLayoutShift(t *testing.T, f *fixture) {
	for _, c := range []struct {
		lang, q string
		both    bool
	}{{"en", "marine", false}, {"zh", "海洋", false}, {"en", "共同富裕", false}, {"zh", "common prosperity", false},
		{"en", "zhoushan", false}, {"zh", "舟山", false}, {"en", "the", false}, {"en", "gongtong", false},
		{"zh", "发展", true}} {
		name := fmt.Sprintf("%s %q both=%v", c.lang, c.q, c.both)
		tab := f.probed(t, &sitetest.Viewport{Name: "Lighthouse's phone", Width: 412, Height: 823, Scale: 1.75, Mobile: true}, shiftProbe, c.lang, c.q, c.both)
		type probe struct {
			Shift           float64
			Seen            int
			Moved, TakenOff []string
			Sources         []string // what the browser saw shift
		}
		// Two frames more, for the last batch to be laid out and read.
		p := sitetest.Eval[probe](t, tab, `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => r(window.__shiftProbe.read()), 50))))`, chromedp.EvalAwaitPromise)
		t.Logf("%s: %d results seen on the screen, layout shift %.4f %v", name, p.Seen, p.Shift, p.Sources)
		if p.Seen == 0 {
			t.Errorf("%s: no result seen", name)
		}
		if len(p.Moved) > 0 || len(p.TakenOff) > 0 {
			t.Errorf("%s: results moved after they were shown: %v; taken off the page: %v", name, p.Moved, p.TakenOff)
		}
		if p.Shift >= 0.01 {
			t.Errorf("%s: cumulative layout shift %.4f, want less than 0.01", name, p.Shift)
		}
		tab.Check(t)
	}
}

// shiftProbe is run in the search page before its scripts (see
// testLayoutShift): it keeps window.__shiftProbe.
const shiftProbe = `(() => {
  const probe = { shift: 0, moved: [], takenOff: [], sources: [] };
  window.__shiftProbe = probe;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      probe.shift += e.value;
      for (const s of e.sources || []) {
        const n = s.node;
        const what = n ? (n.nodeType === 1 ? n.tagName + "." + n.className + "#" + n.id : "#text " + n.textContent.slice(0, 20)) : "?";
        probe.sources.push(e.value.toFixed(4) + " " + what + " " + Math.round(s.previousRect.y) + "→" + Math.round(s.currentRect.y) + " h " + Math.round(s.previousRect.height) + "→" + Math.round(s.currentRect.height));
      }
    }
  }).observe({ type: "layout-shift", buffered: true });
  const at = new Map(); // result element → its place in the page when first seen
  // What is watched: the list (empty, it is painted nothing, but the
  // browser counts its moves as layout shifts all the same), the results,
  // the headings of their pages, the note naming the glossary terms
  // searched for.
  const watched = "#search-results, #search-results li.search-hit, #search-results .search-group h2, .search-note";
  const name = (e) => (e.matches("li") ? e.querySelector("a").dataset.id + " " + e.dataset.lang : e.className || e.tagName + " " + e.textContent.slice(0, 30));
  const watch = () => { for (const e of document.querySelectorAll(watched)) if (!at.has(e)) at.set(e, e.getBoundingClientRect().top + scrollY); };
  const tick = () => {
    for (const [li, top] of at) {
      if (!li.isConnected) {
        probe.takenOff.push(name(li));
        at.delete(li);
        continue;
      }
      const now = li.getBoundingClientRect().top + scrollY;
      if (Math.abs(now - top) > 0.5) {
        probe.moved.push(name(li) + " " + Math.round(top) + "→" + Math.round(now));
        at.set(li, now);
      }
    }
    watch();
    probe.seen = Math.max(probe.seen || 0, document.querySelectorAll("#search-results li.search-hit").length);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  // The list is watched from the page's first layout, before any script.
  document.addEventListener("DOMContentLoaded", watch);
  probe.read = () => ({ Shift: probe.shift, Seen: probe.seen || 0, Moved: probe.moved, TakenOff: probe.takenOff, Sources: probe.sources });
})()`

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
