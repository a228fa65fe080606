// Mutation measures how well the splitter's tests catch a broken splitter.
// It runs the mutation tester gremlins (pinned in go.mod as a Go tool) over
// each package, one package at a time, and writes a report in Markdown.
//
// Usage:
//
//	go run ./tools/mutation [flags] [package folder ...]
//
// Without arguments it tests tools/article, tools/glossary, tools/emit,
// tools/scrape, tools/translate and tools/split. For each mutant (one
// operator of the code changed: < to <=, == to !=, + to -, …) gremlins runs
// the package's own tests; a mutant is killed when they fail, lives when they
// pass, is not covered when no test runs its line, and times out when the
// tests take longer than the timeout coefficient times the time the tests
// took unmutated (a mutant that loops forever; counted apart).
//
// The report gives, per package, the mutants, killed, lived, not covered and
// timed out, the efficacy (killed / (killed + lived)) and the coverage
// (covered / mutants), then every surviving mutant with its source line and
// the reason it lives. The reasons are kept by hand in survivors.txt beside
// this file, one line each:
//
//	tools/scrape/typography.go:21:7 CONDITIONALS_BOUNDARY: why it lives
//
// A survivor without a line there is listed as unexplained. Mutants that do
// not compile ("not viable": a + between strings made a -) are not counted;
// gremlins itself counts them as killed.
//
// Three things are mended around gremlins v0.6.0 (see goshim.go and
// reap.go): it runs through a go command that tests tools/split itself
// (gremlins would test the module root for a package main, and count every
// mutant killed) and that adds the conditions of switch cases to the
// coverage gremlins reads (they are in no block of Go's coverage profile,
// so gremlins would never run a mutant there); and test binaries left
// running by a timed-out mutant are killed. This needs Linux.
//
// A run takes about an hour on two shared cores, half of it in tools/split,
// whose end-to-end tests build small sites for every mutant. It does not run
// in CI.
//
// Flags:
//
//	-o file          the report (default tools/mutation/report.md)
//	-workers n       mutants tested at once (default 1)
//	-timeout-coefficient n
//	                 a mutant times out after n times the unmutated test
//	                 time (default 30: the unmutated run reuses compiled
//	                 packages, a mutant's run compiles its package again,
//	                 and on a shared machine a slow run must not pass for
//	                 a timeout)
//	-json dir        keep gremlins' JSON results in dir
//	-from dir        write the report from the JSON results in dir (kept by
//	                 an earlier -json run) instead of running gremlins
//
// Exit status: 0 when every package reaches efficacy ≥ 90% and coverage
// ≥ 85%, 1 otherwise or on an error, 2 on a usage error.
package main
