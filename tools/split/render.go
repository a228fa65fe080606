package main

import (
	"bytes"
	"crypto/sha256"
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
	// Keep keeps every article's models, data and files in memory (in
	// Output.Models, Data and Files), for tests. Without it a run keeps
	// only what it needs to decide what to write, so that its memory does
	// not grow with the archive: an archive of 10,000 articles renders
	// some 200,000 files.
	Keep bool
}

// Output is everything a run renders.
type Output struct {
	Articles  []string // slugs
	Generated []string // folders split generates (content/<lang>/<slug>, data/articles)
	// Refs are every file to write, sorted by path, with the digest of
	// its content; the content itself is rendered again when it is
	// written (Contents).
	Refs []fileRef
	// With Options.Keep: every file's content, and the models and data.
	Files  []fileOut
	Models []Versions
	Data   []*emit.Data

	opt    Options
	glossa *glossary.Glossary
	site   map[string]fileOut // files made from all the articles (the term index)
	today  time.Time
}

// fileRef is a file to write: its path, the digest and size of its
// content, and the article that renders it (-1 for a site file).
type fileRef struct {
	Path    string
	Sum     [sha256.Size]byte
	Size    int
	Article int
}

// Versions are the two language versions of one article.
type Versions struct {
	ZH, EN *article.Article
}

// Render reads and checks every input under opt.Root (the glossary, every
// article folder, every source and translation) and renders every output
// in memory, one article at a time. It returns all the errors it finds,
// not only the first, so that an editor can fix them in one go. Warnings
// (pending translations with AllowPending, future dates) go to warn.
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
	out := &Output{opt: opt, glossa: g, today: today, Generated: []string{path.Dir(emit.DataFile("x"))}}

	// Articles are independent: render them on every core, then gather
	// the results in folder order, so that the output and the order of
	// the errors do not depend on scheduling.
	results := make([]*rendered, len(slugs))
	parallel(len(slugs), func(i int) {
		r := renderArticle(root, slugs[i], g, opt.AllowPending, today)
		if r.err == nil {
			r.summarize(opt.Keep)
		}
		results[i] = r
	})

	var terms []*emit.Data // the articles' term summaries, for the index
	for _, r := range results {
		if r.err != nil {
			errs = append(errs, r.err)
			continue
		}
		warn.Write(r.warnings.Bytes())
		k := len(out.Articles)
		out.Articles = append(out.Articles, r.slug)
		for _, f := range r.refs {
			f.Article = k
			out.Refs = append(out.Refs, f)
		}
		terms = append(terms, r.terms)
		if opt.Keep {
			out.Files = append(out.Files, r.files...)
			out.Models = append(out.Models, Versions{r.zh, r.en})
			out.Data = append(out.Data, r.data)
		}
		for _, l := range emit.Langs {
			out.Generated = append(out.Generated, emit.ContentDir(l, r.slug))
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	out.site = map[string]fileOut{}
	for _, f := range files([]emit.File{emit.TermIndex(terms)}) {
		out.site[f.Path] = f
		out.Refs = append(out.Refs, ref(f, -1))
		if opt.Keep {
			out.Files = append(out.Files, f)
		}
	}
	sort.Slice(out.Refs, func(i, j int) bool { return out.Refs[i].Path < out.Refs[j].Path })
	sort.Slice(out.Files, func(i, j int) bool { return out.Files[i].Path < out.Files[j].Path })
	return out, nil
}

// parallel runs fn(0) … fn(n-1) on every core.
func parallel(n int, fn func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}

func ref(f fileOut, article int) fileRef {
	return fileRef{Path: f.Path, Sum: sha256.Sum256(f.Data), Size: len(f.Data), Article: article}
}

// Contents returns the content of the files at paths (a subset of Refs),
// rendering each article again as it comes to it: one article's files
// are in memory at a time. Each file's digest is checked against the
// first rendering's.
func (o *Output) Contents(paths []string) func(yield func(fileOut, error) bool) {
	want := map[string]bool{}
	for _, p := range paths {
		want[p] = true
	}
	return func(yield func(fileOut, error) bool) {
		byArticle := map[int][]fileRef{}
		var order []int
		for _, r := range o.Refs {
			if !want[r.Path] {
				continue
			}
			if _, seen := byArticle[r.Article]; !seen {
				order = append(order, r.Article)
			}
			byArticle[r.Article] = append(byArticle[r.Article], r)
		}
		for _, k := range order {
			var got map[string]fileOut
			if k < 0 {
				got = o.site
			} else if o.opt.Keep {
				got = map[string]fileOut{}
				for _, f := range o.Files {
					got[f.Path] = f
				}
			} else {
				r := renderArticle(o.opt.Root, o.Articles[k], o.glossa, o.opt.AllowPending, o.today)
				if r.err != nil {
					yield(fileOut{}, r.err)
					return
				}
				got = map[string]fileOut{}
				for _, f := range r.files {
					got[f.Path] = f
				}
			}
			for _, ref := range byArticle[k] {
				f, ok := got[ref.Path]
				if !ok || sha256.Sum256(f.Data) != ref.Sum {
					if !yield(fileOut{}, fmt.Errorf("%s: rendered differently the second time: the sources changed during the run", ref.Path)) {
						return
					}
					continue
				}
				if !yield(f, nil) {
					return
				}
			}
		}
	}
}

// rendered is the output of one article.
type rendered struct {
	slug     string
	zh, en   *article.Article
	data     *emit.Data
	files    []fileOut
	refs     []fileRef
	terms    *emit.Data // what the term index needs: slug, date, sections, blocks' sections, terms
	warnings bytes.Buffer
	err      error
}

// summarize keeps of a rendered article what a run needs to decide what
// to write (digests) and to build the term index, and drops the rest
// unless keep is set.
func (r *rendered) summarize(keep bool) {
	for _, f := range r.files {
		r.refs = append(r.refs, ref(f, 0))
	}
	d := *r.data
	d.Blocks = make([]emit.DataBlock, len(r.data.Blocks))
	for i, b := range r.data.Blocks {
		d.Blocks[i] = emit.DataBlock{ID: b.ID, Section: b.Section}
	}
	r.terms = &d
	if !keep {
		r.zh, r.en, r.data, r.files = nil, nil, nil, nil
	}
}

// renderArticle reads, parses, translates and renders source/<slug>/.
func renderArticle(root, slug string, g *glossary.Glossary, allowPending bool, today time.Time) *rendered {
	r := &rendered{slug: slug}
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
	return plan(root, o, articleDirs, emit.Langs)
}
