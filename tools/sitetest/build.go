package sitetest

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

// BuildSite builds the site at source (the repository root when "") for
// baseURL into dest, with the production flags:
//
//	go tool hugo --minify --panicOnWarning --quiet --source source -b baseURL -d dest --cacheDir cacheDir
//
// run from the repository root so that `go tool` finds the pinned Hugo. A
// fresh cacheDir makes a cold build. The error holds Hugo's output. It is the
// one way the tests and the benchmarks build the site.
func BuildSite(source, baseURL, dest, cacheDir string) error {
	if source == "" {
		source = Root()
	}
	Watch(source, SiteInputs...)
	cmd := exec.Command("go", "tool", "hugo", "--minify", "--panicOnWarning", "--quiet",
		"--source", source, "-b", baseURL, "-d", dest, "--cacheDir", cacheDir)
	cmd.Dir = Root()
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("hugo build of %s for %s: %v\n%s", source, baseURL, err, out.String())
	}
	return nil
}

// SiteInputs are what a Hugo build of the site reads, relative to its root.
var SiteInputs = []string{"config.toml", "go.mod", "go.sum", "assets", "content", "data", "i18n", "layouts", "static"}

// Watch opens every file under the paths (relative to root) that exist.
// go test caches a package's result until the files its test process
// opened change; the site's files are read by Hugo and Node, other
// processes, so without this an edited template or script would replay a
// cached pass.
func Watch(root string, paths ...string) {
	for _, p := range paths {
		filepath.WalkDir(filepath.Join(root, p), func(path string, d os.DirEntry, err error) error {
			if err == nil && d.IsDir() && (d.Name() == "node_modules" || d.Name() == ".git") {
				return filepath.SkipDir
			}
			if err == nil && d.Type().IsRegular() {
				if f, err := os.Open(path); err == nil {
					f.Close()
				}
			}
			return nil
		})
	}
}

var (
	buildMu    sync.Mutex
	buildCache = map[string]string{} // baseURL → publish dir
)

// Build builds the repository's site for baseURL (BuildSite) and returns the
// publish folder. Builds are cached per baseURL for the life of the test
// process: the folder is under os.TempDir and is not removed when the test
// ends, so that later tests reuse it.
func Build(t testing.TB, baseURL string) string {
	t.Helper()
	buildMu.Lock()
	defer buildMu.Unlock()
	if dir, ok := buildCache[baseURL]; ok {
		return dir
	}
	dir, err := os.MkdirTemp("", "sitetest-public-")
	if err != nil {
		t.Fatal(err)
	}
	cache, err := os.MkdirTemp("", "sitetest-cache-")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(cache)
	if err := BuildSite("", baseURL, dir, cache); err != nil {
		t.Fatal(err)
	}
	buildCache[baseURL] = dir
	return dir
}

// BuildTo builds the site at source (the repository root when "") for
// baseURL into dest with a cold cache, every time: for a build that must
// land in a given folder or come from another source tree.
func BuildTo(t testing.TB, source, baseURL, dest string) {
	t.Helper()
	if err := BuildSite(source, baseURL, dest, t.TempDir()); err != nil {
		t.Fatal(err)
	}
}

// RemoveBuilds removes the folders of the builds Build cached. Call it from
// TestMain after m.Run.
func RemoveBuilds() {
	buildMu.Lock()
	defer buildMu.Unlock()
	for baseURL, dir := range buildCache {
		os.RemoveAll(dir)
		delete(buildCache, baseURL)
	}
}
