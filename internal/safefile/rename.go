package safefile

import (
	"errors"
	"time"
)

// renameBudget is how long a replace keeps trying while another program
// holds the target open. On Windows, Excel holding the CSV, Word the
// report, or a virus scanner or the search indexer glancing at a new file
// makes a rename fail for a moment with "access denied" or a sharing
// violation; cmd/go's robustio retries for the same reason.
const renameBudget = 1500 * time.Millisecond

// errBusy marks a replace that still failed after renameBudget because
// another program keeps the target open; its message says what to do.
var errBusy = errors.New("another program has the file open; close it and try again")

// retry runs op until it succeeds, fails with an error that transient does
// not accept, or budget has passed (then the last error is joined with
// errBusy). sleep waits between tries, growing from 10 ms.
func retry(op func() error, transient func(error) bool, sleep func(time.Duration), budget time.Duration) error {
	wait, spent := 10*time.Millisecond, time.Duration(0)
	for {
		err := op()
		if err == nil || !transient(err) {
			return err
		}
		if spent >= budget {
			return errors.Join(err, errBusy)
		}
		sleep(wait)
		spent += wait
		wait = min(wait*2, 200*time.Millisecond)
	}
}
