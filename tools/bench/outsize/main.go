// Command outsize says where the bytes of a built site go: the size of its
// public/ folder by the form a reader gets (article pages, part pages,
// parallel pages, downloads, search data, citation files, the site-wide
// rest) and by file type, per article, and how much of it is the articles'
// own text. tools/bench/site/scale.sh runs it on its largest archive of at
// most 1,000 articles and puts its tables in scale.md.
//
// Usage:
//
//	go run ./tools/bench/outsize -public DIR
//
// An article is a folder <lang>/<slug>/ with a parallel page
// (<lang>/<slug>/parallel/index.html); its text is read from its aligned
// download (blocks.json: every sentence's zh and en), in UTF-8 bytes as
// the source has them (the pages escape a few characters, so the text's
// share of a page is approximate to within those escapes).
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// The forms, in the order of the table.
const (
	formArticle  = "article pages"
	formPart     = "part pages"
	formParallel = "parallel pages"
	formDownload = "downloads (blocks.json, blocks.csv)"
	formSearch   = "search data (search.json)"
	formCitation = "citation files (RIS, BibTeX, CSL-JSON)"
	formSite     = "site-wide (home, glossary, search and other pages, feeds, sitemaps, scripts, styles)"
)

var forms = []string{formArticle, formPart, formParallel, formDownload, formSearch, formCitation, formSite}

// classify names the form of the file at rel (slash-separated, relative to
// public/), given the set of article folders (<lang>/<slug>).
func classify(rel string, articles map[string]bool) string {
	parts := strings.Split(rel, "/")
	if len(parts) < 3 || !articles[parts[0]+"/"+parts[1]] {
		return formSite
	}
	rest := strings.Join(parts[2:], "/")
	switch {
	case rest == "index.html":
		return formArticle
	case rest == "parallel/index.html":
		return formParallel
	case len(parts) == 4 && parts[3] == "index.html":
		return formPart
	case rest == "blocks.json" || rest == "blocks.csv":
		return formDownload
	case rest == "search.json":
		return formSearch
	case strings.HasPrefix(rest, "citation."):
		return formCitation
	}
	return formSite
}

// fileType is a file's extension without the fingerprint Hugo adds to
// scripts and styles (site.min.<hash>.css is "css").
func fileType(rel string) string {
	ext := strings.TrimPrefix(path.Ext(rel), ".")
	if ext == "" {
		return "(none)"
	}
	return ext
}

// markups are the kinds of markup the pages repeat, each with what it is
// for, counted in the HTML with a regular expression (this site's own
// minified markup: Hugo's minifier drops the quotes it can). A closing
// tag is counted with its opening one.
var markups = []struct {
	name, pattern, close, use string
}{
	{"glossary links (`<a class=term href=…>`, `</a>`)", `<a class=term href=[^>]*>`, "</a>", "the glossary popovers; the terms' links without JS"},
	{"Open Graph tags", `<meta property="?og:[^>]*>`, "", "link previews"},
	{"sentence tags (`<span id=p12.3>`, `<strong id=…>`)", `<span id=[^>]*>`, "</span>", "sentence links, citations and alignment"},
	{"", `<strong id=[^>]*>`, "</strong>", ""},
	{"the reader's data block", `<script type=application/json id=reader-data>.*?</script>`, "", "citations built in the browser"},
	{"`hreflang` alternates", `<link rel=alternate hreflang=[^>]*>`, "", "the other language for search engines"},
	{"meta description", `<meta name=description[^>]*>`, "", "search results and previews"},
	{"citation meta tags (`citation_*`, `DC.*`)", `<meta name="?(?:citation_|DC\.)[^>]*>`, "", "Zotero and other reference managers"},
	{"contents", `<details class=toc.*?</details>`, "", "the article page's contents"},
	{"JSON-LD", `<script type=application/ld\+json>.*?</script>`, "", "structured data for search engines"},
	{"paragraph anchors (¶n)", `<a class=pn[^>]*>[^<]*</a>`, "", "paragraph links and citations"},
	{"feed link", `<link rel=alternate type=application/rss\+xml[^>]*>`, "", "feed discovery"},
	{"translation note line", `<p class=translation-note>[^<]*</p>`, "", "the English pages' statement that the Chinese prevails"},
	{"canonical link", `<link rel=canonical[^>]*>`, "", "search engines"},
	{"print URL line", `<p class=print-url>[^<]*</p>`, "", "the printed page's address"},
}

