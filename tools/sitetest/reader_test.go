package sitetest

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// The reader as readers use it: keep my place, both languages my way,
// popovers that keep focus, print and cite correctly, reader modes.

const article = "zhoushan-two-firsts/"

func other(lang string) string {
	if lang == "zh" {
		return "en"
	}
	return "zh"
}

// scrollTo puts the element with id at the reading line of the window
// (a quarter down, below the sticky header), as a reader who scrolled there
// would have it, without touching the address.
func scrollTo(t *testing.T, tab *Tab, id string) {
	t.Helper()
	Eval[bool](t, tab, fmt.Sprintf(`(() => {
  const e = document.getElementById(%q);
  const top = e.getBoundingClientRect().top + scrollY;
  const h = document.querySelector(".site-header").getBoundingClientRect().height;
  scrollTo(0, Math.max(0, top - h - (innerHeight - h) / 6));
  return true })()`, id))
	tab.WaitFor(t, fmt.Sprintf(`(() => { const r = document.getElementById(%q).getBoundingClientRect(); return r.top > 0 && r.top < innerHeight / 2 })()`, id))
}

// press clicks the element sel matches where it is on the screen, as a
// reader would, without scrolling it into view first (chromedp.Click does,
// and scrolling to a sticky header's place in the page loses the reader's
// place).
func press(t *testing.T, tab *Tab, sel string) {
	t.Helper()
	xy := Eval[[]float64](t, tab, `(r => [r.left + r.width / 2, r.top + r.height / 2])(document.querySelector(`+jsString(sel)+`).getBoundingClientRect())`)
	tab.Do(t, chromedp.MouseClickXY(xy[0], xy[1]))
}

// hover moves the mouse over the middle of the element sel matches.
func hover(t *testing.T, tab *Tab, sel string) {
	t.Helper()
	// The middle of the element's first line box: an inline sentence that
	// wraps has a bounding box wider than its text.
	xy := Eval[[]float64](t, tab, `(e => (e.scrollIntoView({block: "center"}), (r => [r.left + r.width / 2, r.top + r.height / 2])(e.getClientRects()[0])))(document.querySelector(`+jsString(sel)+`))`)
	tab.Do(t, chromedp.MouseEvent(input.DispatchMouseEventTypeMouseMoved, xy[0], xy[1]))
}

// landedOn checks that the tab's page shows block (or one of its
// sentences) at its address and in view.
func landedOn(t *testing.T, tab *Tab, wantURL, block string) {
	t.Helper()
	tab.WaitFor(t, fmt.Sprintf(`location.href.split("#")[0] === %q && document.readyState === "complete"`, strings.Split(wantURL, "#")[0]))
	hash := Eval[string](t, tab, `decodeURIComponent(location.hash.slice(1))`)
	if hash != block && !strings.HasPrefix(hash, block+".") {
		t.Errorf("landed on %s, want #%s or one of its sentences", tab.Location(t), block)
		return
	}
	tab.WaitFor(t, fmt.Sprintf(`(() => { const r = document.getElementById(%q).getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight })()`, hash))
}

