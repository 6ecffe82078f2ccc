//go:build unix

package interrupt

import (
	"os"
	"syscall"
	"testing"
)

// TestCtrlCCancels: a ctrl+c cancels Context and leaves the process
// running (without the package, the test binary would die of it).
func TestCtrlCCancels(t *testing.T) {
	if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	<-Context().Done()
}
