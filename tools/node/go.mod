// This folder is the npm project of the tests and benchmarks (package.json,
// package-lock.json, node_modules/). This go.mod only keeps it, and whatever
// Go files npm packages ship, out of the main module's ./... patterns.
module nodemodules

go 1.26
