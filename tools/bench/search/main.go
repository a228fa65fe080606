// Command search benchmarks the site search against Pagefind 1.6.0 on the
// same Hugo build, in headless Chromium, and writes a Markdown report.
//
// Usage:
//
//	go run ./tools/bench/search [-synth 1,100,1000] [-out tools/bench/search/results.md]
//
// For the real site (and, with -synth, for synthetic archives made by
// `go run ./tools/synth -n N` and `go run ./tools/split`), it builds the site
// with Hugo, indexes the build with Pagefind (tools/node/node_modules/.bin/
// pagefind, pinned in tools/node/package.json), serves it on 127.0.0.1, and
// runs the query set (Queries in tools/searchtest) through both engines:
//
//   - recall and precision against ground truth computed from the article
//     data with the search's rules (tools/searchtest.Corpus): per paragraph
//     for this site's search; per page for both engines (Pagefind returns
//     pages) over the article and section pages (a hit is on its section
//     page and on the whole-article page);
//   - bytes to first result: the search code and data the server sent
//     until the first result was shown (Pagefind fetches from a web worker,
//     so the server's log is used, not Resource Timing), each file counted
//     gzip-compressed
//     (level 6, as static hosts serve it; Pagefind's own pre-compressed
//     files as they are), without the HTML page itself;
//   - load to first result: from navigation start to the first result shown
//     (a fresh tab per query, browser cache cleared), and of it the time
//     before the search's script started (the browser's own: the page
//     fetched, parsed and the script run);
//   - warm query: the same query again once everything is loaded;
//   - for the real site, long tasks: the search page loaded with each query
//     of TestSearch/LongTasks three times, the CPU throttled 4×, and the
//     tasks over 50 ms (PerformanceObserver "longtask") from the start of
//     the search's script until its results are complete; and, as a
//     control, every long task of the same page loaded with its script
//     blocked: the browser's own work on the page, which no script can
//     shorten.
//
// Medians over the queries are reported. Flags:
//
//	-synth list  also measure synthetic archives of these sizes (default none)
//	-out file    the Markdown report (default tools/bench/search/results.md in the repository)
//	-root dir    the site root (default: the repository root)
//	-longtasks   only measure the long tasks on the site, print them and
//	             write no report (to compare changes to the rendering)
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"log"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"policysite/tools/hosting"
	"policysite/tools/searchtest"
	"policysite/tools/sitetest"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("bench/search: ")
	synth := flag.String("synth", "", "comma-separated synthetic archive sizes, e.g. 1,100,1000")
	out := flag.String("out", filepath.Join(sitetest.Root(), "tools", "bench", "search", "results.md"), "the Markdown report")
	root := flag.String("root", sitetest.Root(), "the site root")
	longOnly := flag.Bool("longtasks", false, "only measure the long tasks on the site and print them (no report)")
	flag.Parse()
	if flag.NArg() != 0 {
		flag.Usage()
		os.Exit(2)
	}
	absRoot, err := filepath.Abs(*root)
	if err != nil {
		log.Fatal(err)
	}
	profile, err := os.MkdirTemp("", "bench-chromium-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(profile)
	ctx, cancel, err := sitetest.StartBrowser(profile)
	if err != nil {
		log.Fatal(err)
	}
	defer cancel()
	if *longOnly {
		lt, err := longTasksOnly(ctx, absRoot)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("Load average at the start: %s.\n\n%sLoad average at the end: %s.\n", loadAverage(), lt, loadAverage())
		return
	}
	var report bytes.Buffer
	command := "go run ./tools/bench/search"
	if *synth != "" {
		command += " -synth " + *synth
	}
	fmt.Fprintf(&report, "# Search benchmark\n\nMade by `%s` on %s (headless Chromium %s; medians over the queries that have results). Load average at the start: %s.\n\n",
		command, time.Now().UTC().Format("2006-01-02"), chromiumVersion(), loadAverage())
	sites := []struct{ name, root string }{{"this site (1 article)", absRoot}}
	if *synth != "" {
		for _, n := range strings.Split(*synth, ",") {
			dir, err := makeSynth(absRoot, strings.TrimSpace(n))
			if err != nil {
				log.Fatal(err)
			}
			defer os.RemoveAll(dir)
			sites = append(sites, struct{ name, root string }{"synthetic, " + n + " articles", dir})
		}
	}
	for _, s := range sites {
		log.Printf("%s: build", s.name)
		qs := searchtest.Queries
		if s.root != absRoot {
			qs = synthQueries
		}
		res, err := benchSite(ctx, absRoot, s.root, qs, s.root == absRoot)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Fprintf(&report, "## %s\n\n%d queries.\n\n", s.name, len(qs["zh"])+len(qs["en"]))
		report.WriteString(res)
		fmt.Print(res)
	}
	fmt.Fprintf(&report, "Load average at the end: %s.\n", loadAverage())
	if err := os.WriteFile(*out, report.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %s", *out)
}

// loadAverage returns the machine's load averages over 1, 5 and 15 minutes.
func loadAverage() string {
	b, _ := os.ReadFile("/proc/loadavg")
	f := strings.Fields(string(b))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

func chromiumVersion() string {
	out, _ := exec.Command(sitetest.ChromiumPath(), "--version").Output()
	return strings.TrimSpace(string(out))
}

func run(dir string, name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return nil
}

func makeSynth(root, n string) (string, error) {
	dir, err := os.MkdirTemp("", "bench-synth-")
	if err != nil {
		return "", err
	}
	dir = filepath.Join(dir, "site")
	log.Printf("synth -n %s", n)
	if err := run(root, "go", "run", "./tools/synth", "-n", n, "-out", dir); err != nil {
		return "", err
	}
	if err := run(root, "go", "run", "./tools/split", "-root", dir); err != nil {
		return "", err
	}
	return dir, nil
}

// metrics of one engine on one query.
type metrics struct {
	tp, fp, fn       int // page level
	ptp, pfp, pfn    int // paragraph level (this site's search only)
	bytes            int
	inPage           int // of bytes, the search data inside the page
	firstMs, warmMs  float64
	startMs          float64 // this site: when the search's script started (mark search-start)
	found, hadResult bool
}

// synthQueries is the subset run on synthetic archives (every synthetic
// article is a reshuffled copy of the real one, so most queries hit every
// article; the subset keeps the run short while covering each kind).
var synthQueries = map[string][]string{
	"zh": {"海岛", "自由贸易港", "一老一小", "舟山江海联运服务中心", "海洋 科技", "兩個先行", "gongtong fuyu"},
	"en": {"island", "common prosperity", "prosperty", "Ningbo", "digital twin"},
}

// buildSite builds the site at root into a temporary folder, with a cache
// of its own, and returns the folder and what removes both.
func buildSite(root string) (pub string, cleanup func(), err error) {
	pub, err = os.MkdirTemp("", "bench-public-")
	if err != nil {
		return "", nil, err
	}
	cache, err := os.MkdirTemp("", "bench-cache-")
	if err != nil {
		os.RemoveAll(pub)
		return "", nil, err
	}
	cleanup = func() { os.RemoveAll(pub); os.RemoveAll(cache) }
	if err := sitetest.BuildSite(root, "http://127.0.0.1/", pub, cache); err != nil {
		cleanup()
		return "", nil, err
	}
	return pub, cleanup, nil
}

// benchSite measures one site; withLongTasks adds the long-task table.
func benchSite(ctx context.Context, repo, siteRoot string, queries map[string][]string, withLongTasks bool) (string, error) {
	t0 := time.Now()
	pub, cleanup, err := buildSite(siteRoot)
	if err != nil {
		return "", err
	}
	defer cleanup()
	hugoTime := time.Since(t0)
	t0 = time.Now()
	pf := filepath.Join(repo, "tools", "node", "node_modules", ".bin", "pagefind")
	if err := run(repo, pf, "--site", pub, "--output-subdir", "pagefind"); err != nil {
		return "", err
	}
	pfTime := time.Since(t0)
	if err := writeFrames(pub); err != nil {
		return "", err
	}
	if err := writeHarness(pub); err != nil {
		return "", err
	}
	corpus, err := searchtest.LoadCorpus(siteRoot)
	if err != nil {
		return "", err
	}
	reqs := &reqLog{}
	files := http.FileServer(http.Dir(pub))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		files.ServeHTTP(w, r)
		reqs.add(r.URL.Path)
	}))
	defer srv.Close()
	sizes := &gzSizes{dir: pub, m: map[string]int{}}

	type row struct {
		engine string
		set    string
		ms     []metrics
	}
	var rows []*row
	for _, set := range []struct{ name, lang string }{{"zh", "zh"}, {"en", "en"}} {
		ours := &row{engine: "this site", set: set.name}
		pfr := &row{engine: "Pagefind 1.6.0", set: set.name}
		for _, q := range queries[set.lang] {
			want := corpus.ExpectBlocks(set.lang, q)
			m, err := measureOurs(ctx, srv.URL, set.lang, q, want, sizes, reqs)
			if err != nil {
				return "", fmt.Errorf("ours %s %q: %v", set.lang, q, err)
			}
			ours.ms = append(ours.ms, m)
			m, err = measurePagefind(ctx, srv.URL, set.lang, q, want, sizes, reqs)
			if err != nil {
				return "", fmt.Errorf("pagefind %s %q: %v", set.lang, q, err)
			}
			pfr.ms = append(pfr.ms, m)
		}
		rows = append(rows, ours, pfr)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Hugo build %.1f s; Pagefind indexing %.1f s; search data (all languages) %s gzip, Pagefind bundle %s gzip.\n\n",
		hugoTime.Seconds(), pfTime.Seconds(), kb(dirGzip(pub, func(p string) bool {
			return strings.HasSuffix(p, "search.json") || strings.Contains(p, "/search/") || (strings.Contains(p, "/js/") && strings.Contains(p, "search"))
		})),
		kb(dirGzip(filepath.Join(pub, "pagefind"), func(string) bool { return true })))
	b.WriteString("| queries | engine | recall ¶ | precision ¶ | recall page | precision page | bytes to first result (median / max) | of which in the page | load → first result (median) | of which before the script started (median) | warm query (median) |\n|---|---|---|---|---|---|---|---|---|---|---|\n")
	for _, r := range rows {
		var s metrics
		var bs, inPage, firsts, starts, warms []float64
		for _, m := range r.ms {
			s.tp += m.tp
			s.fp += m.fp
			s.fn += m.fn
			s.ptp += m.ptp
			s.pfp += m.pfp
			s.pfn += m.pfn
			if m.hadResult {
				bs = append(bs, float64(m.bytes))
				inPage = append(inPage, float64(m.inPage))
				firsts = append(firsts, m.firstMs)
				starts = append(starts, m.startMs)
				warms = append(warms, m.warmMs)
			}
		}
		para := "–"
		paraP := "–"
		if r.engine == "this site" {
			para = ratio(s.ptp, s.ptp+s.pfn)
			paraP = ratio(s.ptp, s.ptp+s.pfp)
		}
		page, start := "–", "–"
		if r.engine == "this site" {
			page = kb(int(median(inPage)))
			start = fmt.Sprintf("%.0f ms", median(starts))
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s / %s | %s | %.0f ms | %s | %.1f ms |\n", r.set, r.engine, para, paraP,
			ratio(s.tp, s.tp+s.fn), ratio(s.tp, s.tp+s.fp), kb(int(median(bs))), kb(int(maxOf(bs))), page, median(firsts), start, median(warms))
	}
	b.WriteString("\n")
	if withLongTasks {
		lt, err := measureLongTasks(ctx, srv.URL)
		if err != nil {
			return "", err
		}
		b.WriteString(lt)
	}
	return b.String(), nil
}

