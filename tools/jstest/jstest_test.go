// Package jstest runs the unit tests of the site's browser code: the pure
// ES modules under assets/js (search, citations, glossary filter…) have
// tests next to them, *.test.js, written for Node's built-in test runner.
// They need no browser and no npm package: only Node.
package jstest

import (
	"io/fs"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"policysite/tools/sitetest"
)

// TestModules runs every assets/js/**/*.test.js with node --test.
func TestModules(t *testing.T) {
	node, err := exec.LookPath("node")
	sitetest.Require(t, err == nil, "Node.js (node)", "apt-get install nodejs")
	root := sitetest.Root()
	sitetest.Watch(root, "assets/js")
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