var markupRE = func() []*regexp.Regexp {
	res := make([]*regexp.Regexp, len(markups))
	for i, m := range markups {
		res[i] = regexp.MustCompile(`(?s)` + m.pattern)
	}
	return res
}()

// countMarkup adds the bytes of each kind of markup in page to sums.
func countMarkup(page []byte, sums []int64) {
	for i, re := range markupRE {
		for _, m := range re.FindAll(page, -1) {
			sums[i] += int64(len(m) + len(markups[i].close))
		}
	}
}

type tally struct {
	files int
	bytes int64
	frame int64 // of an HTML page's bytes, those outside its <main> element
	head  int64 // of the frame, the <head> element
}

var headRE = regexp.MustCompile(`(?s)<head>.*?</head>`)

// frameBytes is the size of an HTML page outside its <main> element: the
// head, the site's header and footer and the script tag, which every page
// repeats. A page without a main element is all frame.
func frameBytes(page []byte) int64 {
	open := bytes.Index(page, []byte("<main"))
	end := bytes.LastIndex(page, []byte("</main>"))
	if open < 0 || end < open {
		return int64(len(page))
	}
	return int64(len(page) - (end + len("</main>") - open))
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("outsize: ")
	public := flag.String("public", "", "the built site (Hugo's public/ folder)")
	flag.Parse()
	if *public == "" || flag.NArg() > 0 {
		log.Fatal("usage: go run ./tools/bench/outsize -public DIR")
	}
	if err := run(os.Stdout, *public); err != nil {
		log.Fatal(err)
	}
}