// TestSwitchKeepsPlace: a reader who scrolled to a paragraph (no hash), or
// who jumped to one from the contents and read on (a stale hash), and then
// switches language lands on the paragraph they were reading, on phones and
// desktops, on article, section, parallel and glossary pages.
func TestSwitchKeepsPlace(t *testing.T) {
	s := setup(t)
	tab := s.tab
	pages := []struct{ path, place string }{
		{article, "p12"},
		{article + "section-3/", "p13"},
		{article + "parallel/", "p16"},
		{"glossary/", "common-prosperity"},
	}
	for _, v := range []Viewport{Phone, Desktop} {
		tab.Viewport(t, v)
		for _, lang := range langs {
			for _, p := range pages {
				t.Run(v.Name+"/"+lang+"/"+p.path, func(t *testing.T) {
					tab.Navigate(t, s.url(lang, p.path))
					scrollTo(t, tab, p.place)
					press(t, tab, `.lang-switch a[data-lang-switch]`)
					landedOn(t, tab, s.url(other(lang), p.path), p.place)
				})
			}
		}
	}
	tab.Viewport(t, Desktop)
	t.Run("the place carried is not a target", func(t *testing.T) {
		tab.Navigate(t, s.url("zh", article))
		scrollTo(t, tab, "p14")
		before := Eval[float64](t, tab, `document.getElementById("p14").getBoundingClientRect().top`)
		press(t, tab, `.lang-switch a[data-lang-switch]`)
		landedOn(t, tab, s.url("en", article), "p14")
		if n := Eval[int](t, tab, `document.querySelectorAll(".tg").length`); n != 0 {
			t.Errorf("the place the switch carried is highlighted as a target (%d elements)", n)
		}
		after := Eval[float64](t, tab, `document.getElementById("p14").getBoundingClientRect().top`)
		if after < before-200 || after > before+200 {
			t.Errorf("¶14 was %.0f px from the top and lands %.0f px from it", before, after)
		}
	})
	t.Run("stale hash", func(t *testing.T) {
		tab.Navigate(t, s.url("en", article))
		tab.Do(t, chromedp.Click(chromedp.CSS(`.toc a[href="#p6"]`)))
		tab.WaitFor(t, `location.hash === "#p6"`)
		scrollTo(t, tab, "p12")
		press(t, tab, `.lang-switch a[data-lang-switch]`)
		landedOn(t, tab, s.url("zh", article), "p12")
	})
	t.Run("keyboard reaches the switch from the text", func(t *testing.T) {
		tab.Navigate(t, s.url("en", article))
		scrollTo(t, tab, "p12")
		// The switch stays on screen (the header sticks to the top).
		tab.WaitFor(t, `(() => { const r = document.querySelector(".lang-switch a[data-lang-switch]").getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight })()`)
		// From ¶12's menu a keyboard reader reads on in the other language.
		tab.Do(t, chromedp.Focus(chromedp.CSS(`#p12 .pn`)), chromedp.KeyEvent(kb.Enter))
		tab.WaitFor(t, `document.getElementById("para-pop").matches(":popover-open")`)
		href := Eval[string](t, tab, `document.querySelector("#para-pop .read-other a").href`)
		if !strings.HasPrefix(href, s.url("zh", article)) || !strings.Contains(href, "#p12") {
			t.Errorf("read-other link %s, want the Chinese page at ¶12", href)
		}
	})
	t.Run("search page carries the query", func(t *testing.T) {
		tab.Navigate(t, s.url("zh", "search/?q=%E6%B5%B7%E6%B4%8B"))
		press(t, tab, `.lang-switch a[data-lang-switch]`)
		tab.WaitFor(t, `location.pathname.endsWith("/en/search/")`)
		if q := Eval[string](t, tab, `new URLSearchParams(location.search).get("q") || ""`); q != "海洋" {
			t.Errorf("switch from a search dropped the query: q=%q", q)
		}
	})
}

// TestViews: the both view is switched in place, keeps the place, shows
// the other language after each block (interleaved on phones, side by side
// on desktops), is carried in the address and remembered; without JS, 对照
// opens the parallel page.
func TestViews(t *testing.T) {
	s := setup(t)
	tab := s.tab
	for _, v := range []Viewport{Desktop, Phone} {
		t.Run(v.Name, func(t *testing.T) {
			tab.Viewport(t, v)
			tab.Navigate(t, s.url("en", article))
			Eval[bool](t, tab, `localStorage.clear(), true`)
			tab.Navigate(t, s.url("en", article))
			scrollTo(t, tab, "p12")
			press(t, tab, `.lang-switch a[data-view="both"]`)
			tab.WaitFor(t, `!!document.querySelector(".article.both") && document.querySelector('#p12 + .alt[lang="zh-Hans"]') !== null`)
			if u := tab.Location(t); !strings.Contains(u, "view=both") || !strings.HasPrefix(u, s.url("en", article)) {
				t.Errorf("both view at %s, want the same page with ?view=both", u)
			}
			tab.WaitFor(t, `(() => { const r = document.getElementById("p12").getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight / 2 })()`)
			side := Eval[bool](t, tab, `(() => { const a = document.getElementById("p12").getBoundingClientRect(), b = document.querySelector("#p12 + .alt").getBoundingClientRect(); return b.left >= a.right - 1 && Math.abs(b.top - a.top) < 40 })()`)
			if side != (v == Desktop) {
				t.Errorf("side by side = %v on %s", side, v.Name)
			}
			if zh := Eval[string](t, tab, `document.querySelector("#p12 + .alt").textContent`); !strings.Contains(zh, "海上花园城市") {
				t.Errorf("the Chinese of ¶12 is %q", zh)
			}
			// Remembered: a new visit without ?view opens the both view.
			tab.Navigate(t, s.url("en", article+"section-3/"))
			tab.WaitFor(t, `document.querySelector(".article.both") !== null && document.querySelectorAll(".alt.view").length > 5`)
			// Back to one language, in place.
			press(t, tab, `.lang-switch a[hreflang="en"]`)
			tab.WaitFor(t, `document.querySelector(".article.both") === null && document.querySelectorAll(".alt.view").length === 0 && !location.search.includes("view=both")`)
		})
	}
	t.Run("a shared link opens the both view", func(t *testing.T) {
		tab.Viewport(t, Desktop)
		tab.Navigate(t, s.url("zh", article))
		Eval[bool](t, tab, `localStorage.clear(), true`)
		tab.Navigate(t, s.url("zh", article)+"?view=both#p6")
		tab.WaitFor(t, `document.querySelector('.article.both #p6 + .alt[lang="en"]') !== null`)
	})
	t.Run("an address with a target in the both view", func(t *testing.T) {
		tab.Viewport(t, Desktop)
		tab.Navigate(t, s.url("en", article))
		Eval[bool](t, tab, `localStorage.setItem("view", "both"), true`)
		tab.Navigate(t, s.url("en", article+"section-4/")+"#p17")
		tab.WaitFor(t, `!!document.querySelector('.article.both #p17 + .alt') && document.getElementById("p17").classList.contains("tg")`)
		tab.WaitFor(t, `(r => r.top >= 0 && r.top < innerHeight / 2)(document.getElementById("p17").getBoundingClientRect())`)
		Eval[bool](t, tab, `localStorage.clear(), true`)
	})
	t.Run("without JS 对照 opens the parallel page", func(t *testing.T) {
		tab.JavaScript(t, false)
		defer tab.JavaScript(t, true)
		tab.Navigate(t, s.url("zh", article))
		href := Eval[string](t, tab, `document.querySelector('.lang-switch a[data-view="both"]').href`)
		if href != s.url("zh", article+"parallel/") {
			t.Errorf("对照 links %s", href)
		}
	})
}

