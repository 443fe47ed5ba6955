import type { Logger } from '../logging';

export interface Pingable {
  ping(): Promise<void>;
}

export type Readiness =
  | { readonly ready: true }
  | { readonly ready: false; readonly failing: readonly string[]; readonly detail: string };

/** Resolves `'timeout'` if `work` has not settled within `ms`; never leaves a timer behind. */
async function within<T>(work: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Whether the bot can take traffic: the storage must answer a ping within `timeoutMs`. The detail is safe to
 * show anyone: the storage's own error (which may name hosts or users) goes to the log only.
 */
export async function checkReadiness(storage: Pingable, timeoutMs: number, logger: Logger): Promise<Readiness> {
  try {
    if ((await within(storage.ping(), timeoutMs)) === 'timeout') {
      logger.warn({ timeoutMs }, 'readiness: storage ping timed out');
      return { ready: false, failing: ['storage'], detail: `Storage did not answer within ${timeoutMs} ms.` };
    }
    return { ready: true };
  } catch (error) {
    logger.warn({ err: error }, 'readiness: storage ping failed');
    return { ready: false, failing: ['storage'], detail: 'Storage did not answer the ping.' };
  }
}
