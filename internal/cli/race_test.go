//go:build race

package cli

// raceEnabled reports that the tests run under the race detector, which
// makes rendering about ten times slower.
const raceEnabled = true