// TestReveal: the per-paragraph reveal shows the other language under the
// paragraph; its control does not move, says its state, and is labelled in
// the reader's language.
func TestReveal(t *testing.T) {
	s := setup(t)
	tab := s.tab
	label := map[string]*regexp.Regexp{"en": regexp.MustCompile(`^(Show|Hide) Chinese$`), "zh": regexp.MustCompile(`^(显示|隐藏)英文$`)}
	for _, v := range []Viewport{Phone, Desktop} {
		for _, lang := range langs {
			t.Run(v.Name+"/"+lang, func(t *testing.T) {
				tab.Viewport(t, v)
				tab.Navigate(t, s.url(lang, article+"section-3/"))
				Eval[bool](t, tab, `localStorage.clear(), true`)
				tab.Navigate(t, s.url(lang, article+"section-3/"))
				scrollTo(t, tab, "p12")
				btn := `document.querySelector("#p12 .reveal")`
				tab.WaitFor(t, btn+` !== null`)
				before := Eval[[]float64](t, tab, `(r => [r.left, r.top + scrollY])(`+btn+`.getBoundingClientRect())`)
				if l := Eval[string](t, tab, btn+`.querySelector(".reveal-label").textContent`); !label[lang].MatchString(l) || Eval[string](t, tab, btn+`.getAttribute("aria-expanded")`) != "false" {
					t.Errorf("reveal control %q (expanded=%s)", l, Eval[string](t, tab, btn+`.getAttribute("aria-expanded")`))
				}
				tab.Do(t, chromedp.Click(chromedp.CSS(`#p12 .reveal`)))
				tab.WaitFor(t, `document.querySelector("#p12 + .alt.reveal-text") !== null && `+btn+`.getAttribute("aria-expanded") === "true"`)
				after := Eval[[]float64](t, tab, `(r => [r.left, r.top + scrollY])(`+btn+`.getBoundingClientRect())`)
				if fmt.Sprint(before) != fmt.Sprint(after) {
					t.Errorf("the reveal control moved from %v to %v", before, after)
				}
				if l := Eval[string](t, tab, btn+`.querySelector(".reveal-label").textContent`); !label[lang].MatchString(l) || !strings.HasPrefix(l, map[string]string{"zh": "隐藏", "en": "Hide"}[lang]) {
					t.Errorf("open reveal control says %q", l)
				}
				want := map[string]string{"zh": "garden city on the sea", "en": "海上花园城市"}[lang]
				if txt := Eval[string](t, tab, `document.querySelector("#p12 + .alt").textContent`); !strings.Contains(txt, want) {
					t.Errorf("revealed text %q lacks %q", txt, want)
				}
				tab.Do(t, chromedp.Click(chromedp.CSS(`#p12 .reveal`)))
				tab.WaitFor(t, `document.querySelector("#p12 + .alt") === null`)
			})
		}
	}
}