// longTasksOnly builds the site at root, serves it and measures its long
// tasks alone (measureLongTasks).
func longTasksOnly(ctx context.Context, root string) (string, error) {
	pub, cleanup, err := buildSite(root)
	if err != nil {
		return "", err
	}
	defer cleanup()
	if err := writeFrames(pub); err != nil {
		return "", err
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(pub)))
	defer srv.Close()
	return measureLongTasks(ctx, srv.URL)
}

// longTaskQueries are the queries whose long tasks are measured: those of
// TestSearch/LongTasks in tools/searchtest, which checks how the page slices
// its work while this measures how long the slices take: the queries of the
// issue that asked for short tasks, two in the other language, "both
// languages", and queries found in nearly every block.
var longTaskQueries = []struct {
	lang, q string
	both    bool
}{{"zh", "海洋", false}, {"zh", "共同富裕", false}, {"en", "zhoushan", false}, {"en", "共同富裕", false},
	{"zh", "common prosperity", false}, {"zh", "common prosperity", true}, {"en", "the", false}, {"zh", "舟山", false},
	{"zh", "发展", true}}

// measureLongTasks loads the search page with each query three times, with
// the CPU throttled 4× (Emulation.setCPUThrottlingRate), and reports the
// long tasks (PerformanceObserver "longtask", over 50 ms) that start after
// the search's script has started (performance mark "search-start"), and
// all of them, page load included.
func measureLongTasks(browser context.Context, base string) (string, error) {
	var b strings.Builder
	b.WriteString("Long tasks with the CPU throttled 4× (three loads per query; ms, in order; \"after the script started\": tasks that start after the performance mark search-start and before the results are complete, i.e. the search's slices, its rendering and the layout that causes, and the page's own first layout and paint when it comes after the script; \"all\" adds the task that parses the page and runs its script, and any other):\n\n| page | query | longest after the script started, per load | after the script started | all |\n|---|---|---|---|---|\n")
	loads, clean := 0, 0
	for _, c := range longTaskQueries {
		var longest, fromScript, all []string
		for i := 0; i < 3; i++ {
			tab, cancel, err := freshTab(browser)
			if err != nil {
				return "", err
			}
			if _, err := chromedp.Call(tab, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: 4}); err != nil {
				cancel()
				return "", err
			}
			u := base + "/" + c.lang + "/search/?q=" + url.QueryEscape(c.q)
			if c.both {
				u += "&both=1"
			}
			if err := chromedp.Do(tab, chromedp.Navigate(u)); err != nil {
				cancel()
				return "", err
			}
			if err := sitetest.Await(tab, `!!document.documentElement.dataset.searchDone`, queryTimeout); err != nil {
				cancel()
				return "", err
			}
			r, err := readLongTasks(tab)
			cancel()
			if err != nil {
				return "", err
			}
			var f, a []string
			max := 0.0
			for _, t := range r.Tasks {
				a = append(a, fmt.Sprintf("%.0f", t.Duration))
				if r.Start >= 0 && t.Start >= r.Start && t.Start <= r.Done {
					f = append(f, fmt.Sprintf("%.0f", t.Duration))
					max = math.Max(max, t.Duration)
				}
			}
			loads++
			if len(f) == 0 {
				clean++
				longest = append(longest, "–")
			} else {
				longest = append(longest, fmt.Sprintf("%.0f", max))
			}
			fromScript = append(fromScript, "["+strings.Join(f, ", ")+"]")
			all = append(all, "["+strings.Join(a, ", ")+"]")
		}
		q := c.q
		if c.both {
			q += " (both languages)"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", c.lang, q, strings.Join(longest, ", "), strings.Join(fromScript, " "), strings.Join(all, " "))
	}
	fmt.Fprintf(&b, "\nLoads without a task over 50 ms after the script started: %d of %d.\n\n", clean, loads)
	// The control: the same pages with their script blocked, so that what
	// remains is the browser's own work on the page (parsing, style, the
	// first layout with its font look-ups, paint).
	b.WriteString("The control: the browser's own work on the page, with the same throttling, three loads each; every long task, in ms. \"Script blocked\": the same search page with its script blocked (Network.setBlockedURLs); \"frame only\": that page without its main content and scripts (head, stylesheet, header, navigation, footer: what every page of the site has):\n\n| page | long tasks per load |\n|---|---|\n")
	for _, c := range []struct{ name, path string }{
		{"zh, script blocked", "/zh/search/?q=x"}, {"en, script blocked", "/en/search/?q=x"},
		{"zh, frame only", "/lt-bench/zh-frame.html"}, {"en, frame only", "/lt-bench/en-frame.html"},
	} {
		var all []string
		for i := 0; i < 3; i++ {
			tab, cancel, err := freshTab(browser)
			if err != nil {
				return "", err
			}
			r, err := func() (longTasks, error) {
				if _, err := chromedp.Call(tab, network.Enable, network.EnableParams{}); err != nil {
					return longTasks{}, err
				}
				if _, err := chromedp.Call(tab, network.SetBlockedURLs, network.SetBlockedURLsParams{
					URLPatterns: []*network.BlockPattern{{URLPattern: base + "/js/*", Block: true}}}); err != nil {
					return longTasks{}, err
				}
				if _, err := chromedp.Call(tab, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: 4}); err != nil {
					return longTasks{}, err
				}
				if err := chromedp.Do(tab, chromedp.Navigate(base+c.path)); err != nil {
					return longTasks{}, err
				}
				if err := sitetest.Await(tab, `document.readyState === "complete"`, queryTimeout); err != nil {
					return longTasks{}, err
				}
				return readLongTasks(tab)
			}()
			cancel()
			if err != nil {
				return "", err
			}
			var a []string
			for _, t := range r.Tasks {
				a = append(a, fmt.Sprintf("%.0f", t.Duration))
			}
			all = append(all, "["+strings.Join(a, ", ")+"]")
		}
		fmt.Fprintf(&b, "| %s | %s |\n", c.name, strings.Join(all, " "))
	}
	b.WriteString("\n")
	return b.String(), nil
}

