package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"io"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"golang.org/x/tools/go/packages"

	"policysite/tools/sitetest"
)

// defaultPackages are the folders tested when none is named, quickest first.
var defaultPackages = []string{
	"tools/article",
	"tools/glossary",
	"tools/emit",
	"tools/scrape",
	"tools/translate",
	"tools/split",
}

// The targets every package must reach.
const (
	targetEfficacy = 90.0
	targetCoverage = 85.0
)

func main() {
	log.SetFlags(0)
	if filepath.Base(os.Args[0]) == "go" {
		log.SetPrefix("mutation (go): ")
		os.Exit(goShim(os.Args[1:]))
	}
	log.SetPrefix("mutation: ")
	os.Exit(run(os.Args[1:], os.Stderr))
}

// run is main without the exit.
func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("mutation", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "tools/mutation/report.md", "the report")
	workers := fs.Int("workers", 1, "mutants tested at once")
	coefficient := fs.Int("timeout-coefficient", 30, "timeout as a multiple of the unmutated test time")
	keep := fs.String("json", "", "keep gremlins' JSON results in this folder")
	from := fs.String("from", "", "write the report from the JSON results in this folder")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *from != "" && *keep != "" {
		fmt.Fprintln(stderr, "mutation: -json and -from exclude each other")
		return 2
	}
	pkgs := defaultPackages
	if fs.NArg() > 0 {
		pkgs = fs.Args()
	}
	root := sitetest.Root()
	if err := os.Chdir(root); err != nil {
		log.Print(err)
		return 1
	}
	rep, err := measure(pkgs, *from, *keep, *workers, *coefficient)
	if err != nil {
		log.Print(err)
		return 1
	}
	reasons, err := readReasons(filepath.Join(root, "tools/mutation/survivors.txt"))
	if err != nil {
		log.Print(err)
		return 1
	}
	if err := os.WriteFile(*out, []byte(rep.markdown(reasons)), 0o644); err != nil {
		log.Print(err)
		return 1
	}
	status := 0
	for _, p := range rep.Packages {
		fmt.Fprintf(stderr, "mutation: %-16s %s\n", p.Dir, p.summary())
		if p.efficacy() < targetEfficacy || p.coverage() < targetCoverage {
			fmt.Fprintf(stderr, "mutation: %s misses the targets (efficacy ≥ %.0f%%, coverage ≥ %.0f%%)\n", p.Dir, targetEfficacy, targetCoverage)
			status = 1
		}
	}
	fmt.Fprintf(stderr, "mutation: wrote %s\n", *out)
	return status
}

// Run is what a run was asked to do and when: kept beside the JSON results
// so that -from reproduces the report's header.
type Run struct {
	Date        string
	Gremlins    string // the version pinned in go.mod
	Workers     int
	Coefficient int
	Load        string // /proc/loadavg's 1-, 5- and 15-minute averages at the start
	Packages    []Result
}

// Result is gremlins' JSON result for one package folder.
type Result struct {
	Dir   string `json:"-"`
	Files []struct {
		Name      string     `json:"file_name"`
		Mutations []Mutation `json:"mutations"`
	} `json:"files"`
	Elapsed float64 `json:"elapsed_time"` // seconds
}

// Mutation is one mutant of a Result.
type Mutation struct {
	Type   string `json:"type"`
	Status string `json:"status"`
	File   string `json:"-"` // relative to the repository root
	Line   int    `json:"line"`
	Column int    `json:"column"`
}

// The statuses gremlins gives a mutant.
const (
	killed     = "KILLED"
	lived      = "LIVED"
	notCovered = "NOT COVERED"
	timedOut   = "TIMED OUT"
	notViable  = "NOT VIABLE"
)

