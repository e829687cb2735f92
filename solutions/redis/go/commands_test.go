package main

import (
	"strings"
	"testing"
)

// The expected bytes below were captured from redis-server 7.0.15. (transcripts_test.go holds
// longer sessions.)
func TestUnknownCommandQuoting(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"FOO"}, "-ERR unknown command 'FOO', with args beginning with: \r\n"},
		{[]string{"foo", "a", "bc"}, "-ERR unknown command 'foo', with args beginning with: 'a' 'bc' \r\n"},
		{[]string{""}, "-ERR unknown command '', with args beginning with: \r\n"},
		{[]string{"FOO", "a\r\nb", "c"}, "-ERR unknown command 'FOO', with args beginning with: 'a  b' 'c' \r\n"},
		{[]string{"F\r\nOO", "a"}, "-ERR unknown command 'F  OO', with args beginning with: 'a' \r\n"},
		{[]string{"FOO", "a\x00b", "c"}, "-ERR unknown command 'FOO', with args beginning with: 'a' 'c' \r\n"},
		{[]string{"FO\x00O", "a"}, "-ERR unknown command 'FO', with args beginning with: 'a' \r\n"},
		{[]string{strings.Repeat("X", 200), "a"},
			"-ERR unknown command '" + strings.Repeat("X", 128) + "', with args beginning with: 'a' \r\n"},
		{[]string{"FOO", strings.Repeat("a", 200), "b"},
			"-ERR unknown command 'FOO', with args beginning with: '" + strings.Repeat("a", 128) + "' \r\n"},
		{[]string{"FOO", strings.Repeat("a", 100), strings.Repeat("b", 100), "c"},
			"-ERR unknown command 'FOO', with args beginning with: '" + strings.Repeat("a", 100) + "' '" + strings.Repeat("b", 25) + "' \r\n"},
		{[]string{"FOO", strings.Repeat("a", 124), "b"},
			"-ERR unknown command 'FOO', with args beginning with: '" + strings.Repeat("a", 124) + "' 'b' \r\n"},
		{[]string{"CONFIG", "f\r\no"}, "-ERR unknown subcommand 'f  o'. Try CONFIG HELP.\r\n"},
	}
	c := newClient(testServer(), nil)
	for _, tt := range tests {
		if got := do(c, tt.args...); got != tt.want {
			t.Errorf("%.60q:\n got %q\nwant %q", tt.args, got, tt.want)
		}
	}
}

func TestSetGet(t *testing.T) {
	c := newClient(testServer(), nil)
	value := "a\r\n\x00\x80\xff"
	for _, step := range []struct {
		args []string
		want string
	}{
		{[]string{"SET", "k", value}, "+OK\r\n"},
		{[]string{"get", "k"}, "$6\r\n" + value + "\r\n"},
		{[]string{"SET", "k", "v2"}, "+OK\r\n"},
		{[]string{"GET", "k"}, "$2\r\nv2\r\n"},
		{[]string{"GET", "K"}, "$-1\r\n"}, // keys are case-sensitive
		{[]string{"SET", "empty", ""}, "+OK\r\n"},
		{[]string{"GET", "empty"}, "$0\r\n\r\n"}, // empty, not missing
	} {
		if got := do(c, step.args...); got != step.want {
			t.Errorf("%q: got %q, want %q", step.args, got, step.want)
		}
	}
}

