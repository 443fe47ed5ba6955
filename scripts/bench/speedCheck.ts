/**
 * A fixed piece of CPU work, timed: how fast the machine is right now. A virtual machine's speed wanders (the same
 * work can take half as long again a minute later), so a run's figures are comparable with another run's only when
 * their speed checks are alike. Hashing and JSON, as a turn's encryption and state do.
 */
import { createHash } from 'node:crypto';

const ROUNDS = 20_000;
const ITEM = { turn: 'What is the account number on your AT&T account?', answers: Array.from({ length: 20 }, (_, n) => `answer ${n}`) };

/** The task's time in milliseconds, after one untimed run so that the JIT's warm-up is not in it. */
export function speedCheckMs(): number {
  timedTask();
  return timedTask();
}

function timedTask(): number {
  const startedAt = performance.now();
  let digest = '';
  for (let round = 0; round < ROUNDS; round++) {
    const text = JSON.stringify({ ...ITEM, round, digest });
    digest = createHash('sha256').update(text).digest('hex');
    JSON.parse(text);
  }
  return performance.now() - startedAt;
}
