package main

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"sync"

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
}

// Output is everything a run renders.
type Output struct {
	Articles []string    // slugs
	Files    []emit.File // every file to write, sorted by path
	Owned    []string    // folders whose files are all generated
	Models   []Versions  // the parsed articles, in Articles order
}

// Versions are the two language versions of one article.
type Versions struct {
	ZH, EN *article.Article
}

// Render reads every article under root/source and renders its outputs.
// Warnings (pending translations with AllowPending) go to warn.
func Render(opt Options, warn io.Writer) (*Output, error) {
	root := opt.Root
	g, err := glossary.Load(filepath.Join(root, glossaryFile))
	if err != nil {
		return nil, err
	}
	entries, err := os.ReadDir(filepath.Join(root, sourceDir))
	if err != nil {
		return nil, err
	}
	var slugs []string
	for _, e := range entries {
		if e.IsDir() {
			slugs = append(slugs, e.Name())
		}
	}
	// Articles are independent: render them on every core, then gather the
	// results in folder order, so the output and the first error reported
	// do not depend on scheduling.
	results := make([]*rendered, len(slugs))
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i] = renderArticle(root, slugs[i], g, opt.AllowPending)
			}
		}()
	}
	for i := range slugs {
		next <- i
	}
	close(next)
	wg.Wait()

	out := &Output{Owned: []string{path.Dir(emit.DataFile("x"))}}
	for _, r := range results {
		if r.err != nil {
			return nil, r.err
		}
		if r.skip {
			continue
		}
		warn.Write(r.warnings.Bytes())
		out.Files = append(out.Files, r.files...)
		out.Owned = append(out.Owned, r.owned...)
		out.Articles = append(out.Articles, r.zh.Slug)
		out.Models = append(out.Models, Versions{r.zh, r.en})
	}
	if len(out.Articles) == 0 {
		return nil, fmt.Errorf("%s: no article: expected folders %s/<slug>/%s", filepath.Join(root, sourceDir), sourceDir, sourceFile)
	}
	sort.Slice(out.Files, func(i, j int) bool { return out.Files[i].Path < out.Files[j].Path })
	return out, nil
}

// rendered is the output of one article.
type rendered struct {
	zh, en   *article.Article
	files    []emit.File
	owned    []string
	warnings bytes.Buffer
	skip     bool // the folder has no source file
	err      error
}

// renderArticle reads, parses, translates and renders source/<slug>/.
func renderArticle(root, slug string, g *glossary.Glossary, allowPending bool) *rendered {
	r := &rendered{}
	src := path.Join(sourceDir, slug, sourceFile)
	data, err := os.ReadFile(filepath.Join(root, src))
	if os.IsNotExist(err) {
		r.skip = true
		return r
	}
	if err != nil {
		r.err = err
		return r
	}
	if r.zh, r.err = scrape.Parse(src, slug, data); r.err != nil {
		return r
	}
	if r.en, r.err = translation(root, r.zh, allowPending, &r.warnings); r.err != nil {
		return r
	}
	for _, a := range []*article.Article{r.zh, r.en} {
		fs, err := emit.Content(a, g)
		if err != nil {
			r.err = err
			return r
		}
		r.files = append(r.files, fs...)
		r.owned = append(r.owned, emit.ContentDir(a.Lang, slug))
	}
	r.files = append(r.files,
		emit.ArticleData(r.zh, r.en, src, g),
		emit.File{Path: path.Join(sourceDir, slug, templateFile), Data: translate.Template(r.zh, src)})
	return r
}

// translation builds the English article from source/<slug>/en.po.
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

// Check compares the rendered files with those under root and returns a
// line for each that is missing, different, or present but no longer
// rendered.
func (o *Output) Check(root string) ([]string, error) {
	var stale []string
	want := map[string]bool{}
	for _, f := range o.Files {
		want[f.Path] = true
		have, err := os.ReadFile(filepath.Join(root, f.Path))
		switch {
		case os.IsNotExist(err):
			stale = append(stale, f.Path+": missing")
		case err != nil:
			return nil, err
		case !bytes.Equal(have, f.Data):
			stale = append(stale, f.Path+": differs")
		}
	}
	extra, err := o.extra(root, want)
	if err != nil {
		return nil, err
	}
	for _, p := range extra {
		stale = append(stale, p+": no longer generated")
	}
	return stale, nil
}

// extra lists the files in owned folders that are not rendered.
func (o *Output) extra(root string, want map[string]bool) ([]string, error) {
	var extra []string
	for _, dir := range o.Owned {
		err := filepath.WalkDir(filepath.Join(root, dir), func(p string, d fs.DirEntry, err error) error {
			if os.IsNotExist(err) {
				return nil
			}
			if err != nil || d.IsDir() {
				return err
			}
			rel, err := filepath.Rel(root, p)
			if err != nil {
				return err
			}
			rel = filepath.ToSlash(rel)
			if !want[rel] {
				extra = append(extra, rel)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	slices.Sort(extra)
	return slices.Compact(extra), nil
}

// Write writes the files that changed (each through a temporary file and a
// rename) and removes files in owned folders that are no longer rendered.
// It returns the number of files written or removed.
func (o *Output) Write(root string) (int, error) {
	n := 0
	want := map[string]bool{}
	for _, f := range o.Files {
		want[f.Path] = true
		p := filepath.Join(root, f.Path)
		if have, err := os.ReadFile(p); err == nil && bytes.Equal(have, f.Data) {
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return n, err
		}
		tmp, err := os.CreateTemp(filepath.Dir(p), ".split-*")
		if err != nil {
			return n, err
		}
		_, werr := tmp.Write(f.Data)
		cerr := tmp.Close()
		if werr == nil {
			werr = cerr
		}
		if werr == nil {
			werr = os.Chmod(tmp.Name(), 0o644)
		}
		if werr == nil {
			werr = os.Rename(tmp.Name(), p)
		}
		if werr != nil {
			os.Remove(tmp.Name())
			return n, werr
		}
		n++
	}
	extra, err := o.extra(root, want)
	if err != nil {
		return n, err
	}
	for _, p := range extra {
		if err := os.Remove(filepath.Join(root, p)); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}
