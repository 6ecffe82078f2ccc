package reports

import (
	"math"

	"github.com/dgmaturity/dgmaturity/internal/locale"
)

// printerOr is p, or the English printer when p is nil: every renderer
// takes an optional printer so that English callers need not name one.
func printerOr(p *locale.Printer) *locale.Printer {
	if p == nil {
		return locale.For(locale.English)
	}
	return p
}

// signedIn writes a change with its arrow in p's language: "↑ +5.0",
// "↓ -2.5", "→ 0.0" (commas in French and German).
func signedIn(p *locale.Printer, d float64) string {
	switch {
	case math.IsNaN(d):
		return p.T("report.na")
	case d >= 0.05:
		return "↑ +" + p.Number(d, 1)
	case d <= -0.05:
		return "↓ " + p.Number(d, 1)
	}
	return "→ " + p.Number(0, 1)
}
