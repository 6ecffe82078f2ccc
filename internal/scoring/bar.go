package scoring

import (
	"math"
	"strings"
)

// Bar returns a text bar of width cells for a score of 0..100: full blocks
// '█' for the filled part, light shade '░' for the rest. The filled part is
// rounded to the nearest cell (half a cell rounds up); values outside
// 0..100 are clamped and NaN counts as 0. A width of 0 or less gives "".
func Bar(value float64, width int) string { return bar(value, width, "█", "░") }

// BarASCII is Bar for plain terminals: '#' filled, '.' empty.
func BarASCII(value float64, width int) string { return bar(value, width, "#", ".") }

func bar(value float64, width int, full, empty string) string {
	if width <= 0 {
		return ""
	}
	if math.IsNaN(value) {
		value = 0
	}
	value = min(max(value, 0), 100)
	n := int(math.Round(value / 100 * float64(width)))
	n = min(max(n, 0), width)
	var b strings.Builder
	b.Grow(n*len(full) + (width-n)*len(empty))
	for range n {
		b.WriteString(full)
	}
	for range width - n {
		b.WriteString(empty)
	}
	return b.String()
}
