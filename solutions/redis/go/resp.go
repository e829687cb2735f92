package main

import (
	"bufio"
	"bytes"
	"io"
	"math"
)

// Limits, the same as Redis's defaults.
const (
	// maxLineLength bounds an inline command and the header lines of a RESP command
	// (PROTO_INLINE_MAX_SIZE). It is also the read buffer size: a line must fit in it.
	maxLineLength = 64 * 1024
	// maxBulkLength is proto-max-bulk-len: the longest argument a client may send.
	maxBulkLength = 512 * 1024 * 1024
	// maxArgs is the most arguments a command may announce (Redis stores the count in an int).
	maxArgs = math.MaxInt32
)

// A protocolError means the client sent bytes that are neither RESP nor an inline command. Its
// text follows Redis's wording; the connection answers with it and closes.
type protocolError struct {
	msg string
}

func (e *protocolError) Error() string { return "Protocol error: " + e.msg }

// reader reads client commands from a byte stream. TCP delivers bytes, not messages: one read may
// hold several commands (pipelining) or a single byte of one. The bufio.Reader keeps whatever
// has arrived but is not parsed yet, and reads more only when a command needs more.
type reader struct {
	br *bufio.Reader
}

func newReader(r io.Reader) *reader {
	return &reader{br: bufio.NewReaderSize(r, maxLineLength)}
}

// readCommand returns the next command as its words: the name, then the arguments. Each word is
// a fresh slice that the caller may keep (SET stores it as the value). Empty commands, which
// Redis skips without a reply (a blank line, *0\r\n, *-1\r\n), are skipped here too.
//
// The error is io.EOF when the stream ends between two commands, io.ErrUnexpectedEOF when it ends
// inside one, a *protocolError for malformed input, or the error of the underlying reader.
func (r *reader) readCommand() ([][]byte, error) {
	for {
		// A client sends commands as RESP arrays of bulk strings; anything else is an inline
		// command, a line of words as a person types it into telnet or nc.
		// https://redis.io/docs/latest/develop/reference/protocol-spec/#sending-commands-to-a-redis-server
		first, err := r.br.Peek(1)
		if err != nil {
			return nil, err
		}
		var args [][]byte
		if first[0] == '*' {
			args, err = r.readArray()
		} else {
			args, err = r.readInline()
		}
		if err != nil {
			return nil, err
		}
		if len(args) > 0 {
			return args, nil
		}
	}
}

// readArray reads *N\r\n followed by N bulk strings.
// https://redis.io/docs/latest/develop/reference/protocol-spec/#arrays
func (r *reader) readArray() ([][]byte, error) {
	r.br.ReadByte() // the '*' that readCommand peeked at
	line, err := r.readLine("too big mbulk count string")
	if err != nil {
		return nil, err
	}
	n, ok := parseLength(line)
	if !ok || n > maxArgs {
		return nil, &protocolError{"invalid multibulk length"}
	}
	if n <= 0 {
		return nil, nil
	}
	// n comes from the client: do not allocate room for two billion arguments before any has
	// arrived. append grows the slice as arguments actually come.
	args := make([][]byte, 0, minInt(int(n), 16))
	for i := int64(0); i < n; i++ {
		arg, err := r.readBulk()
		if err != nil {
			return nil, err
		}
		args = append(args, arg)
	}
	return args, nil
}

// readBulk reads $LEN\r\n, then exactly LEN bytes whatever they are, then \r\n.
// https://redis.io/docs/latest/develop/reference/protocol-spec/#bulk-strings
func (r *reader) readBulk() ([]byte, error) {
	c, err := r.br.ReadByte()
	if err != nil {
		return nil, unexpected(err)
	}
	if c != '$' {
		// The byte as it came, like Redis: %c would encode bytes above 0x7f as UTF-8.
		return nil, &protocolError{"expected '$', got '" + string([]byte{c}) + "'"}
	}
	line, err := r.readLine("too big bulk count string")
	if err != nil {
		return nil, err
	}
	n, ok := parseLength(line)
	if !ok || n < 0 || n > maxBulkLength {
		return nil, &protocolError{"invalid bulk length"}
	}
	data, err := r.readExactly(int(n))
	if err != nil {
		return nil, err
	}
	// Redis skips the two bytes after the data without looking at them; checking them catches
	// a client whose length prefix is wrong instead of misreading the rest of the stream.
	end, err := r.br.Peek(2)
	if err != nil {
		return nil, unexpected(err)
	}
	if end[0] != '\r' || end[1] != '\n' {
		return nil, &protocolError{"bulk string not followed by CRLF"}
	}
	r.br.Discard(2)
	return data, nil
}

// readExactly reads the n bytes of a bulk string. Its buffer grows as the bytes arrive instead
// of being allocated in full up front: a client may announce 512 MiB and send nothing more.
func (r *reader) readExactly(n int) ([]byte, error) {
	buf := make([]byte, 0, minInt(n, maxLineLength))
	for len(buf) < n {
		if len(buf) == cap(buf) {
			bigger := make([]byte, len(buf), minInt(2*cap(buf), n))
			copy(bigger, buf)
			buf = bigger
		}
		k, err := io.ReadFull(r.br, buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+k]
		if err != nil {
			return nil, unexpected(err)
		}
	}
	return buf, nil
}

// readInline reads an inline command: one line, its words separated by spaces or tabs, ending
// with \r\n (a bare \n is accepted too, as Redis does).
// https://redis.io/docs/latest/develop/reference/protocol-spec/#inline-commands
//
// Redis also understands quotes in inline commands (ECHO "a b" is one argument); this server
// does not, yet.
func (r *reader) readInline() ([][]byte, error) {
	line, err := r.readLine("too big inline request")
	if err != nil {
		return nil, err
	}
	line = bytes.TrimSuffix(line, []byte("\r"))
	words := bytes.FieldsFunc(line, func(c rune) bool { return c == ' ' || c == '\t' })
	args := make([][]byte, len(words))
	for i, w := range words {
		// line points into the read buffer, which the next read overwrites: copy.
		args[i] = append([]byte(nil), w...)
	}
	return args, nil
}

// readLine reads up to the next \n and returns the line without it. The slice points into the
// read buffer and is valid only until the next read. A line longer than the buffer is a protocol
// error, worded tooLong.
func (r *reader) readLine(tooLong string) ([]byte, error) {
	line, err := r.br.ReadSlice('\n')
	switch {
	case err == bufio.ErrBufferFull:
		return nil, &protocolError{tooLong}
	case err != nil:
		// readCommand has already seen the first byte of this command: even a clean EOF
		// here cuts a command short.
		return nil, unexpected(err)
	}
	return line[:len(line)-1], nil
}

// parseLength parses the number in a header line such as "3\r" (the \n is already gone).
func parseLength(line []byte) (int64, bool) {
	if len(line) == 0 || line[len(line)-1] != '\r' {
		return 0, false
	}
	return parseInt(line[:len(line)-1])
}

// unexpected turns io.EOF into io.ErrUnexpectedEOF, for use inside a command.
func unexpected(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

func minInt(a, b int) int {
	if a < b {
		return a
	}
	return b
}
