package main

import "fmt"

// Pub/Sub: a client SUBSCRIBEs to channels (or PSUBSCRIBEs to patterns of channel names), and
// every PUBLISH to a channel is pushed to all its subscribers. A subscribed connection is in
// "subscribed mode": in RESP2 it may only (un)subscribe, PING, QUIT or RESET (client.dispatch).
// https://redis.io/docs/latest/develop/interact/pubsub/
//
// The subscriptions live in server.channels and server.patterns, and in each client's own sets,
// all guarded by server.mu.

// subscriptions is the client's count of channels and patterns, the number that every
// (un)subscribe confirmation ends with.
func (c *client) subscriptions() int {
	return len(c.channels) + len(c.patterns)
}

// subscribe answers SUBSCRIBE channel [channel ...] with one confirmation per channel, in the
// order given: ["subscribe", channel, count]. Subscribing again to a channel changes nothing.
// https://redis.io/docs/latest/commands/subscribe/
func subscribe(ctx *cmdContext, args [][]byte) reply {
	c := ctx.client
	confirmations := make(replies, 0, len(args)-1)
	for _, name := range args[1:] {
		addSubscriber(ctx.s.channels, &c.channels, string(name), c)
		confirmations = append(confirmations, array{bulkString("subscribe"), bulkString(name), integer(c.subscriptions())})
	}
	return confirmations
}

// psubscribe is SUBSCRIBE for patterns (glob.go): the client receives the messages of every
// channel whose name matches.
// https://redis.io/docs/latest/commands/psubscribe/
func psubscribe(ctx *cmdContext, args [][]byte) reply {
	c := ctx.client
	confirmations := make(replies, 0, len(args)-1)
	for _, pattern := range args[1:] {
		addSubscriber(ctx.s.patterns, &c.patterns, string(pattern), c)
		confirmations = append(confirmations, array{bulkString("psubscribe"), bulkString(pattern), integer(c.subscriptions())})
	}
	return confirmations
}

// unsubscribe answers UNSUBSCRIBE [channel ...] with one confirmation per channel:
// ["unsubscribe", channel, remaining count], also for a channel the client was not subscribed
// to. Without arguments it unsubscribes from every channel (in no particular order); with none
// to leave it still confirms once, with a null channel. At count 0 the connection leaves
// subscribed mode.
// https://redis.io/docs/latest/commands/unsubscribe/
func unsubscribe(ctx *cmdContext, args [][]byte) reply {
	return leave(ctx, args, "unsubscribe", ctx.s.channels, &ctx.client.channels)
}

// punsubscribe is UNSUBSCRIBE for patterns.
// https://redis.io/docs/latest/commands/punsubscribe/
func punsubscribe(ctx *cmdContext, args [][]byte) reply {
	return leave(ctx, args, "punsubscribe", ctx.s.patterns, &ctx.client.patterns)
}

func leave(ctx *cmdContext, args [][]byte, kind string, all map[string]map[*client]struct{}, mine *map[string]struct{}) reply {
	c := ctx.client
	names := args[1:]
	if len(names) == 0 {
		for name := range *mine {
			names = append(names, []byte(name))
		}
		if len(names) == 0 {
			return array{bulkString(kind), nullBulk{}, integer(c.subscriptions())}
		}
	}
	confirmations := make(replies, 0, len(names))
	for _, name := range names {
		removeSubscriber(all, mine, string(name), c)
		confirmations = append(confirmations, array{bulkString(kind), bulkString(name), integer(c.subscriptions())})
	}
	return confirmations
}

// publish pushes a message to the subscribers of a channel, ["message", channel, payload], and to
// those of the patterns it matches, ["pmessage", pattern, channel, payload], and answers how many
// received it.
// https://redis.io/docs/latest/commands/publish/
//
// Delivering is queueing the message in each subscriber's outbox, which never blocks; a
// subscriber too far behind to take it is disconnected instead (see outbox for the policy).
func publish(ctx *cmdContext, args [][]byte) reply {
	channel, payload := args[1], args[2]
	s := ctx.s
	receivers := 0
	if subscribers := s.channels[string(channel)]; len(subscribers) > 0 {
		msg := array{bulkString("message"), bulkString(channel), bulkString(payload)}.appendTo(nil)
		for c := range subscribers {
			if s.deliver(c, msg) {
				receivers++
			}
		}
	}
	for pattern, subscribers := range s.patterns {
		if !stringMatch([]byte(pattern), channel, false) {
			continue
		}
		msg := array{bulkString("pmessage"), bulkString(pattern), bulkString(channel), bulkString(payload)}.appendTo(nil)
		for c := range subscribers {
			if s.deliver(c, msg) {
				receivers++
			}
		}
	}
	return integer(receivers)
}

// deliver queues an encoded message for a subscriber, or drops the subscriber when it has fallen
// too far behind to take it. It reports whether the message was queued.
func (s *server) deliver(c *client, msg []byte) bool {
	err := c.out.deliver(msg)
	if err == errOutputFull {
		s.dropSubscriber(c)
	}
	return err == nil
}

// dropSubscriber disconnects a subscriber that does not keep up: it gets no more messages, what
// is queued for it is discarded, and its socket is closed, which ends its goroutines. Its
// channels are left at once, so later PUBLISHes do not count it.
func (s *server) dropSubscriber(c *client) {
	s.unsubscribeAll(c)
	c.out.abort()
	if c.conn != nil {
		fmt.Printf("disconnecting subscriber %s: more than %d bytes of output waiting\n", c.conn.RemoteAddr(), s.maxPending)
		c.conn.Close()
	}
}

// unsubscribeAll leaves every channel and pattern, without confirmations.
func (s *server) unsubscribeAll(c *client) {
	for name := range c.channels {
		removeSubscriber(s.channels, &c.channels, name, c)
	}
	for pattern := range c.patterns {
		removeSubscriber(s.patterns, &c.patterns, pattern, c)
	}
}

// addSubscriber records that c subscribes to name, in the server's map (all) and the client's
// own set (mine).
func addSubscriber(all map[string]map[*client]struct{}, mine *map[string]struct{}, name string, c *client) {
	if *mine == nil {
		*mine = make(map[string]struct{})
	}
	(*mine)[name] = struct{}{}
	if all[name] == nil {
		all[name] = make(map[*client]struct{})
	}
	all[name][c] = struct{}{}
}

func removeSubscriber(all map[string]map[*client]struct{}, mine *map[string]struct{}, name string, c *client) {
	delete(*mine, name)
	delete(all[name], c)
	if len(all[name]) == 0 {
		delete(all, name)
	}
}
