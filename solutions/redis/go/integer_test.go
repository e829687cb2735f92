package main

import (
	"strconv"
	"testing"
)

func itoa(n int) string { return strconv.Itoa(n) }

func TestParseInt(t *testing.T) {
	valid := map[string]int64{
		"0": 0, "7": 7, "-7": -7, "100": 100,
		"9223372036854775807": 9223372036854775807, "-9223372036854775808": -9223372036854775808,
	}
	for in, want := range valid {
		if got, ok := parseInt([]byte(in)); !ok || got != want {
			t.Errorf("parseInt(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
	// What Redis's string2ll refuses.
	for _, in := range []string{"", "-", "+5", "05", "-0", "00", " 5", "5 ", "1.5", "1e3", "0x10", "9223372036854775808", "-9223372036854775809"} {
		if got, ok := parseInt([]byte(in)); ok {
			t.Errorf("parseInt(%q) = %d, want an error", in, got)
		}
	}
}
