package main

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"math"
	"strings"
)

const (
	// maxHeadSize limits the request line plus the header lines, CRLFs included. Anything
	// longer is answered with 431 (RFC 6585 §5). Without a limit, one client could make the
	// server buffer an endless head.
	maxHeadSize = 8192

	// maxBodySize limits a request body, however it is framed: 413 above it (RFC 9110 §15.5.14).
	maxBodySize = 1 << 20
)

// Request is one parsed request.
type Request struct {
	Method string
	Target string // the request-target as sent, e.g. "/echo/abc?x=1" (RFC 9112 §3.2)
	Path   string // Target without its query
	Header Header
	Body   []byte

	// How the body is framed (RFC 9112 §6.3): chunked, or contentLength bytes (0: no body).
	chunked       bool
	contentLength int64
}

func (r *Request) hasBody() bool { return r.chunked || r.contentLength > 0 }

// httpError is a request the server refuses with a 4xx status, then closes the connection.
type httpError struct {
	status int
	reason string // for the client: sent as a short text/plain body
}

func (e *httpError) Error() string { return e.reason }

func (e *httpError) response() *Response {
	return textResponse(e.status, e.reason+"\n")
}

func badRequest(reason string) error {
	return &httpError{status: StatusBadRequest, reason: reason}
}

func headTooLarge() error {
	return &httpError{status: StatusHeaderFieldsTooLarge, reason: "request head larger than 8192 bytes"}
}

func bodyTooLarge() error {
	return &httpError{status: StatusContentTooLarge, reason: "request body larger than 1 MiB"}
}

// readRequestHead reads and checks a request line and its header section (RFC 9112 §2.1):
//
//	HTTP-message = start-line CRLF *( field-line CRLF ) CRLF [ message-body ]
//
// It does not read the body: readBody does, once the connection has decided to.
func readRequestHead(br *bufio.Reader) (*Request, error) {
	// +2: the empty line that ends the head is not part of the limit.
	budget := maxHeadSize + len("\r\n")

	line, err := readHeadLine(br, &budget)
	// RFC 9112 §2.2: a server SHOULD ignore empty lines received before the request line
	// (some clients send an extra CRLF after a body). The budget bounds how many.
	for err == nil && len(line) == 0 {
		line, err = readHeadLine(br, &budget)
	}
	if err != nil {
		return nil, err
	}
	req, err := parseRequestLine(line)
	if err != nil {
		return nil, err
	}

	for {
		line, err := readHeadLine(br, &budget)
		if err != nil {
			return nil, err
		}
		if len(line) == 0 {
			break // the empty line: end of the head
		}
		name, value, err := parseFieldLine(line)
		if err != nil {
			return nil, err
		}
		req.Header.add(name, value)
	}

	// RFC 9112 §3.2: a server MUST answer 400 to an HTTP/1.1 request without a Host header
	// field, or with more than one.
	if n := len(req.Header.Values("Host")); n != 1 {
		if n == 0 {
			return nil, badRequest("missing Host header")
		}
		return nil, badRequest("more than one Host header")
	}
	if err := req.parseFraming(); err != nil {
		return nil, err
	}
	return req, nil
}

// readHeadLine reads one line of the head, charging it (CRLF included) to *budget.
func readHeadLine(br *bufio.Reader, budget *int) ([]byte, error) {
	line, n, err := readLine(br, *budget)
	if errors.Is(err, errLineTooLong) {
		return nil, headTooLarge()
	}
	*budget -= n
	return line, err
}

var errLineTooLong = errors.New("line too long")

