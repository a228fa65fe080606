// Synth makes a synthetic archive: a copy of the site root with N articles
// built from the real one, for measuring how the split and the Hugo build
// scale.
//
// Usage:
//
//	go run ./tools/synth -n 1000 -out /tmp/site1000
//	go run ./tools/split -root /tmp/site1000
//	go tool hugo --source /tmp/site1000 --minify
//
// The output folder gets the hand-written parts of the site (config.toml,
// layouts/, assets/, i18n/, static/, data/ without data/articles/, and any
// hand-written content outside the generated article folders) and, for
// k = 1..N, source/synth-NNNN/ holding:
//
//	zh.txt  an article in the CMS's format whose shape is drawn by a PRNG
//	        seeded with k (and -seed): breadcrumb, byline, source (with or
//	        without 《》) and caption each present or not; zero to two
//	        opening paragraphs; one to six parts with zero to seven
//	        paragraphs each, with or without leads, sometimes an enumeration
//	        of three to ten items; zero to two closing paragraphs. Its
//	        sentences are drawn from the template article
//	        (source/zhoushan-two-firsts/zh.txt): the same N and seed give
//	        the same bytes
//	en.po   a complete translation: each sentence's English is the template
//	        translation of that sentence (list items renumbered), so the
//	        splitter runs without -allow-pending
//
// Flags:
//
//	-n int       number of articles (default 100)
//	-seed int    varies the shapes (default 1)
//	-out dir     output site root; must not exist or be empty (required)
//	-root dir    the real site root to copy from (default ".")
//	-template s  slug of the template article (default "zhoushan-two-firsts")
//
// Exit status: 0 on success, 1 on error, 2 on a usage error.
package main
