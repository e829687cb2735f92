package main

import (
	"bufio"
	"strconv"
	"strings"
	"time"
)

// The status codes this server sends (RFC 9110 §15, and RFC 6585 for 431).
const (
	StatusOK                   = 200
	StatusCreated              = 201
	StatusPartialContent       = 206
	StatusNotModified          = 304
	StatusBadRequest           = 400
	StatusNotFound             = 404
	StatusMethodNotAllowed     = 405
	StatusRequestTimeout       = 408
	StatusContentTooLarge      = 413
	StatusRangeNotSatisfiable  = 416
	StatusHeaderFieldsTooLarge = 431
	StatusInternalServerError  = 500
	StatusNotImplemented       = 501
)

// reasonPhrase returns the customary reason phrase of a status code. Clients ignore it (RFC
// 9112 §4), but the status line must have one after the code and its space.
func reasonPhrase(status int) string {
	switch status {
	case StatusOK:
		return "OK"
	case StatusCreated:
		return "Created"
	case StatusPartialContent:
		return "Partial Content"
	case StatusNotModified:
		return "Not Modified"
	case StatusBadRequest:
		return "Bad Request"
	case StatusNotFound:
		return "Not Found"
	case StatusMethodNotAllowed:
		return "Method Not Allowed"
	case StatusRequestTimeout:
		return "Request Timeout"
	case StatusContentTooLarge:
		return "Content Too Large"
	case StatusRangeNotSatisfiable:
		return "Range Not Satisfiable"
	case StatusHeaderFieldsTooLarge:
		return "Request Header Fields Too Large"
	case StatusInternalServerError:
		return "Internal Server Error"
	case StatusNotImplemented:
		return "Not Implemented"
	}
	return "Unknown"
}

// Response is what a handler returns. Handlers never set Content-Length, Date or Connection:
// those describe the message on this connection rather than the resource, and write adds them.
type Response struct {
	Status int
	Header Fields
	Body   []byte
}

// Fields is an ordered list of header fields. Order means nothing to HTTP, but a stable order
// makes responses easy to read and to compare.
type Fields []Field

// Field is one header field.
type Field struct {
	Name, Value string
}

// Set replaces the value of the named field (compared case-insensitively), or appends it.
func (fs *Fields) Set(name, value string) {
	for i := range *fs {
		if strings.EqualFold((*fs)[i].Name, name) {
			(*fs)[i].Value = value
			return
		}
	}
	*fs = append(*fs, Field{Name: name, Value: value})
}

// Get returns the value of the named field, or "".
func (fs Fields) Get(name string) string {
	for _, f := range fs {
		if strings.EqualFold(f.Name, name) {
			return f.Value
		}
	}
	return ""
}

// NewResponse returns an empty response with the given status.
func NewResponse(status int) *Response {
	return &Response{Status: status}
}

// textResponse returns a text/plain response.
func textResponse(status int, body string) *Response {
	resp := NewResponse(status)
	resp.Header.Set("Content-Type", "text/plain")
	resp.Body = []byte(body)
	return resp
}

// hasContent reports whether a response with this status has a body at all: 1xx, 204 and 304
// never do (RFC 9110 §6.4.1), whatever their header fields say.
func hasContent(status int) bool {
	return status >= 200 && status != 204 && status != StatusNotModified
}

// imfFixdate is the preferred HTTP date format (RFC 9110 §5.6.7), always in GMT.
const imfFixdate = "Mon, 02 Jan 2006 15:04:05 GMT"

// write serializes the response (RFC 9112 §4 status line, §5 field lines, §6 body):
//
//	HTTP/1.1 200 OK\r\n
//	Name: value\r\n
//	\r\n
//	body
//
// It adds Date (RFC 9110 §6.6.1: an origin server with a clock MUST send it) and
// Content-Length, which every response with content carries, even "0": the client then never
// has to guess where the body ends. For a HEAD request it writes everything but the body,
// Content-Length included (RFC 9110 §9.3.2). A 304 gets no Content-Length: RFC 9110 §8.6 would
// require it to be the length of the 200 response's body, and the client needs none.
//
// Write errors surface at the caller's Flush: a bufio.Writer remembers its first error and
// returns it from every later call.
func (r *Response) write(w *bufio.Writer, headRequest bool, now time.Time) {
	w.WriteString("HTTP/1.1 ")
	w.WriteString(strconv.Itoa(r.Status))
	w.WriteByte(' ')
	w.WriteString(reasonPhrase(r.Status))
	w.WriteString("\r\n")

	writeField(w, "Date", now.UTC().Format(imfFixdate))
	for _, f := range r.Header {
		writeField(w, f.Name, f.Value)
	}
	if hasContent(r.Status) {
		writeField(w, "Content-Length", strconv.Itoa(len(r.Body)))
	}
	w.WriteString("\r\n")

	if hasContent(r.Status) && !headRequest {
		w.Write(r.Body)
	}
}

func writeField(w *bufio.Writer, name, value string) {
	w.WriteString(name)
	w.WriteString(": ")
	w.WriteString(value)
	w.WriteString("\r\n")
}
