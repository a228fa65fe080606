package main

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"

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
	out := &Output{Owned: []string{path.Dir(emit.DataFile("x"))}}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		slug := e.Name()
		src := path.Join(sourceDir, slug, sourceFile)
		data, err := os.ReadFile(filepath.Join(root, src))
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			return nil, err
		}
		zh, err := scrape.Parse(src, slug, data)
		if err != nil {
			return nil, err
		}
		en, err := translation(root, zh, opt.AllowPending, warn)
		if err != nil {
			return nil, err
		}
		for _, a := range []*article.Article{zh, en} {
			fs, err := emit.Content(a, g)
			if err != nil {
				return nil, err
			}
			out.Files = append(out.Files, fs...)
			out.Owned = append(out.Owned, emit.ContentDir(a.Lang, slug))
		}
		out.Files = append(out.Files,
			emit.ArticleData(zh, en, src, g),
			emit.File{Path: path.Join(sourceDir, slug, templateFile), Data: translate.Template(zh, src)})
		out.Articles = append(out.Articles, slug)
		out.Models = append(out.Models, Versions{zh, en})
	}
	if len(out.Articles) == 0 {
		return nil, fmt.Errorf("%s: no article: expected folders %s/<slug>/%s", filepath.Join(root, sourceDir), sourceDir, sourceFile)
	}
	sort.Slice(out.Files, func(i, j int) bool { return out.Files[i].Path < out.Files[j].Path })
	return out, nil
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
