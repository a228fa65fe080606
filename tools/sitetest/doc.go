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
// What it offers:
//
//	Root, Files                        the repository root; the one file walker
//	BuildSite, Build, BuildTo          the one way to build (production flags); Build caches per baseURL
//	Serve                              the site under a prefix, with hosting.CSP and the site's 404 page
//	Require, CI                        the one skip policy
//	Browser, NewTab                    headless Chromium and its tabs (StartBrowser, OpenTab, Await for programs)
//	Tab.Navigate, Check, Allow         page visits whose problems fail the test (Recorder)
//	Tab.Do, Run, Eval, Get, Location   browser calls under a deadline
//	Tab.WaitFor, Await                 awaited conditions
//	Crawl                              the one crawler: every URL once, links and fragments, every page once in the browser
//	Tab.Axe, NodeModules               axe-core with the WCAG 2.0/2.1/2.2 A and AA rules (target-size included)
//	Tab.Viewport (Phone, Narrow, Desktop, Zoom200), ColorScheme, PrintMedia, PrintPDF,
//	JavaScript, CPUThrottle, LongTasks, GrantClipboard, Clipboard   emulation for the reader and search tests
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
