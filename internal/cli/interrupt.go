package cli

import (
	"context"
	"errors"
	"io"
	"time"
)

// eofGrace is how long a read that found the end of the input waits for
// an interrupt that may come with it: in the Windows console, ctrl+c ends
// the pending line read (as an empty read) at the same moment as the
// interrupt is delivered, and the interrupt should win.
const eofGrace = 50 * time.Millisecond

// interruptible returns r read so that a Read returns ErrInterrupted as
// soon as ctx is done, even while a read of r is blocked, such as a
// terminal waiting for a line. fang turns ctrl+c into the cancellation of
// ctx (the process then no longer dies of the signal), and a read of
// standard input cannot be cancelled on every system, so the blocked read
// is abandoned: it ends with the process.
//
// Without a cancellable ctx, r is returned as it is.
func interruptible(ctx context.Context, r io.Reader) io.Reader {
	if ctx.Done() == nil {
		return r
	}
	return &ctxReader{ctx: ctx, r: r}
}

// ctxReader is the reader interruptible returns.
type ctxReader struct {
	ctx context.Context
	r   io.Reader
}

// Read reads from r in a goroutine and returns its result, or
// ErrInterrupted when ctx is done first.
func (c *ctxReader) Read(p []byte) (int, error) {
	if c.ctx.Err() != nil {
		return 0, ErrInterrupted
	}
	type result struct {
		n   int
		err error
	}
	done := make(chan result, 1)
	buf := make([]byte, len(p))
	go func() {
		n, err := c.r.Read(buf)
		done <- result{n, err}
	}()
	select {
	case <-c.ctx.Done():
		return 0, ErrInterrupted
	case res := <-done:
		if res.n == 0 && errors.Is(res.err, io.EOF) {
			select {
			case <-c.ctx.Done():
				return 0, ErrInterrupted
			case <-time.After(eofGrace):
			}
		}
		return copy(p, buf[:res.n]), res.err
	}
}