// TestPopoverFocus: Tab and Shift-Tab never leave an open popover for the
// page behind it; Escape closes it and focus returns to its control; on a
// desktop the popover opens next to its term.
func TestPopoverFocus(t *testing.T) {
	s := setup(t)
	tab := s.tab
	for _, lang := range langs {
		for _, c := range []struct{ name, control, pop string }{
			{"glossary term", "#p11 a.term", "term-pop"},
			{"¶ menu", "#p12 .pn", "para-pop"},
		} {
			t.Run(lang+"/"+c.name, func(t *testing.T) {
				tab.Viewport(t, Desktop)
				tab.Navigate(t, s.url(lang, article+"section-3/"))
				scrollTo(t, tab, "p11")
				tab.Do(t, chromedp.Focus(chromedp.CSS(c.control)), chromedp.KeyEvent(kb.Enter))
				open := fmt.Sprintf(`!!document.getElementById(%q) && document.getElementById(%q).matches(":popover-open")`, c.pop, c.pop)
				inside := fmt.Sprintf(`document.getElementById(%q).contains(document.activeElement)`, c.pop)
				tab.WaitFor(t, open+" && "+inside)
				for i := 0; i < 16; i++ {
					key := chromedp.KeyEvent(kb.Tab)
					if i >= 8 {
						key = chromedp.KeyEvent(kb.Tab, chromedp.KeyModifiers(chromedp.ModifierShift))
					}
					tab.Do(t, key)
					if !Eval[bool](t, tab, open+" && "+inside) {
						t.Fatalf("after %d Tab presses focus is on %s, outside the open popover", i+1, Eval[string](t, tab, `document.activeElement.outerHTML.slice(0, 80)`))
					}
				}
				if c.pop == "term-pop" {
					gap := Eval[float64](t, tab, fmt.Sprintf(`(() => { const a = document.querySelector(%q).getBoundingClientRect(), p = document.getElementById(%q).getBoundingClientRect(); return Math.min(Math.abs(p.top - a.bottom), Math.abs(a.top - p.bottom)) })()`, c.control, c.pop))
					if gap > 24 {
						t.Errorf("the glossary popover opens %.0f px from its term", gap)
					}
				}
				tab.Do(t, chromedp.KeyEvent(kb.Escape))
				tab.WaitFor(t, fmt.Sprintf(`!(%s) && document.activeElement === document.querySelector(%q)`, open, c.control))
				// A click outside closes it too.
				tab.Do(t, chromedp.Click(chromedp.CSS(c.control)))
				tab.WaitFor(t, open)
				tab.Do(t, chromedp.MouseClickXY(5, 400))
				tab.WaitFor(t, "!("+open+")")
			})
		}
	}
}

// TestPopoverBesideTerm: on wide screens the glossary popover never covers
// the term that opened it, wherever the term is in the window: at the top,
// the middle, the bottom, in a tall window and in a short one (a laptop
// at 200% zoom).
func TestPopoverBesideTerm(t *testing.T) {
	s := setup(t)
	tab := s.tab
	defer tab.Viewport(t, Desktop)
	for _, lang := range langs {
		for _, vp := range []Viewport{Desktop, Zoom200} {
			for _, at := range []float64{0.25, 0.55, 0.95} {
				t.Run(fmt.Sprintf("%s/%s/%.0f%%", lang, vp.Name, at*100), func(t *testing.T) {
					tab.Viewport(t, vp)
					tab.Navigate(t, s.url(lang, article+"section-3/"))
					// The term's line at this fraction of the window's height.
					Eval[bool](t, tab, fmt.Sprintf(`(() => {
  const a = document.querySelector("#p11 a.term");
  scrollTo(0, a.getBoundingClientRect().top + scrollY - innerHeight * %g + a.getBoundingClientRect().height);
  return true })()`, at))
					tab.Do(t, chromedp.Focus(chromedp.CSS("#p11 a.term")), chromedp.KeyEvent(kb.Enter))
					tab.WaitFor(t, `(document.getElementById("term-pop") || {matches: () => false}).matches(":popover-open")`)
					got := Eval[map[string]any](t, tab, `(() => {
  const a = document.querySelector("#p11 a.term").getBoundingClientRect();
  const p = document.getElementById("term-pop").getBoundingClientRect();
  const overlap = a.top < p.bottom && p.top < a.bottom && a.left < p.right && p.left < a.right;
  const gap = Math.min(Math.abs(p.top - a.bottom), Math.abs(a.top - p.bottom));
  const inside = a.top >= 0 && a.bottom <= innerHeight && p.top >= 0 && p.bottom <= innerHeight + 0.5;
  return {overlap, gap, inside, term: [a.top, a.bottom], pop: [p.top, p.bottom], h: innerHeight} })()`)
					if got["overlap"] == true || got["inside"] != true || got["gap"].(float64) > 24 {
						t.Errorf("term at %v, popover at %v in a window %v px high: overlaps %v, both in the window %v, gap %v px",
							got["term"], got["pop"], got["h"], got["overlap"], got["inside"], got["gap"])
					}
					tab.Do(t, chromedp.KeyEvent(kb.Escape))
					tab.WaitFor(t, `!document.getElementById("term-pop").matches(":popover-open")`)
				})
			}
		}
	}
}

