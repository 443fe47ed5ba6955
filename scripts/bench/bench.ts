/**
 * `npm run bench`: throughput, turn latency, memory and state size of the Porting Assistant under N concurrent
 * simulated customers, each taking complete ports over HTTP (`deliveryMode: "expectReplies"`), with SQLite and with
 * Redis, against the Bot Framework echo bot on restify as the baseline. Each server runs in a child process of its
 * own, on a free port on this machine, and is stopped at the end.
 *
 * Three phases per server: --warmup 1 port per customer (not timed: the Porting Assistant's storage round trips are
 * counted in it); --ports 3 ports per customer flat out, each customer sending its next turn as soon as the last is
 * answered (turns per second, and the latency of a saturated server); then --paced-ports 2 more ports per customer pausing --think-ms 1000 on average before each turn, as
 * people do (the latency at --customers 50 concurrent conversations; two ports give 1,400 turns, so that the p99 is
 * not one or two unlucky turns). Then the state each conversation left behind is measured.
 *
 * Between the echo bot and the Porting Assistant run two more baselines (see dialogFloorServer.ts): `dialogs`, the echo
 * bot with a waterfall of prompts in BotState in memory, the least any bot on botbuilder-dialogs does; and
 * `dialogs-redis`, the same with its state encrypted in Redis under the turn lock, as this issue requires of any turn.
 *
 * The Porting Assistant runs with SQLite, Redis and PostgreSQL, and counts the storage calls of each turn (see
 * storageCalls.ts). Each figure is then printed against its target (TARGETS); on a quiet machine, outside CI, a missed
 * target makes the benchmark exit non-zero.
 *
 * Other options: --only echo,dialogs,dialogs-redis,sqlite,redis,postgres --redis redis://127.0.0.1:6379
 * --postgres postgres://postgres@127.0.0.1:5432/test (default DATABASE_URL) --log silent (the servers' LOG_LEVEL)
 * --profile <dir> (writes each server's CPU profile there, as node --cpu-prof does).
 */
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { DataKeyring, formatDataKey, parseDataKey } from '../../src/security/dataKeys';
import { REQUEST_FILE } from '../../src/submission/gateway/folderGateway';
import type { ChildMessage, ParentMessage, StartMessage } from './childProcess';
import { summarize, type LatencySummary } from './latency';
import { runPhase, type Customer, type PhaseResult } from './load';
import { completePort, TURNS_PER_PORT } from './simulatedCustomer';
import { speedCheckMs } from './speedCheck';
import { measureState, type StateSize } from './stateSize';
import type { StorageCallSummary } from './storageCalls';

const MIB = 1024 * 1024;
/**
 * The outbox hand-over's storage round trips in a row before issue 20's work: six (the count), eight once the
 * numbers' index for support staff was added; measured the same on SQLite, Redis and PostgreSQL (docs/performance.md).
 */
const HAND_OVER_TRIPS_BEFORE = 8;
/**
 * The targets (issue 20): throughput with Redis against the `dialogs` baseline of the same run (the least a
 * botbuilder-dialogs bot does), the paced p99 with Redis and PostgreSQL, the state a conversation keeps, and storage
 * round trips: one state read and one state write an ordinary turn, and the sending turn's outbox hand-over in half
 * the trips it took (see docs/performance.md).
 */
const TARGETS = {
  throughputVsDialogs: 0.6,
  p99Ms: 25,
  stateBytes: 4096,
  stateReadsPerTurn: 1,
  stateWritesPerTurn: 1,
  handOverTrips: HAND_OVER_TRIPS_BEFORE / 2,
} as const;
/** Servers whose figures are held to the targets; the others are reported. */
const JUDGED = { throughput: 'redis', p99: ['redis', 'postgres'] } as const;
/** Below this load average per core before the run, a missed target is the code's, not the machine's. */
const QUIET_LOAD_PER_CORE = 0.25;

interface Options {
  readonly customers: number;
  readonly ports: number;
  readonly warmup: number;
  readonly thinkMs: number;
  readonly pacedPorts: number;
  readonly only: readonly string[];
  readonly redisUrl: string;
  readonly postgresUrl: string;
  readonly profileDir: string | undefined;
  /** The servers' LOG_LEVEL: silent, so that logging costs what it costs in production with logs off. */
  readonly logLevel: string;
}

interface Target {
  readonly name: string;
  readonly script: 'echoServer' | 'dialogFloorServer' | 'botServer';
  readonly storageUrl?: string;
}

