package scrape

import "strings"

// footerPrefix starts the line the CMS appends to every page
// ("Produced By 大汉网络 大汉版通发布系统", sometimes twice on one line).
const footerPrefix = "Produced By "

// stripFooter drops the trailing CMS footer lines and the blank lines
// around them. Separator lines are kept: they are structure.
func stripFooter(lines []line) []line {
	end := len(lines)
	for end > 0 {
		l := lines[end-1]
		if l.kind == lineSeparator || l.kind == lineText && !strings.HasPrefix(l.text, footerPrefix) {
			break
		}
		end--
	}
	return lines[:end]
}
