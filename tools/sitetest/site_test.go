package sitetest

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// prefix is the subpath the browser tests serve the site under.
const prefix = "/zhoushan/"

// pageTypes are one page of each kind, relative to <lang>/.
var pageTypes = []struct{ name, path string }{
	{"home", ""},
	{"article", "zhoushan-two-firsts/"},
	{"section", "zhoushan-two-firsts/section-3/"},
	{"parallel", "zhoushan-two-firsts/parallel/"},
	{"glossary", "glossary/"},
	{"note", "translation-note/"},
	{"404", "404.html"},
}

var langs = []string{"zh", "en"}

// TestI18nKeys checks that i18n/zh.yaml and i18n/en.yaml define the same keys.
func TestI18nKeys(t *testing.T) {
	root := Root()
	keys := func(lang string) []string {
		f, err := os.Open(filepath.Join(root, "i18n", lang+".yaml"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		re := regexp.MustCompile(`^([A-Za-z0-9_.-]+):`)
		var ks []string
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			if m := re.FindStringSubmatch(sc.Text()); m != nil {
				ks = append(ks, m[1])
			}
		}
		sort.Strings(ks)
		return ks
	}
	zh, en := keys("zh"), keys("en")
	for _, k := range zh {
		if !slices.Contains(en, k) {
			t.Errorf("i18n key %q is in zh.yaml but not in en.yaml", k)
		}
	}
	for _, k := range en {
		if !slices.Contains(zh, k) {
			t.Errorf("i18n key %q is in en.yaml but not in zh.yaml", k)
		}
	}
}

var idRE = regexp.MustCompile(`\sid="?(p\d+(?:-\d+)?)[" >]`)

// TestParagraphIDs checks that each page has the same paragraph ids in both
// languages (from the built files).
func TestParagraphIDs(t *testing.T) {
	dir := Build(t, "http://127.0.0.1"+prefix)
	for _, p := range []string{"zhoushan-two-firsts/", "zhoushan-two-firsts/section-1/", "zhoushan-two-firsts/section-2/", "zhoushan-two-firsts/section-3/", "zhoushan-two-firsts/section-4/", "zhoushan-two-firsts/parallel/"} {
		ids := map[string][]string{}
		for _, l := range langs {
			b, err := os.ReadFile(filepath.Join(dir, l, p, "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range idRE.FindAllStringSubmatch(string(b), -1) {
				ids[l] = append(ids[l], m[1])
			}
		}
		if len(ids["zh"]) == 0 {
			t.Errorf("%s: no paragraph ids", p)
		}
		if !slices.Equal(ids["zh"], ids["en"]) {
			t.Errorf("%s: paragraph ids differ:\nzh %v\nen %v", p, ids["zh"], ids["en"])
		}
	}
}

// TestSentenceIDs checks that every sentence of every article's data is
// on the article's page in both languages, as an element with its id.
func TestSentenceIDs(t *testing.T) {
	dir := Build(t, "http://127.0.0.1"+prefix)
	files, _ := filepath.Glob(filepath.Join(Root(), "data", "articles", "*.json"))
	n := 0
	for _, f := range files {
		if strings.HasPrefix(filepath.Base(f), "_") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var data struct {
			Slug   string
			Blocks []struct{ Sentences []struct{ ID string } }
		}
		if err := json.Unmarshal(b, &data); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, l := range langs {
			page, err := os.ReadFile(filepath.Join(dir, l, data.Slug, "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			for _, bl := range data.Blocks {
				for _, s := range bl.Sentences {
					n++
					if !regexp.MustCompile(`\sid="?` + regexp.QuoteMeta(s.ID) + `[" >]`).Match(page) {
						t.Errorf("%s/%s: sentence %s is not on the page", l, data.Slug, s.ID)
					}
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no sentences in data/articles")
	}
}

// TestOutputs checks the non-HTML outputs: the root landing page (no
// redirect), the aligned data downloads, robots.txt and the sitemaps.
func TestOutputs(t *testing.T) {
	dir := Build(t, "http://127.0.0.1"+prefix)
	read := func(p string) string {
		b, err := os.ReadFile(filepath.Join(dir, p))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	landing := read("index.html")
	for _, s := range []string{"阅读中文", "Read in English", prefix + "zh/", prefix + "en/"} {
		if !strings.Contains(landing, s) {
			t.Errorf("landing page lacks %q", s)
		}
	}
	if strings.Contains(landing, "http-equiv=refresh") || strings.Contains(landing, `http-equiv="refresh"`) {
		t.Error("landing page redirects")
	}
	// The downloads (once per article, in the Chinese bundle; the English
	// pages link to the same files) carry the article's sentences, as in
	// its data, block by block.
	var art struct {
		Blocks []struct {
			ID, Kind  string
			Sentences []struct{ ID, Zh, En string }
		}
	}
	b, err := os.ReadFile(filepath.Join(Root(), "data", "articles", "zhoushan-two-firsts.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &art); err != nil {
		t.Fatal(err)
	}
	if len(art.Blocks) == 0 {
		t.Fatal("data/articles/zhoushan-two-firsts.json has no block")
	}
	var want [][]string // sentence id, block id, kind, zh, en
	for _, bl := range art.Blocks {
		for _, sn := range bl.Sentences {
			want = append(want, []string{sn.ID, bl.ID, bl.Kind, sn.Zh, sn.En})
		}
	}
	var data struct {
		Blocks []struct {
			ID, Kind  string
			Sentences []struct{ ID, Zh, En string }
		}
	}
	if err := json.Unmarshal([]byte(read("zh/zhoushan-two-firsts/blocks.json")), &data); err != nil {
		t.Fatalf("blocks.json: %v", err)
	}
	var got [][]string
	for _, bl := range data.Blocks {
		for _, sn := range bl.Sentences {
			got = append(got, []string{sn.ID, bl.ID, bl.Kind, sn.Zh, sn.En})
		}
	}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("blocks.json: sentences\n%q\nwant the article's\n%q", got, want)
	}
	csvText := read("zh/zhoushan-two-firsts/blocks.csv")
	if !strings.HasPrefix(csvText, "\uFEFF") {
		t.Error("blocks.csv has no UTF-8 byte order mark")
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(csvText, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatalf("blocks.csv: %v", err)
	}
	if len(rows) == 0 || !slices.Equal(rows[0], []string{"id", "block", "kind", "n", "section", "parent", "zh", "en"}) {
		t.Fatalf("blocks.csv: header %q", rows[:min(1, len(rows))])
	}
	got = nil
	for _, r := range rows[1:] {
		got = append(got, []string{r[0], r[1], r[2], r[6], r[7]})
	}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("blocks.csv: rows\n%q\nwant the article's sentences\n%q", got, want)
	}
	for _, l := range langs {
		if _, err := os.Stat(filepath.Join(dir, l, "zhoushan-two-firsts", "citation.ris")); err != nil {
			t.Errorf("%s: no citation file: %v", l, err)
		}
		sm := read(l + "/sitemap.xml")
		if !strings.Contains(sm, `hreflang="en"`) || !strings.Contains(sm, `hreflang="zh-Hans"`) {
			t.Errorf("%s/sitemap.xml lacks hreflang alternates", l)
		}
		if !strings.Contains(read(l+"/index.xml"), "<rss") {
			t.Errorf("%s/index.xml is not RSS", l)
		}
	}
	if !strings.Contains(read("robots.txt"), "Sitemap: http://127.0.0.1"+prefix+"sitemap.xml") {
		t.Error("robots.txt lacks the sitemap")
	}
}

// builtFor is the baseURL of the build the browser tests serve.
const builtFor = "http://127.0.0.1" + prefix

// site is the built and served site the browser tests share.
type site struct {
	dir, base string
	tab       *Tab
}

func setup(t *testing.T) *site {
	browser := Browser(t) // first: without Chromium the test stops before building
	dir := Build(t, builtFor)
	base := Serve(t, dir, prefix)
	tab := NewTab(t, browser)
	tab.Viewport(t, Desktop)
	return &site{dir: dir, base: base, tab: tab}
}

func (s *site) url(lang, p string) string { return s.base + lang + "/" + p }

// searchQuery is typed into the search pages when the crawl loads them, so
// that the search runs (and fetches its data) under the site's CSP.
var searchQuery = map[string]string{"zh": "海洋", "en": "marine"}

// unlinked reports whether no link leads to the page f (relative to the
// site): the 404 pages.
func unlinked(f string) bool { return path.Base(f) == "404.html" }

// TestBrowser loads the site in Chromium under a subpath with a strict CSP.
func TestBrowser(t *testing.T) {
	s := setup(t)
	tab := s.tab

	t.Run("pages load cleanly and links resolve", func(t *testing.T) {
		files, err := Files(s.dir)
		if err != nil {
			t.Fatal(err)
		}
		var start, want []string // unlinked pages; every other page
		for _, f := range files {
			switch {
			case !strings.HasSuffix(f, ".html"):
			case unlinked(f):
				start = append(start, s.base+f)
			default:
				want = append(want, s.base+strings.TrimSuffix(f, "index.html"))
			}
		}
		if len(start) == 0 || len(want) == 0 {
			t.Fatalf("the build has %d 404 pages and %d other pages", len(start), len(want))
		}
		res := Crawl{
			Base:     s.base,
			BuiltFor: builtFor,
			Start:    start,
			Tab:      tab,
			Visit: func(page string) (string, string) {
				for lang, q := range searchQuery {
					if page == s.url(lang, "search/") {
						return page + "?q=" + url.QueryEscape(q), `+(document.documentElement.dataset.searchDone || 0) > 0 && document.querySelectorAll("#search-results a.search-hit-link").length > 0`
					}
				}
				return page, ""
			},
		}.Run(t)
		// Every page of the build but the 404 pages is reached by links
		// from the landing page.
		sort.Strings(want)
		var got []string
		for _, p := range res.Pages {
			if !unlinked(strings.TrimPrefix(p, s.base)) {
				got = append(got, p)
			}
		}
		if !slices.Equal(got, want) {
			t.Errorf("pages reached by links:\n%s\nHTML files of the build but the 404 pages:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		// The paragraph links were among the fragments checked: those to ¶12
		// on each page that shows it.
		for _, l := range langs {
			for _, p := range []string{"zhoushan-two-firsts/", "zhoushan-two-firsts/section-3/", "zhoushan-two-firsts/parallel/"} {
				if u := s.url(l, p+"#p12"); !slices.Contains(res.Fragments, u) {
					t.Errorf("no link to %s was checked", u)
				}
			}
		}
		t.Logf("%d URLs fetched, %d pages loaded, %d fragment links checked, %d links to other sites", len(res.URLs), len(res.Pages), len(res.Fragments), len(res.External))
	})

	t.Run("language switch lands on the counterpart", func(t *testing.T) {
		for _, pt := range pageTypes {
			for i, l := range langs {
				other := langs[1-i]
				tab.Navigate(t, s.url(l, pt.path))
				href := Eval[string](t, tab, `(document.querySelector("a[data-lang-switch]")||{}).href || ""`)
				want := s.url(other, pt.path)
				if pt.name == "404" && href == s.url(other, "") {
					want = href // the other language's home is fine too
				}
				if href != want {
					t.Errorf("%s %s: switch goes to %q, want %q", l, pt.name, href, want)
				}
				cur := Eval[string](t, tab, `(document.querySelector(".lang-switch a[aria-current]")||{}).getAttribute("hreflang") || ""`)
				if cur != map[string]string{"zh": "zh-Hans", "en": "en"}[l] {
					t.Errorf("%s %s: aria-current language link is %q", l, pt.name, cur)
				}
			}
		}
		// With JS the paragraph comes along.
		for i, l := range langs {
			other := langs[1-i]
			tab.Navigate(t, s.url(l, "zhoushan-two-firsts/section-3/#p12"))
			tab.Do(t, chromedp.Click(chromedp.CSS("a[data-lang-switch]")))
			want := s.url(other, "zhoushan-two-firsts/section-3/#p12")
			tab.WaitFor(t, `location.href === `+jsString(want)+` && document.readyState === "complete"`)
		}
	})

	t.Run("keyboard: popover, reveal, cite", func(t *testing.T) {
		tab.GrantClipboard(t)
		for _, l := range langs {
			tab.Navigate(t, s.url(l, "zhoushan-two-firsts/section-3/"))
			// The skip link is the first Tab stop.
			tab.Do(t, chromedp.KeyEvent(kb.Tab))
			if c := Eval[string](t, tab, `document.activeElement.className`); c != "skip" {
				t.Errorf("%s: first Tab stop has class %q, want skip", l, c)
			}
			// Glossary popover: Enter opens, focus moves in, Escape closes and returns focus.
			tab.Do(t, chromedp.Focus(chromedp.CSS("#p11 a.term")), chromedp.KeyEvent(kb.Enter))
			tab.WaitFor(t, `!!document.getElementById("term-pop") && document.getElementById("term-pop").matches(":popover-open") && document.getElementById("term-pop").contains(document.activeElement) && document.querySelector("#term-pop .pop-body").textContent.length > 10`)
			tab.Do(t, chromedp.KeyEvent(kb.Escape))
			tab.WaitFor(t, `!document.getElementById("term-pop").matches(":popover-open") && document.activeElement.matches("#p11 a.term")`)
			// Reveal: Enter on the reveal button shows the other-language text.
			tab.Do(t, chromedp.Focus(chromedp.CSS("#p12 .reveal")), chromedp.KeyEvent(kb.Enter))
			tab.WaitFor(t, `(() => { const d = document.querySelector("#p12 + .alt[lang]"); return !!d && d.textContent.length > 20 && document.querySelector("#p12 .reveal").getAttribute("aria-expanded") === "true" })()`)
			// Cite: Enter on ¶12 opens its menu with the paragraph URL.
			tab.Do(t, chromedp.Focus(chromedp.CSS(`#p12 .pn`)), chromedp.KeyEvent(kb.Enter))
			tab.WaitFor(t, `document.getElementById("para-pop").matches(":popover-open")`)
			cites := Eval[[]string](t, tab, `[...document.querySelectorAll("#para-pop .cite-text")].map(e => e.textContent)`)
			if len(cites) < 4 {
				t.Fatalf("%s: %d citation texts in the ¶ menu", l, len(cites))
			}
			gb, chicago := cites[1], cites[2]
			for _, want := range []string{s.url(l, "zhoushan-two-firsts/section-3/#p12"), "2022"} {
				if !strings.Contains(gb, want) || !strings.Contains(chicago, want) {
					t.Errorf("%s: citations lack %q: %q / %q", l, want, gb, chicago)
				}
			}
			if !strings.Contains(gb+chicago, map[string]string{"zh": "何中伟", "en": "HE Zhongwei"}[l]) || !strings.Contains(gb, "打造“两个先行”舟山标志性成果") {
				t.Errorf("%s: citations lack the author: %q", l, gb)
			}
			// Focus starts at the menu's title, for a screen reader.
			if !Eval[bool](t, tab, `document.activeElement.matches("#para-pop .pop-title")`) {
				t.Fatalf("%s: focus is not on the ¶ menu's title", l)
			}
			// Copy: the GB citation's Copy button puts it on the clipboard,
			// which held something else before, and says so.
			Eval[bool](t, tab, `navigator.clipboard.writeText("before copy").then(() => true)`, chromedp.EvalAwaitPromise)
			Eval[bool](t, tab, `document.querySelectorAll("#para-pop button.copy")[1].focus(), true`)
			tab.Do(t, chromedp.KeyEvent(kb.Enter))
			tab.WaitFor(t, `document.querySelectorAll("#para-pop .copy-status")[1].textContent.length > 0`)
			if got := tab.Clipboard(t); got != gb {
				t.Errorf("%s: after Copy the clipboard holds %q, want the GB citation %q", l, got, gb)
			}
			// Escape closes the menu and returns focus.
			tab.Do(t, chromedp.KeyEvent(kb.Escape))
			tab.WaitFor(t, `!document.getElementById("para-pop").matches(":popover-open") && document.activeElement.matches("#p12 .pn")`)
		}
	})

	t.Run("no horizontal scroll at 320px", func(t *testing.T) {
		tab.Viewport(t, Narrow)
		defer tab.Viewport(t, Desktop)
		check := func(u string) {
			tab.Navigate(t, u)
			if w := Eval[int](t, tab, `document.documentElement.scrollWidth - document.documentElement.clientWidth`); w > 0 {
				t.Errorf("%s: %dpx horizontal overflow at 320px", u, w)
			}
		}
		check(s.base)
		for _, pt := range pageTypes {
			for _, l := range langs {
				check(s.url(l, pt.path))
			}
		}
	})

	t.Run("axe", func(t *testing.T) {
		run := func(u, scheme string) {
			tab.ColorScheme(t, scheme)
			tab.Navigate(t, u)
			// Only colours depend on the scheme: the dark run checks contrast.
			var only []string
			if scheme == "dark" {
				only = []string{"color-contrast"}
			}
			for _, v := range tab.Axe(t, only...) {
				t.Errorf("%s (%s): %s", u, scheme, v)
			}
		}
		defer tab.ColorScheme(t, "")
		for _, scheme := range []string{"light", "dark"} {
			run(s.base, scheme)
			for _, pt := range pageTypes {
				for _, l := range langs {
					run(s.url(l, pt.path), scheme)
				}
			}
		}
	})

	t.Run("JS off: reading and switching", func(t *testing.T) {
		tab.JavaScript(t, false)
		defer tab.JavaScript(t, true)
		tab.Navigate(t, s.url("zh", "zhoushan-two-firsts/section-3/"))
		text := Get(t, tab, chromedp.Text(chromedp.CSS("#p12"), chromedp.NodeVisible))
		if !strings.Contains(text, "海上花园城市") {
			t.Errorf("JS off: paragraph p12 not readable: %q", text)
		}
		// Without JS there are no buttons: ¶ numbers are links, and 对照
		// opens the parallel page.
		if n := Eval[int](t, tab, `document.querySelectorAll("main button").length`); n != 0 {
			t.Errorf("JS off: %d buttons that do nothing", n)
		}
		if href := Eval[string](t, tab, `document.querySelector("#p12 .pn").getAttribute("href")`); href != "#p12" {
			t.Errorf("JS off: ¶12 links %q", href)
		}
		// Switching goes to the counterpart page.
		if err := tab.Run(chromedp.Click(chromedp.CSS("a[data-lang-switch]")),
			chromedp.WaitVisible(chromedp.CSS(`html[lang="en"] #p12`))); err != nil {
			t.Errorf("JS off: language switch: %v", err)
		}
		if loc := tab.Location(t); loc != s.url("en", "zhoushan-two-firsts/section-3/") {
			t.Errorf("JS off: switch landed on %s", loc)
		}
		// Parallel page readable.
		tab.Navigate(t, s.url("en", "zhoushan-two-firsts/parallel/"))
		if err := tab.Run(chromedp.WaitVisible(chromedp.CSS(`#p12 td[lang="zh-Hans"]`)), chromedp.WaitVisible(chromedp.CSS(`#p12 td[lang="en"]`))); err != nil {
			t.Errorf("JS off: parallel page: %v", err)
		}
	})
}

// TestScreenshots is a tool for people, not a check: with SCREENSHOT_DIR
// set it writes a screenshot of every page type at phone and desktop width,
// and a PDF of the article as printed, into that folder.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("SCREENSHOT_DIR")
	if dir == "" {
		t.Skip("set SCREENSHOT_DIR to a folder to write screenshots and PDFs there")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	s := setup(t)
	tab := s.tab
	write := func(name string, b []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, scheme := range []string{"light", "dark"} {
		tab.ColorScheme(t, scheme)
		for _, v := range []Viewport{Phone, Desktop} {
			tab.Viewport(t, v)
			shot := func(name, u string) {
				tab.Navigate(t, u)
				if strings.Contains(u, "view=both") {
					tab.WaitFor(t, `!!document.querySelector("article.both")`)
				}
				// The viewport only: full-page captures of the long pages are slow.
				suffix := ""
				if scheme == "dark" {
					suffix = "-dark"
				}
				write(fmt.Sprintf("%s-%d%s.png", name, v.Width, suffix), Get(t, tab, chromedp.CaptureScreenshot()))
			}
			if scheme == "dark" {
				// The article in its three views, in the dark.
				for _, l := range langs {
					shot(l+"-article", s.url(l, article))
					shot(l+"-article-both", s.url(l, article+"?view=both"))
				}
				continue
			}
			shot("landing", s.base)
			for _, pt := range pageTypes {
				for _, l := range langs {
					shot(l+"-"+pt.name, s.url(l, pt.path))
				}
			}
			// The third view: both languages, in the article.
			for _, l := range langs {
				shot(l+"-article-both", s.url(l, article+"?view=both"))
			}
		}
	}
	tab.ColorScheme(t, "light")
	tab.Viewport(t, Desktop)
	for _, l := range langs {
		tab.Navigate(t, s.url(l, article))
		tab.PrintPDF(t, filepath.Join(dir, l+"-article.pdf"))
		tab.Navigate(t, s.url(l, article+"parallel/"))
		tab.PrintPDF(t, filepath.Join(dir, l+"-parallel.pdf"))
	}
	t.Logf("screenshots and PDFs in %s", dir)
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}