// TestPrint: printed, a page shows its ¶ numbers, URL and (translated
// pages) the translation note, no header or controls, in a serif font;
// the parallel text prints side by side.
func TestPrint(t *testing.T) {
	s := setup(t)
	tab := s.tab
	tab.Viewport(t, Viewport{Name: "A4", Width: 794, Height: 1123})
	tab.PrintMedia(t, true)
	defer tab.PrintMedia(t, false)
	for _, lang := range langs {
		tab.Navigate(t, s.url(lang, article))
		visible := func(sel string) bool {
			return Eval[bool](t, tab, fmt.Sprintf(`(() => { const e = document.querySelector(%q); return !!e && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden" })()`, sel))
		}
		for sel, want := range map[string]bool{"#p12 .pn": true, ".print-url": true, ".site-header": false, ".lang-switch": false, ".toc": false, "#p12 .reveal": false, ".translation-note": lang == "en"} {
			if visible(sel) != want {
				t.Errorf("%s print: %s visible = %v, want %v", lang, sel, !want, want)
			}
		}
		if n := Eval[string](t, tab, `document.querySelector("#p12 .pn").textContent`); n != "¶12" {
			t.Errorf("%s print: ¶ number %q", lang, n)
		}
		// Inside the page: what lies outside the printable area is not printed.
		if left := Eval[float64](t, tab, `document.querySelector("#p12 .pn").getBoundingClientRect().left`); left < 0 {
			t.Errorf("%s print: the ¶ number is %.0f px outside the page", lang, -left)
		}
		if h1, p := Eval[float64](t, tab, `parseFloat(getComputedStyle(document.querySelector("h1")).fontSize)`), Eval[float64](t, tab, `parseFloat(getComputedStyle(document.getElementById("p12")).fontSize)`); h1 <= p*1.2 {
			t.Errorf("%s print: the title (%.1f px) is not larger than the text (%.1f px)", lang, h1, p)
		}
		if u := Eval[string](t, tab, `document.querySelector(".print-url").textContent`); !strings.HasSuffix(u, "/"+lang+"/"+article) {
			t.Errorf("%s print: URL %q", lang, u)
		}
		if f := Eval[string](t, tab, `getComputedStyle(document.querySelector("#p12")).fontFamily`); !strings.Contains(strings.ToLower(f), "serif") || strings.Contains(strings.ToLower(f), "sans-serif") && strings.Index(strings.ToLower(f), "sans") < strings.Index(strings.ToLower(f), "serif") {
			t.Errorf("%s print: ¶12 set in %q, want the serif print fonts", lang, f)
		}
		tab.Navigate(t, s.url(lang, article+"parallel/"))
		if !Eval[bool](t, tab, `(() => { const [a, b] = document.querySelectorAll("#p12 td"); const r = a.getBoundingClientRect(), q = b.getBoundingClientRect(); return Math.abs(r.top - q.top) < 2 && q.left >= r.right - 1 })()`) {
			t.Errorf("%s print: the parallel text is not side by side", lang)
		}
	}
	if dir := os.Getenv("SCREENSHOT_DIR"); dir != "" {
		for _, lang := range langs {
			tab.Navigate(t, s.url(lang, article))
			tab.PrintPDF(t, filepath.Join(dir, lang+"-article.pdf"))
			tab.Navigate(t, s.url(lang, article+"parallel/"))
			tab.PrintPDF(t, filepath.Join(dir, lang+"-parallel.pdf"))
		}
	}
}

// TestCitations: the ¶ menu cites the paragraph (or the targeted sentence
// or range) with the translator, the URL with its anchor and the day's
// access date; the Copy button that was pressed says it copied, and the
// clipboard holds that citation.
func TestCitations(t *testing.T) {
	s := setup(t)
	tab := s.tab
	tab.GrantClipboard(t)
	for _, c := range []struct {
		lang, hash, para, anchor string
		want                     []string
		dated                    bool // carries the access date
	}{
		{"zh", "", "p12", "#p12", []string{"何中伟", "打造“两个先行”舟山标志性成果", "今日浙江"}, true},
		{"en", "", "p12", "#p12", []string{"He Zhongwei", "Delivering Zhoushan", "Chinese Policy Texts in English", "Zhejiang Today"}, true},
		{"en", "#p12.3", "p12", "#p12.3", []string{"sentence 3", "Chinese Policy Texts in English"}, false},
		{"zh", "#p3-6", "p3", "#p3-6", []string{"第3段第6项"}, false},
		{"en", "#p13-p15", "p14", "#p13-p15", []string{"13–15"}, false},
	} {
		t.Run(c.lang+c.hash, func(t *testing.T) {
			// The page reads the clock when the menu opens: the access
			// date is the day before the page loaded or the day after the
			// citations were read, whichever the run straddled at midnight.
			before := time.Now()
			tab.Navigate(t, s.url(c.lang, article)+c.hash)
			tab.Do(t, chromedp.Click(chromedp.CSS(fmt.Sprintf(`[id=%q] .pn, .list:has([id=%q]) .pn`, c.para, c.para))))
			tab.WaitFor(t, `document.getElementById("para-pop").matches(":popover-open")`)
			texts := Eval[[]string](t, tab, `[...document.querySelectorAll("#para-pop .cite-text")].map(e => e.textContent)`)
			if len(texts) < 4 {
				t.Fatalf("%d citation texts", len(texts))
			}
			all := strings.Join(texts, "\n")
			for _, w := range append(c.want, c.anchor) {
				if !strings.Contains(all, w) {
					t.Errorf("citations lack %q:\n%s", w, all)
				}
			}
			if c.dated {
				after := time.Now()
				for _, layout := range []string{"2006-01-02", "January 2, 2006"} {
					if !strings.Contains(all, before.Format(layout)) && !strings.Contains(all, after.Format(layout)) {
						t.Errorf("citations lack the access date %q (or %q):\n%s", before.Format(layout), after.Format(layout), all)
					}
				}
			}
			// Copy the second citation: only its button says so.
			Eval[bool](t, tab, `document.querySelectorAll("#para-pop .copy")[1].click(), true`)
			tab.WaitFor(t, `document.querySelectorAll("#para-pop .copy-status")[1].textContent.length > 0`)
			statuses := Eval[[]string](t, tab, `[...document.querySelectorAll("#para-pop .copy-status")].map(e => e.textContent)`)
			for i, st := range statuses {
				if (st != "") != (i == 1) {
					t.Errorf("copy status %d = %q after pressing button 2", i, st)
				}
			}
			if clip := tab.Clipboard(t); clip != texts[1] {
				t.Errorf("clipboard %q, want the second citation %q", clip, texts[1])
			}
			tab.Do(t, chromedp.KeyEvent(kb.Escape))
		})
	}
}

