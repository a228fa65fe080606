package sitetest

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
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
	root := Root(t)
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
	for _, l := range langs {
		var data struct {
			Blocks []struct{ ID, Zh, En string }
		}
		if err := json.Unmarshal([]byte(read(l+"/zhoushan-two-firsts/blocks.json")), &data); err != nil {
			t.Fatalf("%s blocks.json: %v", l, err)
		}
		if len(data.Blocks) < 20 || data.Blocks[0].Zh == "" || data.Blocks[0].En == "" {
			t.Errorf("%s blocks.json: %d blocks, first %+v", l, len(data.Blocks), data.Blocks)
		}
		csv := read(l + "/zhoushan-two-firsts/blocks.csv")
		if !strings.HasPrefix(csv, "id,kind,n,section,parent,zh,en\r\n") || strings.Count(csv, "\r\n") != len(data.Blocks)+1 {
			t.Errorf("%s blocks.csv: bad header or row count", l)
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

// site is the built and served site the browser tests share.
type site struct {
	dir, base string
	ctx       context.Context
	rec       *Recorder
}

func setup(t *testing.T) *site {
	dir := Build(t, "http://127.0.0.1"+prefix)
	base := Serve(t, dir, prefix)
	bctx := Browser(t)
	ctx, cancel := chromedp.NewContext(bctx)
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatal(err)
	}
	return &site{dir: dir, base: base, ctx: ctx, rec: Record(t, ctx)}
}

func (s *site) url(lang, p string) string { return s.base + lang + "/" + p }

func (s *site) do(t *testing.T, steps ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
}

func eval[T any](t *testing.T, s *site, expr string, opts ...chromedp.EvaluateOption) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, 30*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, opts...))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// until reports whether the boolean expression becomes true within a few
// seconds: UI state after a key press settles in the page's own time, and a
// loaded machine must not fail the check. The bound is not an assertion of
// speed.
func until(t *testing.T, s *site, expr string) bool {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if eval[bool](t, s, expr) {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
	}
}

func (s *site) viewport(t *testing.T, w int64) {
	s.do(t, chromedp.EmulateViewport(w, 900))
}

func (s *site) scheme(t *testing.T, scheme string) {
	t.Helper()
	_, err := chromedp.Call(s.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
		Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
	})
	if err != nil {
		t.Fatal(err)
	}
}

func (s *site) problems(t *testing.T, where string) {
	t.Helper()
	time.Sleep(50 * time.Millisecond) // let late events arrive
	for _, p := range s.rec.Problems() {
		t.Errorf("%s: %s", where, p)
	}
}

// htmlPages lists the site's HTML pages as paths relative to the site root.
func htmlPages(t *testing.T, dir string) []string {
	var out []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		rel = strings.TrimSuffix(rel, "index.html")
		out = append(out, rel)
		return nil
	})
	sort.Strings(out)
	return out
}

