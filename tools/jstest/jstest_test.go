// Package jstest runs the unit tests of the site's browser code: the pure
// ES modules under assets/js (search, citations, glossary filter…) have
// tests next to them, *.test.js, written for Node's built-in test runner.
// They need no browser and no npm package: only Node.
package jstest

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// repoRoot is the folder holding go.mod above this package.
func repoRoot(t *testing.T) string {
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found")
		}
		dir = parent
	}
}

// TestModules runs every assets/js/**/*.test.js with node --test.
func TestModules(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		if ci := os.Getenv("CI"); ci != "" && ci != "false" && ci != "0" {
			t.Fatal("node not found: the browser code's unit tests need Node.js")
		}
		t.Skip("node not found: the browser code's unit tests did not run (install Node.js)")
	}
	root := repoRoot(t)
	var files []string
	err = filepath.WalkDir(filepath.Join(root, "assets", "js"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".test.js") {
			files = append(files, p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Fatal("no *.test.js under assets/js")
	}
	cmd := exec.Command(node, append([]string{"--test", "--test-reporter=spec"}, files...)...)
	cmd.Dir = root
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("node --test: %v\n%s", err, out)
	}
	t.Logf("%s", out)
}
