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
	"slices"
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
	// Check writes nothing: the run only works out which files are stale
	// (Output.Stale).
	Check bool
	// Keep keeps every article's models, data and files in memory (in
	// Output.Models, Data and Files), for tests. Without it a run keeps
	// only what it needs to build the term index and to commit, so that
	// its memory does not grow with the archive: an archive of 10,000
	// articles renders some 170,000 files.
	Keep bool
}

// Output is what a run rendered and, unless it is a check, staged.
type Output struct {
	Articles []string // slugs
	// Stale has a line for every file that is missing or differs from
	// what split renders, or that split removes, with why
	// ("content/zh/a/_index.md: missing").
	Stale []string
	// With Options.Keep: every file's content, sorted by path, and the
	// models and data of every article.
	Files  []fileOut
	Models []Versions
	Data   []*emit.Data

	tx *tx // the staged changes; nil for a check
}

// fileOut is a file to write.
type fileOut struct {
	Path string
	Data []byte
}

// Versions are the two language versions of one article.
type Versions struct {
	ZH, EN *article.Article
}

// Commit puts the staged changes in place, all of them or none, and
// returns the number of files written or removed.
func (o *Output) Commit() (int, error) {
	if o.tx == nil {
		return 0, nil
	}
	return o.tx.commit()
}

// The kinds of error a run reports, in the order an editor fixes them.
// Only the first kind found is reported: all the input errors, or the
// first error of another kind, whatever order the articles were rendered
// in. Nothing is written unless there is none.
const (
	badFolder   = iota // a generated folder split may not write to
	notOwned           // a file or folder in the way that split did not write
	inTheWay           // a symbolic link where split would write
	writeFailed        // the file system failed
	kinds
)

// failures are the first error of each kind, of one article or of the
// site's own files.
type failures [kinds]error

func (f *failures) add(kind int, err error) {
	if f[kind] == nil {
		f[kind] = err
	}
}

func (f *failures) any() bool { return *f != failures{} }

// Split reads and checks every input under opt.Root (the glossary, every
// article folder, every source and translation), renders every output
// file in memory, one article at a time on every core, and compares each
// with the file in the tree. Unless opt.Check is set, every file that is
// missing or differs is staged as it is rendered (see tx), through f:
// Output.Commit puts them in place. When anything fails, nothing is
// staged any more, what was is undone, and Split returns every input
// error, not only the first, so that an editor can fix them in one go.
// Warnings (pending translations with AllowPending, future dates) go to
// warn.
func Split(opt Options, f fsys, warn io.Writer) (*Output, error) {
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
	slugs, inputErrs := articleFolders(root, reserved)
	if len(slugs) == 0 && len(inputErrs) == 0 {
		return nil, fmt.Errorf("%s: no article: expected folders %s/<slug>/%s", sourceDir, sourceDir, sourceFile)
	}
	today := opt.Today
	if today.IsZero() {
		today = time.Now()
	}
	out := &Output{}
	var t *tx
	if !opt.Check {
		t = newTx(f, root)
		out.tx = t
	}
	s := checkSite(f, root, slugs, !opt.Check)
	if len(inputErrs) > 0 || s.before.any() || s.after.any() {
		t.abandon()
	}

	// Articles are independent: render them on every core, then gather
	// the results in folder order, so that the output and the order of
	// the errors do not depend on scheduling.
	results := make([]*rendered, len(slugs))
	parallel(len(slugs), func(i int) {
		r := renderArticle(root, slugs[i], g, opt.AllowPending, today)
		if r.err == nil {
			r.place(f, root, t)
		}
		if r.err != nil || r.failed.any() {
			t.abandon()
		}
		r.summarize(opt.Keep)
		results[i] = r
	})

	var terms []*emit.Data // the articles' term summaries, for the index
	var pots, data []staleFile
	for _, r := range results {
		if r.err != nil {
			inputErrs = append(inputErrs, r.err)
			continue
		}
		warn.Write(r.warnings.Bytes())
		out.Articles = append(out.Articles, r.slug)
		terms = append(terms, r.terms)
		pots = append(pots, r.pot)
		data = append(data, r.data...)
		if opt.Keep {
			out.Files = append(out.Files, r.files...)
			out.Models = append(out.Models, Versions{r.zh, r.en})
			out.Data = append(out.Data, r.model)
		}
	}
	fail := func(err error) (*Output, error) {
		if t != nil {
			return nil, t.undo(err)
		}
		return nil, err
	}
	if len(inputErrs) > 0 {
		return fail(errors.Join(inputErrs...))
	}

	// The site's own files: the term index, made from all the articles,
	// and the marker of data/articles.
	index := emit.TermIndex(terms)
	data = append(data, s.stage(f, root, t, fileOut{Path: index.Path, Data: index.Data}, false))
	if opt.Keep {
		out.Files = append(out.Files, fileOut{Path: index.Path, Data: index.Data})
	}
	sort.Slice(out.Files, func(i, j int) bool { return out.Files[i].Path < out.Files[j].Path })
	sort.Slice(data, func(i, j int) bool { return data[i].path < data[j].path })
	marker := fileOut{Path: path.Join(dataDir, Marker), Data: markerData(s.dataNames)}
	data = append(data, s.stage(f, root, t, marker, true))

	for kind := range kinds {
		if err := s.before[kind]; err != nil {
			return fail(err)
		}
		for _, r := range results {
			if err := r.failed[kind]; err != nil {
				return fail(err)
			}
		}
		if err := s.after[kind]; err != nil {
			return fail(err)
		}
	}

	// What -check lists, in the order of the folders.
	slices.SortFunc(pots, func(a, b staleFile) int { return cmpString(a.path, b.path) })
	for _, p := range pots {
		out.stale(p)
	}
	for _, p := range s.dataRemoves {
		out.Stale = append(out.Stale, p+": no longer generated")
	}
	for _, d := range data {
		out.stale(d)
	}
	for _, r := range results {
		out.Stale = append(out.Stale, r.stale...)
	}
	for _, p := range s.orphanRemoves {
		out.Stale = append(out.Stale, p+": orphan: its article's source is gone")
	}
	if t != nil {
		t.removes = append(t.removes, s.dataRemoves...)
		for _, r := range results {
			t.removes = append(t.removes, r.removes...)
		}
		t.removes = append(t.removes, s.orphanRemoves...)
		t.rmdirs = s.orphans
	}
	return out, nil
}

