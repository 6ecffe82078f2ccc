package tui

import "testing"

func TestWrapPath(t *testing.T) {
	tests := []struct {
		path string
		w    int
		want string
	}{
		{"/a/b/c.json", 20, "/a/b/c.json"},
		{"/home/lead/state/drafts/agence-exemple-2026-03-01.json", 30, "/home/lead/state/drafts/\nagence-exemple-2026-03-01.json"},
		{"/x/averyveryverylongfilename.json", 10, "/x/\naveryveryv\nerylongfil\nename.json"},
	}
	for _, tt := range tests {
		if got := wrapPath(tt.path, tt.w); got != tt.want {
			t.Errorf("wrapPath(%q, %d) = %q, want %q", tt.path, tt.w, got, tt.want)
		}
	}
}

func TestWindow(t *testing.T) {
	tests := []struct{ cursor, n, h, start, end int }{
		{0, 3, 5, 0, 3},
		{0, 10, 4, 0, 4},
		{5, 10, 4, 3, 7},
		{9, 10, 4, 6, 10},
		{0, 10, 0, 0, 0},
	}
	for _, tt := range tests {
		if s, e := window(tt.cursor, tt.n, tt.h); s != tt.start || e != tt.end {
			t.Errorf("window(%d, %d, %d) = %d, %d; want %d, %d", tt.cursor, tt.n, tt.h, s, e, tt.start, tt.end)
		}
	}
}