// longTasks are the long tasks of a page load, and the times (ms since
// navigation start) of the mark search-start (-1 if none) and of the read.
type longTasks struct {
	Tasks       []struct{ Start, Duration float64 }
	Start, Done float64
}

// readLongTasks waits two frames and 100 ms, then reads every long task of
// the page so far (PerformanceObserver "longtask", buffered).
func readLongTasks(tab context.Context) (longTasks, error) {
	return chromedp.Run(tab, chromedp.Evaluate[longTasks](`new Promise(res => {
	  const done = performance.now();
	  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
	    const o = new PerformanceObserver(() => {});
	    o.observe({type: "longtask", buffered: true});
	    const tasks = o.takeRecords().map(e => ({Start: e.startTime, Duration: e.duration}));
	    o.disconnect();
	    const m = performance.getEntriesByName("search-start")[0];
	    res({Tasks: tasks, Start: m ? m.startTime : -1, Done: done});
	  }, 100)));
	})`, chromedp.EvalAwaitPromise))
}

func ratio(a, b int) string {
	if b == 0 {
		return "1.00"
	}
	return fmt.Sprintf("%.2f", float64(a)/float64(b))
}

func kb(n int) string { return fmt.Sprintf("%.1f KB", float64(n)/1024) }

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[len(s)/2]
}

