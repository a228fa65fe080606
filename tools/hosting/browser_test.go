package hosting

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"policysite/tools/sitetest"
)

// checkPagesInBrowser loads every page, as served by nginx with its CSP, in
// headless Chromium (the sitetest harness) and fails on any console error,
// uncaught exception, failed request or CSP violation. The search pages are
// loaded with a query so that the search itself runs under the real server.
func checkPagesInBrowser(t *testing.T, base string, pages []string) {
	browser := sitetest.Browser(t)
	tab, cancel := chromedp.NewContext(browser)
	defer cancel()
	rec := sitetest.Record(t, tab)
	for _, p := range pages {
		u := pageURL(p)
		ctx, stop := context.WithTimeout(tab, 30*time.Second)
		// The short sleep lets late requests (the favicon) be reported with their page.
		actions := []chromedp.Action[chromedp.Void]{chromedp.Navigate(u), chromedp.WaitReady("body"), chromedp.Sleep(150 * time.Millisecond)}
		if u != p {
			// The search runs after the page has loaded its data.
			actions = append(actions, chromedp.Sleep(700*time.Millisecond))
		}
		err := chromedp.Do(ctx, actions...)
		stop()
		if err != nil {
			t.Errorf("%s: %v", strings.TrimPrefix(u, base), err)
			continue
		}
		for _, pr := range rec.Problems() {
			t.Errorf("%s: %s", strings.TrimPrefix(u, base), pr)
		}
	}
	t.Logf("loaded %d pages in Chromium", len(pages))
}