// The expected bytes below were captured from redis-server 7.0.15.
func TestSetOptions(t *testing.T) {
	const (
		ok         = "+OK\r\n"
		syntax     = "-ERR syntax error\r\n"
		notInteger = "-ERR value is not an integer or out of range\r\n"
		invalid    = "-ERR invalid expire time in 'set' command\r\n"
	)
	tests := []struct {
		opts []string
		want string
	}{
		{[]string{"PX", "100"}, ok},
		{[]string{"px", "100"}, ok},
		{[]string{"Ex", "10"}, ok},
		{[]string{"PX", "10", "PX", "20"}, ok},
		{[]string{"PX"}, syntax},
		{[]string{"FOO", "1"}, syntax},
		{[]string{"PX", "10", "EX", "1"}, syntax},
		{[]string{"EX", "1", "PX", "10"}, syntax},
		{[]string{"PX", "abc", "EX", "1"}, syntax},
		{[]string{"PX", "abc"}, notInteger},
		{[]string{"PX", "1.5"}, notInteger},
		{[]string{"PX", "+5"}, notInteger},
		{[]string{"PX", "-0"}, notInteger},
		{[]string{"PX", "99999999999999999999"}, notInteger},
		{[]string{"PX", "0"}, invalid},
		{[]string{"PX", "-5"}, invalid},
		{[]string{"EX", "0"}, invalid},
		{[]string{"EX", "9223372036854775"}, invalid},
		{[]string{"EX", "9223372036854776"}, invalid},
		{[]string{"PX", "9223372036854775807"}, invalid},
		{[]string{"PXAT", "9223372036854775807"}, ok},
		{[]string{"KEEPTTL", "PX", "5"}, syntax},
		{[]string{"NX", "XX"}, syntax},
		{[]string{"GET", "NX"}, "$1\r\nv\r\n"},
	}
	c := newClient(testServer(), nil)
	do(c, "SET", "k", "v")
	for _, tt := range tests {
		args := append([]string{"SET", "k", "v"}, tt.opts...)
		if got := do(c, args...); got != tt.want {
			t.Errorf("%q: got %q, want %q", args, got, tt.want)
		}
	}
}

// clockedClient returns a client of a new server whose clock reads *now.
func clockedClient(now *int64) *client {
	s := testServer()
	s.now = func() int64 { return *now }
	return newClient(s, nil)
}

func TestExpiry(t *testing.T) {
	now := int64(1000)
	c := clockedClient(&now)
	do(c, "SET", "short", "v", "PX", "100")
	do(c, "SET", "long", "v", "EX", "10")
	do(c, "SET", "forever", "v")
	for _, tt := range []struct {
		now       int64
		key, want string
	}{
		{1099, "short", "$1\r\nv\r\n"},
		{1100, "short", "$1\r\nv\r\n"}, // gone only after its last millisecond, as in Redis
		{1101, "short", "$-1\r\n"},
		{10999, "long", "$1\r\nv\r\n"},
		{11001, "long", "$-1\r\n"},
		{1 << 60, "forever", "$1\r\nv\r\n"},
	} {
		now = tt.now
		if got := do(c, "GET", tt.key); got != tt.want {
			t.Errorf("GET %s at %d: got %q, want %q", tt.key, tt.now, got, tt.want)
		}
	}
	if _, there := c.s.db.keys["short"]; there {
		t.Error("an expired key read by GET is still stored")
	}
	// SET replaces the expiry too.
	do(c, "SET", "long", "v2")
	now = 1 << 61
	if got := do(c, "GET", "long"); got != "$2\r\nv2\r\n" {
		t.Errorf("SET without PX kept the old expiry: %q", got)
	}
}

func TestTTLRounding(t *testing.T) {
	now := int64(1_000_000)
	c := clockedClient(&now)
	do(c, "SET", "k", "v", "PX", "5000")
	for _, tt := range []struct {
		elapsed   int64
		ttl, pttl string
	}{
		{0, ":5\r\n", ":5000\r\n"},
		{500, ":5\r\n", ":4500\r\n"}, // 4.5 s rounds up, as in Redis
		{501, ":4\r\n", ":4499\r\n"},
		{4499, ":1\r\n", ":501\r\n"},
		{4501, ":0\r\n", ":499\r\n"},
		{5000, ":0\r\n", ":0\r\n"}, // still there during its last millisecond
		{5001, ":-2\r\n", ":-2\r\n"},
	} {
		now = 1_000_000 + tt.elapsed
		if got := do(c, "TTL", "k"); got != tt.ttl {
			t.Errorf("TTL after %d ms: got %q, want %q", tt.elapsed, got, tt.ttl)
		}
		if got := do(c, "PTTL", "k"); got != tt.pttl {
			t.Errorf("PTTL after %d ms: got %q, want %q", tt.elapsed, got, tt.pttl)
		}
	}
}

