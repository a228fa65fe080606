package main

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// Marker is the file split writes into every folder it generates
// (content/<lang>/<slug>/, data/articles/). It lists the files split wrote
// there, so that split removes its own files when an article goes away or
// a file is no longer generated, and never a file it did not write. Hugo
// ignores files whose name starts with a dot.
const Marker = ".split-generated"

const markerHead = "# Written by go run ./tools/split: the files below are generated, and\n" +
	"# removed by split when their article's source goes away. Do not edit.\n"

// markerData renders the marker of a folder holding files (names).
func markerData(names []string) []byte {
	names = slices.Clone(names)
	slices.Sort(names)
	return []byte(markerHead + strings.Join(names, "\n") + "\n")
}

// readMarker reads the marker of folder dir (relative to root): the names
// of the files split wrote there, or nil when the folder has no marker.
func readMarker(root, dir string) ([]string, error) {
	data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(dir), Marker))
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	names := []string{}
	for i, l := range strings.Split(string(data), "\n") {
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if strings.ContainsAny(l, `/\`) || l == "." || l == ".." || l == Marker {
			return nil, fmt.Errorf("%s:%d: %q is not a file name: expected one generated file name per line", path.Join(dir, Marker), i+1, l)
		}
		names = append(names, l)
	}
	return names, nil
}

// plan compares the rendered files with the tree under root and works out
// what to write and what to remove, folder by folder:
//
//   - every rendered file that is missing or differs is written;
//   - each generated folder gets its marker, listing what split writes there;
//   - a file that the old marker lists but that is no longer rendered is
//     removed, and so is every listed file of a generated folder whose
//     article's source is gone (an orphan), with its marker;
//   - a file in a generated folder that split did not write (not in the
//     old marker) is an error, and so is a folder split would write into
//     that exists without a marker: split never removes or overwrites what
//     it did not write.
//
// It returns the changes and, for -check, a line for each.
func plan(root string, o *Output, articleDirs func(lang string) []string, langs []string) (*changes, error) {
	c := &changes{out: o, made: map[string][]byte{}}
	want := map[string][]fileRef{} // generated folder → its files
	generated := o.Generated
	for _, f := range o.Refs {
		dir := path.Dir(f.Path)
		if slices.Contains(generated, dir) {
			want[dir] = append(want[dir], f)
		} else if err := c.add(root, f); err != nil {
			return nil, err
		}
	}
	// Orphans: generated folders of articles that are gone.
	current := map[string]bool{}
	for _, d := range generated {
		current[d] = true
	}
	var orphans []string
	for _, lang := range langs {
		for _, d := range articleDirs(lang) {
			if current[d] {
				continue
			}
			names, err := readMarker(root, d)
			if err != nil {
				return nil, err
			}
			if names != nil {
				orphans = append(orphans, d)
			}
		}
	}
	for _, dir := range generated {
		old, err := readMarker(root, dir)
		if err != nil {
			return nil, err
		}
		present, err := listFiles(root, dir)
		if err != nil {
			return nil, err
		}
		var names []string
		for _, f := range want[dir] {
			names = append(names, path.Base(f.Path))
		}
		if old == nil && len(present) > 0 {
			return nil, fmt.Errorf("%s: folder exists but split did not create it (no %s file in it): move it away, or choose another slug", dir, Marker)
		}
		for _, p := range present {
			if p == Marker || slices.Contains(names, p) {
				continue
			}
			if !slices.Contains(old, p) {
				return nil, fmt.Errorf("%s: not written by split, in a folder split generates: move it elsewhere (split neither removes nor keeps files it did not write)", path.Join(dir, p))
			}
			c.remove(path.Join(dir, p), "no longer generated")
		}
		for _, f := range want[dir] {
			if err := c.add(root, f); err != nil {
				return nil, err
			}
		}
		m := fileOut{Path: path.Join(dir, Marker), Data: markerData(names)}
		c.made[m.Path] = m.Data
		if err := c.add(root, ref(m, markerArticle)); err != nil {
			return nil, err
		}
	}
	for _, dir := range orphans {
		present, err := listFiles(root, dir)
		if err != nil {
			return nil, err
		}
		old, err := readMarker(root, dir)
		if err != nil {
			return nil, err
		}
		for _, p := range present {
			if p != Marker && !slices.Contains(old, p) {
				return nil, fmt.Errorf("%s: not written by split, in the folder of an article whose source is gone: move it elsewhere, then run split again", path.Join(dir, p))
			}
		}
		for _, p := range present {
			if p != Marker {
				c.remove(path.Join(dir, p), "orphan: its article's source is gone")
			}
		}
		c.remove(path.Join(dir, Marker), "orphan: its article's source is gone")
		c.rmdirs = append(c.rmdirs, dir)
	}
	return c, nil
}

// markerArticle marks a file made by plan itself (a folder's marker).
const markerArticle = -2

// fileOut is a file to write.
type fileOut struct {
	Path string
	Data []byte
}

// changes are what a run writes and removes, with a line each for -check.
type changes struct {
	writes  []fileRef
	removes []string
	rmdirs  []string // folders to remove once empty (orphans)
	report  []string

	out  *Output
	made map[string][]byte // the content of the files plan made (markers)
}

// add records f as a write when the file at its path is missing or holds
// something else.
func (c *changes) add(root string, f fileRef) error {
	p := filepath.Join(root, filepath.FromSlash(f.Path))
	fi, err := os.Stat(p)
	switch {
	case os.IsNotExist(err):
		c.report = append(c.report, f.Path+": missing")
	case err != nil:
		return err
	case fi.Size() != int64(f.Size):
		c.report = append(c.report, f.Path+": differs")
	default:
		have, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if sha256.Sum256(have) == f.Sum {
			return nil
		}
		c.report = append(c.report, f.Path+": differs")
	}
	c.writes = append(c.writes, f)
	return nil
}

func (c *changes) remove(p, why string) {
	c.removes = append(c.removes, p)
	c.report = append(c.report, p+": "+why)
}

// contents yields the content of every file to write, in the order of
// c.writes grouped by article: rendered again one article at a time (see
// Output.Contents), or made by plan.
func (c *changes) contents(yield func(fileOut, error) bool) {
	var rendered []string
	for _, w := range c.writes {
		if w.Article != markerArticle {
			rendered = append(rendered, w.Path)
		}
	}
	if c.out != nil {
		for f, err := range c.out.Contents(rendered) {
			if !yield(f, err) || err != nil {
				return
			}
		}
	}
	for _, w := range c.writes {
		if w.Article == markerArticle {
			if !yield(fileOut{Path: w.Path, Data: c.made[w.Path]}, nil) {
				return
			}
		}
	}
}

// listFiles lists the names of the entries of folder dir (relative to
// root); a missing folder has none. A subfolder is an error: split never
// writes one into a generated folder.
func listFiles(root, dir string) ([]string, error) {
	entries, err := os.ReadDir(filepath.Join(root, filepath.FromSlash(dir)))
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() {
			return nil, fmt.Errorf("%s: a folder inside a folder split generates: move it elsewhere", path.Join(dir, e.Name()))
		}
		names = append(names, e.Name())
	}
	return names, nil
}
