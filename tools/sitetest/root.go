package sitetest

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// module is the module path declared by the repository's go.mod.
const module = "policysite"

var root = sync.OnceValues(findRoot)

// Root returns the repository root: the nearest folder at or above the
// working directory whose go.mod declares the module policysite (go test runs
// in the package's folder; the commands run anywhere inside the repository).
// It panics when there is none, which only happens when a command runs
// outside the repository.
func Root() string {
	dir, err := root()
	if err != nil {
		panic(err)
	}
	return dir
}

func findRoot() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if declares(filepath.Join(dir, "go.mod"), module) {
			return dir, nil
		}
		if filepath.Dir(dir) == dir {
			return "", fmt.Errorf("sitetest: no go.mod of module %s at or above %s", module, wd)
		}
	}
}

// declares reports whether the go.mod file gomod declares module path mod.
// Nested modules (tools/node has one to keep node_modules out of this one)
// are passed over.
func declares(gomod, mod string) bool {
	f, err := os.Open(gomod)
	if err != nil {
		return false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if f := strings.Fields(sc.Text()); len(f) == 2 && f[0] == "module" {
			return strings.Trim(f[1], `"`) == mod
		}
	}
	return false
}