// TestBrowser loads the site in Chromium under a subpath with a strict CSP.
func TestBrowser(t *testing.T) {
	s := setup(t)
	pages := htmlPages(t, s.dir)

	t.Run("pages load cleanly and links resolve", func(t *testing.T) {
		s.viewport(t, 1280)
		links := map[string]string{} // href → page it was found on
		for _, p := range pages {
			s.do(t, chromedp.Navigate(s.base+p))
			s.problems(t, p)
			hrefs := eval[[]string](t, s, `[...document.querySelectorAll("a[href], link[href], script[src]")].map(e => e.href || e.src).filter(h => h.startsWith(location.origin))`)
			for _, h := range hrefs {
				if _, ok := links[h]; !ok {
					links[h] = p
				}
			}
		}
		client := &http.Client{Timeout: 10 * time.Second}
		for h, from := range links {
			u, err := url.Parse(h)
			if err != nil {
				t.Errorf("%s: bad link %s", from, h)
				continue
			}
			frag := u.Fragment
			u.Fragment = ""
			resp, err := client.Get(u.String())
			if err != nil {
				t.Errorf("%s: link %s: %v", from, h, err)
				continue
			}
			body := make([]byte, 0)
			if frag != "" {
				var sb strings.Builder
				buf := make([]byte, 32<<10)
				for {
					n, err := resp.Body.Read(buf)
					sb.Write(buf[:n])
					if err != nil {
						break
					}
				}
				body = []byte(sb.String())
			}
			resp.Body.Close()
			if resp.StatusCode != 200 {
				t.Errorf("%s: link %s: HTTP %d", from, h, resp.StatusCode)
				continue
			}
			if frag != "" && !regexp.MustCompile(`\sid="?`+regexp.QuoteMeta(frag)+`[" >]`).Match(body) {
				t.Errorf("%s: link %s: no element with id %q", from, h, frag)
			}
		}
		if len(links) < 50 {
			t.Errorf("only %d internal links found", len(links))
		}
	})

	t.Run("language switch lands on the counterpart", func(t *testing.T) {
		for _, pt := range pageTypes {
			for i, l := range langs {
				other := langs[1-i]
				s.do(t, chromedp.Navigate(s.url(l, pt.path)))
				href := eval[string](t, s, `(document.querySelector("a[data-lang-switch]")||{}).href || ""`)
				want := s.url(other, pt.path)
				if pt.name == "404" && href == s.url(other, "") {
					want = href // the other language's home is fine too
				}
				if href != want {
					t.Errorf("%s %s: switch goes to %q, want %q", l, pt.name, href, want)
				}
				cur := eval[string](t, s, `(document.querySelector(".lang-switch a[aria-current]")||{}).getAttribute("hreflang") || ""`)
				if cur != map[string]string{"zh": "zh-Hans", "en": "en"}[l] {
					t.Errorf("%s %s: aria-current language link is %q", l, pt.name, cur)
				}
			}
		}
		// With JS the paragraph comes along.
		for i, l := range langs {
			other := langs[1-i]
			s.do(t, chromedp.Navigate(s.url(l, "zhoushan-two-firsts/section-3/#p12")),
				chromedp.Click(chromedp.CSS("a[data-lang-switch]")))
			want := s.url(other, "zhoushan-two-firsts/section-3/#p12")
			var loc string
			for range 50 {
				loc, _ = chromedp.Run(s.ctx, chromedp.Location())
				if loc == want {
					break
				}
				time.Sleep(100 * time.Millisecond)
			}
			if loc != want {
				t.Errorf("%s: switch with #p12 landed on %s, want %s", l, loc, want)
			}
		}
		s.problems(t, "language switch")
	})

	t.Run("keyboard: popover, reveal, cite", func(t *testing.T) {
		for _, l := range langs {
			s.do(t, chromedp.Navigate(s.url(l, "zhoushan-two-firsts/section-3/")))
			// The skip link is the first Tab stop.
			s.do(t, chromedp.KeyEvent(kb.Tab))
			if c := eval[string](t, s, `document.activeElement.className`); c != "skip" {
				t.Errorf("%s: first Tab stop has class %q, want skip", l, c)
			}
			// Glossary popover: Enter opens, focus moves in, Escape closes and returns focus.
			s.do(t, chromedp.Focus(chromedp.CSS("#p11 a.term")), chromedp.KeyEvent(kb.Enter))
			if !until(t, s, `document.getElementById("term-pop").matches(":popover-open") && document.getElementById("term-pop").contains(document.activeElement) && document.querySelector("#term-pop .pop-body").textContent.length > 10`) {
				t.Errorf("%s: Enter on a glossary term does not open its popover with focus inside", l)
			}
			s.do(t, chromedp.KeyEvent(kb.Escape))
			if !until(t, s, `!document.getElementById("term-pop").matches(":popover-open") && document.activeElement.matches("#p11 a.term")`) {
				t.Errorf("%s: Escape does not close the glossary popover and return focus", l)
			}
			// Reveal: Enter on the summary opens the other-language text.
			s.do(t, chromedp.Focus(chromedp.CSS("#p12 ~ .pctl summary")), chromedp.KeyEvent(kb.Enter))
			if !until(t, s, `(() => { const d = document.querySelector("#p12 ~ .pctl details"); return d.open && d.querySelector(".alt-text[lang]").textContent.length > 20 })()`) {
				t.Errorf("%s: Enter on the reveal control does not show the other language", l)
			}
			// Cite: Enter opens the citations with the paragraph URL; Escape closes.
			s.do(t, chromedp.Focus(chromedp.CSS(`.cite-btn[data-p="p12"]`)), chromedp.KeyEvent(kb.Enter))
			got := eval[string](t, s, `document.getElementById("cite-pop").matches(":popover-open") ? document.getElementById("cite-gb").textContent + "\n" + document.getElementById("cite-chicago").textContent : ""`)
			for _, want := range []string{"section-3/#p12", "何中伟", "今日浙江", "2022", "He Zhongwei"} {
				if strings.Count(got, want) < 1 {
					t.Errorf("%s: citation lacks %q: %q", l, want, got)
				}
			}
			s.do(t, chromedp.KeyEvent(kb.Enter)) // the focused Copy button
			s.do(t, chromedp.KeyEvent(kb.Escape))
			if !until(t, s, `!document.getElementById("cite-pop").matches(":popover-open") && document.activeElement.matches('.cite-btn[data-p="p12"]')`) {
				t.Errorf("%s: Escape does not close the citation popover and return focus", l)
			}
			s.problems(t, l+" keyboard")
		}
	})

	t.Run("no horizontal scroll at 320px", func(t *testing.T) {
		s.viewport(t, 320)
		defer s.viewport(t, 1280)
		check := func(u string) {
			s.do(t, chromedp.Navigate(u))
			if w := eval[int](t, s, `document.documentElement.scrollWidth - document.documentElement.clientWidth`); w > 0 {
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
		axe, err := os.ReadFile(filepath.Join(NodeModules(t), "axe-core", "axe.min.js"))
		if err != nil {
			t.Fatal(err)
		}
		type violation struct {
			ID, Help string
			Nodes    []struct{ Target []any }
		}
		run := func(u, scheme string) {
			s.scheme(t, scheme)
			s.do(t, chromedp.Navigate(u))
			eval[chromedp.Void](t, s, string(axe))
			// Only colours depend on the scheme: the dark run checks contrast.
			opts := `{resultTypes: ["violations"]}`
			if scheme == "dark" {
				opts = `{resultTypes: ["violations"], runOnly: ["color-contrast"]}`
			}
			vs := eval[[]violation](t, s, `axe.run(document, `+opts+`).then(r => r.violations)`, chromedp.EvalAwaitPromise)
			for _, v := range vs {
				var where []string
				for i, n := range v.Nodes {
					if i == 3 {
						where = append(where, "…")
						break
					}
					where = append(where, fmt.Sprint(n.Target...))
				}
				t.Errorf("%s (%s): axe %s: %s at %s", u, scheme, v.ID, v.Help, strings.Join(where, ", "))
			}
		}
		for _, scheme := range []string{"light", "dark"} {
			run(s.base, scheme)
			for _, pt := range pageTypes {
				for _, l := range langs {
					run(s.url(l, pt.path), scheme)
				}
			}
		}
		s.scheme(t, "light")
		s.rec.Problems()
	})

	t.Run("JS off: reading and switching", func(t *testing.T) {
		setJS := func(off bool) {
			if _, err := chromedp.Call(s.ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: off}); err != nil {
				t.Fatal(err)
			}
		}
		setJS(true)
		defer setJS(false)
		s.do(t, chromedp.Navigate(s.url("zh", "zhoushan-two-firsts/section-3/")))
		ctx, cancel := context.WithTimeout(s.ctx, 20*time.Second)
		defer cancel()
		text, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("#p12"), chromedp.NodeVisible))
		if err != nil || !strings.Contains(text, "海上花园城市") {
			t.Errorf("JS off: paragraph p12 not readable: %q %v", text, err)
		}
		// The reveal works (details), the cite button stays hidden.
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("#p12 ~ .pctl summary")),
			chromedp.WaitVisible(chromedp.CSS(`#p12 ~ .pctl [lang="en"]`))); err != nil {
			t.Errorf("JS off: reveal: %v", err)
		}
		if err := chromedp.Do(ctx, chromedp.WaitNotVisible(chromedp.CSS(`.cite-btn[data-p="p12"]`))); err != nil {
			t.Errorf("JS off: cite button visible: %v", err)
		}
		// Switching goes to the counterpart page.
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS("a[data-lang-switch]")),
			chromedp.WaitVisible(chromedp.CSS(`html[lang="en"] #p12`))); err != nil {
			t.Errorf("JS off: language switch: %v", err)
		}
		loc, _ := chromedp.Run(ctx, chromedp.Location())
		if loc != s.url("en", "zhoushan-two-firsts/section-3/") {
			t.Errorf("JS off: switch landed on %s", loc)
		}
		// Parallel page readable.
		if err := chromedp.Do(ctx, chromedp.Navigate(s.url("en", "zhoushan-two-firsts/parallel/")),
			chromedp.WaitVisible(chromedp.CSS(`#p12 td[lang="zh-Hans"]`)), chromedp.WaitVisible(chromedp.CSS(`#p12 td[lang="en"]`))); err != nil {
			t.Errorf("JS off: parallel page: %v", err)
		}
		s.rec.Problems()
	})

	t.Run("screenshots", func(t *testing.T) {
		dir := os.Getenv("SCREENSHOT_DIR")
		if dir == "" {
			dir = filepath.Join(os.TempDir(), "screenshots")
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, w := range []int64{360, 1280} {
			s.viewport(t, w)
			shot := func(name, u string) {
				s.do(t, chromedp.Navigate(u))
				ctx, cancel := context.WithTimeout(s.ctx, 30*time.Second)
				defer cancel()
				// The viewport only: full-page captures of the long pages are slow.
				b, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
				if err != nil {
					t.Errorf("screenshot %s: %v", name, err)
					return
				}
				os.WriteFile(filepath.Join(dir, fmt.Sprintf("%s-%d.png", name, w)), b, 0o644)
			}
			shot("landing", s.base)
			for _, pt := range pageTypes {
				for _, l := range langs {
					shot(l+"-"+pt.name, s.url(l, pt.path))
				}
			}
		}
		s.viewport(t, 1280)
		t.Logf("screenshots in %s", dir)
	})
}
