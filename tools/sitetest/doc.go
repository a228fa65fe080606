// Package sitetest is the one harness of the browser and hosting tests: it
// builds the Hugo site, serves it, drives headless Chromium and fails a test
// on anything a page reports. The tests of this package check the site in the
// browser; tools/hosting, tools/searchtest and the programs under tools/bench
// use the same functions.
//
//	root := sitetest.Root()                                // the folder holding go.mod
//	dir := sitetest.Build(t, "http://127.0.0.1/zhoushan/") // production build, cached per baseURL
//	base := sitetest.Serve(t, dir, "/zhoushan/")           // httptest server sending hosting.CSP
//	tab := sitetest.NewTab(t, sitetest.Browser(t))         // headless Chromium tab with a recorder
//	tab.Navigate(t, base+"zh/")                            // problems of a visit fail the test
//	tab.WaitFor(t, `document.querySelector("#p12") !== null`)
//	n := sitetest.Eval[int](t, tab, `document.links.length`)
//
// Every call into the browser runs under a deadline (Tab.Timeout, 30 s by
// default), and conditions are awaited (Tab.WaitFor), never slept on.
//
// # Missing tools
//
// A test that needs a tool that is not installed (Chromium, nginx, java, the
// npm packages) calls Require. Outside CI it skips, and prints one loud line
// that `go test ./...` shows without -v; when the environment variable CI is
// set (to anything but "", "0" or "false") it fails instead.
//
// # What a page may not do
//
// A Tab records console errors and failed assertions, uncaught exceptions,
// failed requests, HTTP errors of sub-resources and Content-Security-Policy
// violations. At the end of each page visit (the next Navigate, Tab.Check, or
// the end of the test) every recorded problem is a test error, unless the test
// declared it with Tab.Allow, which is narrow: a regular expression, for the
// calling test only, and an error when nothing matched it.
package sitetest
