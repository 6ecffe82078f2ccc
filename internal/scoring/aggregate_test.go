package scoring

import (
	"math"
	"testing"
)

func TestQuartiles(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name string
		in   []float64
		want [5]float64
	}{
		// n = 4, h = 3p: q1 at h 0.75 → 1 + 0.75·(2−1) = 1.75; median at 1.5
		// → 2 + 0.5·1 = 2.5; q3 at 2.25 → 3 + 0.25·1 = 3.25.
		{"1 2 3 4", []float64{1, 2, 3, 4}, [5]float64{1, 1.75, 2.5, 3.25, 4}},
		{"unsorted", []float64{4, 1, 3, 2}, [5]float64{1, 1.75, 2.5, 3.25, 4}},
		{"one value", []float64{7}, [5]float64{7, 7, 7, 7, 7}},
		// n = 5, h = 4p: exact ranks 1, 2, 3.
		{"five", []float64{10, 0, 30, 20, 40}, [5]float64{0, 10, 20, 30, 40}},
		{"NaN ignored", []float64{nan, 7}, [5]float64{7, 7, 7, 7, 7}},
		{"empty", nil, [5]float64{nan, nan, nan, nan, nan}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			orig := append([]float64(nil), tt.in...)
			var got [5]float64
			got[0], got[1], got[2], got[3], got[4] = Quartiles(tt.in)
			if !same(got[:], tt.want[:]) {
				t.Errorf("Quartiles(%v) = %v, want %v", tt.in, got, tt.want)
			}
			if !same(orig, tt.in) {
				t.Errorf("input changed to %v", tt.in)
			}
		})
	}
}

func same(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] && !(math.IsNaN(a[i]) && math.IsNaN(b[i])) {
			return false
		}
	}
	return true
}

func TestStats(t *testing.T) {
	var s, other Stats
	if sum := s.Summary(); sum.N != 0 || !math.IsNaN(sum.Mean) || !math.IsNaN(sum.Median) {
		t.Errorf("empty summary = %+v", sum)
	}
	s.Add(4)
	s.Add(1)
	s.Add(math.NaN())
	s.AddMeasure(Measure{Value: 99}) // undefined: ignored
	s.AddMeasure(Measure{Value: 3, Defined: true})
	other.Add(2)
	s.Merge(&other)
	// Values 1 2 3 4: mean 2.5 and the quartiles of TestQuartiles.
	want := Summary{N: 4, Min: 1, Q1: 1.75, Median: 2.5, Q3: 3.25, Max: 4, Mean: 2.5}
	if d := diff(want, s.Summary()); d != "" {
		t.Errorf("summary (-want +got):\n%s", d)
	}
	// Adding after a summary re-sorts.
	s.Add(0)
	if mn, _, med, _, _ := s.Quartiles(); mn != 0 || med != 2 {
		t.Errorf("after Add(0): min %v median %v, want 0 and 2", mn, med)
	}
	if other.N() != 1 {
		t.Errorf("merged-from Stats changed: N = %d", other.N())
	}
}
