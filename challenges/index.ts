import type { Challenge } from '../tester/harness/stage.js';

/** A challenge in the catalogue. Loading its stages is lazy, so `byo --version` and `byo list` stay fast. */
export interface CatalogueEntry {
  slug: string;
  title: string;
  summary: string;
  /** Languages with a starter. */
  languages: string[];
  /** Not yet gradable: listed so learners see what is coming. */
  comingSoon?: boolean;
  load?: () => Promise<Challenge>;
}

export const catalogue: CatalogueEntry[] = [
  {
    slug: 'http-server',
    title: 'Build your own HTTP/1.1 server',
    summary: 'Raw TCP to a keep-alive, pipelining, gzip, range-serving server that survives slowloris and shuts down gracefully.',
    languages: ['go', 'typescript', 'python'],
    load: async () => (await import('./http-server/challenge.js')).default,
  },
  {
    slug: 'chat-hub',
    title: 'Build your own TCP chat hub',
    summary: 'Budget Chat compatible line protocol, then rooms, slow consumers, fan-out and graceful shutdown.',
    languages: ['go', 'typescript', 'python'],
    load: async () => (await import('./chat-hub/challenge.js')).default,
  },
  {
    slug: 'redis',
    title: 'Build your own Redis',
    summary: 'RESP2 over TCP, proven against the real redis-server stage by stage.',
    languages: ['go', 'typescript', 'python'],
    load: async () => (await import('./redis/challenge.js')).default,
  },
  {
    slug: 'grpc-streamer',
    title: 'Build your own gRPC streaming server',
    summary: 'A market-signal service: every RPC kind, cancellation without leaks, deadlines, health and reflection.',
    languages: [],
    comingSoon: true,
  },
  {
    slug: 'sql-engine',
    title: 'Build your own SQL engine',
    summary: 'SQL over stdin, checked against sqlite3 itself and an embedded SQLite.',
    languages: [],
    comingSoon: true,
  },
];

export function findCatalogueEntry(slug: string): CatalogueEntry | undefined {
  return catalogue.find((entry) => entry.slug === slug);
}
