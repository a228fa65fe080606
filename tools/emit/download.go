package emit

import (
	"bytes"
	"encoding/csv"
	"path"
	"strconv"
	"strings"
)

// Downloads are the aligned downloads of an article, one pair for both
// languages, bundled with the Chinese article page (content/zh/<slug>/):
// Hugo publishes them next to it and the English pages link to the same
// files.
//
//   - blocks.json: the article's blocks in reading order, each with its
//     sentences (id, zh, en): a block's text is its sentences joined, with
//     nothing between them in Chinese and one space in English;
//   - blocks.csv: one row per sentence (id, block, kind, n, section,
//     parent, zh, en), UTF-8 with a byte order mark so that spreadsheet
//     programs read it as UTF-8, CRLF line ends (RFC 4180), and every
//     cell that a spreadsheet would run as a formula (one starting with
//     = + - @, a tab or a carriage return) prefixed with an apostrophe,
//     as OWASP recommends against CSV injection.
func Downloads(d *Data) []File {
	dir := ContentDir(Langs[0], d.Slug)
	return []File{
		{Path: path.Join(dir, "blocks.json"), Data: downloadJSON(d)},
		{Path: path.Join(dir, "blocks.csv"), Data: downloadCSV(d)},
	}
}

type downloadBlock struct {
	ID        string             `json:"id"`
	Kind      string             `json:"kind"`
	N         int                `json:"n,omitempty"`
	Section   string             `json:"section,omitempty"`
	Parent    string             `json:"parent,omitempty"`
	Pending   bool               `json:"pending,omitempty"`
	Sentences []downloadSentence `json:"sentences"`
}

type downloadSentence struct {
	ID      string `json:"id"`
	ZH      string `json:"zh"`
	EN      string `json:"en"`
	Pending bool   `json:"pending,omitempty"`
}

// downloadJSON writes the blocks one per line, so that the file is small
// and still readable in a text editor.
func downloadJSON(d *Data) []byte {
	var b bytes.Buffer
	title := Pair{}
	for _, bl := range d.Blocks {
		if bl.Kind == "title" {
			title = bl.Text
		}
	}
	b.WriteString(`{"article":` + string(bytes.TrimSpace(marshal(d.Slug, ""))))
	b.WriteString(`,"date":` + string(bytes.TrimSpace(marshal(d.Date, ""))))
	b.WriteString(`,"title":` + string(bytes.TrimSpace(marshal(title, ""))))
	b.WriteString(`,"blocks":[`)
	for i, bl := range d.Blocks {
		if i > 0 {
			b.WriteString(",")
		}
		db := downloadBlock{ID: bl.ID, Kind: bl.Kind, N: bl.N, Section: bl.Section, Parent: bl.Parent, Pending: bl.Pending}
		for _, s := range bl.Sentences {
			db.Sentences = append(db.Sentences, downloadSentence{s.ID, s.ZH, s.EN, s.Pending})
		}
		b.WriteString("\n")
		b.Write(bytes.TrimSpace(marshal(db, "")))
	}
	b.WriteString("\n]}\n")
	return b.Bytes()
}

// CSVHeader is the first row of blocks.csv.
var CSVHeader = []string{"id", "block", "kind", "n", "section", "parent", "zh", "en"}

func downloadCSV(d *Data) []byte {
	var b bytes.Buffer
	b.WriteString("\uFEFF")
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	w.Write(CSVHeader)
	for _, bl := range d.Blocks {
		n := ""
		if bl.N > 0 {
			n = strconv.Itoa(bl.N)
		}
		for _, s := range bl.Sentences {
			w.Write([]string{s.ID, bl.ID, bl.Kind, n, bl.Section, bl.Parent, CSVCell(s.ZH), CSVCell(s.EN)})
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		panic(err) // writes to a bytes.Buffer do not fail
	}
	return b.Bytes()
}

// CSVCell neutralises a cell a spreadsheet program would run as a formula
// (OWASP, "CSV Injection"): one that starts with = + - @, a tab or a
// carriage return gets a leading apostrophe, which spreadsheets show as
// text and do not evaluate.
func CSVCell(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
