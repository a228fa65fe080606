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
	"sync"
	"sync/atomic"
)

// The one writer through which split changes the tree. It writes only
// below content/, data/ and source/<slug>/, never through a symbolic link,
// and it is all or nothing: every new or changed file is first written to
// a temporary file in its folder (staged) as soon as its article is
// rendered, then, once every article has rendered and every check has
// passed, the temporary files are renamed into place (committed); when
// anything fails, every change is undone and the tree is exactly as it
// was.

// fsys is the file system operations the writer uses; tests swap it for
// one that fails on the Nth change. It must be safe for concurrent use:
// articles are staged in parallel.
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
	if werr == nil {
		werr = f.Chmod(0o644)
	}
	if cerr := f.Close(); werr == nil {
		werr = cerr
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
			return linkError(strings.Join(parts[:i+1], "/"))
		}
		if i < len(parts)-1 && !fi.IsDir() {
			return fmt.Errorf("%s: not a folder", strings.Join(parts[:i+1], "/"))
		}
	}
	return nil
}

func linkError(rel string) error {
	return fmt.Errorf("%s: a symbolic link: split does not write through links (remove the link, or make it a real folder)", rel)
}

// tx is one all-or-nothing change of the tree under root: files staged
// (written to temporary files beside their targets) from any number of
// goroutines, then files removed and folders emptied, all put in place by
// commit or taken back by undo. Its memory does not grow with the size
// of the files: what is overwritten or removed is copied to a folder of
// the writer's own, outside the tree, from which an undo restores it.
type tx struct {
	f    fsys
	root string

	backupDir string // made when first needed, removed by commit and undo
	backups   atomic.Int64
	failed    atomic.Bool // a change failed: stage no more

	mu     sync.Mutex
	made   []string // folders created, in creation order
	staged []staged // files staged, to rename into place

	removes []string // files to remove (relative to root)
	rmdirs  []string // folders to remove once empty (orphans)

	placed  []staged // renamed into place
	removed []string // removed files
	backup  map[string]string
	unmade  []string // folders removed
}

// staged is a file written to a temporary file, to rename into place.
type staged struct {
	Path   string // relative to root
	temp   string // the temporary file
	backup string // copy of the file it replaces, "" for a new file
}

func newTx(f fsys, root string) *tx {
	return &tx{f: f, root: root, backup: map[string]string{}}
}

func (t *tx) abs(rel string) string { return filepath.Join(t.root, filepath.FromSlash(rel)) }

// stage writes data to a temporary file beside rel, making its folders
// as needed; old is the content of the file it replaces (nil when there
// is none), kept to undo.
func (t *tx) stage(rel string, data, old []byte) error {
	if t.failed.Load() {
		return nil
	}
	s := staged{Path: rel}
	if old != nil {
		b, err := t.keep(old)
		if err != nil {
			return t.fail(err)
		}
		s.backup = b
	}
	dir := path.Dir(rel)
	if err := t.mkdirs(dir); err != nil {
		return t.fail(err)
	}
	temp, err := t.f.WriteTemp(t.abs(dir), data)
	if err != nil {
		return t.fail(fmt.Errorf("%s: %w", rel, err))
	}
	s.temp = temp
	t.mu.Lock()
	t.staged = append(t.staged, s)
	t.mu.Unlock()
	return nil
}

func (t *tx) fail(err error) error {
	t.failed.Store(true)
	return err
}

// abandon stops staging: the run is failing. A nil tx (a check) has
// nothing to stop.
func (t *tx) abandon() {
	if t != nil {
		t.failed.Store(true)
	}
}

// keep copies data (a file about to be overwritten or removed) to the
// writer's own folder outside the tree and returns the copy's name.
func (t *tx) keep(data []byte) (string, error) {
	t.mu.Lock()
	if t.backupDir == "" {
		dir, err := os.MkdirTemp("", "split-undo-")
		if err != nil {
			t.mu.Unlock()
			return "", err
		}
		t.backupDir = dir
	}
	t.mu.Unlock()
	name := filepath.Join(t.backupDir, fmt.Sprint(t.backups.Add(1)))
	return name, os.WriteFile(name, data, 0o600)
}

