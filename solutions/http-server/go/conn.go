package main

import (
	"bufio"
	"errors"
	"io"
	"net"
	"os"
	"time"
)

const (
	// writeTimeout bounds the writing of one response, so that a client that stops reading
	// cannot hold a goroutine (and Shutdown) forever.
	writeTimeout = 10 * time.Second

	// lingerTimeout and lingerMaxBytes bound the draining of unread input before a close
	// (see closeGracefully).
	lingerTimeout  = 500 * time.Millisecond
	lingerMaxBytes = 256 << 10
)

// conn is one client connection. Its goroutine reads a request, answers it, and only then
// reads the next one (RFC 9112 §9.3: connections persist by default). Answering strictly one
// request at a time is what keeps pipelined responses in request order (§9.3.2) for free.
type conn struct {
	srv *Server
	rwc net.Conn
	nr  *netReader
	br  *bufio.Reader // buffers input, so requests split over many reads or packed into one read both work
	bw  *bufio.Writer
}

func newConn(srv *Server, rwc net.Conn) *conn {
	nr := &netReader{conn: rwc}
	return &conn{
		srv: srv,
		rwc: rwc,
		nr:  nr,
		br:  bufio.NewReader(nr),
		bw:  bufio.NewWriter(rwc),
	}
}

// netReader is the connection as the bufio.Reader sees it. While a body is being read it moves
// the read deadline forward before every network read: an upload may be slow, but it may not
// stall for longer than the idle timeout. At all other times it leaves the deadline alone, so
// the one set by awaitRequest keeps running.
type netReader struct {
	conn         net.Conn
	stallTimeout time.Duration // 0: leave the deadline alone
}

func (r *netReader) Read(p []byte) (int, error) {
	if r.stallTimeout > 0 {
		if err := r.conn.SetReadDeadline(time.Now().Add(r.stallTimeout)); err != nil {
			return 0, err
		}
	}
	return r.conn.Read(p)
}

func (c *conn) serve() {
	defer c.srv.untrack(c)
	defer c.rwc.Close()

	for {
		if !c.awaitRequest() {
			return
		}
		req, err := c.readRequest()
		if err != nil {
			c.fail(err)
			return
		}

		resp := c.srv.handler(req)
		keepAlive := !req.Header.HasToken("Connection", "close") && !c.srv.isClosing()
		if err := c.writeResponse(resp, req.Method == "HEAD", keepAlive); err != nil {
			return // the client is gone, or not reading
		}
		if !keepAlive {
			c.closeGracefully()
			return
		}
	}
}

// awaitRequest waits for the first byte of the next request. It reports false when the
// connection should simply close: the client closed it, stayed silent for the idle timeout, or
// the server is shutting down. None of these calls for a response (RFC 9112 §9.5: a server may
// close an idle connection at any time; a 408 written now could be mistaken by the client for
// the answer to a request it is sending at the same moment).
func (c *conn) awaitRequest() bool {
	// The idle timeout covers the silence before a request AND the arrival of its whole head:
	// the deadline is set once, here, and is not pushed back as bytes trickle in. Otherwise a
	// client sending one byte now and then (slowloris) could hold the connection forever.
	//
	// Set the deadline before marking the connection idle: once it is idle, Shutdown may
	// move the deadline to the past to interrupt it, and that must not be overwritten.
	if err := c.rwc.SetReadDeadline(time.Now().Add(c.srv.idleTimeout)); err != nil {
		return false
	}
	if !c.srv.setState(c, stateIdle) {
		return false
	}
	if _, err := c.br.Peek(1); err != nil {
		return false
	}
	return c.srv.setState(c, stateActive)
}

// interrupt wakes the goroutine of an idle connection blocked in awaitRequest, which then
// closes the connection. Called by Shutdown.
func (c *conn) interrupt() {
	c.rwc.SetReadDeadline(time.Unix(1, 0)) // any time in the past fails the pending read at once
}

// readRequest reads one request, head and body.
func (c *conn) readRequest() (*Request, error) {
	req, err := readRequestHead(c.br)
	if err != nil {
		return nil, err
	}
	if !req.hasBody() {
		return req, nil
	}

	// RFC 9110 §10.1.1: a client sending "Expect: 100-continue" waits for an interim 100
	// before it sends the body (curl does this for large uploads). We get here only when the
	// head is acceptable, so the body is wanted; a refusal (413, 400) was already decided.
	if req.Header.HasToken("Expect", "100-continue") {
		if err := c.writeContinue(); err != nil {
			return nil, err
		}
	}

	c.nr.stallTimeout = c.srv.idleTimeout
	defer func() { c.nr.stallTimeout = 0 }()
	if err := readBody(c.br, req); err != nil {
		return nil, err
	}
	return req, nil
}

// writeContinue sends the interim response that tells a waiting client to send its body.
func (c *conn) writeContinue() error {
	if err := c.rwc.SetWriteDeadline(time.Now().Add(writeTimeout)); err != nil {
		return err
	}
	c.bw.WriteString("HTTP/1.1 100 Continue\r\n\r\n")
	return c.bw.Flush() // a bufio.Writer reports its first error here
}

// fail answers a request that could not be read, if there is anyone left to answer, and
// closes the connection: after a framing error the server no longer knows where the next
// request would start (RFC 9112 §9.3).
func (c *conn) fail(err error) {
	var resp *Response
	var he *httpError
	switch {
	case errors.As(err, &he):
		resp = he.response()
	case errors.Is(err, os.ErrDeadlineExceeded):
		// The request was started but not finished in time (RFC 9110 §15.5.9).
		resp = textResponse(StatusRequestTimeout, "request not received in time\n")
	default:
		return // the client closed or reset the connection halfway through a request
	}
	if c.writeResponse(resp, false, false) == nil {
		c.closeGracefully()
	}
}

// writeResponse writes resp, framed for this connection, and flushes it. headRequest drops the
// body but keeps the Content-Length it would have had (RFC 9110 §9.3.2). Without keepAlive the
// response says "Connection: close" (RFC 9112 §9.6) and the caller closes the connection.
func (c *conn) writeResponse(resp *Response, headRequest, keepAlive bool) error {
	if !keepAlive {
		resp.Header.Set("Connection", "close")
	}
	if err := c.rwc.SetWriteDeadline(time.Now().Add(writeTimeout)); err != nil {
		return err
	}
	resp.write(c.bw, headRequest, time.Now())
	return c.bw.Flush()
}

// closeGracefully prepares the connection for closing after a final response (the deferred
// Close in serve does the rest). RFC 9112 §9.6: closing a socket that still has unread input
// makes the kernel answer with a TCP reset, and a reset can destroy the response just sent
// before the client has read it. That happens precisely when we refuse a request without
// reading all of it (413 for a body being sent, 400 halfway through a head). So shut down the
// writing side first (the client sees the response, then end of stream), then drain whatever
// the client is still sending, for a short while.
func (c *conn) closeGracefully() {
	tcp, ok := c.rwc.(*net.TCPConn)
	if !ok {
		return
	}
	if err := tcp.CloseWrite(); err != nil {
		return
	}
	if err := tcp.SetReadDeadline(time.Now().Add(lingerTimeout)); err != nil {
		return
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(tcp, lingerMaxBytes))
}
