package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"sync"
	"time"

	"policysite/tools/article"
	"policysite/tools/emit"
	"policysite/tools/glossary"
	"policysite/tools/scrape"
	"policysite/tools/translate"
)

// Layout of the site root.
const (
	sourceDir    = "source"
	sourceFile   = "zh.txt"
	poFile       = "en.po"
	templateFile = "messages.pot"
	glossaryFile = "data/glossary.toml"
)

// Options configure a run.
type Options struct {
	Root         string
	AllowPending bool
	// Today is the date future publication dates are warned about; zero
	// means the current date.
	Today time.Time
}

// Output is everything a run renders.
type Output struct {
	Articles  []string  // slugs
	Files     []fileOut // every file to write, sorted by path
	Generated []string  // folders split generates (content/<lang>/<slug>, data/articles)
	Models    []Versions
	Data      []*emit.Data
}

// Versions are the two language versions of one article.
type Versions struct {
	ZH, EN *article.Article
}

// Render reads and checks every input under opt.Root (the glossary, every
// article folder, every source and translation) and renders every output
// in memory. It returns all the errors it finds, not only the first, so
// that an editor can fix them in one go. Warnings (pending translations
// with AllowPending, future dates) go to warn.
func Render(opt Options, warn io.Writer) (*Output, error) {
	root := opt.Root
	gdata, err := os.ReadFile(filepath.Join(root, glossaryFile))
	if os.IsNotExist(err) {
		return nil, fmt.Errorf("%s: no glossary file: expected the bilingual glossary (an empty file, or [[term]] tables)", glossaryFile)
	}
	if err != nil {
		return nil, err
	}
	g, err := glossary.Parse(glossaryFile, gdata)
	if err != nil {
		return nil, err
	}
	reserved, err := reservedNames(root, emit.Langs)
	if err != nil {
		return nil, err
	}
	slugs, errs := articleFolders(root, reserved)
	if len(slugs) == 0 && len(errs) == 0 {
		return nil, fmt.Errorf("%s: no article: expected folders %s/<slug>/%s", sourceDir, sourceDir, sourceFile)
	}
	today := opt.Today
	if today.IsZero() {
		today = time.Now()
	}

	// Articles are independent: render them on every core, then gather
	// the results in folder order, so that the output and the order of
	// the errors do not depend on scheduling.
	results := make([]*rendered, len(slugs))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i] = renderArticle(root, slugs[i], g, opt.AllowPending, today)
			}
		}()
	}
	for i := range slugs {
		next <- i
	}
	close(next)
	wg.Wait()

	out := &Output{Generated: []string{path.Dir(emit.DataFile("x"))}}
	for _, r := range results {
		if r.err != nil {
			errs = append(errs, r.err)
			continue
		}
		warn.Write(r.warnings.Bytes())
		out.Files = append(out.Files, r.files...)
		out.Articles = append(out.Articles, r.zh.Slug)
		out.Models = append(out.Models, Versions{r.zh, r.en})
		out.Data = append(out.Data, r.data)
		for _, l := range emit.Langs {
			out.Generated = append(out.Generated, emit.ContentDir(l, r.zh.Slug))
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	out.Files = append(out.Files, files([]emit.File{emit.TermIndex(out.Data)})...)
	sort.Slice(out.Files, func(i, j int) bool { return out.Files[i].Path < out.Files[j].Path })
	return out, nil
}

// rendered is the output of one article.
type rendered struct {
	zh, en   *article.Article
	data     *emit.Data
	files    []fileOut
	warnings bytes.Buffer
	err      error
}

// renderArticle reads, parses, translates and renders source/<slug>/.
func renderArticle(root, slug string, g *glossary.Glossary, allowPending bool, today time.Time) *rendered {
	r := &rendered{}
	src := path.Join(sourceDir, slug, sourceFile)
	data, err := os.ReadFile(filepath.Join(root, src))
	if os.IsNotExist(err) {
		r.err = fmt.Errorf("%s: no %s: expected the scraped article %s (to remove an article, remove its whole folder)", path.Join(sourceDir, slug), sourceFile, src)
		return r
	}
	if err != nil {
		r.err = err
		return r
	}
	if r.zh, r.err = scrape.Parse(src, slug, data); r.err != nil {
		return r
	}
	if d, err := time.Parse(time.DateOnly, r.zh.Date); err == nil && d.After(today) {
		fmt.Fprintf(&r.warnings, "split: warning: %s: publication date %s is in the future; the site publishes it as dated (buildFuture in config.toml)\n", src, r.zh.Date)
	}
	if r.en, r.err = translation(root, r.zh, allowPending, &r.warnings); r.err != nil {
		return r
	}
	for _, a := range []*article.Article{r.zh, r.en} {
		fs, err := emit.Content(a)
		if err != nil {
			r.err = err
			return r
		}
		r.files = append(r.files, files(fs)...)
	}
	r.data = emit.Aligned(r.zh, r.en, src, g)
	r.files = append(r.files, files([]emit.File{emit.ArticleData(r.data)})...)
	r.files = append(r.files, files(emit.Downloads(r.data))...)
	r.files = append(r.files, fileOut{Path: path.Join(sourceDir, slug, templateFile), Data: translate.Template(r.zh, src)})
	return r
}

func files(fs []emit.File) []fileOut {
	out := make([]fileOut, len(fs))
	for i, f := range fs {
		out[i] = fileOut{Path: f.Path, Data: f.Data}
	}
	return out
}

// translation builds the English article from source/<slug>/en.po. A
// missing en.po leaves every sentence pending.
func translation(root string, zh *article.Article, allowPending bool, warn io.Writer) (*article.Article, error) {
	file := path.Join(sourceDir, zh.Slug, poFile)
	data, err := os.ReadFile(filepath.Join(root, file))
	if err != nil && !os.IsNotExist(err) {
		return nil, err
	}
	cat, err := translate.Parse(file, data)
	if err != nil {
		return nil, err
	}
	ok, stale, err := cat.Resolve(zh)
	if err != nil {
		return nil, err
	}
	if len(stale) > 0 {
		serr := cat.StaleError(stale)
		if !allowPending {
			return nil, fmt.Errorf("%v\n(run with -allow-pending to publish them as \"translation pending\")", serr)
		}
		fmt.Fprintf(warn, "split: warning: %v\n", serr)
	}
	return zh.Translated("en", func(u article.Unit) (string, bool) {
		s, found := ok[u.ID]
		return s, found
	}), nil
}

// Changes works out what writing the output changes under root (see plan).
func (o *Output) Changes(root string) (*changes, error) {
	articleDirs := func(lang string) []string {
		entries, err := os.ReadDir(filepath.Join(root, "content", lang))
		if err != nil {
			return nil
		}
		var dirs []string
		for _, e := range entries {
			if e.IsDir() {
				dirs = append(dirs, path.Join("content", lang, e.Name()))
			}
		}
		return dirs
	}
	for _, d := range o.Generated {
		if err := checkPath(osFS{}, root, d+"/"+Marker); err != nil {
			return nil, err
		}
	}
	return plan(root, o.Files, o.Generated, articleDirs, emit.Langs)
}
