package sitetest

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Recorder collects the problems the pages of one tab report: console errors
// and failed assertions, uncaught exceptions, error entries of the browser
// log, failed requests, sub-resources answered with an HTTP error, and
// Content-Security-Policy violations. CSP violations reach it twice: as
// browser log entries and, while scripts run, through a
// securitypolicyviolation listener installed on every document (scripts run
// over the protocol are not subject to the page's CSP). It also keeps the
// requests in flight, so that the end of a visit can await them instead of
// sleeping.
type Recorder struct {
	mu       sync.Mutex
	problems []string
	urls     map[network.RequestID]string // every request seen, for messages
	inflight map[network.RequestID]string // requests of the current document
	loader   cdp.LoaderID                 // the current document's loader
	allows   []*allowed
}

// allowed is one Tab.Allow.
type allowed struct {
	t    testing.TB
	re   *regexp.Regexp
	hits int
}

// cspListener turns a securitypolicyviolation event into a console error.
const cspListener = `document.addEventListener("securitypolicyviolation", function (e) {
  console.error("CSP violation: " + e.violatedDirective + " blocked " + (e.blockedURI || "inline") + " at " + e.sourceFile + ":" + e.lineNumber);
});`

func record(tab *Tab) (*Recorder, error) {
	r := &Recorder{urls: map[network.RequestID]string{}, inflight: map[network.RequestID]string{}}
	ctx, cancel := tab.deadline(0)
	defer cancel()
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: cspListener})
		return err
	}))
	if err != nil {
		return nil, err
	}
	// Listen takes the tab's own context: the listener lives as long as the tab.
	return r, chromedp.Listen(tab.ctx, r.event)
}

func (r *Recorder) event(ev any) {
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var parts []string
			for _, a := range ev.Args {
				if a.Value != nil {
					parts = append(parts, string(a.Value))
				} else {
					parts = append(parts, a.Description)
				}
			}
			r.add("console.%s: %s", ev.Type, strings.Join(parts, " "))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			msg += " " + d.Exception.Description
		}
		r.add("exception: %s (%s:%d)", msg, d.URL, d.LineNumber)
	case *log.EventEntryAdded:
		// Network errors are recorded from the network events, with their
		// status or reason; the log repeats them.
		if ev.Entry.Level == log.EntryLevelError && ev.Entry.Source != log.EntrySourceNetwork {
			r.add("log %s: %s (%s)", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL)
		}
	case *network.EventRequestWillBeSent:
		r.mu.Lock()
		r.urls[ev.RequestID] = ev.Request.URL
		if ev.Type == network.ResourceTypeDocument {
			// A new document: the requests of the last one no longer
			// count (the browser may drop them, the icon of the last page
			// for one, without a loadingFinished or loadingFailed).
			r.loader = ev.LoaderID
			clear(r.inflight)
		}
		if ev.LoaderID == r.loader || ev.LoaderID == "" {
			r.inflight[ev.RequestID] = ev.Request.URL
		}
		r.mu.Unlock()
	case *network.EventLoadingFinished:
		r.mu.Lock()
		delete(r.inflight, ev.RequestID)
		r.mu.Unlock()
	case *network.EventLoadingFailed:
		r.mu.Lock()
		u := r.urls[ev.RequestID]
		delete(r.inflight, ev.RequestID)
		r.mu.Unlock()
		if ev.Canceled {
			return
		}
		reason := ev.ErrorText
		if ev.BlockedReason != "" {
			reason += " blocked:" + string(ev.BlockedReason)
		}
		r.add("request failed: %s (%s)", u, reason)
	case *network.EventResponseReceived:
		if ev.Response.Status >= 400 && ev.Type != network.ResourceTypeDocument {
			r.add("HTTP %d: %s", ev.Response.Status, ev.Response.URL)
		}
	}
}

func (r *Recorder) add(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.problems = append(r.problems, fmt.Sprintf(format, args...))
}

// Problems returns what has been recorded since the last call, less what a
// Tab.Allow in force matches, and clears it. Tabs call it at the end of each
// visit; a test rarely needs it.
func (r *Recorder) Problems() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for _, p := range r.problems {
		if a := r.match(p); a != nil {
			a.hits++
			continue
		}
		out = append(out, p)
	}
	r.problems = nil
	return out
}

func (r *Recorder) match(p string) *allowed {
	for _, a := range r.allows {
		if a.re.MatchString(p) {
			return a
		}
	}
	return nil
}

// pending returns the URLs of the requests in flight, sorted.
func (r *Recorder) pending() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for _, u := range r.inflight {
		out = append(out, u)
	}
	sort.Strings(out)
	return out
}

