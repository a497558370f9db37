import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Refused } from '../../src/cli/args.js';
import { tagCommand } from '../../src/cli/tag.js';

function sink(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

const lines = [
  JSON.stringify({ id: 'a', title: 'HE 12/2026 vp Hallituksen esitys pelastuslain muuttamisesta', source: 'eduskunta', lang: 'fi' }),
  '{"id": "b", "title": broken',
  JSON.stringify({ id: 'c', title: 'Lagen om fiskeriet i Tana älv ändras', lang: 'sv' }),
  JSON.stringify({ id: 'd', summary: 'no title here' }),
  '',
  JSON.stringify({ id: 'e', title: 'Lausuntopyyntö: valmiuslain muuttaminen', summary: 'Sisäministeriö pyytää lausuntoa.', deadline: '2099-01-31' }),
];

describe('lakivahti tag --jsonl', () => {
  it('tags good lines, names bad lines on stderr, and exits 1', async () => {
    const out = sink();
    const err = sink();
    const code = await tagCommand({ jsonl: '-' }, { stdin: Readable.from([lines.join('\n')]), stdout: out.stream, stderr: err.stream });
    expect(code).toBe(1);
    const results = out.text().trim().split('\n').map((l) => JSON.parse(l));
    expect(results.map((r) => r.id)).toEqual(['a', 'c', 'e']);
    expect(results[0]).toMatchObject({ relevant: true, primary: 'services', goals: ['services'] });
    expect(Object.keys(results[0]).slice(0, 6)).toEqual(['id', 'relevant', 'goals', 'primary', 'scores', 'evidence']);
    expect(results[0].evidence.some((e: { term: string; field: string }) => e.term === 'pelastus+laki' && e.field === 'title')).toBe(true);
    expect(results[1]).toMatchObject({ relevant: false, goals: [], primary: null });
    expect(results[2]).toMatchObject({ relevant: true, primary: 'internal-security', joint: { candidate: true } });
    expect(err.text()).toMatch(/line 2: not valid JSON/);
    expect(err.text()).toMatch(/line 4: "title" is missing/);
  });

  it('reads a file and exits 0 when every line is good', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lakivahti-tag-'));
    const file = join(dir, 'items.jsonl');
    writeFileSync(file, `${lines[0]}\n${lines[2]}\n`);
    const out = sink();
    const err = sink();
    expect(await tagCommand({ jsonl: file, feeds: dir }, { stdin: Readable.from([]), stdout: out.stream, stderr: err.stream })).toBe(0);
    expect(out.text().trim().split('\n')).toHaveLength(2);
    expect(err.text()).toBe('');
  });

  it('reads a line of a title-only source (Finlex, by its definition) as its title alone unless the line says otherwise', async () => {
    const title = 'Lag om statsbidrag för välfärdsområdenas lönesystem';
    const input = [
      JSON.stringify({ id: 'a', title, summary: '', source: 'finlex', lang: 'sv' }),
      JSON.stringify({ id: 'b', title, summary: '', source: 'finlex', lang: 'sv', titleOnly: false }),
      JSON.stringify({ id: 'c', title, summary: '', source: 'statutes', lang: 'sv', titleOnly: true }),
      JSON.stringify({ id: 'd', title, source: 'finlex', titleOnly: 'yes' }),
    ];
    const out = sink();
    const err = sink();
    const code = await tagCommand({ jsonl: '-' }, { stdin: Readable.from([input.join('\n')]), stdout: out.stream, stderr: err.stream });
    expect(code).toBe(1);
    expect(out.text().trim().split('\n').map((l) => [JSON.parse(l).id, JSON.parse(l).relevant])).toEqual([['a', true], ['b', false], ['c', true]]);
    expect(err.text()).toContain('line 4: "titleOnly" must be true or false');
  });

  it('refuses a missing file (exit 2), naming it', async () => {
    const err = sink();
    const refused = await tagCommand({ jsonl: '/nonexistent/items.jsonl' }, { stdin: Readable.from([]), stdout: sink().stream, stderr: err.stream }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Refused);
    expect(refused).toMatchObject({ status: 2, message: expect.stringMatching(/^cannot read \/nonexistent\/items\.jsonl: /) });
    expect(err.text()).toBe('');
  });

  it('refuses a taxonomy it cannot read (exit 2), naming the file and line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lakivahti-tag-'));
    writeFileSync(join(dir, 'taxonomy.yaml'), 'version: "x"\ngoals: [\n');
    const err = sink();
    const refused = await tagCommand({ jsonl: '-', feeds: dir }, { stdin: Readable.from([lines[0]]), stdout: sink().stream, stderr: err.stream }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(Refused);
    expect(refused).toMatchObject({ status: 2, message: expect.stringContaining(join(dir, 'taxonomy.yaml')) });
    expect(err.text()).toBe('');
  });
});
