package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/txtar"
)

// faultFS is the real file system, except that the n-th change (a folder
// made, a file written, renamed or removed) fails. With n = 0 nothing
// fails, and changes counts them. Articles are staged in parallel: which
// change is the n-th may differ from run to run, their number does not.
type faultFS struct {
	osFS
	mu         sync.Mutex
	n, changes int
}

var errInjected = errors.New("injected failure")

func (f *faultFS) change() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.changes++
	if f.changes == f.n {
		return errInjected
	}
	return nil
}

func (f *faultFS) Mkdir(name string) error {
	if err := f.change(); err != nil {
		return err
	}
	return f.osFS.Mkdir(name)
}

func (f *faultFS) WriteTemp(dir string, data []byte) (string, error) {
	if err := f.change(); err != nil {
		return "", err
	}
	return f.osFS.WriteTemp(dir, data)
}

func (f *faultFS) Rename(from, to string) error {
	if err := f.change(); err != nil {
		return err
	}
	return f.osFS.Rename(from, to)
}

func (f *faultFS) Remove(name string) error {
	if err := f.change(); err != nil {
		return err
	}
	return f.osFS.Remove(name)
}

// changedSite returns a site whose next run overwrites files (article a
// changed), creates folders (article c is new) and removes an orphan
// (article b is gone): every kind of change the writer makes.
func changedSite(t *testing.T) string {
	t.Helper()
	dir := site(t, base, file("source/b/zh.txt", "标题二\n发布日期:2022-08-01\n段落。\n"))
	if code, _, stderr := split(dir, "-allow-pending"); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if err := os.RemoveAll(filepath.Join(dir, "source", "b")); err != nil {
		t.Fatal(err)
	}
	zh := filepath.Join(dir, "source", "a", "zh.txt")
	b, err := os.ReadFile(zh)
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string]string{
		zh:                                    strings.Replace(string(b), "结语。", "新的结语。", 1),
		filepath.Join(dir, "source/c/zh.txt"): "标题三\n发布日期:2022-09-01\n段落三。\n",
	} {
		os.MkdirAll(filepath.Dir(name), 0o755)
		if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// splitWith runs split on dir through f: renders and stages, then
// commits.
func splitWith(f fsys, dir string) (*Output, error) {
	out, err := Split(Options{Root: dir, AllowPending: true}, f, &strings.Builder{})
	if err != nil {
		return nil, err
	}
	_, err = out.Commit()
	return out, err
}

// TestAllOrNothing injects a failure on the first, the second, … every
// change the writer makes, staging and committing, and checks each time
// that the run fails and the tree is exactly as it was: nothing
// half-written, no temporary file left, no folder made, nothing removed.
func TestAllOrNothing(t *testing.T) {
	count := &faultFS{}
	dir := changedSite(t)
	out, err := splitWith(count, dir)
	if err != nil {
		t.Fatal(err)
	}
	if count.changes < 20 {
		t.Fatalf("only %d changes: the scenario does not exercise the writer", count.changes)
	}
	c := out.tx
	overwrites := 0
	for _, w := range c.staged {
		if w.backup != "" {
			overwrites++
		}
		if _, err := os.Stat(filepath.Join(dir, w.Path)); err != nil {
			t.Errorf("%s not written: %v", w.Path, err)
		}
	}
	if len(c.staged) == overwrites || overwrites == 0 || len(c.removes) == 0 || len(c.rmdirs) == 0 || len(c.made) == 0 {
		t.Fatalf("scenario lacks new files, overwrites, removals, folders made or removed: %d staged, %d overwrites, %v, %v, %v",
			len(c.staged), overwrites, c.removes, c.rmdirs, c.made)
	}
	for n := 1; n <= count.changes; n++ {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			dir := changedSite(t)
			before := snapshot(t, dir)
			_, err := splitWith(&faultFS{n: n}, dir)
			if !errors.Is(err, errInjected) {
				t.Fatalf("change %d: error %v, want the injected failure", n, err)
			}
			if strings.Contains(err.Error(), "undoing the changes failed") {
				t.Fatalf("undo failed: %v", err)
			}
			sameTree(t, before, snapshot(t, dir))
		})
	}
}

