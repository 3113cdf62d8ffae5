export { seedUser, DEFAULT_ACCOUNTS, DEFAULT_TRANSACTIONS } from './seed-user';
export type { SeedUserSpec, SeedAccountSpec, SeedTransactionSpec, SeededUser, SeededAccount, SeededTransaction } from './seed-user';
export { seedOddRows, HUGE_AMOUNT, TINY_NEGATIVE_AMOUNT } from './seed-odd-rows';
export type { OddRows, OddAccount, OddTransaction } from './seed-odd-rows';
export { seedBulk } from './seed-bulk';
export type { SeedBulkSpec, SeededBulk } from './seed-bulk';
export { expectedMetrics } from './expected-metrics';
export type { ExpectedMetrics, MetricAccount, MetricTransaction } from './expected-metrics';
export { databaseToday, minusDays } from './dates';
