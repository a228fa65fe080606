package sitetest

import (
	"context"
	"math"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// TestGlossaryFilterKeepsPlace: the glossary's filter, shown once
// glossary.js runs, does not push the list down as it appears (a layout
// shift that readers see and Lighthouse counts). The list is measured on
// the phone with the script blocked (scripts enabled, the filter not shown
// yet: what the reader sees before the script has run) and with it; it
// must start at the same place. Without JavaScript, and in print, the
// filter takes no room.
func TestGlossaryFilterKeepsPlace(t *testing.T) {
	s := setup(t)
	const top = `(() => { const r = document.getElementById("gl-terms").getBoundingClientRect(); return r.top + scrollY; })()`
	const shown = `!document.querySelector(".gl-filter").hidden`
	for _, lang := range []string{"zh", "en"} {
		u := s.url(lang, "glossary/")
		before := NewTab(t, Browser(t))
		before.Viewport(t, Phone)
		before.Allow(t, `js/glossary\.[a-z]+\.[0-9a-f]+\.js.*blocked`)
		before.Do(t, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			if _, err := cdp.Call(ctx, tg, network.Enable, network.EnableParams{}); err != nil {
				return err
			}
			_, err := cdp.Call(ctx, tg, network.SetBlockedURLs, network.SetBlockedURLsParams{
				URLPatterns: []*network.BlockPattern{{URLPattern: "*://*:*/*/js/glossary.*", Block: true}}})
			return err
		}))
		before.Navigate(t, u)
		before.WaitFor(t, `document.readyState === "complete"`)
		if Eval[bool](t, before, shown) {
			t.Fatalf("%s: the filter is shown with glossary.js blocked", lang)
		}
		y0 := Eval[float64](t, before, top)

		after := NewTab(t, Browser(t))
		after.Viewport(t, Phone)
		after.Navigate(t, u)
		after.WaitFor(t, shown)
		y1 := Eval[float64](t, after, top)
		// In print the filter, a box to type in, takes no room.
		after.PrintMedia(t, true)
		if h := Eval[float64](t, after, `document.querySelector(".gl-filter").getBoundingClientRect().height`); h != 0 {
			t.Errorf("%s: in print the filter takes %.1f px", lang, h)
		}
		after.PrintMedia(t, false)
		after.Check(t)
		if math.Abs(y1-y0) > 0.5 {
			t.Errorf("%s: the list starts at %.1f px before glossary.js runs and at %.1f px after: the filter pushes it down", lang, y0, y1)
		}

		noJS := NewTab(t, Browser(t))
		noJS.Viewport(t, Phone)
		noJS.JavaScript(t, false)
		noJS.Navigate(t, u)
		noJS.Do(t, chromedp.WaitReady("#gl-terms"))
		if h := Eval[float64](t, noJS, `document.querySelector(".gl-filter").getBoundingClientRect().height`); h != 0 {
			t.Errorf("%s: without JavaScript the filter takes %.1f px", lang, h)
		}
	}
}
