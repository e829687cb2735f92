// Mutant: no bound on what waits for a client: `socket.write(line)` for everyone, always (Node's default). Node
// never blocks on a write, so nobody is delayed, but a client that stops reading is never cut off: the hub queues
// everything for it, without limit, and the others never see it leave.
export const MAX_PENDING_BYTES = Number.POSITIVE_INFINITY; // the bug
