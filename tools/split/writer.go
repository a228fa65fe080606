package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// The one writer through which split changes the tree. It writes only
// below content/, data/ and source/<slug>/, never through a symbolic link,
// and it is all or nothing: every new file is first written to a
// temporary file in its folder, then the temporary files are renamed into
// place; when anything fails, every change is undone and the tree is
// exactly as it was.

// fsys is the file system operations the writer uses; tests swap it for
// one that fails on the Nth change.
type fsys interface {
	Mkdir(name string) error
	WriteTemp(dir string, data []byte) (name string, err error) // a new file in dir
	Rename(from, to string) error
	Remove(name string) error
	ReadFile(name string) ([]byte, error)
	Lstat(name string) (fs.FileInfo, error)
}

type osFS struct{}

func (osFS) Mkdir(name string) error                { return os.Mkdir(name, 0o755) }
func (osFS) Rename(from, to string) error           { return os.Rename(from, to) }
func (osFS) Remove(name string) error               { return os.Remove(name) }
func (osFS) ReadFile(name string) ([]byte, error)   { return os.ReadFile(name) }
func (osFS) Lstat(name string) (fs.FileInfo, error) { return os.Lstat(name) }

func (osFS) WriteTemp(dir string, data []byte) (string, error) {
	f, err := os.CreateTemp(dir, ".split-*.tmp")
	if err != nil {
		return "", err
	}
	_, werr := f.Write(data)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = os.Chmod(f.Name(), 0o644)
	}
	if werr != nil {
		os.Remove(f.Name())
		return "", werr
	}
	return f.Name(), nil
}

// writableRoots are the folders split may write below.
var writableRoots = []string{"content", "data"}