interface Result {
  readonly name: string;
  /** The speed check just before this server ran (see speedCheck.ts). */
  readonly speedCheckMs: number;
  readonly turnsPerSecond: number;
  /** The server's CPU time per turn flat out, in milliseconds: what throughput is made of, whatever else runs. */
  readonly cpuMsPerTurn: number;
  /** The simulated customers' CPU time per turn flat out, taken from the same cores. */
  readonly clientCpuMsPerTurn: number;
  /** Latency flat out (a queue of turns waiting) and paced (customers pausing between turns). */
  readonly flatOut: LatencySummary;
  readonly paced: LatencySummary;
  readonly peakRssBytes: number;
  readonly state?: StateSize;
  /** The Porting Assistant's storage calls per turn (see storageCalls.ts). */
  readonly storageCalls?: StorageCallSummary;
}

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      customers: { type: 'string', default: '50' },
      ports: { type: 'string', default: '3' },
      warmup: { type: 'string', default: '1' },
      'think-ms': { type: 'string', default: '1000' },
      'paced-ports': { type: 'string', default: '2' },
      only: { type: 'string', default: 'echo,dialogs,dialogs-redis,sqlite,redis,postgres' },
      redis: { type: 'string', default: 'redis://127.0.0.1:6379' },
      postgres: { type: 'string', default: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test' },
      profile: { type: 'string' },
      log: { type: 'string', default: 'silent' },
    },
  });
  const whole = (name: string, text: string, min: number) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < min) throw new Error(`--${name} must be a whole number of at least ${min}.`);
    return value;
  };
  return {
    customers: whole('customers', values.customers, 1),
    ports: whole('ports', values.ports, 1),
    warmup: whole('warmup', values.warmup, 1),
    thinkMs: whole('think-ms', values['think-ms'], 0),
    pacedPorts: whole('paced-ports', values['paced-ports'], 1),
    only: values.only.split(',').map((name) => name.trim()),
    redisUrl: values.redis,
    postgresUrl: values.postgres,
    profileDir: values.profile === undefined ? undefined : resolve(values.profile),
    logLevel: values.log,
  };
}

/** A server in a child process: started, used, then stopped for its peak memory. */
/**
 * The Node flags `npm start` runs the bot with (package.json's start script; the deployment's command line repeats
 * them), given to every server of the run, the baselines included, so that each is measured as it would run.
 */
const START_FLAGS: readonly string[] = (() => {
  const packageJson = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8')) as { scripts: { start: string } };
  return packageJson.scripts.start.split(/\s+/).filter((word) => word.startsWith('--'));
})();

class ServerProcess {
  private readonly messages: ChildMessage[] = [];
  private readonly waiting: Array<() => void> = [];

  private constructor(private readonly child: ReturnType<typeof fork>) {
    child.on('message', (message: ChildMessage) => {
      this.messages.push(message);
      this.waiting.splice(0).forEach((wake) => wake());
    });
    child.on('exit', () => this.waiting.splice(0).forEach((wake) => wake()));
  }

