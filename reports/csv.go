package reports

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/dgmaturity/dgmaturity/internal/compare"
	"github.com/dgmaturity/dgmaturity/internal/locale"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// CSV writes the comparison as CSV (RFC 4180, comma-separated, CRLF line
// ends) for spreadsheets: a header, then one row per assessment compared,
// by organisation and date. Columns: organisation (pseudonym when
// anonymised), type, date, questionnaire_id, questionnaire_version,
// overall, stage, coverage (0..1), then area_<id>, principle_<id> and
// pillar_<id> in the questionnaire's order. Scores have one decimal; an
// undefined score is an empty cell; an anonymised type shared by fewer
// PSOs than the minimum group is "withheld". A cell that a spreadsheet
// would read as a formula (it starts with =, +, -, @, a tab or a carriage
// return) is prefixed with an apostrophe.
func CSV(w io.Writer, q *questionnaire.Questionnaire, s *compare.Summary) error {
	return CSVIn(w, nil, q, s)
}

// CSVIn is CSV with the header's labels in the language of pr (nil is
// English): "organisme", "domaine_CTX" in French. Only the labels change:
// the cells stay machine-readable in every language (ids, ISO dates,
// numbers with a decimal point, the stage named in the instrument's
// original language, "withheld").
func CSVIn(w io.Writer, pr *locale.Printer, q *questionnaire.Questionnaire, s *compare.Summary) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	// One message holds the labels, separated by "|", so that a language
	// changes all of them together.
	labels := strings.Split(printerOr(pr).T("csv.columns"), "|")
	if len(labels) != 12 {
		return fmt.Errorf("csv.columns has %d labels, want 12", len(labels))
	}
	who := labels[0]
	if s.Anonymised {
		who = labels[1]
	}
	head := append([]string{who}, labels[2:9]...)
	for _, a := range q.Areas {
		head = append(head, labels[9]+a.ID)
	}
	for _, p := range q.Principles {
		head = append(head, labels[10]+p.ID)
	}
	for _, p := range q.Pillars {
		head = append(head, labels[11]+p.ID)
	}
	if err := cw.Write(defuseAll(head)); err != nil {
		return err
	}
	row := make([]string, 0, len(head))
	for _, r := range s.Rows {
		typ := r.Type
		if typ == "" && s.Anonymised {
			typ = "withheld"
		}
		row = append(row[:0], r.Label, typ, r.Date, r.Questionnaire.ID, r.Questionnaire.Version,
			csvNum(r.Overall), r.Stage, strconv.FormatFloat(r.Coverage, 'f', 2, 64))
		for _, vs := range [][]float64{r.Areas, r.Principles, r.Pillars} {
			for _, v := range vs {
				row = append(row, csvNum(v))
			}
		}
		if err := cw.Write(defuseAll(row)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func csvNum(v float64) string {
	if math.IsNaN(v) {
		return ""
	}
	return strconv.FormatFloat(v, 'f', 1, 64)
}

func defuseAll(cells []string) []string {
	for i, c := range cells {
		cells[i] = Defuse(c)
	}
	return cells
}

// Defuse makes a CSV cell safe to open in a spreadsheet: a cell starting
// with =, +, -, @, a tab or a carriage return would be read as a formula
// (CSV injection), so it gets a leading apostrophe, which spreadsheets
// show as text and do not evaluate.
func Defuse(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}
