import { describe, expect, it } from 'vitest';
import { redactSecrets, redactUrl, targetOf } from '../../src/main/core/redact';

describe('redactUrl', () => {
  it('replaces the password with ***', () => {
    expect(redactUrl('postgres://u:secret@h:5432/db')).toBe('postgres://u:***@h:5432/db');
    expect(redactUrl('postgresql://app:p%40ss%3Aw@db.internal/finance?sslmode=require')).toBe(
      'postgresql://app:***@db.internal/finance?sslmode=require',
    );
    expect(redactUrl('https://admin:tok@weaviate.example.com')).toBe('https://admin:***@weaviate.example.com/');
  });

  it('leaves URLs without a password alone', () => {
    expect(redactUrl('postgres://u@h:5432/db')).toBe('postgres://u@h:5432/db');
    expect(redactUrl('http://localhost:8080')).toBe('http://localhost:8080');
  });

  it('never throws, and still masks credentials in text that is not a URL', () => {
    expect(redactUrl('not a url')).toBe('not a url');
    expect(redactUrl('')).toBe('');
    expect(redactUrl(undefined as unknown as string)).toBe('');
    expect(redactUrl('bad postgres://u:hunter2@h/db')).toBe('bad postgres://u:***@h/db');
  });
});

describe('redactSecrets', () => {
  it('removes connection-string credentials', () => {
    const out = redactSecrets('connect postgres://app:S3cr3t@10.0.0.5:5432/fin failed');
    expect(out).toBe('connect postgres://app:***@10.0.0.5:5432/fin failed');
  });

  it('removes a password containing @ up to the host', () => {
    expect(redactSecrets('url=postgres://u:p@ss@h:5432/db end')).toBe('url=postgres://u:***@h:5432/db end');
  });

  it('removes password=, api keys and tokens in key=value, JSON and header forms', () => {
    const text = [
      'host=h password=hunter2 user=u',
      'PGPASSWORD=pw123',
      'WEAVIATE_API_KEY=wk-abc123',
      '{"apiKey":"zzz-1","password": "with space"}',
      'Authorization: Bearer eyJhbGciOi.J9.abc-def',
      "api-key: 'k-9'",
      'access_token=tok-1&x=1',
    ].join('\n');
    const out = redactSecrets(text);
    for (const secret of ['hunter2', 'pw123', 'wk-abc123', 'zzz-1', 'with space', 'eyJhbGciOi', 'k-9', 'tok-1']) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('password=***');
    expect(out).toContain('WEAVIATE_API_KEY=***');
    expect(out).toContain('"apiKey":"***"');
    expect(out).toContain('Bearer ***');
    expect(out).toContain('&x=1');
    expect(out).toContain('user=u');
  });

  it('removes every given secret, raw and URL-encoded', () => {
    const out = redactSecrets('key s3cr/t@x and s3cr%2Ft%40x and again s3cr/t@x', ['s3cr/t@x']);
    expect(out).toBe('key *** and *** and again ***');
  });

  it('removes the longer of two overlapping secrets whole', () => {
    expect(redactSecrets('abc abcdef', ['abc', 'abcdef'])).toBe('*** ***');
  });

  it('ignores empty secrets and keeps ordinary text', () => {
    expect(redactSecrets('nothing to hide here', ['', 'zzz'])).toBe('nothing to hide here');
    expect(redactSecrets('1 passwords were reset')).toBe('1 passwords were reset');
  });

  it('treats regex characters in secrets literally', () => {
    expect(redactSecrets('a.b*c+ and aXbbc', ['a.b*c+'])).toBe('*** and aXbbc');
  });

  it('masks long values whole, and unclosed quotes to the end of the line', () => {
    const key = 'k'.repeat(3000);
    expect(redactSecrets(`apiKey=${key} next`)).toBe('apiKey=*** next');
    expect(redactSecrets(`{"password":"${key}`)).toBe('{"password":"***"');
    expect(redactSecrets(`password='open quote\nnext line`)).toBe(`password='***'\nnext line`);
  });

  it('handles very long lines without spaces (a quadratic scan would time the test out)', () => {
    const noise = 'x'.repeat(200_000);
    const out = redactSecrets(`${noise}-password=abc ${'a.'.repeat(50_000)}://u:${'@'.repeat(20_000)} postgres://u:pw@h/db`);
    expect(out).toContain(`${noise}-password=*** `);
    expect(out).toContain('postgres://u:***@h/db');
  });

  it('never throws on non-strings', () => {
    expect(redactSecrets(null as unknown as string)).toBe('');
  });
});

describe('targetOf', () => {
  it.each([
    ['postgres://u:p@db.internal/fin', 'db.internal:5432'],
    ['postgresql://db.internal:6543/fin', 'db.internal:6543'],
    ['http://weaviate.local', 'weaviate.local:80'],
    ['https://cluster.weaviate.cloud/v1', 'cluster.weaviate.cloud:443'],
    ['http://127.0.0.1:8080', '127.0.0.1:8080'],
    ['localhost:8080', 'localhost:8080'],
    ['http://[::1]:8080', '[::1]:8080'],
    ['postgres:///fin?host=/var/run/postgresql&port=5433', '/var/run/postgresql:5433'],
    ['postgres:///fin', 'localhost:5432'],
  ])('%s -> %s', (url, target) => {
    expect(targetOf(url)).toBe(target);
  });

  it('never includes credentials and never throws', () => {
    expect(targetOf('postgres://user:hunter2@h:1/db')).not.toContain('hunter2');
    expect(targetOf('')).toBe('unknown host');
    expect(targetOf('::::')).toBe('unknown host');
    expect(targetOf(42 as unknown as string)).toBe('unknown host');
  });
});
