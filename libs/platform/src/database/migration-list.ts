import { RegistryAndAccounts1764300000000 } from './migrations/1764300000000-registry-and-accounts';

/** Every migration in order; a committed migration is never edited, only followed by a new one. */
export const MIGRATIONS = [RegistryAndAccounts1764300000000];
