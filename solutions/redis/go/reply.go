package main

import (
	"bufio"
	"strconv"
	"strings"
)

// A reply is one RESP2 value sent to the client. Integers (:) and arrays (*) join this file with
// the first commands that answer with them (DEL, LRANGE).
// https://redis.io/docs/latest/develop/reference/protocol-spec/#resp-protocol-description
type reply interface {
	// writeTo appends the value's encoding to w. It returns no error: a bufio.Writer keeps its
	// first write error and returns it from Flush, which is where the connection checks.
	writeTo(w *bufio.Writer)
}

// simpleString is a short status line, such as OK or PONG: +OK\r\n
type simpleString string

func (s simpleString) writeTo(w *bufio.Writer) {
	w.WriteByte('+')
	w.WriteString(oneLine(string(s)))
	w.WriteString("\r\n")
}

// errorReply is an error, its code first: -ERR syntax error\r\n
// https://redis.io/docs/latest/develop/reference/protocol-spec/#simple-errors
type errorReply string

func (e errorReply) writeTo(w *bufio.Writer) {
	w.WriteByte('-')
	w.WriteString(oneLine(string(e)))
	w.WriteString("\r\n")
}

// bulkString is binary-safe: its length, not a delimiter, says where it ends, so it may hold
// \r\n, NUL and any other byte: $3\r\nhey\r\n
// https://redis.io/docs/latest/develop/reference/protocol-spec/#bulk-strings
type bulkString []byte

func (b bulkString) writeTo(w *bufio.Writer) {
	w.WriteByte('$')
	w.WriteString(strconv.Itoa(len(b)))
	w.WriteString("\r\n")
	w.Write(b)
	w.WriteString("\r\n")
}

// nullBulk is RESP2's "no value", the answer to GET of a missing key: $-1\r\n
// https://redis.io/docs/latest/develop/reference/protocol-spec/#null-bulk-strings
type nullBulk struct{}

func (nullBulk) writeTo(w *bufio.Writer) {
	w.WriteString("$-1\r\n")
}

// oneLine replaces CR and LF with spaces. Simple strings and errors end at the first \r\n, so one
// inside the text would cut the reply short and leave the rest to be read as a new reply. Redis
// does the same to its error messages, which may quote what the client sent. It works on bytes:
// an argument quoted in an error need not be UTF-8.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	b := []byte(s)
	for i, c := range b {
		if c == '\r' || c == '\n' {
			b[i] = ' '
		}
	}
	return string(b)
}
