import { describe, expect, it } from 'vitest';
import { accountUuid, profileUuid, transactionUuid, uuidFromKey } from '../../src/main/core/mapping';

// Expected values computed by hand in a shell:  printf '%s' transaction_tx_1 | md5sum
// then laid out as h[0:8]-h[8:12]-"4"+h[13:16]-h[16:20]-h[20:32] (the original tool's derivation).
describe('deterministic object ids', () => {
  it('transaction: md5("transaction_<id>")', () => {
    // md5 52a1743996bbbec7fff26293454af7a6
    expect(transactionUuid('tx_1')).toBe('52a17439-96bb-4ec7-fff2-6293454af7a6');
    // md5 b5e42c7c39b2741ed9b25fce8fc189af: the 13th digit (7) is replaced by 4
    expect(transactionUuid('tx_9')).toBe('b5e42c7c-39b2-441e-d9b2-5fce8fc189af');
  });

  it('account: md5("account_<id>")', () => {
    // md5 dcb2970b22afc8d6fbfe98dec38523bc
    expect(accountUuid('acc_1')).toBe('dcb2970b-22af-48d6-fbfe-98dec38523bc');
  });

  it('profile: md5("profile_<user_id>")', () => {
    // md5 40663cadea6430edb44745d7c417b289
    expect(profileUuid('user_1')).toBe('40663cad-ea64-40ed-b447-45d7c417b289');
    // md5 1d0db29646786c63495601799b11e9cc
    expect(profileUuid('')).toBe('1d0db296-4678-4c63-4956-01799b11e9cc');
  });

  it('hashes the UTF-8 bytes of non-ASCII ids, as Python did', () => {
    // md5 77a66cfc78d57930398c965672c6723e
    expect(transactionUuid('txn_ÄÖ🍕')).toBe('77a66cfc-78d5-4930-398c-965672c6723e');
  });

  it('keeps the kinds apart and is stable', () => {
    expect(transactionUuid('1')).not.toBe(accountUuid('1'));
    expect(accountUuid('1')).not.toBe(profileUuid('1'));
    expect(transactionUuid('abc')).toBe(transactionUuid('abc'));
    expect(uuidFromKey('transaction_tx_1')).toBe(transactionUuid('tx_1'));
  });

  it('always has the UUID shape with version nibble 4', () => {
    for (const id of ['a', 'b', '123', 'x'.repeat(500)]) {
      expect(transactionUuid(id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
  });
});
