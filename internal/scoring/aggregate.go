package scoring

import (
	"math"
	"slices"
)

// Quartiles returns the five-number summary of values: minimum, first
// quartile, median, third quartile and maximum. Quantiles are computed by
// linear interpolation between closest ranks (Hyndman and Fan's type 7, the
// default of R's quantile and of numpy.percentile): for p in 0..1 over the n
// sorted values x[0..n-1], h = (n−1)·p and
// Q(p) = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
// So [1 2 3 4] gives 1, 1.75, 2.5, 3.25, 4, and a single value v gives v
// five times. With no values every result is NaN (callers show "n/a");
// NaN values are ignored. values is not modified.
func Quartiles(values []float64) (min, q1, median, q3, max float64) {
	xs := make([]float64, 0, len(values))
	for _, v := range values {
		if !math.IsNaN(v) {
			xs = append(xs, v)
		}
	}
	slices.Sort(xs)
	return quartilesSorted(xs)
}

func quartilesSorted(xs []float64) (min, q1, median, q3, max float64) {
	if len(xs) == 0 {
		nan := math.NaN()
		return nan, nan, nan, nan, nan
	}
	return xs[0], quantile(xs, 0.25), quantile(xs, 0.5), quantile(xs, 0.75), xs[len(xs)-1]
}

// quantile is the type 7 quantile of sorted, non-empty xs.
func quantile(xs []float64, p float64) float64 {
	h := float64(len(xs)-1) * p
	lo := int(math.Floor(h))
	if lo+1 >= len(xs) {
		return xs[len(xs)-1]
	}
	return xs[lo] + (h-float64(lo))*(xs[lo+1]-xs[lo])
}

// Summary is the distribution of one score over many assessments.
// Every field but N is NaN when N is 0.
type Summary struct {
	// N is the number of values.
	N int
	// Min, Q1, Median, Q3 and Max are as Quartiles returns them.
	Min, Q1, Median, Q3, Max float64
	// Mean is the arithmetic mean.
	Mean float64
}

// Stats collects the values of one score (say the data area) while many
// assessments stream past, and summarises them. Exact quartiles need every
// value, so Stats keeps them (8 bytes each: 10,000 assessments cost 80 kB
// per score) and sorts once when asked. The zero value is ready to use. A
// Stats is not safe for concurrent use; give each worker its own and
// combine them with Merge.
type Stats struct {
	values []float64
	sum    float64
	sorted bool
}

// Add records a value. NaN (an undefined score) is ignored: callers usually
// skip undefined scores, and a NaN must not poison the summary.
func (s *Stats) Add(v float64) {
	if math.IsNaN(v) {
		return
	}
	s.values = append(s.values, v)
	s.sum += v
	s.sorted = false
}

// AddMeasure records a score when it is defined and ignores it otherwise.
func (s *Stats) AddMeasure(m Measure) {
	if m.Defined {
		s.Add(m.Value)
	}
}

// Merge adds every value of o (o is left unchanged).
func (s *Stats) Merge(o *Stats) {
	s.values = append(s.values, o.values...)
	s.sum += o.sum
	s.sorted = false
}

// N returns the number of values recorded.
func (s *Stats) N() int { return len(s.values) }

// Mean returns the arithmetic mean, NaN when there are no values.
func (s *Stats) Mean() float64 {
	if len(s.values) == 0 {
		return math.NaN()
	}
	return s.sum / float64(len(s.values))
}

// Quartiles returns the five-number summary as the function Quartiles
// computes it. It sorts the recorded values in place the first time.
func (s *Stats) Quartiles() (min, q1, median, q3, max float64) {
	if !s.sorted {
		slices.Sort(s.values)
		s.sorted = true
	}
	return quartilesSorted(s.values)
}

// Summary returns the count, the five-number summary and the mean.
func (s *Stats) Summary() Summary {
	var x Summary
	x.N = s.N()
	x.Min, x.Q1, x.Median, x.Q3, x.Max = s.Quartiles()
	x.Mean = s.Mean()
	return x
}