// TestAlignment: hovering or tapping a sentence highlights its counterpart
// on the parallel page and in a revealed paragraph; #p12.3 highlights on
// arrival; a range #p13-p15 highlights its paragraphs.
func TestAlignment(t *testing.T) {
	s := setup(t)
	tab := s.tab
	tab.Viewport(t, Desktop)
	for _, lang := range langs {
		t.Run(lang+"/parallel", func(t *testing.T) {
			tab.Navigate(t, s.url(lang, article+"parallel/"))
			// The other language's cell: its third sentence.
			sel := fmt.Sprintf(`#p12 td[lang="%s"] > :nth-child(3)`, map[string]string{"zh": "en", "en": "zh-Hans"}[lang])
			tab.Do(t, chromedp.ScrollIntoView(chromedp.CSS(sel)))
			hover(t, tab, sel)
			tab.WaitFor(t, `document.getElementById("p12.3").classList.contains("hl") && document.querySelector(`+jsString(sel)+`).classList.contains("hl")`)
			tab.Do(t, chromedp.Click(chromedp.CSS(`[id="p12.2"]`)))
			tab.WaitFor(t, `location.hash === "#p12.2" && document.getElementById("p12.2").classList.contains("tg")`)
		})
		t.Run(lang+"/revealed", func(t *testing.T) {
			tab.Navigate(t, s.url(lang, article+"section-3/"))
			tab.Do(t, chromedp.Click(chromedp.CSS(`#p12 .reveal`)))
			tab.WaitFor(t, `document.querySelector('#p12 + .alt [data-s="p12.3"]') !== null`)
			hover(t, tab, `#p12 + .alt [data-s="p12.3"]`)
			tab.WaitFor(t, `document.getElementById("p12.3").classList.contains("hl")`)
			hover(t, tab, `[id="p12.2"]`)
			tab.WaitFor(t, `document.querySelector('#p12 + .alt [data-s="p12.2"]').classList.contains("hl") && !document.getElementById("p12.3").classList.contains("hl")`)
		})
		t.Run(lang+"/arrival", func(t *testing.T) {
			tab.Navigate(t, s.url(lang, article)+"#p12.3")
			tab.WaitFor(t, `document.getElementById("p12.3").classList.contains("tg") && !document.getElementById("p12.2").classList.contains("tg")`)
			tab.Navigate(t, s.url(lang, article)+"#p13-p15")
			tab.WaitFor(t, `["p13","p14","p15"].every(id => document.getElementById(id).classList.contains("tg")) && !document.getElementById("p12").classList.contains("tg") && !document.getElementById("p16").classList.contains("tg")`)
		})
	}
}