// readLine reads a line ended by CRLF and returns it without the CRLF, along with the number
// of bytes consumed. A line longer than max bytes (CRLF included) is errLineTooLong, detected
// after reading at most max bytes plus one buffer. End of input before the line's first byte is
// io.EOF; in the middle of a line it is io.ErrUnexpectedEOF.
func readLine(br *bufio.Reader, max int) ([]byte, int, error) {
	var line []byte
	for {
		// ReadSlice returns at most one buffer's worth (ErrBufferFull); append to go on.
		frag, err := br.ReadSlice('\n')
		if len(line)+len(frag) > max {
			return nil, 0, errLineTooLong
		}
		line = append(line, frag...)
		if err == nil {
			break
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == io.EOF && len(line) > 0 {
			err = io.ErrUnexpectedEOF
		}
		return nil, 0, err
	}
	// RFC 9112 §2.2 lets a recipient accept a bare LF as a line terminator. This server is
	// strict: the fewer ways to end a line, the fewer chances that it and a proxy in front of
	// it disagree about where a request ends (request smuggling).
	if len(line) < 2 || line[len(line)-2] != '\r' {
		return nil, 0, badRequest("line not terminated by CRLF")
	}
	return line[:len(line)-2], len(line), nil
}

// parseRequestLine parses RFC 9112 §3:
//
//	request-line = method SP request-target SP HTTP-version
//
// with exactly one space between the parts (§3 allows a lenient parser to accept other
// whitespace; the contract asks for strictness).
func parseRequestLine(line []byte) (*Request, error) {
	parts := strings.Split(string(line), " ")
	if len(parts) != 3 {
		return nil, badRequest("malformed request line: want METHOD SP target SP HTTP/1.1")
	}
	method, target, version := parts[0], parts[1], parts[2]

	// The method is a case-sensitive token (RFC 9110 §9.1).
	if !isToken(method) {
		return nil, badRequest("malformed method")
	}
	// This server speaks HTTP/1.1 only, and the contract wants 400 for anything else (a server
	// could also answer 505 to a version it does not support, RFC 9110 §15.6.6).
	if version != "HTTP/1.1" {
		return nil, badRequest("unsupported protocol version: want HTTP/1.1")
	}
	// origin-form = absolute-path [ "?" query ] (RFC 9112 §3.2.1), the form a client uses when
	// it talks to the origin server directly. The absolute-form (§3.2.2, for proxies), the
	// authority-form (CONNECT) and the asterisk-form (OPTIONS *) are not supported.
	if !strings.HasPrefix(target, "/") {
		return nil, badRequest("request target must start with /")
	}
	for i := 0; i < len(target); i++ {
		if c := target[i]; c <= ' ' || c >= 0x7f {
			return nil, badRequest("invalid character in request target")
		}
	}

	path, _, _ := strings.Cut(target, "?")
	return &Request{Method: method, Target: target, Path: path, Header: Header{}}, nil
}

// parseFieldLine parses RFC 9112 §5:
//
//	field-line = field-name ":" OWS field-value OWS
//
// and returns the name and the value without its surrounding whitespace. line is not empty.
func parseFieldLine(line []byte) (name, value string, err error) {
	if isOWS(line[0]) {
		// A line starting with whitespace continues the previous one (obs-fold). It is
		// obsolete; §5.2 lets a server reject it with 400.
		return "", "", badRequest("obsolete header line folding")
	}
	colon := bytes.IndexByte(line, ':')
	if colon < 0 {
		return "", "", badRequest("header line without a colon")
	}
	rawName, rawValue := line[:colon], line[colon+1:]

	switch {
	case len(rawName) == 0:
		return "", "", badRequest("header line without a name")
	case isOWS(rawName[len(rawName)-1]):
		// §5.1: whitespace between the name and the colon MUST be answered with 400: proxies
		// have disagreed about what "Content-Length : 5" means.
		return "", "", badRequest("whitespace between header name and colon")
	case !isToken(string(rawName)):
		return "", "", badRequest("invalid header name")
	}

	rawValue = bytes.TrimFunc(rawValue, func(r rune) bool { return r == ' ' || r == '\t' })
	// RFC 9110 §5.5: CR, LF and NUL are never valid in a value; other controls but HTAB are
	// not allowed either.
	for _, c := range rawValue {
		if (c < ' ' && c != '\t') || c == 0x7f {
			return "", "", badRequest("invalid character in header value")
		}
	}
	return string(rawName), string(rawValue), nil
}

// parseFraming decides how the body is delimited (RFC 9112 §6.3), refusing every ambiguity: a
// request whose length two parties could read differently is how request smuggling works.
func (r *Request) parseFraming() error {
	te := r.Header.Values("Transfer-Encoding")
	cl := r.Header.Values("Content-Length")

	if len(te) > 0 && len(cl) > 0 {
		// §6.1 lets a server reject this outright (and if it did not, it would have to let
		// Transfer-Encoding win and close the connection afterwards).
		return badRequest("both Content-Length and Transfer-Encoding")
	}

	if len(te) > 0 {
		codings := r.Header.List("Transfer-Encoding")
		// §6.3: in a request, chunked must be the final coding, or the length is unknowable.
		if len(codings) == 0 || !strings.EqualFold(codings[len(codings)-1], "chunked") {
			return badRequest("Transfer-Encoding must end with chunked")
		}
		// §6.1: a server SHOULD answer 501 to a transfer coding it does not implement. Here
		// that is anything but a plain "chunked".
		if len(codings) > 1 {
			return &httpError{status: StatusNotImplemented, reason: "only the chunked transfer coding is supported"}
		}
		r.chunked = true
		return nil
	}

	if len(cl) > 0 {
		n, err := parseContentLength(cl)
		if err != nil {
			return err
		}
		// Refuse before reading a single byte of the body: the client learns at once, and the
		// server never buffers what it is going to reject.
		if n > maxBodySize {
			return bodyTooLarge()
		}
		r.contentLength = n
	}
	return nil
}

// parseContentLength checks Content-Length = 1*DIGIT (RFC 9110 §8.6). The field may be
// repeated, on several lines or as a list on one, but only with identical values: differing
// ones leave the length in doubt.
func parseContentLength(lines []string) (int64, error) {
	var first string
	for i, line := range lines {
		for j, v := range strings.Split(line, ",") {
			v = strings.TrimSpace(v)
			if i == 0 && j == 0 {
				first = v
			} else if v != first {
				return 0, badRequest("conflicting Content-Length values")
			}
		}
	}
	n, ok := parseDecimal(first)
	if !ok {
		return 0, badRequest("Content-Length is not a decimal number")
	}
	return n, nil
}

// parseDecimal parses 1*DIGIT. Unlike strconv.ParseInt it refuses signs, and a value too big
// for int64 is not an error but math.MaxInt64: a number that large is over any limit anyway.
func parseDecimal(s string) (int64, bool) {
	if s == "" {
		return 0, false
	}
	var n int64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		d := int64(c - '0')
		if n > (math.MaxInt64-d)/10 {
			n = math.MaxInt64
			continue // keep checking that the rest are digits
		}
		n = n*10 + d
	}
	return n, true
}

// readBody reads the body announced by the head into req.Body.
func readBody(br *bufio.Reader, req *Request) error {
	if req.chunked {
		body, err := readChunked(br, maxBodySize)
		if err != nil {
			return err
		}
		req.Body = body
		return nil
	}
	body := make([]byte, req.contentLength)
	if _, err := io.ReadFull(br, body); err != nil {
		return err
	}
	req.Body = body
	return nil
}
