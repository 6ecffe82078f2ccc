package tui

import (
	"regexp"
	"strings"
)

// barCell matches a table cell that holds only a text bar (`███░░`).
var barCell = regexp.MustCompile("^`[█░▏▎▍▌▋▊▉ ]*`$")

// barlessWidth is the preview width under which the report's tables lose
// their bar columns: the bars repeat the scores beside them, and glamour
// would otherwise squeeze the other columns until numbers break ("51." over
// "7") and the bars wrap.
const barlessWidth = 110

// previewMarkdown adapts the report for the preview at width w: in a
// narrow window, the columns of its tables that hold only bars (and have
// no header) are left out. The written report is not changed.
func previewMarkdown(md string, w int) string {
	if w >= barlessWidth {
		return md
	}
	lines := strings.Split(md, "\n")
	for i := 0; i < len(lines); {
		if !isTableRow(lines[i]) {
			i++
			continue
		}
		end := i
		for end < len(lines) && isTableRow(lines[end]) {
			end++
		}
		dropBarColumns(lines[i:end])
		i = end
	}
	return strings.Join(lines, "\n")
}

// isTableRow reports whether a Markdown line is a table row.
func isTableRow(l string) bool {
	l = strings.TrimSpace(l)
	return strings.HasPrefix(l, "|") && strings.HasSuffix(l, "|")
}

// tableCells splits a table row into its cells (no escaped pipes occur in
// the report's bar tables; a row with them keeps its columns).
func tableCells(l string) []string {
	l = strings.TrimSpace(l)
	return strings.Split(l[1:len(l)-1], "|")
}

// dropBarColumns removes, in place, the columns of one table (header,
// separator, rows) whose header is empty and whose cells are all bars.
func dropBarColumns(rows []string) {
	if len(rows) < 3 {
		return
	}
	cells := make([][]string, len(rows))
	for i, r := range rows {
		cells[i] = tableCells(r)
		if len(cells[i]) != len(cells[0]) {
			return // escaped pipes or a ragged table: leave it as it is
		}
	}
	var keep []int
	for c := range cells[0] {
		bars := strings.TrimSpace(cells[0][c]) == ""
		for _, row := range cells[2:] {
			v := strings.TrimSpace(row[c])
			if v != "" && !barCell.MatchString(v) {
				bars = false
				break
			}
		}
		if !bars {
			keep = append(keep, c)
		}
	}
	if len(keep) == len(cells[0]) {
		return
	}
	for i, row := range cells {
		out := make([]string, len(keep))
		for j, c := range keep {
			out[j] = row[c]
		}
		rows[i] = "|" + strings.Join(out, "|") + "|"
	}
}