func maxOf(xs []float64) float64 {
	m := 0.0
	for _, x := range xs {
		if x > m {
			m = x
		}
	}
	return m
}

// gzSizes caches the gzip size of served files.
type gzSizes struct {
	dir string
	mu  sync.Mutex
	m   map[string]int
}

func (g *gzSizes) size(urlPath string) int {
	g.mu.Lock()
	defer g.mu.Unlock()
	if n, ok := g.m[urlPath]; ok {
		return n
	}
	p := filepath.Join(g.dir, filepath.FromSlash(path.Clean(urlPath)))
	if fi, err := os.Stat(p); err == nil && fi.IsDir() {
		p = filepath.Join(p, "index.html")
	}
	b, err := os.ReadFile(p)
	if err != nil {
		return 0
	}
	n := hosting.GzipSize(b)
	if strings.Contains(urlPath, ".pf_") && len(b) < n {
		n = len(b) // Pagefind's files are gzip already
	}
	g.m[urlPath] = n
	return n
}

// dirGzip adds up the gzip sizes of the files under dir whose path (dir
// included, slash-separated) keep accepts.
// inline returns the gzip size of the search page's JSON data block.
func (g *gzSizes) inline(lang string) int {
	g.mu.Lock()
	defer g.mu.Unlock()
	key := "inline:" + lang
	if n, ok := g.m[key]; ok {
		return n
	}
	b, _ := os.ReadFile(filepath.Join(g.dir, lang, "search", "index.html"))
	n := 0
	if m := dataBlock.FindSubmatch(b); m != nil {
		n = hosting.GzipSize(m[1])
	}
	g.m[key] = n
	return n
}

