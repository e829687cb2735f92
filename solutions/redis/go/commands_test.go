package main

import (
	"bufio"
	"bytes"
	"strings"
	"testing"
)

// encode renders a reply as the bytes sent on the wire.
func encode(r reply) string {
	var buf bytes.Buffer
	w := bufio.NewWriter(&buf)
	r.writeTo(w)
	w.Flush()
	return buf.String()
}

func argv(words ...string) [][]byte {
	args := make([][]byte, len(words))
	for i, w := range words {
		args[i] = []byte(w)
	}
	return args
}

// The expected bytes below were captured from redis-server 7.0.15.
func TestExecute(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"PING"}, "+PONG\r\n"},
		{[]string{"ping"}, "+PONG\r\n"},
		{[]string{"PiNg", "hi"}, "$2\r\nhi\r\n"},
		{[]string{"PING", "a\r\nb"}, "$4\r\na\r\nb\r\n"},
		{[]string{"PING", "a", "b"}, "-ERR wrong number of arguments for 'ping' command\r\n"},
		{[]string{"ECHO", "hey"}, "$3\r\nhey\r\n"},
		{[]string{"ECHO", ""}, "$0\r\n\r\n"},
		{[]string{"EcHo"}, "-ERR wrong number of arguments for 'echo' command\r\n"},
		{[]string{"ECHO", "a", "b"}, "-ERR wrong number of arguments for 'echo' command\r\n"},
		{[]string{"GET"}, "-ERR wrong number of arguments for 'get' command\r\n"},
		{[]string{"GET", "k", "extra"}, "-ERR wrong number of arguments for 'get' command\r\n"},
		{[]string{"SET", "k"}, "-ERR wrong number of arguments for 'set' command\r\n"},
		{[]string{"GET", "missing"}, "$-1\r\n"},
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
	}
	s := newServer()
	for _, tt := range tests {
		if got := encode(s.execute(argv(tt.args...))); got != tt.want {
			t.Errorf("%.60q:\n got %q\nwant %q", tt.args, got, tt.want)
		}
	}
}

func TestSetGet(t *testing.T) {
	s := newServer()
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
	} {
		if got := encode(s.execute(argv(step.args...))); got != step.want {
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
	}
	s := newServer()
	for _, tt := range tests {
		args := append([]string{"SET", "k", "v"}, tt.opts...)
		if got := encode(s.execute(argv(args...))); got != tt.want {
			t.Errorf("%q: got %q, want %q", args, got, tt.want)
		}
	}
}

func TestExpiry(t *testing.T) {
	db := newKeyspace()
	at := func(now int64, args ...string) string {
		cmd := newCommandTable().lookup([]byte(args[0]))
		return encode(cmd.run(&cmdContext{db: db, now: now}, argv(args...)))
	}
	at(1000, "SET", "short", "v", "PX", "100")
	at(1000, "SET", "long", "v", "EX", "10")
	at(1000, "SET", "forever", "v")
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
		if got := at(tt.now, "GET", tt.key); got != tt.want {
			t.Errorf("GET %s at %d: got %q, want %q", tt.key, tt.now, got, tt.want)
		}
	}
	if _, there := db.keys["short"]; there {
		t.Error("an expired key read by GET is still stored")
	}
	// SET replaces the expiry too.
	at(2000, "SET", "long", "v2")
	if got := at(1<<60, "GET", "long"); got != "$2\r\nv2\r\n" {
		t.Errorf("SET without PX kept the old expiry: %q", got)
	}
}

func TestPortFromArgs(t *testing.T) {
	tests := []struct {
		args []string
		want int
	}{
		{nil, 6379},
		{[]string{"--port", "7000"}, 7000},
		{[]string{"--dir", "/tmp/x", "--port", "7000", "--dbfilename", "dump.rdb"}, 7000},
		{[]string{"--dbfilename", "dump.rdb", "--port=7001"}, 7001},
	}
	for _, tt := range tests {
		if got, err := portFromArgs(tt.args); err != nil || got != tt.want {
			t.Errorf("%q: got %d, %v; want %d", tt.args, got, err, tt.want)
		}
	}
	for _, bad := range [][]string{{"--port"}, {"--port", "x"}, {"--port", "70000"}} {
		if _, err := portFromArgs(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}
