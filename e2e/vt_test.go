package e2e

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// vt is a minimal terminal screen: it applies the output of a program to a
// grid of cells, the way a terminal would, so that tests can ask what the
// screen shows.
//
// Why not search the raw output: Bubble Tea v2's renderer writes cell
// differences, so going from question CTX-01 to CTX-02 may write only the
// "2"; a substring search on the byte stream would miss it. The emulator
// covers what that renderer emits (cursor moves, erases, inserts and
// deletes, scroll regions, repeats, tabs, auto-wrap and insert modes, the
// alternate screen) and ignores colours, queries and titles. It is not
// safe for concurrent use; session guards it.
type vt struct {
	w, h  int
	cells [][]rune // 0 is a blank cell; wideTail follows a wide character
	x, y  int
	// wrapNext is xterm's pending wrap: the last column was just written,
	// and the next printable character goes to the next line first.
	wrapNext bool
	autowrap bool
	insert   bool
	// top and bottom are the scroll region, inclusive, 0-based.
	top, bottom    int
	savedX, savedY int
	tabs           []bool
	last           rune // for REP
	parser         *ansi.Parser
}

// wideTail marks the second cell of a double-width character.
const wideTail = -1

// newVT returns a blank w x h screen.
func newVT(w, h int) *vt {
	t := &vt{w: w, h: h, autowrap: true, bottom: h - 1}
	t.cells = make([][]rune, h)
	for i := range t.cells {
		t.cells[i] = make([]rune, w)
	}
	t.resetTabs()
	t.parser = ansi.NewParser()
	t.parser.SetHandler(ansi.Handler{
		Print:     t.print,
		Execute:   t.execute,
		HandleCsi: t.csi,
		HandleEsc: t.esc,
	})
	return t
}

// Write applies program output to the screen.
func (t *vt) Write(p []byte) (int, error) {
	t.parser.Parse(p)
	return len(p), nil
}

