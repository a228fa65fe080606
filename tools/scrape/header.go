package scrape

import (
	"regexp"
	"strings"
	"time"
	"unicode/utf8"
)

// breadcrumbRoot starts the CMS breadcrumb line ("首页 > 栏目").
const breadcrumbRoot = "首页"

// dateLine matches the CMS date line: 发布日期:2022-07-15 信息来源: 《今日浙江》杂志.
var dateLine = regexp.MustCompile(`^发布日期\s*[:：]\s*(\S*)\s*(?:信息来源\s*[:：]\s*(.*))?$`)

// bylineSep is the run of spaces (NBSPs in the scrape) between role and name.
var bylineSep = regexp.MustCompile(`[ \x{3000}]{2,}`)

// maxBylineRunes bounds a byline: longer lines are paragraphs.
const maxBylineRunes = 40

// isBreadcrumb reports whether s is the CMS breadcrumb line.
func isBreadcrumb(s string) bool {
	return strings.HasPrefix(s, breadcrumbRoot) && strings.Contains(s, ">")
}

// series returns the breadcrumb's last segment: the column the article is
// filed under.
func series(s string) string {
	parts := strings.Split(s, ">")
	return strings.TrimSpace(parts[len(parts)-1])
}

// parseDate parses the date line's fields.
func parseDate(file string, l line) (date, source string, err error) {
	m := dateLine.FindStringSubmatch(l.text)
	if m == nil {
		return "", "", errorf(file, l.n, "expected the date line \"发布日期:YYYY-MM-DD 信息来源:…\", found %q", l.text)
	}
	if _, err := time.Parse(time.DateOnly, m[1]); err != nil {
		return "", "", errorf(file, l.n, "publication date %q is not a date: expected YYYY-MM-DD", m[1])
	}
	return m[1], strings.TrimSpace(m[2]), nil
}

// splitByline splits "中共舟山市委书记  何中伟" into role and name. ok is false
// when s is not a byline: too long, sentence punctuation, or not exactly two
// parts.
func splitByline(s string) (role, name string, ok bool) {
	if utf8.RuneCountInString(s) > maxBylineRunes || strings.ContainsAny(s, "。，,；;：:！？!?") {
		return "", "", false
	}
	parts := bylineSep.Split(s, -1)
	if len(parts) != 2 || parts[0] == "" || parts[1] == "" {
		return "", "", false
	}
	return parts[0], parts[1], true
}