// TestReaderMode runs Readability 0.6.0 (Firefox Reader View and
// read-later services use it) on the article pages: it gets the page's own
// language only, from its first paragraph to its last, with title and
// byline, and no control labels.
func TestReaderMode(t *testing.T) {
	s := setup(t)
	tab := s.tab
	src, err := os.ReadFile(filepath.Join(NodeModules(t), "@mozilla", "readability", "Readability.js"))
	if err != nil {
		t.Fatal(err)
	}
	han := regexp.MustCompile(`\p{Han}`)
	for _, c := range []struct{ lang, first, last, byline string }{
		{"zh", "舟山作为海洋特色鲜明的群岛城市", "以优异成绩迎接党的二十大胜利召开", "何中伟"},
		{"en", "As an archipelagic city", "20th CPC National Congress", "He Zhongwei"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			tab.Navigate(t, s.url(c.lang, article))
			tab.WaitFor(t, `document.querySelectorAll(".reveal").length > 10`) // the script has added its controls
			var r struct{ Title, Byline, TextContent string }
			raw := Eval[string](t, tab, string(src)+`; JSON.stringify(new Readability(document.cloneNode(true)).parse())`)
			if err := json.Unmarshal([]byte(raw), &r); err != nil {
				t.Fatalf("%v: %s", err, raw)
			}
			text := strings.Join(strings.Fields(r.TextContent), " ")
			if !strings.Contains(r.Title, map[string]string{"zh": "打造“两个先行”舟山标志性成果", "en": "Delivering Zhoushan’s Landmark Achievements"}[c.lang]) {
				t.Errorf("title %q", r.Title)
			}
			if !strings.Contains(r.Byline+text, c.byline) {
				t.Errorf("no byline %q", c.byline)
			}
			i, j := strings.Index(text, c.first), strings.Index(text, c.last)
			if i < 0 || j < i {
				t.Errorf("reader text lacks the first or last paragraph (%d, %d):\n%s", i, j, text)
			}
			for _, label := range []string{"Show Chinese", "Hide Chinese", "显示英文", "隐藏英文", "中文原文", "英文译文", "Paragraph", "第1段", "Cite", "引用", "Copy", "复制"} {
				if strings.Contains(text, label) {
					t.Errorf("reader text holds the control label %q", label)
				}
			}
			if c.lang == "en" && han.MatchString(text) {
				t.Errorf("the English reader text holds Chinese: %q", han.FindAllString(text, 10))
			}
			if c.lang == "zh" && regexp.MustCompile(`[A-Za-z]{4,} [A-Za-z]{4,} [A-Za-z]{4,}`).MatchString(text) {
				t.Errorf("the Chinese reader text holds English: %q", regexp.MustCompile(`[A-Za-z]{4,} [A-Za-z]{4,} [A-Za-z]{4,}`).FindString(text))
			}
		})
	}
}

// TestTitlesUnique: every page has its own <title>.
func TestTitlesUnique(t *testing.T) {
	dir := Build(t, builtFor)
	files, err := Files(dir)
	if err != nil {
		t.Fatal(err)
	}
	titleRE := regexp.MustCompile(`<title>([^<]*)</title>`)
	seen := map[string]string{}
	n := 0
	for _, f := range files {
		if !strings.HasSuffix(f, ".html") || f == "index.html" {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, f))
		if err != nil {
			t.Fatal(err)
		}
		m := titleRE.FindSubmatch(b)
		if m == nil || strings.TrimSpace(string(m[1])) == "" {
			t.Errorf("%s: no title", f)
			continue
		}
		n++
		title := string(m[1])
		if prev, dup := seen[title]; dup {
			t.Errorf("%s and %s share the title %q", prev, f, title)
		}
		seen[title] = f
		if parts := strings.Split(title, " · "); len(parts) > 1 && parts[0] == parts[1] {
			t.Errorf("%s: title repeats itself: %q", f, title)
		}
	}
	if n < 20 {
		t.Errorf("only %d pages with titles", n)
	}
}

// TestAxeReader runs axe (WCAG 2.0–2.2 A and AA, target-size included) on
// every page type in both languages, light at 320 px and dark at 200% zoom,
// with the reader's controls shown and a popover open.
func TestAxeReader(t *testing.T) {
	s := setup(t)
	tab := s.tab
	for _, v := range []struct {
		vp     Viewport
		scheme string
	}{{Narrow, "light"}, {Zoom200, "dark"}} {
		tab.Viewport(t, v.vp)
		tab.ColorScheme(t, v.scheme)
		for _, pt := range pageTypes {
			for _, lang := range langs {
				u := s.url(lang, pt.path)
				tab.Navigate(t, u)
				if pt.name == "section" {
					tab.Do(t, chromedp.Click(chromedp.CSS(`#p12 .reveal`)))
					tab.WaitFor(t, `document.querySelector("#p12 + .alt") !== null`)
				}
				for _, vi := range tab.Axe(t) {
					t.Errorf("%s (%s, %s): %s", u, v.vp.Name, v.scheme, vi)
				}
			}
		}
	}
	tab.ColorScheme(t, "")
}

// TestPopoverLanguage: in every glossary popover of the English article,
// the Chinese (the term, and any Chinese quoted in its note or renderings)
// is marked as Chinese, and the English as English.
func TestPopoverLanguage(t *testing.T) {
	s := setup(t)
	tab := s.tab
	tab.Navigate(t, s.url("en", article))
	got := Eval[map[string]any](t, tab, `(async () => {
  const bad = [];
  let opened = 0, han = 0;
  const ids = new Set();
  for (const a of document.querySelectorAll("a.term")) {
    const id = new URL(a.href).hash;
    if (ids.has(id)) continue;
    ids.add(id);
    a.click();
    for (let i = 0; i < 100; i++) {
      const p = document.getElementById("term-pop");
      if (p && p.matches(":popover-open") && p.querySelector(".pop-body").textContent) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const pop = document.getElementById("term-pop");
    opened++;
    const walk = document.createTreeWalker(pop, NodeFilter.SHOW_TEXT);
    for (let n; (n = walk.nextNode()); ) {
      if (!/\p{Script=Han}/u.test(n.data)) continue;
      han++;
      const lang = n.parentElement.closest("[lang]").lang;
      if (!lang.startsWith("zh")) bad.push(id + ": " + lang + ": " + n.data);
    }
    pop.hidePopover();
  }
  return {opened, han, bad};
})()`, chromedp.EvalAwaitPromise)
	if got["opened"].(float64) < 10 || got["han"].(float64) < got["opened"].(float64) {
		t.Fatalf("opened %v popovers with %v Chinese texts: too few to test", got["opened"], got["han"])
	}
	for _, b := range got["bad"].([]any) {
		t.Errorf("Chinese not marked as such: %v", b)
	}
}

