import { openPostgresStore } from '../../src/store/postgres.js';
import { testDatabases } from '../support/postgres.js';
import { storeContract } from './contract.js';

const databases = testDatabases();

storeContract('postgres', async () => openPostgresStore(await databases.fresh()));
