package workshop

import (
	"net"
	"sync"
	"time"
)

// limiter slows down and then stops guessing of the join code, per
// remote address: every failed password or keyboard-interactive attempt
// doubles the delay before the answer (from base up to maxDelay), and
// after maxFailures failures within window the address is refused
// outright, even with the right code, until window has passed since its
// last failure. Offered public keys that are not authorised do not count:
// an ssh client offers every key it has before it asks for a password.
type limiter struct {
	mu          sync.Mutex
	now         func() time.Time
	base        time.Duration
	maxDelay    time.Duration
	maxFailures int
	window      time.Duration
	addrs       map[string]*failures
}

// failures is the record of one address.
type failures struct {
	count int
	last  time.Time
}

// maxTracked bounds the addresses remembered; beyond it the oldest are
// forgotten first (an attacker with that many addresses is out of scope
// for a workshop on a room's network).
const maxTracked = 10000

func newLimiter(base, maxDelay time.Duration, maxFailures int, window time.Duration) *limiter {
	return &limiter{now: time.Now, base: base, maxDelay: maxDelay, maxFailures: maxFailures, window: window, addrs: map[string]*failures{}}
}

// host is the address without its port: a client reconnects from a new
// port each time.
func host(addr net.Addr) string {
	if addr == nil {
		return ""
	}
	h, _, err := net.SplitHostPort(addr.String())
	if err != nil {
		return addr.String()
	}
	return h
}

// record returns the live record of h, forgetting an expired one.
func (l *limiter) record(h string) *failures {
	f := l.addrs[h]
	if f != nil && l.now().Sub(f.last) > l.window {
		delete(l.addrs, h)
		return nil
	}
	return f
}

// blocked reports whether h has used up its failures.
func (l *limiter) blocked(h string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	f := l.record(h)
	return f != nil && f.count >= l.maxFailures
}

// fail records a failure of h and returns how long to wait before
// answering it.
func (l *limiter) fail(h string) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	f := l.record(h)
	if f == nil {
		if len(l.addrs) >= maxTracked {
			l.forgetOldest()
		}
		f = &failures{}
		l.addrs[h] = f
	}
	f.count++
	f.last = l.now()
	d := l.base
	for i := 1; i < f.count && d < l.maxDelay; i++ {
		d *= 2
	}
	return min(d, l.maxDelay)
}

// succeed forgets the failures of h: the person got the code right.
func (l *limiter) succeed(h string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if f := l.record(h); f != nil && f.count < l.maxFailures {
		delete(l.addrs, h)
	}
}

func (l *limiter) forgetOldest() {
	var oldest string
	var t time.Time
	for h, f := range l.addrs {
		if oldest == "" || f.last.Before(t) {
			oldest, t = h, f.last
		}
	}
	delete(l.addrs, oldest)
}
