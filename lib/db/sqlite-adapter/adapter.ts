// Herald's own Prisma driver adapter for SQLite, over a better-sqlite3 connection Herald
// opens and owns (lib/db/client.ts), written against the public driver-adapter interface of
// @prisma/driver-adapter-utils, the one third-party adapters implement.
// @prisma/adapter-better-sqlite3 (6.19 and 7.x) only opens a connection of its own from a URL;
// owning it here lets lib/db/direct.ts run statements on the same connection without
// reaching into the adapter. Semantics follow that adapter: statements run synchronously,
// interactive transactions take a mutex and BEGIN (the engine then sends COMMIT/ROLLBACK as
// statements), values convert as in ./conversion.ts, errors map as in ./errors.ts.
import type BetterSqlite3 from "better-sqlite3";
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlMigrationAwareDriverAdapterFactory,
  SqlQuery,
  SqlQueryable,
  SqlResultSet,
  Transaction,
  TransactionOptions,
} from "@prisma/driver-adapter-utils";
import { DriverAdapterError } from "@prisma/driver-adapter-utils";
import { columnTypes, mapArg, mapRow } from "./conversion";
import { rethrow } from "./errors";
import { Mutex } from "./mutex";

type Connection = BetterSqlite3.Database;
type Statement = BetterSqlite3.Statement<unknown[], unknown[]>;

const ADAPTER_NAME = "herald-sqlite";

/** Prepared statements per connection, kept: Prisma sends the same few hundred texts again and again. */
class Statements {
  #cache = new Map<string, Statement>();
  constructor(private readonly connection: Connection) {}

  get(text: string): Statement {
    let stmt = this.#cache.get(text);
    if (!stmt) {
      stmt = this.connection.prepare<unknown[], unknown[]>(text);
      // Integers as bigint (handed to the engine as text), rows as arrays: the official adapter's reading.
      if (stmt.reader) stmt.safeIntegers(true).raw(true);
      if (this.#cache.size >= 500) this.#cache.clear();
      this.#cache.set(text, stmt);
    }
    return stmt;
  }
}

class Queryable implements SqlQueryable {
  readonly provider = "sqlite" as const;
  readonly adapterName = ADAPTER_NAME;
  constructor(protected readonly statements: Statements) {}

  async queryRaw(query: SqlQuery): Promise<SqlResultSet> {
    try {
      const stmt = this.statements.get(query.sql);
      const args = query.args.map((arg, i) => mapArg(arg, query.argTypes[i]));
      if (!stmt.reader) {
        stmt.run(args);
        return { columnNames: [], columnTypes: [], rows: [] };
      }
      const columns = stmt.columns();
      const rows = stmt.all(args) as unknown[][];
      const types = columnTypes(columns.map((c) => c.type), rows);
      return { columnNames: columns.map((c) => c.name), columnTypes: types, rows: rows.map((row) => mapRow(row, types)) };
    } catch (err) {
      rethrow(err);
    }
  }

  async executeRaw(query: SqlQuery): Promise<number> {
    try {
      const args = query.args.map((arg, i) => mapArg(arg, query.argTypes[i]));
      return this.statements.get(query.sql).run(args).changes;
    } catch (err) {
      rethrow(err);
    }
  }
}

class SqliteTransaction extends Queryable implements Transaction {
  readonly options: TransactionOptions = { usePhantomQuery: false };
  constructor(statements: Statements, private readonly release: () => void) {
    super(statements);
  }
  // The engine has sent COMMIT or ROLLBACK as a statement by now; this only lets the next one in.
  async commit(): Promise<void> {
    this.release();
  }
  async rollback(): Promise<void> {
    this.release();
  }
}

class SqliteAdapter extends Queryable implements SqlDriverAdapter {
  readonly #mutex = new Mutex();
  constructor(private readonly connection: Connection, private readonly onDispose: () => void) {
    super(new Statements(connection));
  }

  async executeScript(script: string): Promise<void> {
    try {
      this.connection.exec(script);
    } catch (err) {
      rethrow(err);
    }
  }

  async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
    if (isolationLevel && isolationLevel !== "SERIALIZABLE") throw new DriverAdapterError({ kind: "InvalidIsolationLevel", level: isolationLevel });
    const release = await this.#mutex.acquire();
    try {
      this.statements.get("BEGIN").run();
    } catch (err) {
      release(); // the official adapter keeps the lock here, and every later transaction waits forever
      rethrow(err);
    }
    return new SqliteTransaction(this.statements, release);
  }

  async dispose(): Promise<void> {
    this.onDispose();
  }
}

/**
 * The factory Prisma's client takes (`new PrismaClient({ adapter })`): every connect() hands
 * out an adapter over the one connection given, which stays Herald's to close (dispose, on
 * `$disconnect`, leaves it open, so that the client may connect again). The shadow database
 * the CLI asks for is a connection of its own, in memory, closed on dispose.
 */
export class HeraldSqliteAdapterFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "sqlite" as const;
  readonly adapterName = ADAPTER_NAME;
  constructor(
    private readonly connection: Connection,
    private readonly openShadow?: () => Connection,
  ) {}

  async connect(): Promise<SqlDriverAdapter> {
    return new SqliteAdapter(this.connection, () => {});
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    if (!this.openShadow) throw new Error("no shadow database: Herald's migrations are applied with `prisma migrate deploy`");
    const shadow = this.openShadow();
    return new SqliteAdapter(shadow, () => shadow.close());
  }
}
