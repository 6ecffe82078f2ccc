package compare

import (
	"encoding/json"
	"os"
	"runtime"
	"sync"
	"testing"

	"github.com/dgmaturity/dgmaturity/internal/synth"
	"github.com/dgmaturity/dgmaturity/questionnaire"
)

// benchmarkCompare generates n synthetic assessment files once, outside the
// timer, then measures reading, scoring and summarising them (DESIGN.md
// section 10: 10,000 files in a few seconds on 2 cores, linear in n).
func benchmarkCompare(b *testing.B, n int) {
	q := questionnaire.Default()
	dir := b.TempDir()
	if err := synth.Write(dir, n, 1, q); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		set := Load([]string{dir}, q, LoadOptions{})
		if len(set.Problems) > 0 || len(set.Records) != n {
			b.Fatalf("read %d of %d files, problems: %v", len(set.Records), n, set.Problems)
		}
		s := Summarise(set, Options{Anonymise: true, MinGroup: 5})
		if s.Assessments != n {
			b.Fatalf("summarised %d assessments, want %d", s.Assessments, n)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(n), "µs/file")
}

// BenchmarkCompare1000 compares 1,000 synthetic assessment files.
func BenchmarkCompare1000(b *testing.B) { benchmarkCompare(b, 1000) }

// BenchmarkCompare10000 compares 10,000 synthetic assessment files.
func BenchmarkCompare10000(b *testing.B) { benchmarkCompare(b, 10000) }

// benchmarkDecodeOnly is the yardstick of benchmarkCompare: the same n
// files, read and decoded with encoding/json alone by the same number of
// workers, and the mean of their levels taken. compare does much more
// (validation, scoring, statistics); the README's table holds both.
func benchmarkDecodeOnly(b *testing.B, n int) {
	q := questionnaire.Default()
	dir := b.TempDir()
	if err := synth.Write(dir, n, 1, q); err != nil {
		b.Fatal(err)
	}
	files, _ := Files([]string{dir})
	workers := runtime.GOMAXPROCS(0)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		var wg sync.WaitGroup
		var mu sync.Mutex
		sum, count := 0, 0
		next := make(chan string)
		for range workers {
			wg.Go(func() {
				s, c := 0, 0
				for f := range next {
					data, err := os.ReadFile(f)
					if err != nil {
						b.Error(err)
						continue
					}
					var a struct {
						Answers map[string]struct {
							Level *int `json:"level"`
						} `json:"answers"`
					}
					if err := json.Unmarshal(data, &a); err != nil {
						b.Error(err)
						continue
					}
					for _, x := range a.Answers {
						if x.Level != nil {
							s += *x.Level
							c++
						}
					}
				}
				mu.Lock()
				sum, count = sum+s, count+c
				mu.Unlock()
			})
		}
		for _, f := range files {
			next <- f
		}
		close(next)
		wg.Wait()
		if count == 0 {
			b.Fatal("no levels read")
		}
		_ = float64(sum) / float64(count)
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N)/float64(n), "µs/file")
}

// BenchmarkDecodeOnly10000 only decodes the files of BenchmarkCompare10000.
func BenchmarkDecodeOnly10000(b *testing.B) { benchmarkDecodeOnly(b, 10000) }
