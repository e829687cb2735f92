package main

import (
	"context"
	"errors"
	"log"
	"net"
	"sync"
	"time"
)

// ErrServerClosed is what Serve returns once Shutdown has closed its listener.
var ErrServerClosed = errors.New("server closed")

// A Handler turns a complete request into a response.
type Handler func(*Request) *Response

// connState is what Shutdown needs to know about a connection.
type connState int

const (
	// stateIdle: waiting for the first byte of the next request. Closing the connection now
	// loses nothing; RFC 9112 §9.3.1 lets a client retry a request the server never started.
	stateIdle connState = iota
	// stateActive: reading a request, running its handler or writing its response. Shutdown
	// lets this finish.
	stateActive
)

// Server serves HTTP/1.1 on the connections a listener accepts, one goroutine per connection.
// It keeps the set of open connections and their states so that Shutdown can close the idle
// ones at once and wait for the others.
type Server struct {
	handler     Handler
	idleTimeout time.Duration
	log         *log.Logger

	mu       sync.Mutex // guards the fields below
	listener net.Listener
	conns    map[*conn]connState
	closing  bool

	wg sync.WaitGroup // one count per connection goroutine
}

// NewServer returns a server that answers requests with handler and closes connections that
// stay silent, or take too long to send a request head, for idleTimeout.
func NewServer(handler Handler, idleTimeout time.Duration, logger *log.Logger) *Server {
	return &Server{
		handler:     handler,
		idleTimeout: idleTimeout,
		log:         logger,
		conns:       make(map[*conn]connState),
	}
}

// Serve accepts connections on ln until Shutdown closes it, then returns ErrServerClosed.
// Any other return means the listener failed.
func (s *Server) Serve(ln net.Listener) error {
	s.mu.Lock()
	if s.closing {
		s.mu.Unlock()
		ln.Close()
		return ErrServerClosed
	}
	s.listener = ln
	s.mu.Unlock()

	var backoff time.Duration
	for {
		rwc, err := ln.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				if s.isClosing() {
					return ErrServerClosed
				}
				return err
			}
			// Other accept errors are about one connection or a passing shortage (EMFILE when
			// out of file descriptors, ECONNABORTED): wait a little and carry on, as net/http does.
			backoff = nextBackoff(backoff)
			s.log.Printf("accept: %v; retrying in %v", err, backoff)
			time.Sleep(backoff)
			continue
		}
		backoff = 0

		c := newConn(s, rwc)
		if !s.track(c) {
			rwc.Close() // Shutdown began between Accept and here
			continue
		}
		go c.serve()
	}
}

func nextBackoff(d time.Duration) time.Duration {
	if d == 0 {
		return 5 * time.Millisecond
	}
	if d *= 2; d > time.Second {
		d = time.Second
	}
	return d
}

// Shutdown stops the server gracefully: the listener is closed at once (new connections are
// refused), idle connections are closed, and connections busy with a request finish it (they
// answer with "Connection: close", RFC 9112 §9.6) before closing. Shutdown returns when every
// connection is closed, or when ctx ends, in which case it closes the stragglers abruptly and
// returns ctx's error.
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.closing = true
	if s.listener != nil {
		s.listener.Close()
	}
	for c, state := range s.conns {
		if state == stateIdle {
			c.interrupt()
		}
	}
	s.mu.Unlock()

	done := make(chan struct{})
	go func() {
		s.wg.Wait()
		close(done)
	}()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		s.mu.Lock()
		for c := range s.conns {
			c.rwc.Close()
		}
		s.mu.Unlock()
		return ctx.Err()
	}
}

func (s *Server) isClosing() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.closing
}

// track registers a new connection, unless Shutdown has begun.
func (s *Server) track(c *conn) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closing {
		return false
	}
	s.conns[c] = stateActive
	s.wg.Add(1)
	return true
}

// setState records c's state. It reports false once Shutdown has begun: the connection must
// then close instead of waiting for, or starting on, another request.
//
// Shutdown inspects states under the same lock, so a connection is either seen as idle (and
// interrupted) or learns here that the server is closing; it cannot slip between the two.
func (s *Server) setState(c *conn, state connState) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closing {
		return false
	}
	s.conns[c] = state
	return true
}

// untrack forgets a connection that its goroutine has closed.
func (s *Server) untrack(c *conn) {
	s.mu.Lock()
	delete(s.conns, c)
	s.mu.Unlock()
	s.wg.Done()
}