// TestParallelKey: the parallel page says which text is which language on
// every screen: its column heads stay visible when the columns stack on a
// phone.
func TestParallelKey(t *testing.T) {
	s := setup(t)
	tab := s.tab
	defer tab.Viewport(t, Desktop)
	for _, vp := range []Viewport{Phone, Narrow, Desktop} {
		for _, lang := range langs {
			t.Run(lang+"/"+vp.Name, func(t *testing.T) {
				tab.Viewport(t, vp)
				tab.Navigate(t, s.url(lang, article+"parallel/"))
				heads := Eval[[]string](t, tab, `[...document.querySelectorAll(".parallel thead th + th")].filter((th) => {
  const r = th.getBoundingClientRect();
  return r.width > 20 && r.height > 8 && r.right <= innerWidth && getComputedStyle(th).visibility !== "hidden";
}).map((th) => th.textContent.trim())`)
				if len(heads) != 2 {
					t.Errorf("visible column heads %q, want the two languages", heads)
				}
			})
		}
	}
}

// TestPrintFill: printed on A4 and on Letter, no page but the last is left
// part-blank (a block that may not break pushed to the next page): the
// lowest line of every other page is near the foot of its printable area.
func TestPrintFill(t *testing.T) {
	bin, err := exec.LookPath("pdftotext")
	Require(t, err == nil, "pdftotext (poppler-utils)", "apt-get install poppler-utils")
	s := setup(t)
	tab := s.tab
	page := regexp.MustCompile(`<page width="([0-9.]+)" height="([0-9.]+)">`)
	word := regexp.MustCompile(`<word xMin="[0-9.]+" yMin="[0-9.]+" xMax="[0-9.]+" yMax="([0-9.]+)">`)
	for _, paper := range []struct {
		name string
		size chromedp.PaperSize
	}{{"A4", chromedp.PaperA4}, {"Letter", chromedp.PaperLetter}} {
		for _, lang := range langs {
			for _, p := range []string{article, article + "parallel/"} {
				t.Run(paper.name+"/"+lang+"/"+p, func(t *testing.T) {
					tab.Navigate(t, s.url(lang, p))
					f := filepath.Join(t.TempDir(), "page.pdf")
					if err := os.WriteFile(f, tab.PDF(t, paper.size), 0o644); err != nil {
						t.Fatal(err)
					}
					out, err := exec.Command(bin, "-bbox", f, "-").Output()
					if err != nil {
						t.Fatalf("pdftotext: %v", err)
					}
					pages := strings.Split(string(out), "<page ")[1:]
					if len(pages) < 2 {
						t.Fatalf("%d pages", len(pages))
					}
					for i, pg := range pages[:len(pages)-1] {
						m := page.FindStringSubmatch("<page " + pg)
						h, _ := strconv.ParseFloat(m[2], 64)
						low := 0.0
						for _, w := range word.FindAllStringSubmatch(pg, -1) {
							y, _ := strconv.ParseFloat(w[1], 64)
							low = max(low, y)
						}
						// The printable area ends 18 mm (51 pt) above the foot.
						if area := h - 51; low < 0.85*area {
							t.Errorf("page %d of %d: text ends at %.0f%% of the printable height", i+1, len(pages), 100*low/area)
						}
					}
				})
			}
		}
	}
}

// TestMalformedFragment: an address whose #fragment is not valid
// percent-encoding (#%, or a Chinese id cut in half, as a truncated link
// has) opens the page with every part of the reader working: the ¶ menus,
// the glossary popovers, the search's marks (?hl taken off), and no error.
func TestMalformedFragment(t *testing.T) {
	s := setup(t)
	tab := s.tab
	for _, lang := range langs {
		word := map[string]string{"zh": "海岛", "en": "island"}[lang]
		for _, frag := range []string{"#%", "#%E8%88", "#p12%zz"} {
			t.Run(lang+"/"+frag, func(t *testing.T) {
				tab.Navigate(t, s.url(lang, article+"section-3/?hl="+word+frag))
				tab.WaitFor(t, `document.readyState === "complete"`)
				tab.WaitFor(t, `!location.search.includes("hl=")`)
				if !Eval[bool](t, tab, `document.querySelector("a.pn").getAttribute("aria-haspopup") === "dialog"`) {
					t.Errorf("the ¶ menus were not set up")
				}
				press(t, tab, "a.pn")
				tab.WaitFor(t, `!!document.getElementById("para-pop") && document.getElementById("para-pop").matches(":popover-open")`)
				tab.Check(t)
			})
		}
	}
}
