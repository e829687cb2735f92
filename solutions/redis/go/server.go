package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"time"
)

// server holds what all connections share: the keys and the command table. There is no global
// state; tests build as many servers as they like.
type server struct {
	db       *keyspace
	commands commandTable
}

func newServer() *server {
	return &server{db: newKeyspace(), commands: newCommandTable()}
}

// serve accepts connections until the listener fails, each served by its own goroutine: a client
// that stays connected and silent must not keep the others waiting.
func (s *server) serve(ln net.Listener) error {
	for {
		conn, err := ln.Accept()
		if errors.Is(err, net.ErrClosed) {
			return nil
		}
		if err != nil {
			// Accept errors are about one connection (ECONNABORTED) or a passing shortage
			// (EMFILE: out of file descriptors). Wait a moment rather than spin, then carry on.
			fmt.Fprintln(os.Stderr, "accept:", err)
			time.Sleep(10 * time.Millisecond)
			continue
		}
		go s.serveConn(conn)
	}
}

// serveConn reads commands from one client and answers each, in order, until the client closes
// its side or breaks the protocol.
func (s *server) serveConn(conn net.Conn) {
	defer conn.Close()
	w := bufio.NewWriter(conn)
	r := newReader(flushBeforeRead{r: conn, w: w})
	for {
		args, err := r.readCommand()
		if err != nil {
			// After a protocol error nothing tells where the next command starts. Redis answers
			// with the error and closes the connection; so do we.
			var perr *protocolError
			if errors.As(err, &perr) {
				errorReply("ERR " + perr.Error()).writeTo(w)
				if w.Flush() == nil {
					lingeringClose(conn)
				}
			}
			// io.EOF: the client sent FIN after its last command (a half-close). The read that
			// met the FIN flushed every reply first, so closing now loses nothing.
			// io.ErrUnexpectedEOF: the FIN came in the middle of a command; there is nothing to
			// answer. Anything else is a broken connection.
			return
		}
		s.execute(args).writeTo(w)
	}
}

// lingeringClose ends a connection whose client may still be sending. Closing a TCP socket
// with unread bytes in its receive buffer makes the kernel answer with a reset (RST) instead of a
// FIN, and the reset can destroy the error reply before the client reads it. So: send FIN, then
// read and discard what is still coming for a moment, and only then close.
func lingeringClose(conn net.Conn) {
	tcp, ok := conn.(*net.TCPConn)
	if !ok {
		return
	}
	if tcp.CloseWrite() != nil {
		return
	}
	tcp.SetReadDeadline(time.Now().Add(lingerTime))
	io.Copy(io.Discard, io.LimitReader(tcp, lingerBytes))
}

// Bounds on lingeringClose: a client that keeps sending cannot keep the goroutine forever.
const (
	lingerTime  = 500 * time.Millisecond
	lingerBytes = 1 << 20
)

// execute runs one command and returns its reply.
func (s *server) execute(args [][]byte) reply {
	cmd := s.commands.lookup(args[0])
	if cmd == nil {
		return unknownCommand(args)
	}
	if !cmd.acceptsArgs(len(args)) {
		return wrongArity(cmd.name)
	}
	// Redis runs commands one at a time on one thread, so each is atomic. Holding the keyspace
	// lock for the whole command gives the same guarantee to our goroutines; MULTI/EXEC will
	// hold it across a whole queue of commands.
	s.db.mu.Lock()
	defer s.db.mu.Unlock()
	return cmd.run(&cmdContext{db: s.db, now: time.Now().UnixMilli()}, args)
}

// flushBeforeRead sends the buffered replies before every read from the socket. That is exactly
// the moment they must go: the server is about to wait for the client, and the client may be
// waiting for them. Until then replies pile up in w, so the replies to a pipelined batch of
// commands leave in one write instead of one write each.
type flushBeforeRead struct {
	r io.Reader
	w *bufio.Writer
}

func (f flushBeforeRead) Read(p []byte) (int, error) {
	if err := f.w.Flush(); err != nil {
		return 0, err
	}
	return f.r.Read(p)
}