// measure runs gremlins over each package folder, or reads the results an
// earlier run kept in from.
func measure(pkgs []string, from, keep string, workers, coefficient int) (*Run, error) {
	if from != "" {
		var r Run
		data, err := os.ReadFile(filepath.Join(from, "run.json"))
		if err != nil {
			return nil, err
		}
		if err := json.Unmarshal(data, &r); err != nil {
			return nil, err
		}
		r.Packages = nil
		for _, dir := range pkgs {
			res, err := readResult(filepath.Join(from, jsonName(dir)), dir)
			if err != nil {
				return nil, err
			}
			r.Packages = append(r.Packages, res)
		}
		return &r, nil
	}
	version, err := exec.Command("go", "list", "-m", "-f", "{{.Version}}", "github.com/go-gremlins/gremlins").Output()
	if err != nil {
		return nil, fmt.Errorf("gremlins is not in go.mod: %v", err)
	}
	r := Run{
		Date:        time.Now().Format(time.DateOnly),
		Gremlins:    strings.TrimSpace(string(version)),
		Workers:     workers,
		Coefficient: coefficient,
	}
	if load, err := os.ReadFile("/proc/loadavg"); err == nil {
		if f := strings.Fields(string(load)); len(f) >= 3 {
			r.Load = strings.Join(f[:3], " ")
		}
	}
	dir := keep
	if dir == "" {
		if dir, err = os.MkdirTemp("", "mutation-"); err != nil {
			return nil, err
		}
		defer os.RemoveAll(dir)
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	meta, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(dir, "run.json"), meta, 0o644); err != nil {
		return nil, err
	}
	bin, err := os.MkdirTemp("", "mutation-bin-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(bin)
	gremlins, env, err := tools(bin)
	if err != nil {
		return nil, err
	}
	// gremlins makes its working folders, and the test binaries, in tmp.
	tmp, err := os.MkdirTemp("", "mutation-tmp-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	env = append(env, "TMPDIR="+tmp)
	stop := reap(tmp)
	defer stop()
	for _, pkg := range pkgs {
		abs, err := filepath.Abs(pkg)
		if err != nil {
			return nil, err
		}
		file := filepath.Join(dir, jsonName(pkg))
		cmd := exec.Command(gremlins, "unleash",
			"--workers", fmt.Sprint(workers),
			"--timeout-coefficient", fmt.Sprint(coefficient),
			"--output", file, abs)
		cmd.Stdout, cmd.Stderr, cmd.Env = os.Stderr, os.Stderr, env
		log.Printf("%s: gremlins unleash (%s)", pkg, time.Now().Format(time.TimeOnly))
		if err := cmd.Run(); err != nil {
			return nil, fmt.Errorf("%s: gremlins: %v", pkg, err)
		}
		res, err := readResult(file, pkg)
		if err != nil {
			return nil, err
		}
		r.Packages = append(r.Packages, res)
	}
	return &r, nil
}

// jsonName is the name of the JSON result of package folder dir.
func jsonName(dir string) string {
	return strings.ReplaceAll(filepath.ToSlash(filepath.Clean(dir)), "/", "_") + ".json"
}

// readResult reads gremlins' JSON result for package folder dir. gremlins
// v0.6.0 counts a mutant whose package does not compile as killed (go test
// exits 1 on a build failure as on a failing test): a + between strings
// turned into a - is such a mutant, and is counted here as not viable.
func readResult(file, dir string) (Result, error) {
	var res Result
	data, err := os.ReadFile(file)
	if err != nil {
		return res, err
	}
	if err := json.Unmarshal(data, &res); err != nil {
		return res, fmt.Errorf("%s: %v", file, err)
	}
	res.Dir = filepath.ToSlash(filepath.Clean(dir))
	adds, err := stringAdds(res.Dir)
	if err != nil {
		return res, err
	}
	for i := range res.Files {
		for k := range res.Files[i].Mutations {
			m := &res.Files[i].Mutations[k]
			at := fmt.Sprintf("%s/%s:%d:%d", res.Dir, res.Files[i].Name, m.Line, m.Column)
			if m.Type == "ARITHMETIC_BASE" && adds[at] {
				m.Status = notViable
			}
		}
	}
	return res, nil
}

// stringAdds returns the positions (file:line:col, the file relative to the
// repository root) of every + between strings in the package in folder dir,
// test files aside.
func stringAdds(dir string) (map[string]bool, error) {
	cfg := &packages.Config{Dir: dir, Mode: packages.NeedName | packages.NeedFiles | packages.NeedSyntax | packages.NeedTypes | packages.NeedTypesInfo}
	pkgs, err := packages.Load(cfg, ".")
	if err != nil {
		return nil, err
	}
	wd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	adds := map[string]bool{}
	for _, p := range pkgs {
		if len(p.Errors) > 0 {
			return nil, fmt.Errorf("%s: %v", dir, p.Errors[0])
		}
		for _, f := range p.Syntax {
			ast.Inspect(f, func(n ast.Node) bool {
				e, ok := n.(*ast.BinaryExpr)
				if !ok || e.Op != token.ADD {
					return true
				}
				if b, ok := p.TypesInfo.TypeOf(e).Underlying().(*types.Basic); ok && b.Info()&types.IsString != 0 {
					pos := p.Fset.Position(e.OpPos)
					rel, err := filepath.Rel(wd, pos.Filename)
					if err == nil {
						adds[fmt.Sprintf("%s:%d:%d", filepath.ToSlash(rel), pos.Line, pos.Column)] = true
					}
				}
				return true
			})
		}
	}
	return adds, nil
}

// mutations lists the package's mutants in file, line and column order.
func (r *Result) mutations() []Mutation {
	var ms []Mutation
	for _, f := range r.Files {
		for _, m := range f.Mutations {
			m.File = r.Dir + "/" + f.Name
			ms = append(ms, m)
		}
	}
	sort.Slice(ms, func(i, j int) bool {
		a, b := ms[i], ms[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return a.Type < b.Type
	})
	return ms
}

// count returns the number of the package's mutants with status s.
func (r *Result) count(s string) int {
	n := 0
	for _, m := range r.mutations() {
		if m.Status == s {
			n++
		}
	}
	return n
}

// total counts the mutants that compile.
func (r *Result) total() int {
	return r.count(killed) + r.count(lived) + r.count(notCovered) + r.count(timedOut)
}

// efficacy is killed / (killed + lived), in percent.
func (r *Result) efficacy() float64 {
	k, l := r.count(killed), r.count(lived)
	if k+l == 0 {
		return 0
	}
	return 100 * float64(k) / float64(k+l)
}

// coverage is the share of mutants that some test runs, in percent.
func (r *Result) coverage() float64 {
	if r.total() == 0 {
		return 0
	}
	return 100 * float64(r.total()-r.count(notCovered)) / float64(r.total())
}

func (r *Result) summary() string {
	return fmt.Sprintf("%d mutants: %d killed, %d lived, %d not covered, %d timed out; efficacy %.1f%%, coverage %.1f%%",
		r.total(), r.count(killed), r.count(lived), r.count(notCovered), r.count(timedOut), r.efficacy(), r.coverage())
}

// key identifies a mutant in survivors.txt.
func (m Mutation) key() string { return fmt.Sprintf("%s:%d:%d %s", m.File, m.Line, m.Column, m.Type) }

// readReasons reads survivors.txt: "file:line:col TYPE: reason" lines;
// blank lines and lines starting with # are comments.
func readReasons(file string) (map[string]string, error) {
	f, err := os.Open(file)
	if errors.Is(err, os.ErrNotExist) {
		return map[string]string{}, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	reasons := map[string]string{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		key, reason, ok := strings.Cut(l, ": ")
		if !ok || len(strings.Fields(key)) != 2 {
			return nil, fmt.Errorf("%s:%d: expected \"file:line:col TYPE: reason\"", file, n)
		}
		reasons[key] = strings.TrimSpace(reason)
	}
	return reasons, sc.Err()
}

// sourceLine returns line n of file, trimmed, or "".
func sourceLine(file string, n int) string {
	data, err := os.ReadFile(file)
	if err != nil {
		return ""
	}
	lines := strings.Split(string(data), "\n")
	if n < 1 || n > len(lines) {
		return ""
	}
	return strings.TrimSpace(lines[n-1])
}

// code quotes s as inline Markdown code.
func code(s string) string {
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}

func (r *Run) markdown(reasons map[string]string) string {
	var b strings.Builder
	var elapsed float64
	for _, p := range r.Packages {
		elapsed += p.Elapsed
	}
	fmt.Fprintf(&b, "# Mutation testing\n\n")
	fmt.Fprintf(&b, "Written by `go run ./tools/mutation` (gremlins %s, pinned in go.mod; %d worker(s), timeout coefficient %d) on %s",
		r.Gremlins, r.Workers, r.Coefficient, r.Date)
	if r.Load != "" {
		fmt.Fprintf(&b, ", load average %s at the start", r.Load)
	}
	fmt.Fprintf(&b, "; the mutants took %s to test. Targets: efficacy ≥ %.0f%% and coverage ≥ %.0f%% in every package.\n\n",
		seconds(elapsed), targetEfficacy, targetCoverage)
	b.WriteString("Gremlins' default mutants: arithmetic (`+` ↔ `-`, `*` ↔ `/`, `%` → `*`), comparison boundaries (`<` ↔ `<=`, `>` ↔ `>=`), " +
		"negated comparisons (`==` ↔ `!=`, `<` ↔ `>=`, …), `++` ↔ `--`, and `-x` → `+x`. For each mutant the package's own tests run. " +
		"Efficacy is killed / (killed + lived); coverage is the share of mutants on a line that some test of the package runs. " +
		"A mutant that times out made the tests hang (a loop that no longer ends) and is counted apart. " +
		"Mutants that do not compile (a `+` between strings made a `-`) are not viable and not counted: " +
		"gremlins reports them as killed, since `go test` fails on a build error as on a failing test.\n\n")
	b.WriteString("| package | mutants | killed | lived | not covered | timed out | efficacy | coverage | not viable | time |\n")
	b.WriteString("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n")
	for _, p := range r.Packages {
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %d | %d | %.1f%% | %.1f%% | %d | %s |\n", p.Dir, p.total(),
			p.count(killed), p.count(lived), p.count(notCovered), p.count(timedOut), p.efficacy(), p.coverage(),
			p.count(notViable), seconds(p.Elapsed))
	}
	b.WriteString("\n## What lives, and why\n\n")
	b.WriteString("Every mutant the tests do not kill, with its source line as it stands and the reason it lives " +
		"(kept in `tools/mutation/survivors.txt`).\n")
	for _, p := range r.Packages {
		var list []Mutation
		for _, m := range p.mutations() {
			if m.Status == lived || m.Status == notCovered || m.Status == timedOut {
				list = append(list, m)
			}
		}
		fmt.Fprintf(&b, "\n### %s\n\n", p.Dir)
		if len(list) == 0 {
			b.WriteString("Every mutant is killed.\n")
			continue
		}
		for _, m := range list {
			reason, ok := reasons[m.key()]
			if !ok {
				reason = "**unexplained**"
			}
			fmt.Fprintf(&b, "- %s:%d:%d %s, %s: %s\n  %s\n", m.File, m.Line, m.Column, strings.ToLower(m.Status), m.Type,
				code(sourceLine(m.File, m.Line)), reason)
		}
	}
	return b.String()
}

// seconds formats a number of seconds as a duration rounded to the second.
func seconds(s float64) time.Duration {
	return time.Duration(s * float64(time.Second)).Round(time.Second)
}