func cmpString(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func (o *Output) stale(f staleFile) {
	if f.stale != "" {
		o.Stale = append(o.Stale, f.path+": "+f.stale)
	}
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

// dataDir is the generated folder of the articles' data, shared by all
// the articles.
var dataDir = path.Dir(emit.DataFile("x"))

// siteCheck is what a run checks of the tree before rendering: the folder
// shared by all the articles (data/articles), and the folders of articles
// that are gone.
type siteCheck struct {
	before, after failures
	dataNames     []string // the files of data/articles
	dataRemoves   []string // files of data/articles no longer generated
	orphans       []string // folders of articles that are gone
	orphanRemoves []string // their files, each folder's marker last
}

// checkSite checks the site's shared folders and finds the orphans; with
// writing, also that nothing to be removed is a link.
func checkSite(f fsys, root string, slugs []string, writing bool) *siteCheck {
	s := &siteCheck{}
	if err := checkPath(f, root, dataDir+"/"+Marker); err != nil {
		s.before.add(badFolder, err)
	}
	current := map[string]bool{}
	for _, slug := range slugs {
		s.dataNames = append(s.dataNames, path.Base(emit.DataFile(slug)))
		for _, lang := range emit.Langs {
			s.dataNames = append(s.dataNames, path.Base(emit.ParallelFile(slug, lang)))
			s.dataNames = append(s.dataNames, path.Base(emit.BodyFile(slug, lang)))
		}
		for _, lang := range emit.Langs {
			current[emit.ContentDir(lang, slug)] = true
		}
	}
	s.dataNames = append(s.dataNames, path.Base(emit.TermIndexFile))
	var err error
	if s.orphans, err = orphans(root, emit.Langs, current); err != nil {
		s.before.add(notOwned, err)
	}
	if s.dataRemoves, err = ownFolder(root, dataDir, s.dataNames); err != nil {
		s.before.add(notOwned, err)
	}
	if s.orphanRemoves, err = orphanFiles(root, s.orphans); err != nil {
		s.after.add(notOwned, err)
	}
	if writing {
		for _, p := range append(slices.Clone(s.dataRemoves), s.orphanRemoves...) {
			if err := checkPath(f, root, p); err != nil {
				s.after.add(inTheWay, err)
			}
		}
	}
	return s
}

// stage compares a site file with the tree and stages it if it is stale.
func (s *siteCheck) stage(f fsys, root string, t *tx, file fileOut, last bool) staleFile {
	failed := &s.after
	st, old, err := compare(root, file.Path, file.Data, t != nil)
	switch {
	case err != nil:
		failed.add(notOwned, err)
	case st == "link":
		failed.add(inTheWay, linkError(file.Path))
	case st != "" && t != nil && !s.before.any() && !s.after.any():
		if err := t.stage(file.Path, file.Data, old); err != nil {
			failed.add(writeFailed, err)
		}
	}
	return staleFile{file.Path, st}
}

// staleFile is a file and how it is stale ("" when it is not).
type staleFile struct{ path, stale string }

// rendered is the output of one article.
type rendered struct {
	slug     string
	zh, en   *article.Article
	model    *emit.Data
	files    []fileOut
	terms    *emit.Data // what the term index needs: slug, date, sections, blocks' sections, terms
	warnings bytes.Buffer
	err      error // in the input

	// What place found.
	pot     staleFile   // source/<slug>/messages.pot
	data    []staleFile // data/articles/<slug>.json, <slug>.body.<lang>.html and <slug>.parallel.<lang>.html
	stale   []string    // the article's folders' lines for -check
	removes []string    // files no longer generated
	failed  failures
}

// place checks the article's folders and compares its files with the
// tree; it stages the stale ones when t is not nil and nothing has
// failed, in this article or any other.
func (r *rendered) place(f fsys, root string, t *tx) {
	writing := t != nil
	byDir := map[string][]fileOut{}
	var dirs []string // the article's generated folders
	for _, lang := range emit.Langs {
		d := emit.ContentDir(lang, r.slug)
		dirs = append(dirs, d)
		if err := checkPath(f, root, d+"/"+Marker); err != nil {
			r.failed.add(badFolder, err)
		}
	}
	var toStage []fileOut
	var olds [][]byte
	cmp := func(file fileOut) staleFile {
		st, old, err := compare(root, file.Path, file.Data, writing)
		switch {
		case err != nil:
			r.failed.add(notOwned, err)
		case st == "link":
			r.failed.add(inTheWay, linkError(file.Path))
		case st != "":
			toStage = append(toStage, file)
			olds = append(olds, old)
		}
		return staleFile{file.Path, st}
	}
	for _, file := range r.files {
		switch d := path.Dir(file.Path); {
		case slices.Contains(dirs, d):
			byDir[d] = append(byDir[d], file)
		case path.Dir(file.Path) == dataDir:
			r.data = append(r.data, cmp(file))
		default: // source/<slug>/messages.pot
			r.pot = cmp(file)
			if writing && r.pot.stale != "" {
				if err := checkPath(f, root, file.Path); err != nil {
					r.failed.add(inTheWay, err)
				}
			}
		}
	}
	for _, d := range dirs {
		files := byDir[d]
		sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
		var names []string
		for _, file := range files {
			names = append(names, path.Base(file.Path))
		}
		removes, err := ownFolder(root, d, names)
		if err != nil {
			r.failed.add(notOwned, err)
			continue
		}
		for _, p := range removes {
			r.stale = append(r.stale, p+": no longer generated")
			if writing {
				if err := checkPath(f, root, p); err != nil {
					r.failed.add(inTheWay, err)
				}
			}
		}
		r.removes = append(r.removes, removes...)
		for _, file := range append(files, fileOut{Path: path.Join(d, Marker), Data: markerData(names)}) {
			if s := cmp(file); s.stale != "" {
				r.stale = append(r.stale, s.path+": "+s.stale)
			}
		}
	}
	if !writing || r.failed.any() {
		return
	}
	for i, file := range toStage {
		if err := t.stage(file.Path, file.Data, olds[i]); err != nil {
			r.failed.add(writeFailed, err)
			return
		}
	}
}

// summarize keeps of a rendered article what the term index needs, and
// drops the rest unless keep is set.
func (r *rendered) summarize(keep bool) {
	if r.model == nil {
		return
	}
	d := *r.model
	d.Blocks = make([]emit.DataBlock, len(r.model.Blocks))
	for i, b := range r.model.Blocks {
		d.Blocks[i] = emit.DataBlock{ID: b.ID, Section: b.Section}
	}
	r.terms = &d
	if !keep {
		r.zh, r.en, r.model, r.files = nil, nil, nil, nil
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
	r.model = emit.Aligned(r.zh, r.en, src, g)
	r.files = append(r.files, files([]emit.File{emit.ArticleData(r.model)})...)
	for _, lang := range emit.Langs {
		r.files = append(r.files, files([]emit.File{emit.ParallelRows(r.model, lang), emit.Body(r.model, lang)})...)
	}
	r.files = append(r.files, files(emit.Downloads(r.model))...)
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