func run(w io.Writer, public string) error {
	type file struct {
		rel  string
		size int64
	}
	var files []file
	articles := map[string]bool{}
	err := filepath.WalkDir(public, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(public, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		files = append(files, file{rel, info.Size()})
		if parts := strings.Split(rel, "/"); len(parts) == 4 && parts[2] == "parallel" && parts[3] == "index.html" {
			articles[parts[0]+"/"+parts[1]] = true
		}
		return nil
	})
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("%s: no files (expected a built site)", public)
	}
	slugs := map[string]bool{}
	for a := range articles {
		slugs[path.Base(a)] = true
	}
	if len(slugs) == 0 {
		return fmt.Errorf("%s: no article (expected <lang>/<slug>/parallel/index.html)", public)
	}
	n := float64(len(slugs))

	byForm := map[string]*tally{}
	byType := map[string]*tally{}
	var total int64
	var zh, en int64
	textFound := 0
	markup := make([]int64, len(markups))
	for _, f := range files {
		form := classify(f.rel, articles)
		add(byForm, form, f.size)
		add(byType, fileType(f.rel), f.size)
		if path.Ext(f.rel) == ".html" {
			b, err := os.ReadFile(filepath.Join(public, filepath.FromSlash(f.rel)))
			if err != nil {
				return err
			}
			byForm[form].frame += frameBytes(b)
			byForm[form].head += int64(len(headRE.Find(b)))
			countMarkup(b, markup)
		}
		total += f.size
		if form == formDownload && path.Base(f.rel) == "blocks.json" {
			z, e, err := textBytes(filepath.Join(public, filepath.FromSlash(f.rel)))
			if err != nil {
				return err
			}
			zh, en = zh+z, en+e
			textFound++
		}
	}
	if textFound != len(slugs) {
		return fmt.Errorf("%s: %d articles but %d blocks.json downloads (expected one an article)", public, len(slugs), textFound)
	}

	kb := func(b int64) string { return fmt.Sprintf("%.1f KB", float64(b)/1024/n) }
	pct := func(b int64) string { return fmt.Sprintf("%.0f%%", 100*float64(b)/float64(total)) }
	fmt.Fprintf(w, "%d articles, %d files, %s an article in all.\n\n", len(slugs), len(files), kb(total))
	fmt.Fprintln(w, "| form | files | an article | share | of it, the pages' frame (outside `<main>`) |")
	fmt.Fprintln(w, "|---|--:|--:|--:|--:|")
	var frame, head int64
	for _, k := range forms {
		if t := byForm[k]; t != nil {
			fr := ""
			if t.frame > 0 {
				fr = kb(t.frame)
			}
			frame += t.frame
			head += t.head
			fmt.Fprintf(w, "| %s | %d | %s | %s | %s |\n", k, t.files, kb(t.bytes), pct(t.bytes), fr)
		}
	}
	fmt.Fprintln(w)
	types := make([]string, 0, len(byType))
	for k := range byType {
		types = append(types, k)
	}
	sort.Slice(types, func(i, j int) bool {
		if byType[types[i]].bytes != byType[types[j]].bytes {
			return byType[types[i]].bytes > byType[types[j]].bytes
		}
		return types[i] < types[j]
	})
	fmt.Fprintln(w, "| file type | files | an article | share |")
	fmt.Fprintln(w, "|---|--:|--:|--:|")
	for _, k := range types {
		t := byType[k]
		fmt.Fprintf(w, "| %s | %d | %s | %s |\n", k, t.files, kb(t.bytes), pct(t.bytes))
	}
	fmt.Fprintln(w)
	// Each language's text is on its article page and on its part pages;
	// both are on each language's parallel page and in each download.
	copies := 2*(zh+en) + 2*(zh+en) + 2*(zh+en)
	fmt.Fprintf(w, "The articles' own text (every sentence of blocks.json, UTF-8): %s an article, of which Chinese %s and English %s. "+
		"The article pages and the part pages hold each language's text once, each language's parallel page both, and the JSON and CSV downloads both: "+
		"six copies, %s an article (%s of the output); the rest is markup, page frames and data.\n",
		kb(zh+en), kb(zh), kb(en), kb(copies), pct(copies))
	fmt.Fprintf(w, "The frames of the HTML pages are %s an article (%s): the head %s, and the rest (skip link, site header, language switch, navigation, search form, footer, script tag) %s.\n",
		kb(frame), pct(frame), kb(head), kb(frame-head))
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Markup the pages repeat (both languages, every page; counted with regular expressions):")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| markup | an article | what it is for |")
	fmt.Fprintln(w, "|---|--:|---|")
	var all, row int64
	for i, m := range markups {
		row += markup[i]
		all += markup[i]
		// A row without a name is counted with the row before it.
		if i+1 < len(markups) && markups[i+1].name == "" {
			continue
		}
		name, use := m.name, m.use
		if name == "" {
			name, use = markups[i-1].name, markups[i-1].use
		}
		fmt.Fprintf(w, "| %s | %s | %s |\n", name, kb(row), use)
		row = 0
	}
	fmt.Fprintf(w, "| all of the above | %s | |\n", kb(all))
	return nil
}

func add(m map[string]*tally, k string, size int64) {
	if m[k] == nil {
		m[k] = &tally{}
	}
	m[k].files++
	m[k].bytes += size
}

// textBytes sums the UTF-8 bytes of every sentence of an article's aligned
// download, per language.
func textBytes(file string) (zh, en int64, err error) {
	b, err := os.ReadFile(file)
	if err != nil {
		return 0, 0, err
	}
	var doc struct {
		Blocks []struct {
			Sentences []struct{ Zh, En string } `json:"sentences"`
		} `json:"blocks"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return 0, 0, fmt.Errorf("%s: %v (expected the aligned download: {blocks: [{sentences: [{zh, en}]}]})", file, err)
	}
	if len(doc.Blocks) == 0 {
		return 0, 0, fmt.Errorf("%s: no blocks (expected the aligned download)", file)
	}
	for _, bl := range doc.Blocks {
		for _, s := range bl.Sentences {
			zh += int64(len(s.Zh))
			en += int64(len(s.En))
		}
	}
	return zh, en, nil
}
