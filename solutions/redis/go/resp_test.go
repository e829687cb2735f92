package main

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// readAll reads commands from input until the reader fails, and returns them with that failure.
func readAll(input io.Reader) ([][][]byte, error) {
	r := newReader(input)
	var cmds [][][]byte
	for {
		args, err := r.readCommand()
		if err != nil {
			return cmds, err
		}
		cmds = append(cmds, args)
	}
}

// words renders commands as strings for easy comparison: [["SET" "k" "v"] ["GET" "k"]].
func words(cmds [][][]byte) [][]string {
	out := make([][]string, len(cmds))
	for i, c := range cmds {
		for _, w := range c {
			out[i] = append(out[i], string(w))
		}
	}
	return out
}

func equalWords(a, b [][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if strings.Join(a[i], "\x00") != strings.Join(b[i], "\x00") || len(a[i]) != len(b[i]) {
			return false
		}
	}
	return true
}

func TestReadCommand(t *testing.T) {
	tests := []struct {
		name  string
		input string
		want  [][]string
	}{
		{"one command", "*1\r\n$4\r\nPING\r\n", [][]string{{"PING"}}},
		{
			"pipelined: several commands in one read",
			"*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$1\r\nv\r\n*2\r\n$3\r\nGET\r\n$1\r\nk\r\n*1\r\n$4\r\nPING\r\n",
			[][]string{{"SET", "k", "v"}, {"GET", "k"}, {"PING"}},
		},
		{
			"binary-safe: CRLF, NUL and high bytes inside a bulk string",
			"*2\r\n$4\r\nECHO\r\n$8\r\na\r\n\x00\x80\xfe\xffb\r\n",
			[][]string{{"ECHO", "a\r\n\x00\x80\xfe\xffb"}},
		},
		{"empty bulk string", "*2\r\n$4\r\nECHO\r\n$0\r\n\r\n", [][]string{{"ECHO", ""}}},
		{"inline command", "PING\r\nECHO hey\r\n", [][]string{{"PING"}, {"ECHO", "hey"}}},
		{"inline: runs of spaces and tabs, bare LF", "  SET\t k  \t v \n", [][]string{{"SET", "k", "v"}}},
		{"inline then RESP", "SET k v\r\n*2\r\n$3\r\nGET\r\n$1\r\nk\r\n", [][]string{{"SET", "k", "v"}, {"GET", "k"}}},
		{"empty commands are skipped", "\r\n  \r\n*0\r\n*-1\r\n*1\r\n$4\r\nPING\r\n", [][]string{{"PING"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// Whole, and one byte per read: the bytes a command arrives in must not matter.
			for _, split := range []bool{false, true} {
				var input io.Reader = strings.NewReader(tt.input)
				if split {
					input = iotest.OneByteReader(input)
				}
				cmds, err := readAll(input)
				if err != io.EOF {
					t.Errorf("split=%v: error %v, want io.EOF after the last command", split, err)
				}
				if got := words(cmds); !equalWords(got, tt.want) {
					t.Errorf("split=%v: got %q, want %q", split, got, tt.want)
				}
			}
		})
	}
}

// The words returned must survive later reads: SET keeps them as keys and values.
func TestReadCommandWordsAreNotOverwritten(t *testing.T) {
	r := newReader(strings.NewReader("SET k1 v1\r\nSET k2 v2\r\n"))
	first, err := r.readCommand()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.readCommand(); err != nil {
		t.Fatal(err)
	}
	if got := string(bytes.Join(first, []byte(" "))); got != "SET k1 v1" {
		t.Errorf("first command now reads %q", got)
	}
}

func TestReadCommandLargeValue(t *testing.T) {
	value := bytes.Repeat([]byte("0123456789abcdef\r\n\x00"), 60000) // 1.14 MB, crossing many buffer fills
	var input bytes.Buffer
	input.WriteString("*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$" + itoa(len(value)) + "\r\n")
	input.Write(value)
	input.WriteString("\r\n")
	for _, r := range []io.Reader{bytes.NewReader(input.Bytes()), iotest.HalfReader(bytes.NewReader(input.Bytes()))} {
		cmds, err := readAll(r)
		if err != io.EOF || len(cmds) != 1 {
			t.Fatalf("got %d commands and %v", len(cmds), err)
		}
		if got := cmds[0][2]; !bytes.Equal(got, value) || cap(got) != len(value) {
			t.Errorf("value: %d bytes (cap %d), equal=%v; want %d bytes", len(got), cap(got), bytes.Equal(got, value), len(value))
		}
	}
}

func TestReadCommandEndOfStream(t *testing.T) {
	tests := []struct {
		input string
		want  error
	}{
		{"", io.EOF},
		{"*1\r\n$4\r\nPING\r\n", io.EOF},
		{"*1\r\n$4\r\nPI", io.ErrUnexpectedEOF},
		{"*2\r\n$4\r\nECHO\r\n", io.ErrUnexpectedEOF},
		{"*1\r\n$4\r\nPING", io.ErrUnexpectedEOF},
		{"*1\r\n$4\r\nPING\r", io.ErrUnexpectedEOF},
		{"*1", io.ErrUnexpectedEOF},
		{"PING", io.ErrUnexpectedEOF}, // an inline command counts only once its line ends
	}
	for _, tt := range tests {
		if _, err := readAll(strings.NewReader(tt.input)); err != tt.want {
			t.Errorf("%q: got %v, want %v", tt.input, err, tt.want)
		}
	}
}

func TestReadCommandProtocolErrors(t *testing.T) {
	tests := []struct {
		input string
		want  string // as Redis 7.0 words it, except where noted
	}{
		{"*x\r\n", "Protocol error: invalid multibulk length"},
		{"*01\r\n", "Protocol error: invalid multibulk length"},
		{"*+1\r\n", "Protocol error: invalid multibulk length"},
		{"*1 \r\n", "Protocol error: invalid multibulk length"},
		{"*2147483648\r\n", "Protocol error: invalid multibulk length"},
		{"*1\r\nPING\r\n", "Protocol error: expected '$', got 'P'"},
		{"*1\r\n:1\r\n", "Protocol error: expected '$', got ':'"},
		{"*1\r\n\xff\r\n", "Protocol error: expected '$', got '\xff'"},
		{"*1\r\n$x\r\n", "Protocol error: invalid bulk length"},
		{"*1\r\n$-1\r\n", "Protocol error: invalid bulk length"},
		{"*1\r\n$04\r\nPING\r\n", "Protocol error: invalid bulk length"},
		{"*1\r\n$536870913\r\n", "Protocol error: invalid bulk length"},
		{"ECHO " + strings.Repeat("a", maxLineLength), "Protocol error: too big inline request"},
		{"*1\r\n$" + strings.Repeat("1", maxLineLength), "Protocol error: too big bulk count string"},
		// Redis does not check the two bytes after a bulk string; this server does.
		{"*1\r\n$4\r\nPINGXX\r\n", "Protocol error: bulk string not followed by CRLF"},
	}
	for _, tt := range tests {
		_, err := readAll(strings.NewReader(tt.input))
		var perr *protocolError
		if !errors.As(err, &perr) || perr.Error() != tt.want {
			t.Errorf("%.40q: got %v, want %q", tt.input, err, tt.want)
		}
	}
}

// Commands before a protocol error are still read (and so answered) first.
func TestReadCommandProtocolErrorAfterGoodCommand(t *testing.T) {
	cmds, err := readAll(strings.NewReader("*1\r\n$4\r\nPING\r\n*x\r\n"))
	var perr *protocolError
	if len(cmds) != 1 || !errors.As(err, &perr) {
		t.Errorf("got %q and %v, want PING then a protocol error", words(cmds), err)
	}
}
