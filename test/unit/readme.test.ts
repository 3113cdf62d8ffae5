/**
 * The README is the operator's door: it must name every environment variable with its default and
 * every property the sync writes, so documentation cannot drift from the code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV_VARIABLES } from '../../src/main/core/config';
import { COLLECTIONS } from '../../src/main/core/mapping';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

describe('README', () => {
  it.each(ENV_VARIABLES.map((v) => [v.name, v]))('documents %s with its default', (_name, v) => {
    const row = readme.split('\n').find((l) => l.startsWith(`| \`${v.name}\``));
    expect(row, `a configuration table row for ${v.name}`).toBeDefined();
    for (const alias of v.aliases) expect(row).toContain(alias);
    if (v.default !== null && !v.default.startsWith('<')) expect(row).toContain(`\`${v.default}\``);
  });

  it.each(COLLECTIONS.map((c) => [c.name, c]))('lists every property of %s', (name, c) => {
    const row = readme.split('\n').find((l) => l.startsWith(`| \`${name}\``));
    expect(row).toBeDefined();
    for (const p of c.properties) expect(row).toMatch(new RegExp(`\\b${p.name}\\b`));
  });

  it('gives the two set-up commands and the test command', () => {
    expect(readme).toContain('npm install\nnpm start');
    expect(readme).toContain('npm test');
  });
});
