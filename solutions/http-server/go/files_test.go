package main

import "testing"

func TestParseRange(t *testing.T) {
	const size = 1000
	tests := []struct {
		header  string
		want    byteRange
		outcome rangeOutcome
	}{
		{"bytes=0-99", byteRange{0, 99}, rangeSatisfiable},
		{"bytes=500-", byteRange{500, 999}, rangeSatisfiable},
		{"bytes=-100", byteRange{900, 999}, rangeSatisfiable},
		{"bytes=-5000", byteRange{0, 999}, rangeSatisfiable},
		{"bytes=990-2000", byteRange{990, 999}, rangeSatisfiable},
		{"BYTES = 1-1", byteRange{1, 1}, rangeSatisfiable},
		{"bytes=1000-", byteRange{}, rangeNotSatisfiable},
		{"bytes=1005-", byteRange{}, rangeNotSatisfiable},
		{"bytes=-0", byteRange{}, rangeNotSatisfiable},
		{"bytes=99999999999999999999999-", byteRange{}, rangeNotSatisfiable},
		{"bytes=5-1", byteRange{}, rangeIgnored},
		{"bytes=0-1,5-6", byteRange{}, rangeIgnored},
		{"items=0-1", byteRange{}, rangeIgnored},
		{"bytes=a-b", byteRange{}, rangeIgnored},
		{"bytes=5", byteRange{}, rangeIgnored},
	}
	for _, tt := range tests {
		got, outcome := parseRange(tt.header, size)
		if got != tt.want || outcome != tt.outcome {
			t.Errorf("parseRange(%q) = %v, %v; want %v, %v", tt.header, got, outcome, tt.want, tt.outcome)
		}
	}
	if _, outcome := parseRange("bytes=-5", 0); outcome != rangeNotSatisfiable {
		t.Errorf("suffix range of an empty file: %v, want not satisfiable", outcome)
	}
}

func TestMatchesAny(t *testing.T) {
	const etag = `"abc"`
	tests := []struct {
		values []string
		want   bool
	}{
		{[]string{`"abc"`}, true},
		{[]string{`*`}, true},
		{[]string{`W/"abc"`}, true}, // If-None-Match compares weakly
		{[]string{`"x", "abc"`}, true},
		{[]string{`"x,y"`, `"abc"`}, true}, // commas may occur inside a tag
		{[]string{`"other"`}, false},
		{[]string{`abc`}, false}, // unquoted: malformed
		{[]string{`"ab`}, false},
	}
	for _, tt := range tests {
		if got := matchesAny(tt.values, etag); got != tt.want {
			t.Errorf("matchesAny(%q) = %v, want %v", tt.values, got, tt.want)
		}
	}
}

func TestFilePathStaysInDirectory(t *testing.T) {
	a := &app{dir: "/srv/files/"}
	for _, name := range []string{"", ".", "..", "../etc/passwd", "a/b", `a\b`, "a\x00b"} {
		if p, ok := a.filePath(name); ok {
			t.Errorf("filePath(%q) = %q, want refused", name, p)
		}
	}
	if p, ok := a.filePath("notes.txt"); !ok || p != "/srv/files/notes.txt" {
		t.Errorf("filePath(notes.txt) = %q, %v", p, ok)
	}
	if _, ok := (&app{}).filePath("notes.txt"); ok {
		t.Error("filePath without --directory accepted a name")
	}
}
