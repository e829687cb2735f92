package main

import (
	"bufio"
	"net"
	"sync/atomic"
)

// maxOutboxBytes bounds the bytes waiting in one client's outbox, whatever the length of its lines:
// the contract allows at most 4 MiB, and a line count alone would allow 1,024 lines of 64 KiB.
const maxOutboxBytes = 4 << 20

// client is one connection as the room sees it: a name, and an outbox of lines to send it.
//
// The outbox is a bounded buffered channel, and the client's writer goroutine (writeLoop) is the
// only one that writes to the socket. Everyone else, the room included, only queues lines, and
// send never waits: conn.Write blocks once a client that reads slowly, or not at all, has filled
// the kernel's socket buffers, and then only its own writer goroutine is stuck there, never the
// client who is talking, the room, or the other members.
//
// Who sends on out, and when it is closed: the room queues lines while the client is a member,
// holding the room lock; the session goroutine queues the welcome before the client joins and a
// last line after it has left. So once the session has taken the client out of the room, it alone
// can send, and it is the one that closes out (finish) when it has nothing more to say. Closing a
// channel that another goroutine may still send on panics; this order is what makes it safe.
type client struct {
	conn net.Conn
	// name is empty until the client's first line passed the name rules. It is set before the
	// client joins, by the session goroutine, and never changes after: the room lock that join
	// takes publishes it to the goroutines that read it.
	name string
	// out holds lines waiting for the writer. Its capacity, and maxOutboxBytes, are the bounds of
	// the slow-consumer policy (see room.broadcastLocked).
	out chan []byte
	// queued counts the bytes in out: added by send, taken off by the writer as it takes each line.
	queued atomic.Int64
	// written is closed when writeLoop has returned.
	written chan struct{}
}

func newClient(conn net.Conn, outboxLines int) *client {
	return &client{conn: conn, out: make(chan []byte, outboxLines), written: make(chan struct{})}
}

// send queues a line without waiting. It reports false, queueing nothing, when the outbox is full:
// out of slots, or holding maxOutboxBytes already.
func (c *client) send(line []byte) bool {
	if c.queued.Load()+int64(len(line)) > maxOutboxBytes {
		return false
	}
	select {
	case c.out <- line:
		c.queued.Add(int64(len(line)))
		return true
	default:
		return false
	}
}

// finish tells the writer that nothing more is coming: it writes what is queued, then closes the
// sending half of the connection. Only the session goroutine calls it, once the client has left
// the room (see the type's comment).
func (c *client) finish() {
	close(c.out)
}

// kick cuts the connection off at once, from any goroutine: what is queued is never sent, the
// writer's pending Write and the session's pending Read both fail, and so both goroutines end.
// Closing a socket does not wait for anything, so the room may call this holding its lock.
func (c *client) kick() {
	c.conn.Close()
}

// writeLoop writes the queued lines until finish closes the outbox.
//
// Lines go through a bufio.Writer that is flushed whenever the outbox is empty: one line alone is
// sent at once, and when lines pile up (a busy room, a client that reads slowly) they leave in
// few large writes instead of one system call each. (Go sets TCP_NODELAY on every TCP connection,
// so a small write is not held back by Nagle's algorithm either.)
func (c *client) writeLoop() {
	defer close(c.written)
	w := bufio.NewWriter(c.conn)
	var err error
	for line := range c.out {
		c.queued.Add(-int64(len(line)))
		if err != nil {
			continue // the socket failed: drop the line, but keep the outbox flowing until finish
		}
		if _, err = w.Write(line); err == nil && len(c.out) == 0 {
			err = w.Flush()
		}
		if err != nil {
			// A reset, a kick, or the deadline of the session's end. Closing the socket also
			// ends the session's Read, so a client that cannot be written to does not linger.
			c.conn.Close()
		}
	}
	if err == nil {
		err = w.Flush()
	}
	// Everything was sent: say so with a FIN, so the client reads all of it, then the end of the
	// stream. The session closes the socket itself later (see session.end).
	if tcp, ok := c.conn.(interface{ CloseWrite() error }); ok && err == nil {
		tcp.CloseWrite()
	}
}
