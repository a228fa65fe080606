package sitetest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

// NodeModules returns tools/node/node_modules, running `npm ci` in
// tools/node first when axe-core is missing from it. Without npm the test
// stops as Require says.
func NodeModules(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(Root(), "tools", "node")
	nm := filepath.Join(dir, "node_modules")
	if _, err := os.Stat(filepath.Join(nm, "axe-core", "axe.min.js")); err == nil {
		return nm
	}
	npm, err := exec.LookPath("npm")
	Require(t, err == nil, "npm (for tools/node/node_modules)", "apt-get install -y npm")
	cmd := exec.Command(npm, "ci", "--no-audit", "--no-fund", "--loglevel=error")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("npm ci in %s: %v\n%s", dir, err, out)
	}
	return nm
}

// AxeTags are the axe-core rule tags Axe runs: WCAG 2.0, 2.1 and 2.2 at
// levels A and AA (WCAG 2.2 adds no level A rule to axe; its AA rule is
// target-size, 2.5.8, which axe leaves off unless asked for), and axe's best
// practices.
var AxeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"}

// AxeViolation is one rule axe-core found broken, with up to a few of the
// elements that break it.
type AxeViolation struct {
	ID, Impact, Help string
	Nodes            []struct {
		Target []any
		HTML   string
	}
}

func (v AxeViolation) String() string {
	var where []string
	for i, n := range v.Nodes {
		if i == 3 {
			where = append(where, fmt.Sprintf("… (%d elements)", len(v.Nodes)))
			break
		}
		where = append(where, fmt.Sprint(n.Target...))
	}
	return fmt.Sprintf("axe %s (%s): %s at %s", v.ID, v.Impact, v.Help, strings.Join(where, ", "))
}

var axeSource = sync.OnceValues(func() ([]byte, error) {
	return os.ReadFile(filepath.Join(Root(), "tools", "node", "node_modules", "axe-core", "axe.min.js"))
})

// Axe runs axe-core (from tools/node/node_modules) on the tab's page and
// returns the violations: the rules of AxeTags, target-size included, or
// only the rules named in only (for example "color-contrast"). It fails the
// test when axe does not run, or when target-size was asked for and axe did
// not check it.
func (tab *Tab) Axe(t testing.TB, only ...string) []AxeViolation {
	t.Helper()
	NodeModules(t)
	src, err := axeSource()
	if err != nil {
		t.Fatal(err)
	}
	// Injected over the protocol: the page's CSP does not apply.
	Eval[bool](t, tab, string(src)+";true")
	runOnly := fmt.Sprintf(`{type: "tag", values: %s}`, jsList(AxeTags))
	if len(only) > 0 {
		runOnly = fmt.Sprintf(`{type: "rule", values: %s}`, jsList(only))
	}
	type result struct {
		Violations []AxeViolation
		Ran        []string // every rule axe ran
	}
	res := Eval[result](t, tab, `axe.run(document, {runOnly: `+runOnly+`, rules: {"target-size": {enabled: true}},
  resultTypes: ["violations"]}).then(r => ({
  Violations: r.violations.map(v => ({ID: v.id, Impact: v.impact || "", Help: v.help,
    Nodes: v.nodes.map(n => ({Target: n.target, HTML: n.html}))})),
  Ran: [...r.violations, ...r.passes, ...r.incomplete, ...r.inapplicable].map(x => x.id)}))`, chromedp.EvalAwaitPromise)
	if (len(only) == 0 || slices.Contains(only, "target-size")) && !slices.Contains(res.Ran, "target-size") {
		t.Fatalf("axe did not run target-size (WCAG 2.2, 2.5.8); it ran %v", res.Ran)
	}
	return res.Violations
}

func jsList(s []string) string {
	return `["` + strings.Join(s, `", "`) + `"]`
}
