package main

import (
	"bufio"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
)

// While gremlins runs, this program also stands for the go command: tools
// links it as "go" into a folder put first in gremlins' PATH, and main
// calls goShim when it runs under that name. It mends two things in
// gremlins v0.6.0, and passes everything else to the real go unchanged.
//
//   - gremlins finds a mutant's package by looking for a folder named like
//     the package, so it names the package of tools/split (package main)
//     after the module root: its go test would test no package, fail, and
//     count the mutant as killed. gremlins runs go test in the mutant's
//     folder, so the shim tests "." there instead of the module root.
//   - gremlins reads which mutants a test reaches from Go's coverage
//     profile, whose blocks hold statements but not the conditions of a
//     switch's case clauses: a mutant in "case n < 10:" is never run and
//     counts as not covered, however well it is tested. After gremlins'
//     coverage run the shim adds a block for each case clause of every
//     switch statement that the tests reached.
//
// The environment variables below carry what the shim needs.
const (
	envRealGo = "MUTATION_REAL_GO" // the path of the real go command
	envModule = "MUTATION_MODULE"  // the module path (policysite)
)

// tools builds the gremlins pinned in go.mod into folder bin, links this
// program there as go, and returns the gremlins binary and the environment
// to run it in: bin first in PATH, and test results never cached (gremlins
// times the tests once, unmutated, and gives each mutant a multiple of that
// time; a cached result would make the timeout a multiple of nothing).
// gremlins runs from its binary, not through go tool, which would put the
// real go first in PATH again.
func tools(bin string) (gremlins string, env []string, err error) {
	gremlins = filepath.Join(bin, "gremlins")
	if out, err := exec.Command("go", "build", "-o", gremlins, "github.com/go-gremlins/gremlins/cmd/gremlins").CombinedOutput(); err != nil {
		return "", nil, fmt.Errorf("building gremlins: %v\n%s", err, out)
	}
	realGo, err := exec.LookPath("go")
	if err != nil {
		return "", nil, err
	}
	if realGo, err = filepath.Abs(realGo); err != nil {
		return "", nil, err
	}
	module, err := exec.Command("go", "list", "-m", "-f", "{{.Path}}").Output()
	if err != nil {
		return "", nil, err
	}
	self, err := os.Executable()
	if err != nil {
		return "", nil, err
	}
	if err := os.Symlink(self, filepath.Join(bin, "go")); err != nil {
		return "", nil, err
	}
	env = append(os.Environ(),
		"PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
		"GOFLAGS="+strings.TrimSpace(os.Getenv("GOFLAGS")+" -count=1"),
		envRealGo+"="+realGo,
		envModule+"="+strings.TrimSpace(string(module)))
	return gremlins, env, nil
}

// goShim runs the real go with args, mended as described above, and
// returns its exit status.
func goShim(args []string) int {
	realGo := os.Getenv(envRealGo)
	if realGo == "" {
		fmt.Fprintf(os.Stderr, "mutation: run as go without %s\n", envRealGo)
		return 2
	}
	if len(args) > 1 && args[0] == "test" && args[len(args)-1] == os.Getenv(envModule) {
		args = append(slices.Clone(args[:len(args)-1]), ".")
	}
	profile := ""
	if len(args) > 0 && args[0] == "test" {
		if i := slices.Index(args, "-coverprofile"); i >= 0 && i+1 < len(args) {
			profile = args[i+1]
		}
	}
	if profile == "" {
		// Become the real go, so that gremlins' timeout stops it and its
		// test binary, not only the shim.
		err := syscall.Exec(realGo, append([]string{"go"}, args...), os.Environ())
		fmt.Fprintf(os.Stderr, "mutation: %v\n", err)
		return 2
	}
	cmd := exec.Command(realGo, args...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return exit.ExitCode()
		}
		fmt.Fprintf(os.Stderr, "mutation: %v\n", err)
		return 2
	}
	if err := addCaseBlocks(profile, os.Getenv(envModule)); err != nil {
		fmt.Fprintf(os.Stderr, "mutation: %s: %v\n", profile, err)
		return 2
	}
	return 0
}

// block is a block of a coverage profile: a span of one file, 1-based
// lines and columns, the end exclusive.
type block struct {
	startLine, startCol, endLine, endCol int
	count                                int
}

func (b block) contains(p token.Position) bool {
	after := p.Line > b.startLine || p.Line == b.startLine && p.Column >= b.startCol
	before := p.Line < b.endLine || p.Line == b.endLine && p.Column < b.endCol
	return after && before
}

// addCaseBlocks appends to the coverage profile a block for the conditions
// of each case clause (from "case" to its colon) of every expression
// switch that a counted block of the profile holds. The files are found
// from the module root, the working directory of gremlins' coverage run.
func addCaseBlocks(profile, module string) error {
	data, err := os.ReadFile(profile)
	if err != nil {
		return err
	}
	blocks := map[string][]block{} // file as the profile names it → counted blocks
	var order []string
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for sc.Scan() {
		l := sc.Text()
		if strings.HasPrefix(l, "mode:") || l == "" {
			continue
		}
		var b block
		var stmts int
		i := strings.LastIndex(l, ":")
		if i < 0 {
			return fmt.Errorf("bad line %q", l)
		}
		if _, err := fmt.Sscanf(l[i+1:], "%d.%d,%d.%d %d %d", &b.startLine, &b.startCol, &b.endLine, &b.endCol, &stmts, &b.count); err != nil {
			return fmt.Errorf("bad line %q: %v", l, err)
		}
		file := l[:i]
		if _, seen := blocks[file]; !seen {
			order = append(order, file)
		}
		if b.count > 0 {
			blocks[file] = append(blocks[file], b)
		} else if blocks[file] == nil {
			blocks[file] = []block{}
		}
	}
	var extra strings.Builder
	for _, file := range order {
		src := strings.TrimPrefix(strings.TrimPrefix(file, module), "/")
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, src, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			sw, ok := n.(*ast.SwitchStmt)
			if !ok {
				return true
			}
			at := fset.Position(sw.Pos())
			if !slices.ContainsFunc(blocks[file], func(b block) bool { return b.contains(at) }) {
				return true
			}
			for _, c := range sw.Body.List {
				cc := c.(*ast.CaseClause)
				if cc.List == nil {
					continue // default
				}
				from, to := fset.Position(cc.Case), fset.Position(cc.Colon)
				fmt.Fprintf(&extra, "%s:%d.%d,%d.%d 0 1\n", file, from.Line, from.Column, to.Line, to.Column+1)
			}
			return true
		})
	}
	if extra.Len() == 0 {
		return nil
	}
	if !strings.HasSuffix(string(data), "\n") {
		data = append(data, '\n')
	}
	return os.WriteFile(profile, append(data, extra.String()...), 0o644)
}
