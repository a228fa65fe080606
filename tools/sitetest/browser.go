package sitetest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Timeouts of the browser calls. They bound a hung browser, not the speed of
// the site: a loaded machine must not fail a test.
const (
	// StartTimeout bounds starting Chromium or opening a tab.
	StartTimeout = 60 * time.Second
	// CallTimeout is the default deadline of one call into a tab (Tab.Timeout).
	CallTimeout = 30 * time.Second
	// WaitTimeout is the default deadline of an awaited condition.
	WaitTimeout = 15 * time.Second
)

// ChromiumPath returns the Chromium binary: $CHROMIUM, or /usr/bin/chromium.
func ChromiumPath() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	return "/usr/bin/chromium"
}

// StartBrowser starts headless Chromium (ChromiumPath) with a fresh profile
// in userDataDir and a 1280×900 window, and returns its context; cancel
// closes it. New tabs are opened with OpenTab. For programs; tests use
// Browser.
func StartBrowser(userDataDir string) (context.Context, context.CancelFunc, error) {
	bin := ChromiumPath()
	if _, err := os.Stat(bin); err != nil {
		return nil, nil, fmt.Errorf("chromium: %w", err)
	}
	actx, cancelA := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(bin),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(userDataDir),
		chromedp.WindowSize(1280, 900),
	)
	ctx, cancelB := chromedp.NewContext(actx)
	cancel := func() { cancelB(); cancelA() }
	if err := first(ctx, cancel, "start chromium"); err != nil {
		return nil, nil, err
	}
	return ctx, cancel, nil
}

// first runs the first call on a new chromedp context, which starts the
// browser or opens the tab, within StartTimeout. It cannot take a context
// with a deadline: chromedp ties the browser process and the tab to the
// context of that first call, so the deadline is kept here and cancel stops
// everything when it passes.
func first(ctx context.Context, cancel context.CancelFunc, what string) error {
	done := make(chan error, 1)
	go func() { done <- chromedp.Do(ctx) }()
	timer := time.NewTimer(StartTimeout)
	defer timer.Stop()
	select {
	case err := <-done:
		if err != nil {
			cancel()
			return fmt.Errorf("%s: %w", what, err)
		}
		return nil
	case <-timer.C:
		cancel()
		<-done
		return fmt.Errorf("%s: no answer within %s", what, StartTimeout)
	}
}

// OpenTab opens a new tab in the browser of ctx within StartTimeout.
func OpenTab(browser context.Context) (context.Context, context.CancelFunc, error) {
	ctx, cancel := chromedp.NewContext(browser)
	if err := first(ctx, cancel, "open a tab"); err != nil {
		return nil, nil, err
	}
	return ctx, cancel, nil
}