var dataBlock = regexp.MustCompile(`(?s)<script type="?application/json"? id="?search-data"?>(.*?)</script>`)

func dirGzip(dir string, keep func(string) bool) int {
	files, err := sitetest.Files(dir)
	if err != nil {
		log.Fatal(err)
	}
	total := 0
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if !keep(filepath.ToSlash(p)) {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			log.Fatal(err)
		}
		n := hosting.GzipSize(b)
		if strings.Contains(p, ".pf_") && len(b) < n {
			n = len(b)
		}
		total += n
	}
	return total
}

// reqLog records the requests the server answered. It sees what the page's
// Resource Timing does not: fetches from Pagefind's web worker.
type reqLog struct {
	mu   sync.Mutex
	reqs []req
}

type req struct {
	path string
}

func (l *reqLog) add(p string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.reqs = append(l.reqs, req{p})
}

func (l *reqLog) reset() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.reqs = nil
}

// bytes adds up the gzip sizes of the kept paths served so far.
func (l *reqLog) bytes(keep func(string) bool, sizes *gzSizes) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	seen := map[string]bool{}
	for _, r := range l.reqs {
		if keep(r.path) && !seen[r.path] {
			seen[r.path] = true
			n += sizes.size(r.path)
		}
	}
	return n
}

// pageSet returns the pages of blocks: each block's section page (if it
// has one) and its article page, in the block's language.
func pageSet(blocks []searchtest.Block) map[string]bool {
	s := map[string]bool{}
	for _, b := range blocks {
		s["/"+b.Lang+"/"+b.Article+"/"] = true
		if b.Page != "" {
			s["/"+b.Lang+"/"+b.Article+"/"+b.Page+"/"] = true
		}
	}
	return s
}

