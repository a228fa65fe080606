package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestClassify(t *testing.T) {
	articles := map[string]bool{"zh/a-1": true, "en/a-1": true}
	for _, tc := range []struct{ rel, want string }{
		{"zh/a-1/index.html", formArticle},
		{"en/a-1/parallel/index.html", formParallel},
		{"en/a-1/section-3/index.html", formPart},
		{"zh/a-1/blocks.json", formDownload},
		{"zh/a-1/blocks.csv", formDownload},
		{"en/a-1/search.json", formSearch},
		{"en/a-1/citation.ris", formCitation},
		{"en/a-1/citation.json", formCitation},
		{"zh/glossary/index.html", formSite}, // not an article folder
		{"zh/index.html", formSite},          // a language's home
		{"zh/a-2/index.html", formSite},      // no parallel page: not an article
		{"en/a-1/section-3/x/index.html", formSite},
		{"js/reader.en.0123.js", formSite},
	} {
		if got := classify(tc.rel, articles); got != tc.want {
			t.Errorf("classify(%q) = %q, want %q", tc.rel, got, tc.want)
		}
	}
}

func TestFrameBytes(t *testing.T) {
	for _, tc := range []struct {
		page string
		want int64
	}{
		{"<head></head><main id=main>text</main><footer>", int64(len("<head></head><footer>"))},
		{"<p>no main</p>", int64(len("<p>no main</p>"))},
		{"", 0},
	} {
		if got := frameBytes([]byte(tc.page)); got != tc.want {
			t.Errorf("frameBytes(%q) = %d, want %d", tc.page, got, tc.want)
		}
	}
}

// write makes the files of a fake public/ folder under dir.
func write(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for rel, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestRun(t *testing.T) {
	dir := t.TempDir()
	// 1.5 KB of Chinese (3 bytes a character) and 2 KB of English.
	blocks := `{"blocks":[{"sentences":[{"zh":"` + strings.Repeat("一", 512) + `","en":"` + strings.Repeat("a", 1024) + `"}]},` +
		`{"sentences":[{"zh":"","en":"` + strings.Repeat("b", 1024) + `"}]}]}`
	write(t, dir, map[string]string{
		"zh/a/index.html":          "<head>x</head><main>一二</main>",
		"zh/a/parallel/index.html": "<main>p</main>",
		"en/a/index.html":          "<head><title>A</title></head><main><a class=term href=/en/glossary/#x>One</a> two.</main><footer>f</footer>",
		"en/a/parallel/index.html": "<main>p</main>",
		"zh/a/blocks.json":         blocks,
		"index.html":               "<p>home</p>",
	})
	var out strings.Builder
	if err := run(&out, dir); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"1 articles, 6 files",
		"| article pages | 2 |",
		"| parallel pages | 2 |",
		"| downloads (blocks.json, blocks.csv) | 1 |",
		"3.5 KB an article, of which Chinese 1.5 KB and English 2.0 KB",
		"six copies, 21.0 KB an article",
		"| html | 5 |",
		// 36 bytes of link tag and 4 of </a>: 0.0 KB; the frame counted.
		"| glossary links (`<a class=term href=…>`, `</a>`) | 0.0 KB |",
		"the head 0.0 KB",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}

func TestRunErrors(t *testing.T) {
	for name, files := range map[string]map[string]string{
		"no articles":     {"index.html": "x"},
		"no download":     {"zh/a/parallel/index.html": "x"},
		"broken download": {"zh/a/parallel/index.html": "x", "zh/a/blocks.json": "{"},
		"empty download":  {"zh/a/parallel/index.html": "x", "zh/a/blocks.json": `{"blocks":[]}`},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, dir, files)
			if err := run(&strings.Builder{}, dir); err == nil {
				t.Errorf("run: no error for %s", name)
			}
		})
	}
	if err := run(&strings.Builder{}, t.TempDir()); err == nil || !strings.Contains(err.Error(), "no files") {
		t.Errorf("run on an empty folder: %v, want an error saying it has no files", err)
	}
}

func TestCountMarkup(t *testing.T) {
	index := func(pattern string) int {
		for i, m := range markups {
			if m.pattern == pattern {
				return i
			}
		}
		t.Fatalf("no markup %q", pattern)
		return -1
	}
	term, span, strong := index(`<a class=term href=[^>]*>`), index(`<span id=[^>]*>`), index(`<strong id=[^>]*>`)
	ld := index(`<script type=application/ld\+json>.*?</script>`)
	for _, tc := range []struct {
		page string
		want map[int]int64
	}{
		{`<p><a class=term href=/g/#x>x</a> and <a class=term href=/g/#y>y</a></p>`,
			map[int]int64{term: 2 * int64(len(`<a class=term href=/g/#x>`)+len(`</a>`))}},
		{`<p id=p1><strong id=p1.1>A.</strong> <span id=p1.2>B.</span> <span>C.</span></p>`,
			map[int]int64{strong: int64(len(`<strong id=p1.1></strong>`)), span: int64(len(`<span id=p1.2></span>`))}},
		// Structured data over several lines is counted whole.
		{"<script type=application/ld+json>{\n\"a\": 1\n}</script>",
			map[int]int64{ld: int64(len("<script type=application/ld+json>{\n\"a\": 1\n}</script>"))}},
		{`<p>plain</p>`, map[int]int64{}},
	} {
		sums := make([]int64, len(markups))
		countMarkup([]byte(tc.page), sums)
		for i, got := range sums {
			if got != tc.want[i] {
				t.Errorf("%q: %s = %d bytes, want %d", tc.page, markups[i].pattern, got, tc.want[i])
			}
		}
	}
}
