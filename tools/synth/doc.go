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
//	zh.txt  the template article (source/zhoushan-two-firsts/zh.txt) with a
//	        distinct title and date, its sections shuffled, one of them
//	        sometimes left out, and the paragraphs of each section shuffled,
//	        all decided by a PRNG seeded with k: the same N gives the same bytes
//	en.po   a complete translation: the synthetic zh.txt is parsed with the
//	        splitter's own scraper and each unit's English text is taken
//	        from the template en.po by its Chinese text, so the splitter
//	        runs without -allow-pending
//
// Flags:
//
//	-n int       number of articles (default 100)
//	-out dir     output site root; must not exist or be empty (required)
//	-root dir    the real site root to copy from (default ".")
//	-template s  slug of the template article (default "zhoushan-two-firsts")
//
// Exit status: 0 on success, 1 on error, 2 on a usage error.
package main
