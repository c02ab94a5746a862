import { afterAll } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { tempDir } from '../scheduler/helpers.js';
import { storeContract } from './contract.js';

const dir = tempDir();
afterAll(() => dir.cleanup());
let n = 0;

storeContract('sqlite', async () => openSqliteStore(dir.path(`contract-${++n}.db`)));