// String returns the screen's text, one line per row, trailing blanks cut.
func (t *vt) String() string {
	var b strings.Builder
	for i, row := range t.cells {
		var line strings.Builder
		for _, r := range row {
			switch r {
			case wideTail:
			case 0:
				line.WriteByte(' ')
			default:
				line.WriteRune(r)
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " "))
		if i < len(t.cells)-1 {
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func (t *vt) resetTabs() {
	t.tabs = make([]bool, t.w)
	for i := 8; i < t.w; i += 8 {
		t.tabs[i] = true
	}
}

func (t *vt) clampX(x int) int { return min(max(x, 0), t.w-1) }
func (t *vt) clampY(y int) int { return min(max(y, 0), t.h-1) }

// moveTo puts the cursor at x, y (0-based, clamped) and clears the pending
// wrap, as every cursor movement does.
func (t *vt) moveTo(x, y int) {
	t.x, t.y, t.wrapNext = t.clampX(x), t.clampY(y), false
}

// print writes one character at the cursor.
func (t *vt) print(r rune) {
	wd := ansi.StringWidth(string(r))
	if wd == 0 {
		return // combining marks and the like: nothing to place
	}
	if t.wrapNext {
		if t.autowrap {
			t.x = 0
			t.index()
		}
		t.wrapNext = false
	}
	if t.x+wd > t.w {
		if t.autowrap {
			t.x = 0
			t.index()
		} else {
			t.x = t.w - wd
		}
	}
	row := t.cells[t.y]
	if t.insert {
		copy(row[t.x+wd:], row[t.x:])
	}
	row[t.x] = r
	if wd == 2 {
		row[t.x+1] = wideTail
	}
	t.last = r
	t.x += wd
	if t.x >= t.w {
		t.x, t.wrapNext = t.w-1, true
	}
}

// execute handles a C0 control character.
func (t *vt) execute(b byte) {
	switch b {
	case '\r':
		t.moveTo(0, t.y)
	case '\n', '\v', '\f':
		t.wrapNext = false
		t.index()
	case '\b':
		t.moveTo(t.x-1, t.y)
	case '\t':
		t.tab(1)
	}
}

// tab moves n tab stops forward (n < 0: backward).
func (t *vt) tab(n int) {
	x := t.x
	for ; n > 0; n-- {
		for x++; x < t.w-1 && !t.tabs[x]; x++ {
		}
	}
	for ; n < 0; n++ {
		for x--; x > 0 && !t.tabs[x]; x-- {
		}
	}
	t.moveTo(x, t.y)
}

// index moves down one line, scrolling the region at its bottom.
func (t *vt) index() {
	switch {
	case t.y == t.bottom:
		t.scrollUp(1)
	case t.y < t.h-1:
		t.y++
	}
}

// reverseIndex moves up one line, scrolling the region at its top.
func (t *vt) reverseIndex() {
	switch {
	case t.y == t.top:
		t.scrollDown(1)
	case t.y > 0:
		t.y--
	}
}

// scrollUp moves the region's lines up by n, blank lines coming in below.
func (t *vt) scrollUp(n int) { t.deleteLines(t.top, n) }

// scrollDown moves the region's lines down by n, blank lines coming in on
// top.
func (t *vt) scrollDown(n int) { t.insertLines(t.top, n) }

// deleteLines removes n lines at row y of the scroll region.
func (t *vt) deleteLines(y, n int) {
	if y < t.top || y > t.bottom {
		return
	}
	n = min(n, t.bottom-y+1)
	for i := y; i <= t.bottom; i++ {
		if i+n <= t.bottom {
			copy(t.cells[i], t.cells[i+n])
		} else {
			clear(t.cells[i])
		}
	}
}

// insertLines inserts n blank lines at row y of the scroll region.
func (t *vt) insertLines(y, n int) {
	if y < t.top || y > t.bottom {
		return
	}
	n = min(n, t.bottom-y+1)
	for i := t.bottom; i >= y; i-- {
		if i-n >= y {
			copy(t.cells[i], t.cells[i-n])
		} else {
			clear(t.cells[i])
		}
	}
}

// eraseCells blanks the cells from x0 to x1 (exclusive) of row y.
func (t *vt) eraseCells(y, x0, x1 int) {
	x0, x1 = max(x0, 0), min(x1, t.w)
	if x0 < x1 {
		clear(t.cells[y][x0:x1])
	}
}

// esc handles an ESC sequence.
func (t *vt) esc(cmd ansi.Cmd) {
	if cmd.Intermediate() != 0 {
		return // character sets and the like
	}
	switch cmd.Final() {
	case '7':
		t.savedX, t.savedY = t.x, t.y
	case '8':
		t.moveTo(t.savedX, t.savedY)
	case 'D':
		t.index()
	case 'E':
		t.x = 0
		t.index()
	case 'M':
		t.reverseIndex()
	case 'H':
		t.tabs[t.x] = true
	case 'c':
		for y := range t.cells {
			clear(t.cells[y])
		}
		t.moveTo(0, 0)
		t.top, t.bottom, t.autowrap, t.insert = 0, t.h-1, true, false
		t.resetTabs()
	}
}

// csi handles a CSI sequence.
func (t *vt) csi(cmd ansi.Cmd, params ansi.Params) {
	if cmd.Intermediate() != 0 {
		return // DECRQM and other queries
	}
	// n is the first parameter as a count: missing or 0 means 1.
	n := func() int {
		v, _, _ := params.Param(0, 1)
		return max(v, 1)
	}
	prefix := cmd.Prefix()
	if prefix == '?' {
		switch cmd.Final() {
		case 'h', 'l':
			set := cmd.Final() == 'h'
			params.ForEach(0, func(_, mode int, _ bool) {
				switch mode {
				case 7:
					t.autowrap = set
				case 47, 1047, 1049:
					// Entering or leaving the alternate screen: the test
					// only looks at the screen in use, so start it blank.
					for y := range t.cells {
						clear(t.cells[y])
					}
				}
			})
		case 'W':
			if v, _, _ := params.Param(0, 0); v == 5 {
				t.resetTabs()
			}
		}
		return
	}
	if prefix != 0 {
		return
	}
	switch cmd.Final() {
	case 'A':
		top := 0
		if t.y >= t.top {
			top = t.top
		}
		t.moveTo(t.x, max(t.y-n(), top))
	case 'B':
		bottom := t.h - 1
		if t.y <= t.bottom {
			bottom = t.bottom
		}
		t.moveTo(t.x, min(t.y+n(), bottom))
	case 'C', 'a':
		t.moveTo(t.x+n(), t.y)
	case 'D':
		t.moveTo(t.x-n(), t.y)
	case 'E':
		t.moveTo(0, t.y+n())
	case 'F':
		t.moveTo(0, t.y-n())
	case 'G', '`':
		t.moveTo(n()-1, t.y)
	case 'd':
		t.moveTo(t.x, n()-1)
	case 'e':
		t.moveTo(t.x, t.y+n())
	case 'H', 'f':
		row, _, _ := params.Param(0, 1)
		col, _, _ := params.Param(1, 1)
		t.moveTo(max(col, 1)-1, max(row, 1)-1)
	case 'I':
		t.tab(n())
	case 'Z':
		t.tab(-n())
	case 'J':
		mode, _, _ := params.Param(0, 0)
		switch mode {
		case 0:
			t.eraseCells(t.y, t.x, t.w)
			for y := t.y + 1; y < t.h; y++ {
				clear(t.cells[y])
			}
		case 1:
			for y := 0; y < t.y; y++ {
				clear(t.cells[y])
			}
			t.eraseCells(t.y, 0, t.x+1)
		case 2, 3:
			for y := range t.cells {
				clear(t.cells[y])
			}
		}
	case 'K':
		mode, _, _ := params.Param(0, 0)
		switch mode {
		case 0:
			t.eraseCells(t.y, t.x, t.w)
		case 1:
			t.eraseCells(t.y, 0, t.x+1)
		case 2:
			t.eraseCells(t.y, 0, t.w)
		}
	case 'X':
		t.eraseCells(t.y, t.x, t.x+n())
	case '@':
		row, k := t.cells[t.y], min(n(), t.w-t.x)
		copy(row[t.x+k:], row[t.x:])
		clear(row[t.x : t.x+k])
	case 'P':
		row, k := t.cells[t.y], min(n(), t.w-t.x)
		copy(row[t.x:], row[t.x+k:])
		clear(row[t.w-k:])
	case 'L':
		t.insertLines(t.y, n())
		t.moveTo(0, t.y)
	case 'M':
		t.deleteLines(t.y, n())
		t.moveTo(0, t.y)
	case 'S':
		t.scrollUp(n())
	case 'T':
		t.scrollDown(n())
	case 'b':
		if t.last != 0 {
			for range n() {
				t.print(t.last)
			}
		}
	case 'r':
		top, _, _ := params.Param(0, 1)
		bottom, _, _ := params.Param(1, t.h)
		top, bottom = max(top, 1)-1, min(max(bottom, 1), t.h)-1
		if top < bottom {
			t.top, t.bottom = top, bottom
		} else {
			t.top, t.bottom = 0, t.h-1
		}
		t.moveTo(0, 0)
	case 'h', 'l':
		if v, _, _ := params.Param(0, 0); v == 4 {
			t.insert = cmd.Final() == 'h'
		}
	case 'g':
		switch v, _, _ := params.Param(0, 0); v {
		case 0:
			t.tabs[t.x] = false
		case 3:
			clear(t.tabs)
		}
	case 's':
		if len(params) == 0 {
			t.savedX, t.savedY = t.x, t.y
		}
	case 'u':
		t.moveTo(t.savedX, t.savedY)
	}
}

// TestVT checks the emulator on the sequences the renderer uses: the
// other tests trust what it says the screen shows.
func TestVT(t *testing.T) {
	cases := []struct {
		name, out, want string
		w               int
	}{
		{"lines", "ab\r\ncd", "ab\ncd\n", 5},
		{"auto-wrap", "abcdefg", "abcde\nfg\n", 5},
		{"pending wrap then newline", "abcde\r\nx", "abcde\nx\n", 5},
		{"auto-wrap off", "\x1b[?7labcdefg", "abcdg\n\n", 5},
		{"position and erase to the end", "hello\x1b[1;3H\x1b[K", "he\n\n", 5},
		{"erase the line start", "hello\x1b[1;3H\x1b[1K", "   lo\n\n", 5},
		{"repeat", "a\x1b[3b", "aaaa\n\n", 5},
		{"insert characters", "abcde\x1b[1;2H\x1b[2@", "a  bc\n\n", 5},
		{"delete characters", "abcde\x1b[1;2H\x1b[2P", "ade\n\n", 5},
		{"erase characters", "abcde\x1b[1;2H\x1b[2X", "a  de\n\n", 5},
		{"insert mode", "abc\x1b[1;1H\x1b[4hx\x1b[4ly", "xybc\n\n", 5},
		{"insert a line in the scroll region", "1\r\n2\r\n3\x1b[2;3r\x1b[2;1H\x1b[L", "1\n\n2", 5},
		{"delete a line", "1\r\n2\r\n3\x1b[1;1H\x1b[M", "2\n3\n", 5},
		{"scroll up", "1\r\n2\r\n3\x1b[S", "2\n3\n", 5},
		{"newline at the bottom scrolls", "1\r\n2\r\n3\r\n4", "2\n3\n4", 5},
		{"reverse index at the top", "1\r\n2\x1b[H\x1bM", "\n1\n2", 5},
		{"relative moves", "\x1b[3;4Hx\x1b[2Ay\x1b[3Dz\x1b[Bw", " z  y\n  w\n   x", 5},
		{"column and row", "\x1b[2d\x1b[3Gx\x1b[5`y", "\n  x y\n", 5},
		{"wide characters", "日本x", "日本x\n\n", 5},
		{"tab", "a\tb", "a       b\n\n", 10},
		{"erase below", "abc\r\ndef\r\nghi\x1b[2;2H\x1b[J", "abc\nd\n", 5},
		{"alternate screen starts blank", "abc\x1b[?1049hx", "   x\n\n", 5},
		{"queries and colours ignored", "\x1b]11;?\a\x1b[?2026$p\x1b[1;31mab\x1b[m", "ab\n\n", 5},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := newVT(c.w, 3)
			v.Write([]byte(c.out))
			if got := v.String(); got != c.want {
				t.Errorf("screen %q, want %q", got, c.want)
			}
		})
	}
}