// TestStagedThenFailed: when an article fails after others were staged
// (rendered one at a time in folder order here, so that they are), the
// staged files are taken back and the tree is as it was.
func TestStagedThenFailed(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	stale := file("source/z/zh.txt", "标题二\n发布日期:2022-08-01\n段落。\n")
	tests := []struct {
		name  string
		edits []txtar.File
		want  string
	}{
		{"bad input", []txtar.File{stale, file("source/z/en.po", "msgid \"")},
			"source/z/en.po:1:7: string is not closed"},
		{"a file split did not write", []txtar.File{stale, file("source/z/en.po", ""), file("content/en/z/"+Marker, "x.md\n"), file("content/en/z/mine.md", "mine")},
			"content/en/z/mine.md: not written by split"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := site(t, base, tt.edits...)
			before := snapshot(t, dir)
			count := &faultFS{}
			_, err := splitWith(count, dir)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want %q", err, tt.want)
			}
			if count.changes < 10 {
				t.Fatalf("%d changes: article a was not staged before z failed", count.changes)
			}
			sameTree(t, before, snapshot(t, dir))
		})
	}
}

// renameFS is the real file system, except that the first removal fails
// and so does every rename after it: the writer's undo then cannot put the
// files it overwrote back.
type renameFS struct {
	osFS
	failed bool
}

func (f *renameFS) Remove(name string) error {
	if !f.failed && !strings.HasSuffix(name, ".tmp") {
		f.failed = true
		return errInjected
	}
	return f.osFS.Remove(name)
}

func (f *renameFS) Rename(from, to string) error {
	if f.failed {
		return errInjected
	}
	return f.osFS.Rename(from, to)
}

// TestUndoFails: when the undo itself fails, the error says that the tree
// is not as it was, and no temporary file is left behind.
func TestUndoFails(t *testing.T) {
	dir := changedSite(t)
	_, err := splitWith(&renameFS{}, dir)
	if !errors.Is(err, errInjected) || !strings.Contains(err.Error(), "\nand undoing the changes failed, the tree is not as it was: ") {
		t.Fatalf("error %v, want the injected failure and the failed undo", err)
	}
	for p := range snapshot(t, dir) {
		if strings.HasSuffix(p, ".tmp") {
			t.Errorf("temporary file left: %s", p)
		}
	}
}

// TestWriteTemp: a written file is readable by everyone (a web server
// serves it), whatever mode os.CreateTemp gave it, and holds the data.
func TestWriteTemp(t *testing.T) {
	dir := t.TempDir()
	name, err := osFS{}.WriteTemp(dir, []byte("data"))
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o644 || filepath.Dir(name) != dir || !strings.HasPrefix(filepath.Base(name), ".split-") {
		t.Errorf("%s: mode %v", name, fi.Mode())
	}
	if b, err := os.ReadFile(name); err != nil || string(b) != "data" {
		t.Errorf("%s holds %q, %v", name, b, err)
	}
	if _, err := (osFS{}).WriteTemp(filepath.Join(dir, "missing"), nil); err == nil {
		t.Error("WriteTemp into a missing folder succeeded")
	}
}

// TestCheckPath: the writer refuses paths outside its folders.
func TestCheckPath(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"../x", "/etc/passwd", "content", "layouts/x.html", "source/a/b/c", "source/x", "content/../data/x", `content\x`, "config.toml"} {
		if err := checkPath(osFS{}, dir, p); err == nil {
			t.Errorf("checkPath(%q) accepted", p)
		}
	}
	for _, p := range []string{"content/zh/a/_index.md", "data/articles/a.json", "source/a/messages.pot"} {
		if err := checkPath(osFS{}, dir, p); err != nil {
			t.Errorf("checkPath(%q): %v", p, err)
		}
	}
	// A file where a folder must be.
	if err := os.MkdirAll(filepath.Join(dir, "content", "zh"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "zh", "a"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]string{
		"content/zh/a/_index.md": "content/zh/a: not a folder",
		"content/zh/a":           "",
		"source/a/b/c":           "source/a/b/c: outside content/, data/ and source/<slug>/: refused",
		"content/./x":            "content/./x: not a clean path inside the site root: refused",
	} {
		err := checkPath(osFS{}, dir, p)
		if have := fmt.Sprint(err); err == nil && want != "" || err != nil && have != want {
			t.Errorf("checkPath(%q) = %v, want %q", p, err, want)
		}
	}
}
