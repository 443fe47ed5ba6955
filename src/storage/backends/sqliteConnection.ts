import sqlite3 from 'sqlite3';

/** More distinct statements than the storage uses (one per batch size of reads, deletes and grouped writes, a few others). */
const MAX_PREPARED_STATEMENTS = 64;

/**
 * One sqlite3 connection whose statements are prepared once and reused. Running a statement through
 * `Database#all` prepares and finalizes it every time, and the finalize waits, on the main thread, for the
 * connection's mutex while a write holds it on a libuv thread: the bot's one JavaScript thread was busy all the time
 * under load with fresh statements, and a third of the time with prepared ones, for the same queries.
 */
export class SqliteConnection {
  private readonly statements = new Map<string, Promise<sqlite3.Statement>>();
  /** Statements let go of when too many were kept: closing waits for them, as SQLite will not close before. */
  private finalizing: Promise<void> = Promise.resolve();
  private closing = false;

  private constructor(private readonly db: sqlite3.Database) {}

  static open(location: string, options: { busyTimeoutMs: number; onError: (error: unknown) => void }): Promise<SqliteConnection> {
    return new Promise((resolve, reject) => {
      const db = new sqlite3.Database(location, (error) => {
        if (error) return reject(error);
        // How long a statement waits for another process's write lock before failing with SQLITE_BUSY.
        db.configure('busyTimeout', options.busyTimeoutMs);
        resolve(new SqliteConnection(db));
      });
      db.on('error', options.onError);
    });
  }

  /** Runs one statement with positional parameters and resolves its rows (those of RETURNING for a change). */
  async all(sql: string, params: readonly unknown[]): Promise<Array<Record<string, unknown>>> {
    if (this.closing) throw new Error('The SQLite connection is closed.');
    const statement = await this.prepared(sql);
    return new Promise((resolve, reject) => {
      statement.all([...params], (error: Error | null, rows: Array<Record<string, unknown>>) => (error ? reject(error) : resolve(rows)));
    });
  }

  /** Finalizes the statements (each after the runs queued on it) and closes the connection. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all([this.finalizing, this.finalizeAll()]);
    await new Promise<void>((resolve, reject) => this.db.close((error) => (error ? reject(error) : resolve())));
  }

  private prepared(sql: string): Promise<sqlite3.Statement> {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      if (this.statements.size >= MAX_PREPARED_STATEMENTS) this.finalizing = Promise.all([this.finalizing, this.finalizeAll()]).then(() => undefined);
      const preparing = new Promise<sqlite3.Statement>((resolve, reject) => {
        const made = this.db.prepare(sql, (error: Error | null) => (error ? reject(error) : resolve(made)));
      });
      // A statement that did not prepare fails the runs waiting for it; the next run prepares it afresh.
      preparing.catch(() => {
        if (this.statements.get(sql) === preparing) this.statements.delete(sql);
      });
      statement = preparing;
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /**
   * Every run already holding one of these statements queued its run before this queues the finalize (it awaited the
   * statement a microtask earlier), and sqlite3 runs a statement's queue in order: no run meets a finalized statement.
   */
  private async finalizeAll(): Promise<void> {
    const statements = [...this.statements.values()];
    this.statements.clear();
    await Promise.all(
      statements.map(async (preparing) => {
        const statement = await preparing.catch(() => undefined);
        await new Promise<void>((resolve) => (statement ? statement.finalize(() => resolve()) : resolve()));
      }),
    );
  }
}
