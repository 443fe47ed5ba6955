import { SqlBackend } from '../../src/storage/backends/sqlBackend';

/** A SqlBackend on a runner that records each statement it is given. */
function recordingBackend(groupStatements = true) {
  const statements: Array<{ sql: string; params: readonly string[] }> = [];
  const backend = new SqlBackend({
    description: 'recording',
    table: 'keyv',
    run: async (sql, params) => {
      statements.push({ sql, params });
      // A select finds every key but "absent", holding "record of <key>".
      return sql.startsWith('SELECT') ? params.filter((key) => key !== 'absent').map((key) => ({ key, value: `record of ${key}` })) : [];
    },
    placeholder: (n) => `?${n}`,
    expiresAt: (column) => `json_extract(${column}, '$.expires')`,
    close: async () => undefined,
    groupStatements,
  });
  return { backend, statements };
}

describe('SqlBackend reads', () => {
  it("reads a turn's two states in one statement where the database runs one at a time (SQLite)", async () => {
    const { backend, statements } = recordingBackend();

    const read = await Promise.all([backend.getMany(['conversation']), backend.getMany(['user', 'absent'])]);

    expect(read).toEqual([['record of conversation'], ['record of user', undefined]]);
    expect(statements).toHaveLength(1);
    expect(statements[0].params).toEqual(['conversation', 'user', 'absent']);
  });

  it('reads in a statement of its own for each call where the database runs them in parallel (Postgres)', async () => {
    const { backend, statements } = recordingBackend(false);

    const read = await Promise.all([backend.getMany(['conversation']), backend.getMany(['user', 'absent'])]);

    expect(read).toEqual([['record of conversation'], ['record of user', undefined]]);
    expect(statements.map((statement) => statement.params)).toEqual([['conversation'], ['user', 'absent']]);
  });
});

describe('SqlBackend writes', () => {
  it("writes a turn's two states in one statement, one commit, where the database commits one write at a time (SQLite)", async () => {
    const { backend, statements } = recordingBackend();

    await Promise.all([backend.set('conversation', 'c1'), backend.set('user', 'u1')]);

    expect(statements).toHaveLength(1);
    expect(statements[0].sql).toContain('VALUES (?1, ?2), (?3, ?4)');
    expect(statements[0].params).toEqual(['conversation', 'c1', 'user', 'u1']);
  });

  it('writes each record in a statement of its own where the database runs writes in parallel (Postgres)', async () => {
    const { backend, statements } = recordingBackend(false);

    await Promise.all([backend.set('conversation', 'c1'), backend.set('user', 'u1')]);

    expect(statements.map((statement) => statement.params)).toEqual([
      ['conversation', 'c1'],
      ['user', 'u1'],
    ]);
  });

  it('writes one record alone when nothing else is written with it', async () => {
    const { backend, statements } = recordingBackend();

    await backend.set('conversation', 'c1');

    expect(statements).toHaveLength(1);
    expect(statements[0].sql).toContain('VALUES (?1, ?2)\n');
    expect(statements[0].params).toEqual(['conversation', 'c1']);
  });
});