  static async start(
    target: Target,
    start: Omit<StartMessage, 'kind'>,
    profileDir: string | undefined,
  ): Promise<{ server: ServerProcess; url: string }> {
    const profiling = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${target.name}.cpuprofile`] : [];
    const execArgv = [...START_FLAGS, ...profiling];
    const server = new ServerProcess(fork(join(__dirname, `${target.script}.js`), [], { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
    server.send({ kind: 'start', ...start });
    const listening = await server.next();
    if (listening.kind !== 'listening') throw new Error(`the ${target.name} server did not start: ${describe(listening)}`);
    return { server, url: listening.url };
  }

  /** The CPU time the server has used so far, in milliseconds. */
  async cpuMs(): Promise<number> {
    this.send({ kind: 'usage' });
    const usage = await this.next();
    if (usage.kind !== 'usage') throw new Error(`the server did not report its CPU time: ${describe(usage)}`);
    return usage.cpuMicros / 1000;
  }

  /** What the server counted of its turns' storage calls; undefined from one that does not count them. */
  async storageCalls(): Promise<StorageCallSummary | undefined> {
    this.send({ kind: 'storageCalls' });
    const answer = await this.next();
    if (answer.kind !== 'storageCalls') throw new Error(`the server did not report its storage calls: ${describe(answer)}`);
    return answer.summary;
  }

  async stop(): Promise<number> {
    this.send({ kind: 'stop' });
    const stopped = await this.next();
    if (stopped.kind !== 'stopped') throw new Error(`the server did not stop cleanly: ${describe(stopped)}`);
    return stopped.peakRssBytes;
  }

  private send(message: ParentMessage): void {
    this.child.send(message);
  }

  private async next(): Promise<ChildMessage> {
    while (this.messages.length === 0) {
      if (this.child.exitCode !== null) return { kind: 'failed', error: `exited with code ${this.child.exitCode}` };
      await new Promise<void>((wake) => this.waiting.push(wake));
    }
    return this.messages.shift() as ChildMessage;
  }
}

function describe(message: ChildMessage): string {
  return message.kind === 'failed' ? message.error : message.kind;
}

/** A customer of the Porting Assistant: one complete port per round, each as a new customer with new numbers. */
const portingCustomer = (runId: string): Customer => async (index, round, open) => {
  const userId = `${runId}-customer-${index}-${round}`;
  await completePort(open(userId, `${userId}-conversation`), userId, index * 1000 + round);
};

/** The baselines' customer: as many turns per round as a port has, a greeting first. */
const baselineCustomer = (runId: string): Customer => async (index, round, open) => {
  const userId = `${runId}-customer-${index}-${round}`;
  const send = open(userId, `${userId}-conversation`);
  await send({ type: 'conversationUpdate', membersAdded: [{ id: userId, name: 'Customer' }] });
  for (let turn = 1; turn < TURNS_PER_PORT; turn++) await send({ type: 'message', text: `message ${turn}` });
};

/** Signed requests the folder gateway has delivered: each is complete once its request.json is there. */
function deliveredCount(submissionsDir: string): number {
  if (!existsSync(submissionsDir)) return 0;
  return readdirSync(submissionsDir).filter((reference) => existsSync(join(submissionsDir, reference, 'v1', REQUEST_FILE))).length;
}

const DELIVERY_WAIT_MS = 120_000;

/**
 * Waits until the outbox has delivered every port signed so far, so that a phase is not slowed by the letters of
 * the phase before it (each delivery renders a PDF on the server's one thread).
 */
async function drained(submissionsDir: string, ports: number): Promise<void> {
  const deadline = Date.now() + DELIVERY_WAIT_MS;
  while (deliveredCount(submissionsDir) < ports) {
    if (Date.now() > deadline) throw new Error(`the outbox delivered ${deliveredCount(submissionsDir)} of ${ports} letters in ${DELIVERY_WAIT_MS} ms`);
    await sleep(100);
  }
}

/**
 * Warm-up (not measured), then throughput flat out, then latency with customers pausing between turns; the bot's
 * outbox is drained before each measured phase. `submissionsDir` is undefined for the echo bot, which signs nothing.
 */
async function drive(
  server: ServerProcess,
  url: string,
  customer: Customer,
  options: Options,
  submissionsDir: string | undefined,
): Promise<{ flatOut: PhaseResult; flatOutCpuMs: number; paced: PhaseResult; storageCalls?: StorageCallSummary }> {
  const { customers, warmup, ports } = options;
  const drain = (rounds: number) => (submissionsDir === undefined ? Promise.resolve() : drained(submissionsDir, customers * rounds));
  await runPhase(url, customer, { customers, rounds: warmup, firstRound: 0 });
  await drain(warmup);
  // The warm-up's storage calls are the count (see storageCalls.ts): counting stops before the timed phases.
  const storageCalls = await server.storageCalls();
  const cpuBefore = await server.cpuMs();
  const flatOut = await runPhase(url, customer, { customers, rounds: ports, firstRound: warmup });
  await drain(warmup + ports);
  const flatOutCpuMs = (await server.cpuMs()) - cpuBefore;
  const paced = await runPhase(url, customer, { customers, rounds: options.pacedPorts, firstRound: warmup + ports, thinkMs: options.thinkMs });
  return { flatOut, flatOutCpuMs, paced, storageCalls };
}

async function storageReachable(url: string): Promise<boolean> {
  const { createStorage } = await import('../../src/storage/createStorage');
  const storage = await createStorage(url, { ttlDays: 1, connectTimeoutMs: 1000 });
  try {
    await storage.ping();
    return true;
  } catch {
    return false;
  } finally {
    await storage.close().catch(() => undefined);
  }
}

async function runTarget(target: Target, options: Options, keyText: string, workDir: string): Promise<Omit<Result, 'speedCheckMs'>> {
  const runId = `${target.name}-${Date.now().toString(36)}`;
  // Each run stores under a namespace of its own, and for a day at most, in a Redis that may outlive it.
  const namespace = `bench-${runId}`;
  const submissionsDir = join(workDir, `${target.name}-submissions`);
  const env: Record<string, string> = {
    PORT: '0',
    LOG_LEVEL: options.logLevel,
    STORAGE_URL: target.storageUrl ?? 'memory://',
    STATE_TTL_DAYS: '1',
    DATA_ENCRYPTION_KEY: keyText,
    SUBMISSIONS_DIR: submissionsDir,
    // Each signed port also writes its confirmation email, as a local run does: away from the repository's ./data.
    MAIL_DIR: join(workDir, `${target.name}-mail`),
    // As deployed, with people to hand chats to: every turn then also keeps the transcript an agent would be shown.
    AGENT_TOKEN: randomBytes(24).toString('base64url'),
  };
  const { server, url } = await ServerProcess.start(target, { env, namespace }, options.profileDir);
  const customer = target.script === 'botServer' ? portingCustomer(runId) : baselineCustomer(runId);
  let drove: Awaited<ReturnType<typeof drive>>;
  try {
    drove = await drive(server, url, customer, options, target.script === 'botServer' ? submissionsDir : undefined);
  } catch (error) {
    await server.stop().catch(() => undefined);
    throw error;
  }
  const peakRssBytes = await server.stop();
  const { flatOut, paced, storageCalls } = drove;
  const conversations = [...flatOut.conversations, ...paced.conversations];
  const state = target.storageUrl
    ? await measureState(target.storageUrl, namespace, new DataKeyring(parseDataKey(keyText)), conversations)
    : undefined;
  return {
    name: target.name,
    turnsPerSecond: flatOut.samples.length / flatOut.seconds,
    cpuMsPerTurn: drove.flatOutCpuMs / flatOut.samples.length,
    clientCpuMsPerTurn: flatOut.clientCpuMs / flatOut.samples.length,
    flatOut: summarize(flatOut.samples),
    paced: summarize(paced.samples),
    peakRssBytes,
    state,
    storageCalls,
  };
}

function machine(): string {
  const model = cpus()[0]?.model ?? 'unknown CPU';
  return `${cpus().length} × ${model}, ${(totalmem() / 1024 ** 3).toFixed(1)} GiB, Node ${process.version} (servers run with ${START_FLAGS.join(' ')})`;
}

/** Other work on the machine slows every server alike, and latency most: the load average says how much there was. */
function busyness(loadBefore: number): string {
  const during = loadavg()[0];
  return `load average ${loadBefore.toFixed(1)} before, ${during.toFixed(1)} at the end (on ${cpus().length} cores; the benchmark itself adds about 1.5)`;
}

function report(results: readonly Result[], options: Options, loadBefore: number): void {
  const echo = results.find((result) => result.name === 'echo');
  const ms = (value: number) => value.toFixed(1);
  console.log(`\nMachine: ${machine()}; ${busyness(loadBefore)}.`);
  console.log(
    `Load: ${options.customers} concurrent customers; ${options.ports} ports each flat out, then ${options.pacedPorts} ports each pausing ` +
      `${options.thinkMs} ms on average before each turn (${TURNS_PER_PORT} turns a port); ${options.warmup} warm-up port each first.`,
  );
  console.log(
    '\n| server | turns/s flat out | vs echo | CPU ms/turn | client CPU ms/turn | p50 ms | p95 ms | p99 ms | p99 ms flat out | peak RSS MiB | state bytes/conversation (stored / plain) | speed check ms |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const result of results) {
    const ratio = echo ? (result.turnsPerSecond / echo.turnsPerSecond).toFixed(2) : 'n/a';
    const state = result.state ? `${Math.round(result.state.storedBytes)} / ${Math.round(result.state.plainBytes)}` : '–';
    const { p50, p95, p99 } = result.paced;
    console.log(
      `| ${result.name} | ${result.turnsPerSecond.toFixed(0)} | ${ratio} | ${result.cpuMsPerTurn.toFixed(2)} | ${result.clientCpuMsPerTurn.toFixed(2)} | ${ms(p50)} | ${ms(p95)} | ${ms(p99)} | ${ms(result.flatOut.p99)} | ` +
        `${(result.peakRssBytes / MIB).toFixed(0)} | ${state} | ${result.speedCheckMs.toFixed(0)} |`,
    );
  }
  const counted = results.filter((result) => result.storageCalls);
  if (counted.length > 0) {
    console.log(
      '\n| server | ordinary turns | state reads (most) | state writes (most) | round trips (median) | sending turns | their round trips (median) | outbox hand-over (median) |',
    );
    console.log('|---|---|---|---|---|---|---|---|');
    for (const { name, storageCalls: calls } of counted) {
      if (!calls) continue;
      console.log(
        `| ${name} | ${calls.ordinaryTurns} | ${calls.maxStateReads} | ${calls.maxStateWrites} | ${calls.medianCalls} | ${calls.sendingTurns} | ` +
          `${calls.sendingMedianCalls} | ${calls.handOverMedianCalls} |`,
      );
    }
  }
  console.log(
    'Speed check: a fixed CPU task timed just before each server ran (lower is faster). Compare runs, or servers within ' +
      'a run, only where it is alike: this machine may be slower or faster from one minute to the next.',
  );
}

interface Verdict {
  /** Undefined where the run has no figure for it (a server skipped or left out). */
  readonly met: boolean | undefined;
  readonly line: string;
}

/** Each target against this run's figures, one line each: the figure, the target, met or missed. */
function judge(results: readonly Result[]): Verdict[] {
  const byName = new Map(results.map((result) => [result.name, result]));
  const verdict = (what: string, figure: number | undefined, target: number, atMost: boolean, unit = ''): Verdict => {
    if (figure === undefined || Number.isNaN(figure)) return { met: undefined, line: `–  ${what}: not measured in this run` };
    const met = atMost ? figure <= target : figure >= target;
    const shown = Number.isInteger(figure) ? String(figure) : figure.toFixed(2);
    return { met, line: `${met ? '✓' : '✗'}  ${what}: ${shown}${unit} (target ${atMost ? '≤' : '≥'} ${target}${unit})` };
  };
  const dialogs = byName.get('dialogs');
  const throughputServer = byName.get(JUDGED.throughput);
  const verdicts = [
    verdict(
      `throughput with ${JUDGED.throughput} flat out, against the dialogs baseline`,
      dialogs && throughputServer && throughputServer.turnsPerSecond / dialogs.turnsPerSecond,
      TARGETS.throughputVsDialogs,
      false,
      ' ×',
    ),
    ...JUDGED.p99.map((name) => verdict(`paced p99 with ${name}`, byName.get(name)?.paced.p99, TARGETS.p99Ms, true, ' ms')),
  ];
  for (const result of results.filter((candidate) => candidate.storageCalls)) {
    const calls = result.storageCalls as StorageCallSummary;
    verdicts.push(
      verdict(`${result.name}: state reads in an ordinary turn (most)`, calls.maxStateReads, TARGETS.stateReadsPerTurn, true),
      verdict(`${result.name}: state writes in an ordinary turn (most)`, calls.maxStateWrites, TARGETS.stateWritesPerTurn, true),
      verdict(`${result.name}: round trips of the outbox hand-over (median)`, calls.handOverMedianCalls, TARGETS.handOverTrips, true),
    );
    if (result.state) verdicts.push(verdict(`${result.name}: state per conversation as stored`, Math.round(result.state.storedBytes), TARGETS.stateBytes, true, ' bytes'));
  }
  return verdicts;
}

async function main(): Promise<void> {
  const options = readOptions();
  const workDir = mkdtempSync(join(tmpdir(), 'porting-bench-'));
  const keyText = formatDataKey('bench', randomBytes(32));
  const targets: Target[] = [
    { name: 'echo', script: 'echoServer' },
    { name: 'dialogs', script: 'dialogFloorServer' },
    { name: 'dialogs-redis', script: 'dialogFloorServer', storageUrl: options.redisUrl },
    { name: 'sqlite', script: 'botServer', storageUrl: `sqlite://${join(workDir, 'bot.sqlite')}` },
    { name: 'redis', script: 'botServer', storageUrl: options.redisUrl },
    { name: 'postgres', script: 'botServer', storageUrl: options.postgresUrl },
  ];
  const results: Result[] = [];
  const loadBefore = loadavg()[0];
  try {
    for (const target of targets.filter((candidate) => options.only.includes(candidate.name))) {
      if (target.storageUrl && !target.storageUrl.startsWith('sqlite:') && !(await storageReachable(target.storageUrl))) {
        console.log(`${target.storageUrl} does not answer: skipping the ${target.name} run (start the service, or pass --redis / --postgres <url>).`);
        continue;
      }
      console.log(`Running ${target.name}…`);
      const speed = speedCheckMs();
      results.push({ ...(await runTarget(target, options, keyText, workDir)), speedCheckMs: speed });
    }
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  report(results, options, loadBefore);
  const verdicts = judge(results);
  console.log(`\n${verdicts.map(({ line }) => line).join('\n')}`);
  const missed = verdicts.filter(({ met }) => met === false).length;
  const quiet = loadBefore / cpus().length < QUIET_LOAD_PER_CORE;
  if (missed > 0 && quiet && !process.env.CI) {
    console.log(`\n${missed} target(s) missed on a quiet machine.`);
    process.exitCode = 1;
  } else if (missed > 0) {
    console.log(`\n${missed} target(s) missed, on a ${process.env.CI ? 'CI run' : 'busy machine'}: not judged (run it again on a quiet one).`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
