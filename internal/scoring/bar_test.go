package scoring

import (
	"math"
	"testing"
)

func TestBar(t *testing.T) {
	tests := []struct {
		v     float64
		width int
		want  string
	}{
		{50, 10, "█████░░░░░"},
		{0, 4, "░░░░"},
		{100, 4, "████"},
		{-5, 4, "░░░░"},
		{150, 4, "████"},
		// 12.5 of 4 cells is half a cell: rounds up; 12.4 rounds down.
		{12.5, 4, "█░░░"},
		{12.4, 4, "░░░░"},
		{math.NaN(), 3, "░░░"},
		{50, 0, ""},
		{50, -1, ""},
	}
	for _, tt := range tests {
		if got := Bar(tt.v, tt.width); got != tt.want {
			t.Errorf("Bar(%v, %d) = %q, want %q", tt.v, tt.width, got, tt.want)
		}
	}
	if got := BarASCII(75, 4); got != "###." {
		t.Errorf("BarASCII(75, 4) = %q, want \"###.\"", got)
	}
}