// cleanUp removes the copies kept to undo.
func (t *tx) cleanUp() {
	if t.backupDir != "" {
		os.RemoveAll(t.backupDir)
	}
}

// mkdirs makes the folders of dir (relative to root) that do not exist
// yet, outermost first, one goroutine at a time: articles share parents.
func (t *tx) mkdirs(dir string) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	var missing []string
	for d := dir; d != "." && d != "/"; d = path.Dir(d) {
		_, err := t.f.Lstat(t.abs(d))
		if err == nil {
			break
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		missing = append(missing, d)
	}
	for i := len(missing) - 1; i >= 0; i-- {
		if err := t.f.Mkdir(t.abs(missing[i])); err != nil {
			return fmt.Errorf("%s: %w", missing[i], err)
		}
		t.made = append(t.made, t.abs(missing[i]))
	}
	return nil
}

// commit puts every staged file in place, removes what is to be removed
// and the emptied folders, and returns the number of files written or
// removed. When anything fails, it undoes every change.
func (t *tx) commit() (n int, err error) {
	defer t.cleanUp()
	// A copy of what is removed, to undo.
	for _, p := range t.removes {
		data, err := t.f.ReadFile(t.abs(p))
		if err != nil {
			return 0, t.undo(err)
		}
		b, err := t.keep(data)
		if err != nil {
			return 0, t.undo(err)
		}
		t.backup[p] = b
	}
	for _, s := range t.staged {
		if err := t.f.Rename(s.temp, t.abs(s.Path)); err != nil {
			return 0, t.undo(fmt.Errorf("%s: %w", s.Path, err))
		}
		t.placed = append(t.placed, s)
	}
	for _, p := range t.removes {
		if err := t.f.Remove(t.abs(p)); err != nil {
			return 0, t.undo(fmt.Errorf("%s: %w", p, err))
		}
		t.removed = append(t.removed, p)
	}
	// Orphaned folders, now empty.
	for _, d := range t.rmdirs {
		if err := t.f.Remove(t.abs(d)); err != nil {
			return 0, t.undo(fmt.Errorf("%s: removing the empty folder: %w", d, err))
		}
		t.unmade = append(t.unmade, t.abs(d))
	}
	return len(t.staged) + len(t.removes), nil
}

// undo takes back every change made so far, newest first, and returns
// cause, with what could not be undone if anything.
func (t *tx) undo(cause error) error {
	defer t.cleanUp()
	t.failed.Store(true)
	t.mu.Lock() // no stage runs any more once the caller undoes
	defer t.mu.Unlock()
	var errs []error
	for i := len(t.unmade) - 1; i >= 0; i-- {
		if err := t.f.Mkdir(t.unmade[i]); err != nil {
			errs = append(errs, err)
		}
	}
	back := func(rel, backup string) error {
		data, err := os.ReadFile(backup)
		if err != nil {
			return err
		}
		return restore(t.f, t.abs(rel), data)
	}
	for i := len(t.placed) - 1; i >= 0; i-- {
		s := t.placed[i]
		if s.backup != "" {
			if err := back(s.Path, s.backup); err != nil {
				errs = append(errs, err)
			}
		} else if err := t.f.Remove(t.abs(s.Path)); err != nil {
			errs = append(errs, err)
		}
	}
	for i := len(t.removed) - 1; i >= 0; i-- {
		if err := back(t.removed[i], t.backup[t.removed[i]]); err != nil {
			errs = append(errs, err)
		}
	}
	for _, s := range t.staged[len(t.placed):] {
		if err := t.f.Remove(s.temp); err != nil {
			errs = append(errs, err)
		}
	}
	for i := len(t.made) - 1; i >= 0; i-- {
		if err := t.f.Remove(t.made[i]); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("%w\nand undoing the changes failed, the tree is not as it was: %v", cause, errors.Join(errs...))
	}
	return cause
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
