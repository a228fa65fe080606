package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
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

// The rules by which split owns its folders, checked folder by folder
// before anything is written:
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

// ownFolder checks generated folder dir (relative to root), which is to
// hold files names, against its old marker, and returns the files to
// remove from it: those split wrote there before and no longer renders.
func ownFolder(root, dir string, names []string) (removes []string, err error) {
	old, err := readMarker(root, dir)
	if err != nil {
		return nil, err
	}
	present, err := listFiles(root, dir)
	if err != nil {
		return nil, err
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
		removes = append(removes, path.Join(dir, p))
	}
	return removes, nil
}

// orphans finds the generated folders under content/<lang>/ of articles
// whose source is gone (current holds the folders of the articles there
// are).
func orphans(root string, langs []string, current map[string]bool) ([]string, error) {
	var dirs []string
	for _, lang := range langs {
		entries, err := os.ReadDir(filepath.Join(root, "content", lang))
		if err != nil {
			continue
		}
		for _, e := range entries {
			d := path.Join("content", lang, e.Name())
			if !e.IsDir() || current[d] {
				continue
			}
			names, err := readMarker(root, d)
			if err != nil {
				return nil, err
			}
			if names != nil {
				dirs = append(dirs, d)
			}
		}
	}
	return dirs, nil
}

// orphanFiles returns the files to remove from the folders of articles
// that are gone, each folder's marker last: every file split wrote there.
// A file it did not write is an error.
func orphanFiles(root string, dirs []string) ([]string, error) {
	var removes []string
	for _, dir := range dirs {
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
				removes = append(removes, path.Join(dir, p))
			}
		}
		removes = append(removes, path.Join(dir, Marker))
	}
	return removes, nil
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

// compare compares data with the file at rel (relative to root) and says
// how the file is stale: "missing", "differs", or "" when it holds data.
// When writing and the file differs, old is its content (to undo the
// overwrite). When writing, a symbolic link is "link" (the writer never
// writes through one); -check follows it.
func compare(root, rel string, data []byte, writing bool) (stale string, old []byte, err error) {
	p := filepath.Join(root, filepath.FromSlash(rel))
	fi, err := os.Lstat(p)
	if errors.Is(err, fs.ErrNotExist) {
		return "missing", nil, nil
	}
	if err != nil {
		return "", nil, err
	}
	if fi.Mode()&fs.ModeSymlink != 0 {
		if writing {
			return "link", nil, nil
		}
		if fi, err = os.Stat(p); errors.Is(err, fs.ErrNotExist) {
			return "missing", nil, nil
		} else if err != nil {
			return "", nil, err
		}
	}
	if fi.Size() != int64(len(data)) && !writing {
		return "differs", nil, nil
	}
	have, err := os.ReadFile(p)
	if err != nil {
		return "", nil, err
	}
	if bytes.Equal(have, data) {
		return "", nil, nil
	}
	return "differs", have, nil
}