// Browser starts headless Chromium for the test (StartBrowser) and returns
// its context; it is closed when the test ends. Without Chromium the test
// stops as Require says. Tabs are opened with NewTab.
func Browser(t testing.TB) context.Context {
	t.Helper()
	_, err := os.Stat(ChromiumPath())
	Require(t, err == nil, "Chromium ("+ChromiumPath()+")", "apt-get install -y chromium, or set CHROMIUM")
	ctx, cancel, err := StartBrowser(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(cancel)
	return ctx
}

// Tab is one browser tab with its recorder. Every call into it runs under a
// deadline of Timeout; its methods fail the test passed to them.
type Tab struct {
	ctx     context.Context
	rec     *Recorder
	Timeout time.Duration

	mu       sync.Mutex
	media    string              // emulated CSS media type ("" or "print")
	features map[string]string   // emulated media features
	jsOff    bool                // the page's scripts are off (JavaScript)
	owner    testing.TB          // the test that opened the tab
	cur      *visit              // the page visit in progress
	attached map[testing.TB]bool // tests whose end checks their visit
}

// NewTab opens a tab in browser (from Browser) and starts recording what its
// pages report (see Recorder); the tab closes when the test ends, after a
// last check of the problems recorded.
func NewTab(t testing.TB, browser context.Context) *Tab {
	t.Helper()
	ctx, cancel, err := OpenTab(browser)
	if err != nil {
		t.Fatal(err)
	}
	tab := &Tab{ctx: ctx, Timeout: CallTimeout, features: map[string]string{}, owner: t}
	t.Cleanup(cancel) // cleanups run last first: after the final check below
	if tab.rec, err = record(tab); err != nil {
		t.Fatalf("sitetest: record: %v", err)
	}
	tab.attach(t)
	return tab
}

// Context returns the tab's chromedp context, for chromedp calls the Tab has
// no method for. Give each call a deadline (context.WithTimeout).
func (tab *Tab) Context() context.Context { return tab.ctx }

// Recorder returns the tab's recorder.
func (tab *Tab) Recorder() *Recorder { return tab.rec }

// deadline returns the tab's context with a deadline d (Timeout when 0).
func (tab *Tab) deadline(d time.Duration) (context.Context, context.CancelFunc) {
	if d <= 0 {
		d = tab.Timeout
	}
	return context.WithTimeout(tab.ctx, d)
}

// Do runs the actions in the tab, within Timeout, and fails the test on an
// error.
func (tab *Tab) Do(t testing.TB, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := tab.Run(actions...); err != nil {
		t.Fatal(err)
	}
}

// Run runs the actions in the tab within Timeout and returns the error.
func (tab *Tab) Run(actions ...chromedp.Action[chromedp.Void]) error {
	ctx, cancel := tab.deadline(0)
	defer cancel()
	return chromedp.Do(ctx, actions...)
}

// Get runs one action that returns a value, within the tab's Timeout, and
// fails the test on an error.
func Get[T any](t testing.TB, tab *Tab, action chromedp.Action[T]) T {
	t.Helper()
	ctx, cancel := tab.deadline(0)
	defer cancel()
	v, err := chromedp.Run(ctx, action)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// Eval evaluates a JavaScript expression in the tab's page, within the tab's
// Timeout, and returns its value; an exception or a value that does not
// decode into T fails the test.
func Eval[T any](t testing.TB, tab *Tab, expr string, opts ...chromedp.EvaluateOption) T {
	t.Helper()
	ctx, cancel := tab.deadline(0)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, opts...))
	if err != nil {
		t.Fatalf("evaluate %s: %v", short(expr), err)
	}
	return v
}

// Location returns the URL of the tab's page.
func (tab *Tab) Location(t testing.TB) string {
	t.Helper()
	return Get(t, tab, chromedp.Location())
}

// WaitFor awaits the JavaScript boolean expression: it is evaluated every
// few milliseconds until it is true, and the test fails when it is still
// false after WaitTimeout, or when it throws. A page that is navigating
// (its JavaScript context replaced) is waited for.
func (tab *Tab) WaitFor(t testing.TB, expr string) {
	t.Helper()
	if err := Await(tab.ctx, expr, WaitTimeout); err != nil {
		t.Fatal(err)
	}
}

// pollInterval is how often Await evaluates its condition.
const pollInterval = 20 * time.Millisecond

// Await evaluates the JavaScript boolean expression (or promise of one) in
// the tab of ctx until it is true, and returns an error when it is still false after timeout, or
// when it throws or does not evaluate to a boolean. Errors of a page that is
// navigating (its execution context destroyed or not yet created) are
// retried until the deadline; any other error is returned at once.
func Await(ctx context.Context, expr string, timeout time.Duration) error {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	var last error
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr, chromedp.EvalAwaitPromise))
		switch {
		case err == nil && ok:
			return nil
		case err == nil:
			last = nil
		case ctx.Err() != nil:
			// The deadline passed during the evaluation.
		case navigating(err):
			last = err
		default:
			return fmt.Errorf("awaiting %s: %w", short(expr), err)
		}
		select {
		case <-ctx.Done():
			if last != nil {
				return fmt.Errorf("awaiting %s: not true after %s (last error: %v)", short(expr), timeout, last)
			}
			return fmt.Errorf("awaiting %s: still false after %s", short(expr), timeout)
		case <-time.After(pollInterval):
		}
	}
}

// navigating reports whether err is one of the protocol errors of an
// evaluation that raced a navigation.
func navigating(err error) bool {
	var ex *chromedp.ExceptionError
	if errors.As(err, &ex) {
		return false
	}
	s := err.Error()
	return strings.Contains(s, "Execution context was destroyed") ||
		strings.Contains(s, "Cannot find context with specified id") ||
		strings.Contains(s, "Inspected target navigated or closed")
}

// short abbreviates a JavaScript expression for an error message.
func short(expr string) string {
	expr = strings.Join(strings.Fields(expr), " ")
	if r := []rune(expr); len(r) > 160 {
		return string(r[:160]) + "…"
	}
	return expr
}
