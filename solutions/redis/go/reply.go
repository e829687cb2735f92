package main

import "strconv"

// A reply is one RESP2 value sent to the client.
// https://redis.io/docs/latest/develop/reference/protocol-spec/#resp-protocol-description
type reply interface {
	// appendTo appends the value's encoding to b and returns the extended slice, as
	// strconv.AppendInt does. Replies are encoded straight into the connection's output queue
	// (outbox.go), which the publishers of Pub/Sub messages append to as well.
	appendTo(b []byte) []byte
}

// simpleString is a short status line, such as OK or PONG: +OK\r\n
type simpleString string

func (s simpleString) appendTo(b []byte) []byte {
	b = append(b, '+')
	b = appendOneLine(b, string(s))
	return append(b, "\r\n"...)
}

// errorReply is an error, its code first: -ERR syntax error\r\n
// https://redis.io/docs/latest/develop/reference/protocol-spec/#simple-errors
type errorReply string

func (e errorReply) appendTo(b []byte) []byte {
	b = append(b, '-')
	b = appendOneLine(b, string(e))
	return append(b, "\r\n"...)
}

// integer is a signed 64-bit number: :42\r\n
// https://redis.io/docs/latest/develop/reference/protocol-spec/#integers
type integer int64

func (n integer) appendTo(b []byte) []byte {
	b = append(b, ':')
	b = strconv.AppendInt(b, int64(n), 10)
	return append(b, "\r\n"...)
}

// bulkString is binary-safe: its length, not a delimiter, says where it ends, so it may hold
// \r\n, NUL and any other byte: $3\r\nhey\r\n
// https://redis.io/docs/latest/develop/reference/protocol-spec/#bulk-strings
type bulkString []byte

func (s bulkString) appendTo(b []byte) []byte {
	b = append(b, '$')
	b = strconv.AppendInt(b, int64(len(s)), 10)
	b = append(b, "\r\n"...)
	b = append(b, s...)
	return append(b, "\r\n"...)
}

// nullBulk is RESP2's "no value", the answer to GET of a missing key: $-1\r\n
// https://redis.io/docs/latest/develop/reference/protocol-spec/#null-bulk-strings
type nullBulk struct{}

func (nullBulk) appendTo(b []byte) []byte { return append(b, "$-1\r\n"...) }

// array is a list of replies, possibly empty (*0\r\n), possibly nested.
// https://redis.io/docs/latest/develop/reference/protocol-spec/#arrays
type array []reply

func (a array) appendTo(b []byte) []byte {
	b = append(b, '*')
	b = strconv.AppendInt(b, int64(len(a)), 10)
	b = append(b, "\r\n"...)
	for _, r := range a {
		b = r.appendTo(b)
	}
	return b
}

// nullArray is the "no array" of RESP2: *-1\r\n. It is not the empty array: BLPOP answers it on
// timeout, LPOP key count when there is no key, EXEC when a WATCHed key changed.
// https://redis.io/docs/latest/develop/reference/protocol-spec/#null-arrays
type nullArray struct{}

func (nullArray) appendTo(b []byte) []byte { return append(b, "*-1\r\n"...) }

// replies are several replies in a row, not wrapped in an array: SUBSCRIBE a b c answers with
// three arrays, one per channel.
type replies []reply

func (rs replies) appendTo(b []byte) []byte {
	for _, r := range rs {
		b = r.appendTo(b)
	}
	return b
}

// appendOneLine appends s with CR and LF replaced by spaces. Simple strings and errors end at the
// first \r\n, so one inside the text would cut the reply short and leave the rest to be read as
// a new reply. Redis does the same to its error messages, which may quote what the client sent.
// It works on bytes: an argument quoted in an error need not be UTF-8.
func appendOneLine(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\r' || c == '\n' {
			c = ' '
		}
		b = append(b, c)
	}
	return b
}