func TestIncrKeepsTTL(t *testing.T) {
	now := int64(1_000_000)
	c := clockedClient(&now)
	do(c, "SET", "n", "41", "PX", "1000")
	if got := do(c, "INCRBY", "n", "2"); got != ":43\r\n" {
		t.Fatalf("INCRBY: %q", got)
	}
	if got := do(c, "PTTL", "n"); got != ":1000\r\n" {
		t.Errorf("PTTL after INCRBY: %q, want the TTL kept", got)
	}
	now += 1001
	if got := do(c, "INCR", "n"); got != ":1\r\n" {
		t.Errorf("INCR of an expired key: %q, want it counted from 0", got)
	}
	if got := do(c, "PTTL", "n"); got != ":-1\r\n" {
		t.Errorf("PTTL of a key recreated by INCR: %q", got)
	}
}

// How WATCH treats expiry in Redis 7.0.15 (checked against it): a watched key that expires
// fails the EXEC if it is still stored, or if a command deleted it on access (lazy expiry), but
// not if active expiry reclaimed it. A key that had already expired when watched does not count.
func TestWatchAndExpiry(t *testing.T) {
	now := int64(1_000_000)
	c := clockedClient(&now)
	tx := func() string {
		do(c, "MULTI")
		return do(c, "EXEC")
	}
	for _, tt := range []struct {
		name string
		then func()
		want string
	}{
		{"expired, still stored", func() {}, "*-1\r\n"},
		{"expired, deleted on access", func() { do(c, "GET", "k") }, "*-1\r\n"},
		{"expired, deleted by active expiry", func() { c.s.expireSome() }, "*0\r\n"},
	} {
		do(c, "SET", "k", "v", "PX", "100")
		do(c, "WATCH", "k")
		now += 101
		tt.then()
		if got := tx(); got != tt.want {
			t.Errorf("%s: EXEC answered %q, want %q", tt.name, got, tt.want)
		}
	}

	do(c, "SET", "k", "v", "PX", "100")
	now += 101
	do(c, "WATCH", "k") // already expired, not yet deleted
	do(c, "GET", "k")   // deleted now: nothing changed for the watcher
	if got := tx(); got != "*0\r\n" {
		t.Errorf("a key already expired when watched: EXEC answered %q, want *0", got)
	}
	do(c, "SET", "k", "v", "PX", "100")
	now += 101
	do(c, "WATCH", "k")
	do(c, "SET", "k", "v2") // recreated: that is a change
	if got := tx(); got != "*-1\r\n" {
		t.Errorf("a key recreated after an expired WATCH: EXEC answered %q, want *-1", got)
	}
}

func TestParseArgs(t *testing.T) {
	noEnv := func(string) string { return "" }
	tests := []struct {
		args []string
		env  func(string) string
		want config
	}{
		{nil, noEnv, config{6379, ".", "dump.rdb"}},
		{[]string{"--port", "7000"}, noEnv, config{7000, ".", "dump.rdb"}},
		{[]string{"--dir", "/tmp/x", "--port", "7000", "--dbfilename", "a.rdb"}, noEnv, config{7000, "/tmp/x", "a.rdb"}},
		{[]string{"--dbfilename", "a.rdb", "--verbose", "--port=7001", "--dir=/d"}, noEnv, config{7001, "/d", "a.rdb"}},
		{nil, func(string) string { return "7002" }, config{7002, ".", "dump.rdb"}},
		{[]string{"--port", "7000"}, func(string) string { return "7002" }, config{7000, ".", "dump.rdb"}},
	}
	for _, tt := range tests {
		if got, err := parseArgs(tt.args, tt.env); err != nil || got != tt.want {
			t.Errorf("%q: got %+v, %v; want %+v", tt.args, got, err, tt.want)
		}
	}
	for _, bad := range [][]string{{"--port"}, {"--port", "x"}, {"--port", "70000"}, {"--dir"}, {"--dbfilename", "a/b.rdb"}} {
		if _, err := parseArgs(bad, noEnv); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}
