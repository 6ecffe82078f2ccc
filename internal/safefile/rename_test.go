package safefile

import (
	"errors"
	"testing"
	"time"
)

var errLocked = errors.New("sharing violation")

func TestRetryWaitsForABusyFile(t *testing.T) {
	tries := 0
	var slept time.Duration
	err := retry(func() error {
		tries++
		if tries < 4 {
			return errLocked
		}
		return nil
	}, func(err error) bool { return errors.Is(err, errLocked) }, func(d time.Duration) { slept += d }, renameBudget)
	if err != nil || tries != 4 {
		t.Fatalf("err = %v after %d tries, want success at the fourth", err, tries)
	}
	if slept != 70*time.Millisecond { // 10 + 20 + 40
		t.Errorf("slept %v, want 70ms", slept)
	}
}

func TestRetryGivesUpWithAReason(t *testing.T) {
	tries := 0
	var slept time.Duration
	err := retry(func() error { tries++; return errLocked },
		func(err error) bool { return errors.Is(err, errLocked) }, func(d time.Duration) { slept += d }, renameBudget)
	if !errors.Is(err, errLocked) || !errors.Is(err, errBusy) {
		t.Fatalf("err = %v, want the last error and the advice", err)
	}
	if slept < renameBudget || slept > renameBudget+200*time.Millisecond {
		t.Errorf("gave up after %v of waiting, want about %v", slept, renameBudget)
	}
}

func TestRetryStopsAtOtherErrors(t *testing.T) {
	other := errors.New("no such folder")
	tries := 0
	err := retry(func() error { tries++; return other },
		func(err error) bool { return errors.Is(err, errLocked) }, func(time.Duration) {}, renameBudget)
	if err != other || tries != 1 {
		t.Fatalf("err = %v after %d tries, want the error at once", err, tries)
	}
}