// Allow declares that the test t provokes, on purpose, problems matching the
// regular expression pattern (matched against the problem's text, for
// example `HTTP 404: .*/missing\.css$`): they are not errors while t runs.
// When t ends, a pattern that matched nothing is an error, so an allowance
// does not outlive what it was for.
func (tab *Tab) Allow(t testing.TB, pattern string) {
	t.Helper()
	re, err := regexp.Compile(pattern)
	if err != nil {
		t.Fatalf("sitetest: Allow(%q): %v", pattern, err)
	}
	tab.attach(t)
	tab.rec.mu.Lock()
	tab.rec.allows = append(tab.rec.allows, &allowed{t: t, re: re})
	tab.rec.mu.Unlock()
}

// visit is the page visit in progress: the test that navigated and where.
type visit struct {
	t   testing.TB
	url string
}

// Navigate ends the current visit (Check), then loads url in the tab and
// waits for its load event. The problems of the new visit are checked at
// its end: the next Navigate, Check or the end of the test t.
func (tab *Tab) Navigate(t testing.TB, url string) {
	t.Helper()
	tab.endVisit()
	tab.attach(t)
	tab.mu.Lock()
	tab.cur = &visit{t: t, url: url}
	tab.mu.Unlock()
	tab.Do(t, chromedp.Navigate(url))
}

// Check ends the current page visit: it awaits the requests in flight and
// the document's load, then reports every problem recorded since the last
// check as an error of t (see Allow).
func (tab *Tab) Check(t testing.TB) {
	t.Helper()
	where := ""
	tab.mu.Lock()
	if tab.cur != nil {
		where = tab.cur.url
	}
	tab.mu.Unlock()
	if err := tab.settle(); err != nil {
		t.Errorf("%s: %v", where, err)
	}
	for _, p := range tab.rec.Problems() {
		t.Errorf("%s: %s", where, p)
	}
}

// endVisit checks the current visit for the test that made it.
func (tab *Tab) endVisit() {
	tab.mu.Lock()
	v := tab.cur
	tab.mu.Unlock()
	if v != nil {
		tab.Check(v.t)
	}
	tab.mu.Lock()
	tab.cur = nil
	tab.mu.Unlock()
}

// attach makes sure that when t ends, its visit is checked and its
// allowances are checked and dropped.
func (tab *Tab) attach(t testing.TB) {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	if tab.attached == nil {
		tab.attached = map[testing.TB]bool{}
	}
	if tab.attached[t] {
		return
	}
	tab.attached[t] = true
	t.Cleanup(func() {
		tab.mu.Lock()
		mine := tab.cur != nil && tab.cur.t == t
		delete(tab.attached, t)
		tab.mu.Unlock()
		if mine || t == tab.owner {
			tab.endVisit()
			if t == tab.owner {
				tab.Check(t) // what the tab reported between visits
			}
		}
		tab.rec.mu.Lock()
		var keep []*allowed
		var unused []string
		for _, a := range tab.rec.allows {
			switch {
			case a.t != t:
				keep = append(keep, a)
			case a.hits == 0:
				unused = append(unused, a.re.String())
			}
		}
		tab.rec.allows = keep
		tab.rec.mu.Unlock()
		for _, p := range unused {
			t.Errorf("sitetest: Allow(%q): no such problem was recorded; remove the allowance", p)
		}
	})
}

// settleTimeout bounds the wait for a page's requests at the end of a visit.
const settleTimeout = 10 * time.Second

// settle awaits the end of the page's loading: no request in flight, the
// document complete and, when the page runs scripts, its main thread idle,
// so that late events (the icon, a fetch started by a script and what its
// callback logs) are reported with their page.
func (tab *Tab) settle() error {
	ctx, cancel := context.WithTimeout(tab.ctx, settleTimeout)
	defer cancel()
	expr := `document.readyState`
	tab.mu.Lock()
	if !tab.jsOff {
		// Idle callbacks run once the tasks queued before them have run.
		expr = `new Promise(done => requestIdleCallback(() => done(document.readyState), {timeout: 1000}))`
	}
	tab.mu.Unlock()
	for {
		pending := tab.rec.pending()
		if len(pending) == 0 {
			state, err := chromedp.Run(ctx, chromedp.Evaluate[string](expr, chromedp.EvalAwaitPromise))
			if err == nil && state == "complete" && len(tab.rec.pending()) == 0 {
				return nil
			}
			if err != nil && ctx.Err() == nil && !navigating(err) {
				return fmt.Errorf("end of visit: %v", err)
			}
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("end of visit: the page was still loading after %s (requests in flight: %s)", settleTimeout, strings.Join(pending, ", "))
		case <-time.After(pollInterval):
		}
	}
}