func universe(p string) bool {
	// Article and section pages: /<lang>/<slug>/ and /<lang>/<slug>/section-N/.
	parts := strings.Split(strings.Trim(p, "/"), "/")
	return (len(parts) == 2 && parts[1] != "search" && parts[1] != "glossary" && parts[1] != "translation-note") ||
		(len(parts) == 3 && strings.HasPrefix(parts[2], "section-"))
}

func score(m *metrics, got, want map[string]bool) (tp, fp, fn int) {
	for k := range got {
		if want[k] {
			tp++
		} else {
			fp++
		}
	}
	for k := range want {
		if !got[k] {
			fn++
		}
	}
	return
}

// queryTimeout bounds the browser calls of one query (a slow machine, a
// synthetic archive of 1,000 articles).
const queryTimeout = 3 * time.Minute

// freshTab opens a tab with the browser's HTTP cache emptied, so every
// query is a first visit. The context it returns has a deadline of
// queryTimeout.
func freshTab(browser context.Context) (context.Context, context.CancelFunc, error) {
	tab, closeTab, err := sitetest.OpenTab(browser)
	if err != nil {
		return nil, nil, err
	}
	ctx, cancel := context.WithTimeout(tab, queryTimeout)
	stop := func() { cancel(); closeTab() }
	if _, err := chromedp.Call(ctx, network.ClearBrowserCache, cdp.Empty{}); err != nil {
		stop()
		return nil, nil, err
	}
	return ctx, stop, nil
}

