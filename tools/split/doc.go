// Split turns the scraped articles under source/ into Hugo content for the
// Chinese and English site.
//
// Usage:
//
//	go run ./tools/split [flags]
//
// For every folder source/<slug>/ holding zh.txt (the article exactly as
// scraped, never edited by hand) and en.po (its English translation, one
// gettext entry per block: msgctxt is the block id, msgid the Chinese text,
// msgstr the English), split writes:
//
//	content/zh/<slug>/        the Chinese pages: _index.md (the article), section-N.md,
//	content/en/<slug>/        parallel.md: front matter only (the text is in the data)
//	content/zh/<slug>/blocks.json, blocks.csv  the aligned downloads
//	data/articles/<slug>.json the aligned blocks, both languages
//	data/articles/<slug>.body.<lang>.html      the text of the article and part pages
//	data/articles/<slug>.parallel.<lang>.html  the rows of the parallel page
//	source/<slug>/messages.pot the translation template, for msgmerge, Poedit, Weblate
//
// Glossary terms come from data/glossary.toml: the first occurrence of each
// in each part of the text is written as a link to its glossary entry,
// href="{glossary}#two-firsts", which the site's templates complete with
// the glossary page's URL. Each article is
// rendered in memory once, compared with the files in the tree, and only the
// files that changed are written, each to a temporary file beside it; they
// replace the old files when every article has rendered and every check has
// passed: on any error nothing is written. A run that changes nothing writes
// nothing.
//
// A translation is stale when its entry is missing, empty or fuzzy, or its
// msgid is no longer the Chinese text. Split then fails and lists every
// stale block, unless -allow-pending is given: the English pages then show
// the Chinese text of those blocks, marked "translation pending".
//
// Flags:
//
//	-root dir        the site root (default ".")
//	-check           write nothing; list every file that differs from what
//	                 split would write, and exit 1 if any does
//	-allow-pending   emit stale translations as pending instead of failing
//
// Errors name the file and line and say what was expected, for example:
//
//	source/zhoushan-two-firsts/zh.txt:5: publication date "2022-13-45" is not a date: expected YYYY-MM-DD
//
// Exit status: 0 on success, 1 on bad input or stale output, 2 on a usage error.
package main
