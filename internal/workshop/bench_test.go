package workshop_test

import (
	"fmt"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/dgmaturity/dgmaturity/internal/workshop"
	"github.com/dgmaturity/dgmaturity/internal/workshop/sshtest"
)

// BenchmarkThirtyParticipants measures a workshop of 30 participants
// connected over loopback SSH, all pressing a key at the same moment:
// key-to-frame latency (from writing the key on the client to the first
// byte of the new frame arriving; median and p99 over every key of every
// participant) and the memory each session holds (heap growth from
// joining 30 participants, divided by 30; client and server share the
// process, the client's received frames are dropped first).
//
//	go test -run '^$' -bench ThirtyParticipants -benchtime 20x ./internal/workshop/
func BenchmarkThirtyParticipants(b *testing.B) {
	const n = 30
	f := start(b, nil)
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	terms := make([]*sshtest.Terminal, n)
	for i := range terms {
		terms[i] = f.join(fmt.Sprintf("Participant %02d", i+1), "")
	}
	f.waitState("30 connected", func(s workshop.State) bool { return len(s.Participants) == n })
	time.Sleep(200 * time.Millisecond) // let the first frames go out
	for _, t := range terms {
		t.Discard()
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	perSession := float64(after.HeapAlloc-before.HeapAlloc) / n

	var mu sync.Mutex
	lat := make([]time.Duration, 0, b.N*n)
	keys := []string{"l", "h"} // next and back: every key changes the screen
	b.ResetTimer()
	for i := range b.N {
		var wg sync.WaitGroup
		for _, t := range terms {
			wg.Add(1)
			go func() {
				defer wg.Done()
				d, err := t.KeyToFrame(keys[i%2], 10*time.Second)
				if err != nil {
					b.Error(err)
					return
				}
				mu.Lock()
				lat = append(lat, d)
				mu.Unlock()
			}()
		}
		wg.Wait()
		// Let the rest of each frame arrive before the next key.
		time.Sleep(20 * time.Millisecond)
	}
	b.StopTimer()
	slices.Sort(lat)
	if len(lat) == 0 {
		return
	}
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "ms-median")
	b.ReportMetric(float64(lat[min(len(lat)-1, len(lat)*99/100)].Microseconds())/1000, "ms-p99")
	b.ReportMetric(perSession/1024, "KiB/session")
	b.ReportMetric(0, "ns/op") // the wall time per round includes the pause
}
