package sitetest

import (
	"io/fs"
	"path/filepath"
	"sort"
)

// Files lists the regular files under dir as slash-separated paths relative
// to dir, sorted. It is the one file walker of the tests and benchmarks.
func Files(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		out = append(out, filepath.ToSlash(rel))
		return err
	})
	sort.Strings(out)
	return out, err
}