func measureOurs(ctx context.Context, base, lang, q string, want []searchtest.Block, sizes *gzSizes, reqs *reqLog) (metrics, error) {
	var m metrics
	tab, cancel, err := freshTab(ctx)
	if err != nil {
		return m, err
	}
	defer cancel()
	reqs.reset()
	if err := chromedp.Do(tab, chromedp.Navigate(base+"/"+lang+"/search/?q="+url.QueryEscape(q))); err != nil {
		return m, err
	}
	if err := sitetest.Await(tab, `!!document.documentElement.dataset.searchDone`, queryTimeout); err != nil {
		return m, err
	}
	// The page renders 50 hits at a time ("show more" renders the next 50):
	// render them all for recall and precision (after the first result has
	// been timed).
	hrefs, err := chromedp.Run(tab, chromedp.Evaluate[[]string](`(() => {
	  for (let b; (b = document.querySelector('#search-results .search-more')); ) b.click();
	  return [...document.querySelectorAll('a.search-hit-link')].map(a => new URL(a.href).pathname + '#' + a.dataset.id);
	})()`))
	if err != nil {
		return m, err
	}
	gotP, gotPages := map[string]bool{}, map[string]bool{}
	for _, h := range hrefs {
		pagePath, id, _ := strings.Cut(h, "#")
		parts := strings.Split(strings.Trim(pagePath, "/"), "/")
		gotP[parts[1]+"#"+id] = true
		gotPages[pagePath] = true
		gotPages["/"+parts[0]+"/"+parts[1]+"/"] = true
	}
	wantP := map[string]bool{}
	for _, b := range want {
		wantP[b.Article+"#"+b.ID] = true
	}
	m.ptp, m.pfp, m.pfn = score(&m, gotP, wantP)
	m.tp, m.fp, m.fn = score(&m, gotPages, pageSet(want))
	m.hadResult = len(hrefs) > 0
	if !m.hadResult {
		return m, nil
	}
	first, err := chromedp.Run(tab, chromedp.Evaluate[string](`document.documentElement.dataset.searchFirstMs`))
	if err != nil {
		return m, err
	}
	m.firstMs, _ = strconv.ParseFloat(first, 64)
	if m.startMs, err = chromedp.Run(tab, chromedp.Evaluate[float64](`performance.getEntriesByName("search-start")[0].startTime`)); err != nil {
		return m, err
	}
	// The search page fetches from the page itself: Resource Timing tells
	// what had arrived when the first result was shown.
	paths, err := chromedp.Run(tab, chromedp.Evaluate[[]string](fmt.Sprintf(
		`performance.getEntriesByType('resource').filter(e => e.responseEnd <= %f).map(e => new URL(e.name).pathname)`, m.firstMs+0.5)))
	if err != nil {
		return m, err
	}
	// The search's files: its script, each article's search data and its
	// aligned text (blocks.json, which the search fetches for its text),
	// the glossary and the traditional→simplified map.
	for _, p := range paths {
		if strings.HasSuffix(p, "search.json") || strings.HasSuffix(p, "/blocks.json") || strings.HasPrefix(p, "/search/") || (strings.HasPrefix(p, "/js/") && strings.Contains(p, "search")) {
			m.bytes += sizes.size(p)
		}
	}
	// The search data in the page itself (the JSON data block #search-data:
	// the list of articles, the newest article's data) is counted too,
	// compressed on its own, though it comes with the page.
	m.inPage = sizes.inline(lang)
	m.bytes += m.inPage
	m.warmMs, err = chromedp.Run(tab, chromedp.Evaluate[float64](`new Promise(res => {
	  const root = document.documentElement, d = root.dataset.searchDone, t0 = performance.now();
	  new MutationObserver((_, o) => { if (root.dataset.searchDone !== d) { o.disconnect(); res(performance.now() - t0); } })
	    .observe(root, {attributes: true});
	  document.getElementById('search-form').requestSubmit();
	})`, chromedp.EvalAwaitPromise))
	return m, err
}

