package scrape

import "policysite/tools/textfile"

// Error is a problem in a source file, at a line (and column).
type Error = textfile.Error

func errorf(file string, line int, format string, args ...any) error {
	return textfile.Errorf(file, line, 0, format, args...)
}
