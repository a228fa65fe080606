package hosting

import (
	"fmt"
	"os"
	"path/filepath"
	"policysite/tools/sitetest"
	"sync"
	"testing"
)

// repoRoot is the repository root (the folder holding go.mod).
func repoRoot(t testing.TB) string { return sitetest.Root(t) }

// require skips the test with a loud message when a tool is missing, and
// fails it under CI=true, where every tool must be installed.
func require(t testing.TB, ok bool, what, install string) {
	t.Helper()
	if ok {
		return
	}
	msg := "\n\n*** hosting: " + what + " missing: TEST NOT RUN ***\n*** install: " + install + " ***\n"
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// build builds the repository's site with baseURL into dest.
func build(t testing.TB, baseURL, dest string) {
	t.Helper()
	root := repoRoot(t)
	if out, err := Build(root, root, baseURL, dest, t.TempDir()); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
}

// files lists the files under dir (slash-separated, relative), sorted.
func files(t testing.TB, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		out = append(out, filepath.ToSlash(rel))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

var (
	sharedOnce sync.Once
	sharedDir  string
	sharedErr  error
)

// sharedBase is the baseURL of the build the file-level tests share.
const sharedBase = "http://127.0.0.1/zhoushan/"

// sharedBuild is one build with sharedBase, made once per test process for
// the tests that only read the files.
func sharedBuild(t testing.TB) string {
	t.Helper()
	sharedOnce.Do(func() {
		root := repoRoot(t)
		dir, err := os.MkdirTemp("", "hosting-public-")
		if err != nil {
			sharedErr = err
			return
		}
		cache, err := os.MkdirTemp("", "hosting-cache-")
		if err != nil {
			sharedErr = err
			return
		}
		defer os.RemoveAll(cache)
		var out []byte
		if out, err = Build(root, root, sharedBase, dir, cache); err != nil {
			sharedErr = fmt.Errorf("%v\n%s", err, out)
		}
		sharedDir = dir
	})
	if sharedErr != nil {
		t.Fatal(sharedErr)
	}
	return sharedDir
}

func TestMain(m *testing.M) {
	code := m.Run()
	if sharedDir != "" {
		os.RemoveAll(sharedDir)
	}
	os.Exit(code)
}