func measurePagefind(ctx context.Context, base, lang, q string, want []searchtest.Block, sizes *gzSizes, reqs *reqLog) (metrics, error) {
	var m metrics
	tab, cancel, err := freshTab(ctx)
	if err != nil {
		return m, err
	}
	defer cancel()
	reqs.reset()
	type result struct {
		URLs    []string
		FirstMs float64
		WarmMs  float64
		Origin  float64
	}
	// Pagefind fetches from a web worker, out of the page's Resource
	// Timing: the harness pauses after the first result while the server's
	// log is read.
	if err := chromedp.Do(tab, chromedp.Navigate(base+"/pf-bench/"+lang+".html?q="+url.QueryEscape(q))); err != nil {
		return m, err
	}
	if err := sitetest.Await(tab, `!!window.pfFirst`, queryTimeout); err != nil {
		return m, err
	}
	m.bytes = reqs.bytes(func(p string) bool { return strings.HasPrefix(p, "/pagefind/") }, sizes)
	if _, err := chromedp.Run(tab, chromedp.Evaluate[bool](`window.pfContinue(), true`)); err != nil {
		return m, err
	}
	if err := sitetest.Await(tab, `!!window.pfResult`, queryTimeout); err != nil {
		return m, err
	}
	r, err := chromedp.Run(tab, chromedp.Evaluate[result](`window.pfResult`))
	if err != nil {
		return m, err
	}
	got := map[string]bool{}
	for _, u := range r.URLs {
		if universe(u) {
			got[u] = true
		}
	}
	m.tp, m.fp, m.fn = score(&m, got, pageSet(want))
	m.hadResult = len(r.URLs) > 0
	m.firstMs, m.warmMs = r.FirstMs, r.WarmMs
	return m, nil
}

// writeFrames writes the controls' frame pages: /lt-bench/<lang>-frame.html
// is the search page without its main content and without scripts.
func writeFrames(pub string) error {
	dir := filepath.Join(pub, "lt-bench")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	main := regexp.MustCompile(`(?s)(<main[^>]*>).*</main>`)
	script := regexp.MustCompile(`(?s)<script[^>]*>.*?</script>`)
	for _, lang := range []string{"zh", "en"} {
		b, err := os.ReadFile(filepath.Join(pub, lang, "search", "index.html"))
		if err != nil {
			return err
		}
		if !main.Match(b) {
			return fmt.Errorf("%s/search/index.html: no <main>", lang)
		}
		b = script.ReplaceAll(main.ReplaceAll(b, []byte("$1</main>")), nil)
		if err := os.WriteFile(filepath.Join(dir, lang+"-frame.html"), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// writeHarness writes the Pagefind test pages: /pf-bench/<lang>.html runs
// ?q= through Pagefind's JS API, timing the first result's data.
func writeHarness(pub string) error {
	dir := filepath.Join(pub, "pf-bench")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	js := `(async () => {
  const q = new URLSearchParams(location.search).get('q');
  const pf = await import('/pagefind/pagefind.js');
  await pf.init();
  const r = await pf.search(q);
  let firstMs = 0;
  if (r.results.length) { await r.results[0].data(); firstMs = performance.now(); }
  await new Promise(res => { window.pfContinue = res; window.pfFirst = true; });
  const all = await Promise.all(r.results.map(x => x.data()));
  const t0 = performance.now();
  const r2 = await pf.search(q);
  if (r2.results.length) await r2.results[0].data();
  const warmMs = performance.now() - t0;
  window.pfResult = { URLs: all.map(d => new URL(d.url, location.href).pathname), FirstMs: firstMs, WarmMs: warmMs, Origin: performance.timeOrigin };
})();
`
	if err := os.WriteFile(filepath.Join(dir, "bench.js"), []byte(js), 0o644); err != nil {
		return err
	}
	for lang, locale := range map[string]string{"zh": "zh-Hans", "en": "en"} {
		html := `<!DOCTYPE html><html lang="` + locale + `"><head><meta charset="utf-8"><title>pf</title><script type="module" src="bench.js"></script></head><body></body></html>`
		if err := os.WriteFile(filepath.Join(dir, lang+".html"), []byte(html), 0o644); err != nil {
			return err
		}
	}
	return nil
}
