package sitetest

import (
	"bytes"
	"os"
	"sort"
	"testing"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// Viewport is an emulated screen: its size in CSS pixels, the device pixels
// per CSS pixel, and whether it is a phone (mobile layout viewport, touch).
type Viewport struct {
	Name          string
	Width, Height int64
	Scale         float64 // device pixel ratio; 0 means 1
	Mobile        bool
}

// The viewports of the reader tests.
var (
	// Phone is a common small phone: 360×780 CSS pixels at 3 device pixels
	// per CSS pixel, with the mobile layout viewport and touch.
	Phone = Viewport{Name: "phone", Width: 360, Height: 780, Scale: 3, Mobile: true}
	// Narrow is the narrowest screen the site supports (WCAG 1.4.10
	// reflow: 320 CSS pixels wide), as a phone.
	Narrow = Viewport{Name: "320px", Width: 320, Height: 780, Scale: 2, Mobile: true}
	// Desktop is a laptop window of 1280×900.
	Desktop = Viewport{Name: "desktop", Width: 1280, Height: 900, Scale: 1}
	// Zoom200 is Desktop zoomed to 200% (WCAG 1.4.4 resize text). Browser
	// zoom halves the viewport in CSS pixels and doubles the device pixel
	// ratio, so it is emulated as a 640×450 viewport at 2 device pixels per
	// CSS pixel: the layout, the media queries (width, resolution) and
	// window.devicePixelRatio are those of the zoomed page.
	Zoom200 = Viewport{Name: "desktop at 200%", Width: 640, Height: 450, Scale: 2}
)

// Viewport emulates the screen v in the tab, from now on.
func (tab *Tab) Viewport(t testing.TB, v Viewport) {
	t.Helper()
	scale := v.Scale
	if scale == 0 {
		scale = 1
	}
	opts := []chromedp.EmulateViewportOption{chromedp.EmulateScale(scale)}
	if v.Mobile {
		opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulatePortrait)
	}
	tab.Do(t, chromedp.EmulateViewport(v.Width, v.Height, opts...))
}

// ColorScheme emulates prefers-color-scheme: "light", "dark", or "" for the
// browser's own.
func (tab *Tab) ColorScheme(t testing.TB, scheme string) {
	t.Helper()
	tab.mu.Lock()
	tab.features["prefers-color-scheme"] = scheme
	tab.mu.Unlock()
	tab.emulateMedia(t)
}

// PrintMedia emulates the print media type (on), or the screen (off): the
// page's @media print rules apply as when it is printed.
func (tab *Tab) PrintMedia(t testing.TB, on bool) {
	t.Helper()
	tab.mu.Lock()
	tab.media = ""
	if on {
		tab.media = "print"
	}
	tab.mu.Unlock()
	tab.emulateMedia(t)
}

// emulateMedia sends the whole emulated media state: each
// Emulation.setEmulatedMedia replaces the previous one.
func (tab *Tab) emulateMedia(t testing.TB) {
	t.Helper()
	tab.mu.Lock()
	p := emulation.SetEmulatedMediaParams{Media: tab.media}
	names := make([]string, 0, len(tab.features))
	for name := range tab.features {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		p.Features = append(p.Features, &emulation.MediaFeature{Name: name, Value: tab.features[name]})
	}
	tab.mu.Unlock()
	call(t, tab, emulation.SetEmulatedMedia, p)
}

// PrintPDF prints the tab's page to a PDF file at path (A4, backgrounds
// included), as the browser's print dialog would, for a person to look at
// (pdftoppm -png path out). The page is printed with the print media type.
func (tab *Tab) PrintPDF(t testing.TB, path string) {
	t.Helper()
	b := Get(t, tab, chromedp.PrintToPDF(chromedp.PDFPaper(chromedp.PaperA4), chromedp.PDFPrintBackground()))
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("PrintToPDF returned %d bytes that are not a PDF", len(b))
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// JavaScript turns the page's scripts on or off; it applies from the next
// navigation. The harness's own evaluations still run.
func (tab *Tab) JavaScript(t testing.TB, on bool) {
	t.Helper()
	call(t, tab, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !on})
	tab.mu.Lock()
	tab.jsOff = !on
	tab.mu.Unlock()
}

// CPUThrottle slows the tab's CPU down rate times (1: no throttling; 4: the
// mobile preset of Lighthouse).
func (tab *Tab) CPUThrottle(t testing.TB, rate float64) {
	t.Helper()
	call(t, tab, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: rate})
}

// longTasks reads the long tasks (main-thread tasks over 50 ms) the page has
// had since it started loading: the browser buffers them for an observer
// created with buffered: true, and takeRecords returns them at once.
const longTasks = `(() => {
  const o = new PerformanceObserver(() => {});
  o.observe({type: "longtask", buffered: true});
  const d = o.takeRecords().map(e => e.duration);
  o.disconnect();
  return d;
})()`

// LongTasks returns the durations in milliseconds of the long tasks the
// page has had so far (PerformanceObserver "longtask"), in order.
func (tab *Tab) LongTasks(t testing.TB) []float64 {
	t.Helper()
	return Eval[[]float64](t, tab, longTasks)
}

// GrantClipboard lets the tab's pages read and write the clipboard without
// asking (navigator.clipboard.readText, writeText) and keeps the page
// focused, as the clipboard requires, even though the browser is headless.
func (tab *Tab) GrantClipboard(t testing.TB) {
	t.Helper()
	for _, name := range []string{"clipboard-read", "clipboard-write"} {
		ctx, cancel := tab.deadline(0)
		_, err := chromedp.CallBrowser(ctx, browser.SetPermission, browser.SetPermissionParams{
			Permission: &browser.PermissionDescriptor{Name: name, AllowWithoutSanitization: true},
			Setting:    browser.PermissionSettingGranted,
		})
		cancel()
		if err != nil {
			t.Fatalf("grant %s: %v", name, err)
		}
	}
	call(t, tab, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true})
}

// Clipboard returns the text on the clipboard, read by the page (see
// GrantClipboard).
func (tab *Tab) Clipboard(t testing.TB) string {
	t.Helper()
	return Eval[string](t, tab, `navigator.clipboard.readText()`, chromedp.EvalAwaitPromise)
}

// call sends one protocol command to the tab within its Timeout and fails
// the test on an error.
func call[P, R any](t testing.TB, tab *Tab, cmd cdp.Command[P, R], params P) R {
	t.Helper()
	ctx, cancel := tab.deadline(0)
	defer cancel()
	r, err := chromedp.Call(ctx, cmd, params)
	if err != nil {
		t.Fatalf("%s: %v", cmd.Method, err)
	}
	return r
}