// checkPath refuses a path (slash-separated, relative to root) that split
// must not write or remove: one outside content/, data/ and
// source/<slug>/, one that is not clean, or one any of whose components
// below root is a symbolic link (a link could point anywhere).
func checkPath(f fsys, root, rel string) error {
	if !filepath.IsLocal(rel) || path.Clean(rel) != rel || strings.Contains(rel, `\`) {
		return fmt.Errorf("%s: not a clean path inside the site root: refused", rel)
	}
	parts := strings.Split(rel, "/")
	switch {
	case slices.Contains(writableRoots, parts[0]) && len(parts) > 1:
	case parts[0] == sourceDir && len(parts) == 3:
	default:
		return fmt.Errorf("%s: outside content/, data/ and source/<slug>/: refused", rel)
	}
	for i := range parts {
		p := filepath.Join(root, filepath.FromSlash(strings.Join(parts[:i+1], "/")))
		fi, err := f.Lstat(p)
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		if err != nil {
			return err
		}
		if fi.Mode()&fs.ModeSymlink != 0 {
			return fmt.Errorf("%s: a symbolic link: split does not write through links (remove the link, or make it a real folder)", strings.Join(parts[:i+1], "/"))
		}
		if i < len(parts)-1 && !fi.IsDir() {
			return fmt.Errorf("%s: not a folder", strings.Join(parts[:i+1], "/"))
		}
	}
	return nil
}

// apply makes the changes under root: all of them, or none. Its memory
// does not grow with the size of the changes: the new files are rendered
// one article at a time into temporary files, and what is overwritten or
// removed is first copied to a folder of the writer's own, outside the
// tree, from which an undo restores it.
func apply(f fsys, root string, c *changes) (n int, err error) {
	for _, w := range c.writes {
		if err := checkPath(f, root, w.Path); err != nil {
			return 0, err
		}
	}
	for _, p := range c.removes {
		if err := checkPath(f, root, p); err != nil {
			return 0, err
		}
	}
	abs := func(rel string) string { return filepath.Join(root, filepath.FromSlash(rel)) }
	backupDir, err := os.MkdirTemp("", "split-undo-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(backupDir)

	var (
		made    []string              // folders created, in creation order
		temps   = map[string]string{} // target → temporary file
		placed  []string              // targets renamed into place
		backup  = map[string]string{} // file overwritten or removed → its copy
		removed []string              // files removed
		unmade  []string              // folders removed (emptied orphans)
	)
	undo := func(cause error) error {
		var errs []error
		for i := len(unmade) - 1; i >= 0; i-- {
			if err := f.Mkdir(unmade[i]); err != nil {
				errs = append(errs, err)
			}
		}
		back := func(t string) error {
			data, err := os.ReadFile(backup[t])
			if err != nil {
				return err
			}
			return restore(f, abs(t), data)
		}
		for i := len(placed) - 1; i >= 0; i-- {
			t := placed[i]
			if _, ok := backup[t]; ok {
				if err := back(t); err != nil {
					errs = append(errs, err)
				}
			} else if err := f.Remove(abs(t)); err != nil {
				errs = append(errs, err)
			}
		}
		for i := len(removed) - 1; i >= 0; i-- {
			if err := back(removed[i]); err != nil {
				errs = append(errs, err)
			}
		}
		for _, w := range c.writes {
			if t, ok := temps[w.Path]; ok && !slices.Contains(placed, w.Path) {
				if err := f.Remove(t); err != nil {
					errs = append(errs, err)
				}
			}
		}
		for i := len(made) - 1; i >= 0; i-- {
			if err := f.Remove(made[i]); err != nil {
				errs = append(errs, err)
			}
		}
		if len(errs) > 0 {
			return fmt.Errorf("%w\nand undoing the changes failed, the tree is not as it was: %v", cause, errors.Join(errs...))
		}
		return cause
	}

	// 1. Folders and temporary files, one article's files in memory at a
	// time.
	for w, err := range c.contents {
		if err != nil {
			return 0, undo(err)
		}
		dir := path.Dir(w.Path)
		missing, err := missingDirs(f, root, dir)
		if err != nil {
			return 0, undo(err)
		}
		for _, d := range missing {
			if err := f.Mkdir(abs(d)); err != nil {
				return 0, undo(fmt.Errorf("%s: %w", d, err))
			}
			made = append(made, abs(d))
		}
		t, err := f.WriteTemp(abs(dir), w.Data)
		if err != nil {
			return 0, undo(fmt.Errorf("%s: %w", w.Path, err))
		}
		temps[w.Path] = t
	}
	// 2. A copy of what is overwritten or removed, to undo.
	keep := func(p string, mustExist bool) error {
		data, err := f.ReadFile(abs(p))
		if errors.Is(err, fs.ErrNotExist) && !mustExist {
			return nil
		}
		if err != nil {
			return err
		}
		b := filepath.Join(backupDir, fmt.Sprint(len(backup)))
		if err := os.WriteFile(b, data, 0o600); err != nil {
			return err
		}
		backup[p] = b
		return nil
	}
	for _, w := range c.writes {
		if err := keep(w.Path, false); err != nil {
			return 0, undo(err)
		}
	}
	for _, p := range c.removes {
		if err := keep(p, true); err != nil {
			return 0, undo(err)
		}
	}
	// 3. Rename into place, remove.
	for _, w := range c.writes {
		if err := f.Rename(temps[w.Path], abs(w.Path)); err != nil {
			return 0, undo(fmt.Errorf("%s: %w", w.Path, err))
		}
		placed = append(placed, w.Path)
	}
	for _, p := range c.removes {
		if err := f.Remove(abs(p)); err != nil {
			return 0, undo(fmt.Errorf("%s: %w", p, err))
		}
		removed = append(removed, p)
	}
	// 4. Orphaned folders, now empty.
	for _, d := range c.rmdirs {
		if err := f.Remove(abs(d)); err != nil {
			return 0, undo(fmt.Errorf("%s: removing the empty folder: %w", d, err))
		}
		unmade = append(unmade, abs(d))
	}
	return len(c.writes) + len(c.removes), nil
}

// restore writes data back to name through a temporary file.
func restore(f fsys, name string, data []byte) error {
	t, err := f.WriteTemp(filepath.Dir(name), data)
	if err != nil {
		return err
	}
	if err := f.Rename(t, name); err != nil {
		f.Remove(t)
		return err
	}
	return nil
}

// missingDirs lists the folders of dir (relative to root) that do not
// exist yet, outermost first.
func missingDirs(f fsys, root, dir string) ([]string, error) {
	var missing []string
	for d := dir; d != "." && d != "/"; d = path.Dir(d) {
		_, err := f.Lstat(filepath.Join(root, filepath.FromSlash(d)))
		if err == nil {
			break
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
		missing = append(missing, d)
	}
	slices.Reverse(missing)
	return missing, nil
}
