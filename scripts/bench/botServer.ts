/** The benchmark's Porting Assistant: the real application (startApplication), as `npm start` composes it. */
import { startApplication } from '../../src/app';
import { configuredStorage } from './benchStorage';
import { serveToParent } from './childProcess';
import { countStorageCalls, stopCountingStorageCalls } from './storageCalls';

countStorageCalls();
serveToParent(async (start) => {
  const { config, logger, storage } = await configuredStorage(start);
  return startApplication(config, { storage, logger });
}, stopCountingStorageCalls);
