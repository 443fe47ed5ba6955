import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { createStorage } from '../../src/storage/createStorage';
import { purgeNamespace, scratchFolder, testBackends, uniqueNamespace } from './testBackends';

const ROUNDS = 50;
const repositoryRoot = resolve(__dirname, '..', '..');
const childScript = join(__dirname, 'raceChild.ts');
const scratch = scratchFolder();
afterAll(() => scratch.remove());

/** A raceChild.ts process, spoken to one line at a time. */
class Competitor {
  private readonly process: ChildProcessWithoutNullStreams;
  private readonly pending: string[] = [];
  private readonly waiting: Array<{ resolve: (line: string) => void; reject: (error: Error) => void }> = [];
  private stderr = '';
  readonly exited: Promise<number | null>;

  constructor() {
    this.process = spawn(process.execPath, ['--import', 'tsx', childScript], {
      cwd: repositoryRoot,
    });
    this.process.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    createInterface({ input: this.process.stdout }).on('line', (line) => {
      const waiter = this.waiting.shift();
      if (waiter) {
        waiter.resolve(line);
      } else {
        this.pending.push(line);
      }
    });
    this.exited = new Promise((resolveExit) => {
      this.process.on('exit', (code) => {
        this.waiting.splice(0).forEach((waiter) => waiter.reject(new Error(`competitor exited: ${this.stderr}`)));
        resolveExit(code);
      });
    });
  }

  send(command: string): void {
    this.process.stdin.write(`${command}\n`);
  }

  /** Ends its input, which makes it close its storage and exit. */
  finish(): Promise<number | null> {
    this.process.stdin.end();
    return this.exited;
  }

  next(): Promise<string> {
    const line = this.pending.shift();
    if (line !== undefined) {
      return Promise.resolve(line);
    }
    return new Promise((resolveLine, reject) => this.waiting.push({ resolve: resolveLine, reject }));
  }
}

// Two processes serve every backend in turn, so the slow start of a TypeScript child is paid only twice.
const competitors = ['A', 'B'].map((label) => ({ label, process: new Competitor() }));
afterAll(async () => {
  expect(await Promise.all(competitors.map(({ process }) => process.finish()))).toEqual([0, 0]);
});

for (const backend of testBackends(join(scratch.path, 'race.sqlite')).filter((candidate) => candidate.shared)) {
  const describeBackend = backend.url === undefined ? describe.skip : describe;

  describeBackend(`${backend.name} storage shared by two processes`, () => {
    const namespace = uniqueNamespace(`race_${backend.name}`);
    afterAll(() => purgeNamespace(backend, namespace));

    it(`lets exactly one of two same-eTag writes win, ${ROUNDS} rounds running`, async () => {
      const url = backend.url as string;
      const key = 'conversation/race';
      const observer = await createStorage(url, { ttlDays: 1, namespace });
      try {
        await observer.write({ [key]: { writer: 'seed' } });
        competitors.forEach(({ process }) => process.send(`open ${url} ${namespace} ${key}`));
        expect(await Promise.all(competitors.map(({ process }) => process.next()))).toEqual(['ready', 'ready']);

        const badRounds: string[] = [];
        for (let round = 0; round < ROUNDS; round++) {
          competitors.forEach(({ process }) => process.send('read'));
          const reads = await Promise.all(competitors.map(({ process }) => process.next()));
          // Both hold the same eTag; now release both writers at once.
          competitors.forEach(({ label, process }) => process.send(`write ${label}${round}`));
          const outcomes = await Promise.all(competitors.map(({ process }) => process.next()));
          const winners = competitors.filter((_, index) => outcomes[index] === 'won').map(({ label }) => label);
          const stored = (await observer.read([key]))[key].writer;
          if (reads[0] !== reads[1] || [...outcomes].sort().join() !== 'lost,won' || stored !== `${winners[0]}${round}`) {
            badRounds.push(`round ${round}: ${reads.join(' / ')} -> ${outcomes.join(' / ')}, stored ${stored}`);
          }
        }
        expect(badRounds).toEqual([]);
      } finally {
        await observer.close();
      }
    }, 30_000);
  });
}
