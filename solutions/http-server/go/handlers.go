package main

import (
	"bytes"
	"compress/gzip"
	"log"
	"strconv"
	"strings"
)

// app holds what the handlers share: the directory behind /files/ and a logger for failures
// that are the server's fault.
type app struct {
	dir string // "" when the server was started without --directory
	log *log.Logger
}

// newRouter wires the routes of the challenge to their handlers.
func newRouter(dir string, logger *log.Logger) Handler {
	a := &app{dir: dir, log: logger}
	rt := &Router{routes: []route{
		{match: exact("/"), methods: map[string]routeHandler{"GET": a.root}},
		{match: prefix("/echo/"), methods: map[string]routeHandler{"GET": a.echo}},
		{match: exact("/user-agent"), methods: map[string]routeHandler{"GET": a.userAgent}},
		{match: prefix("/files/"), methods: map[string]routeHandler{"GET": a.getFile, "POST": a.postFile}},
	}}
	return rt.Handle
}

// root: GET / → 200 with an empty body.
func (a *app) root(*Request, string) *Response {
	return NewResponse(StatusOK)
}

// echo: GET /echo/{str} → {str} as text, gzip-compressed when the client accepts gzip. {str} is
// sent as it appears in the path, without percent-decoding.
func (a *app) echo(req *Request, str string) *Response {
	resp := textResponse(StatusOK, str)
	// The body depends on Accept-Encoding, so caches must key on it (RFC 9110 §12.5.5).
	resp.Header.Set("Vary", "Accept-Encoding")
	if !acceptsGzip(req.Header) {
		return resp
	}
	compressed, err := gzipBytes(resp.Body)
	if err != nil {
		a.log.Printf("echo: gzip: %v", err)
		return NewResponse(StatusInternalServerError)
	}
	resp.Header.Set("Content-Encoding", "gzip")
	resp.Body = compressed // Content-Length is the length of what is sent: the compressed bytes
	return resp
}

// userAgent: GET /user-agent → the request's User-Agent value as text.
func (a *app) userAgent(req *Request, _ string) *Response {
	return textResponse(StatusOK, req.Header.Get("User-Agent"))
}

// acceptsGzip reports whether Accept-Encoding (RFC 9110 §12.5.3) lists gzip, e.g.
// "Accept-Encoding: deflate, gzip". A weight of zero ("gzip;q=0") means "not gzip".
func acceptsGzip(h Header) bool {
	for _, elem := range h.List("Accept-Encoding") {
		coding, params, _ := strings.Cut(elem, ";")
		if !strings.EqualFold(strings.TrimSpace(coding), "gzip") {
			continue
		}
		name, value, _ := strings.Cut(strings.TrimSpace(params), "=")
		if strings.EqualFold(strings.TrimSpace(name), "q") {
			if q, err := strconv.ParseFloat(strings.TrimSpace(value), 64); err == nil && q == 0 {
				return false
			}
		}
		return true
	}
	return false
}

func gzipBytes(data []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(data); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
