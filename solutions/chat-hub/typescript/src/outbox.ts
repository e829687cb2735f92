/**
 * The slow-consumer policy: the most bytes queued for a client (beyond what its socket buffers took) before the hub
 * disconnects it. Node would otherwise queue without bound for a client that stopped reading, and the hub's memory
 * would go with it. Disconnecting, not skipping: the client gets an unbroken run of lines, then the end.
 */
export const MAX_PENDING_BYTES = 1024 * 1024;
