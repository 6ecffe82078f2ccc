//go:build !race

package testbin

// raceEnabled reports that the tests run under the race detector.
const raceEnabled = false
