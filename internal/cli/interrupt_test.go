package cli

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"
)

// TestInterruptibleBlockedRead cancels the context while a read waits for
// input that never comes, as a terminal does when ctrl+c is pressed at a
// prompt: the read must end with ErrInterrupted.
func TestInterruptibleBlockedRead(t *testing.T) {
	pr, pw := io.Pipe()
	defer pw.Close()
	ctx, cancel := context.WithCancel(context.Background())
	r := interruptible(ctx, pr)

	got := make(chan error, 1)
	go func() {
		_, err := r.Read(make([]byte, 16))
		got <- err
	}()
	cancel()
	select {
	case err := <-got:
		if !errors.Is(err, ErrInterrupted) {
			t.Fatalf("Read after cancel = %v, want ErrInterrupted", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Read still blocked after the context was cancelled")
	}
	// And every read after it.
	if _, err := r.Read(make([]byte, 16)); !errors.Is(err, ErrInterrupted) {
		t.Errorf("second Read = %v, want ErrInterrupted", err)
	}
}

// TestInterruptiblePassesInput checks that the input arrives whole and
// ends with io.EOF while the context is live.
func TestInterruptiblePassesInput(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	want := strings.Repeat("line of answers\n", 1000)
	data, err := io.ReadAll(interruptible(ctx, strings.NewReader(want)))
	if err != nil || string(data) != want {
		t.Fatalf("ReadAll = %d bytes, %v; want %d bytes", len(data), err, len(want))
	}
}

// TestInterruptibleEOFWithInterrupt is the Windows console's ctrl+c: the
// pending read ends empty as the interrupt arrives; the interrupt wins.
func TestInterruptibleEOFWithInterrupt(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	r := interruptible(ctx, readerFunc(func([]byte) (int, error) {
		cancel()
		return 0, io.EOF
	}))
	if _, err := r.Read(make([]byte, 16)); !errors.Is(err, ErrInterrupted) {
		t.Errorf("Read = %v, want ErrInterrupted", err)
	}
}

// TestInterruptibleWithoutCancel returns the reader itself.
func TestInterruptibleWithoutCancel(t *testing.T) {
	in := strings.NewReader("x")
	if r := interruptible(context.Background(), in); r != io.Reader(in) {
		t.Errorf("interruptible(Background) wrapped the reader")
	}
}

type readerFunc func([]byte) (int, error)

func (f readerFunc) Read(p []byte) (int, error) { return f(p) }
