package main

import (
	"errors"
	"net"
	"sync"
)

// outbox is a connection's output queue. Its writer goroutine (writeLoop) is the only one that
// writes to the connection's socket.
//
// Two kinds of goroutines queue bytes in it: the connection's own goroutine queues the replies to
// its commands, and whichever goroutine runs PUBLISH queues the messages of the channels the
// connection subscribes to. Neither ever writes to the socket itself, so neither can be held up
// by a client that reads slowly, or not at all: conn.Write blocks once the client's socket
// buffers are full, and only the writer goroutine is ever stuck there.
//
// The policy for clients that fall behind. "Pending" counts the bytes queued for a client and
// not yet written to its socket; the bound is server.maxPending (32 MiB, Redis's hard
// client-output-buffer-limit for Pub/Sub clients).
//
//   - A client's own replies are never dropped. When more than the bound is pending, its
//     goroutine stops reading commands until the writer has caught up (waitForRoom): a client
//     that sends commands without reading the replies only stalls itself.
//   - A published message that would take a subscriber past the bound is not queued. PUBLISH
//     disconnects that subscriber at once (server.dropSubscriber): what is still queued for it is
//     discarded and its socket closed, and it is not counted as a receiver. So a subscriber
//     always receives an unbroken, in-order run of messages (the last one possibly cut short),
//     then the end of the connection, which tells it that it missed the rest. It never misses a
//     message in the middle of its stream, and a publisher never waits for it. redis-server
//     behaves the same way at that limit.
type outbox struct {
	mu   sync.Mutex
	cond sync.Cond // signalled when there is something to write, room again, or an end

	buf     []byte // queued bytes that the writer has not taken yet
	pending int    // len(buf) plus the bytes the writer is writing now
	limit   int    // the bound on pending
	// flushAsked: the writer should write buf now. Replies are queued as commands run but
	// written only when the connection has handled every command received so far (flush), so
	// that a pipelined batch of commands gets its replies in one write, not one write each.
	flushAsked bool
	closed     bool // nothing more will be queued: the writer writes what is left and stops
	aborted    bool // the connection is being torn down, or its socket failed: drop everything

	done chan struct{} // closed when writeLoop has returned
}

// flushEarly is how many queued bytes make the writer start without waiting for the flush, so
// that a large reply (a 1 MiB GET, a long LRANGE) starts on its way while it is being encoded.
const flushEarly = 64 * 1024

func newOutbox(limit int) *outbox {
	o := &outbox{limit: limit, done: make(chan struct{})}
	o.cond.L = &o.mu
	return o
}

// queue appends a reply. It never blocks: the caller may hold the server lock.
func (o *outbox) queue(r reply) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.closed || o.aborted {
		return
	}
	before := len(o.buf)
	o.buf = r.appendTo(o.buf)
	o.pending += len(o.buf) - before
	if len(o.buf) >= flushEarly {
		o.flushAsked = true
		o.cond.Broadcast()
	}
}

// flush asks the writer to send everything queued so far.
func (o *outbox) flush() {
	o.mu.Lock()
	defer o.mu.Unlock()
	if len(o.buf) > 0 {
		o.flushAsked = true
		o.cond.Broadcast()
	}
}

// Why deliver did not queue a message.
var (
	errOutputFull = errors.New("too much output waiting")
	errOutputShut = errors.New("the connection is ending")
)

// deliver queues a published message and asks for it to be sent at once. It never blocks. When
// the message would take the client past its bound it queues nothing and returns errOutputFull
// (the caller then drops the client).
func (o *outbox) deliver(msg []byte) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.closed || o.aborted {
		return errOutputShut
	}
	if o.pending+len(msg) > o.limit {
		return errOutputFull
	}
	o.buf = append(o.buf, msg...)
	o.pending += len(msg)
	o.flushAsked = true
	o.cond.Broadcast()
	return nil
}

// waitForRoom waits until no more than the bound is pending. The connection calls it before
// reading each command, without holding any lock.
func (o *outbox) waitForRoom() {
	o.mu.Lock()
	defer o.mu.Unlock()
	for o.pending > o.limit && !o.closed && !o.aborted {
		o.flushAsked = true
		o.cond.Broadcast()
		o.cond.Wait()
	}
}

// close tells the writer that nothing more is coming: it writes what is queued, then stops.
func (o *outbox) close() {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.closed = true
	o.cond.Broadcast()
}

// abort drops everything queued; the writer stops as soon as it can (a write in progress ends
// when the socket is closed).
func (o *outbox) abort() {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.aborted = true
	o.buf = nil
	o.cond.Broadcast()
}

// failed reports whether writing to the socket failed or the connection was torn down.
func (o *outbox) failed() bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.aborted
}

// writeLoop writes queued bytes to conn until the outbox is closed and empty, or aborted.
func (o *outbox) writeLoop(conn net.Conn) {
	defer close(o.done)
	var spare []byte // the previous buffer, reused for the next batch of replies
	for {
		o.mu.Lock()
		for !o.aborted && !o.closed && !(o.flushAsked && len(o.buf) > 0) {
			o.cond.Wait()
		}
		if o.aborted || len(o.buf) == 0 { // aborted, or closed with nothing left
			o.mu.Unlock()
			return
		}
		data := o.buf
		o.buf, o.flushAsked = spare[:0], false
		o.mu.Unlock()

		// The lock is released while writing: conn.Write may take forever, and meanwhile
		// replies and messages keep being queued in the new buffer.
		_, err := conn.Write(data)

		o.mu.Lock()
		o.pending -= len(data)
		if err != nil {
			o.aborted, o.buf = true, nil
		}
		o.cond.Broadcast() // room again, for waitForRoom
		o.mu.Unlock()
		if err != nil {
			return
		}
		// Keep the buffer for the next batch, unless a big reply made it big.
		spare = nil
		if cap(data) <= flushEarly {
			spare = data
		}
	}
}
