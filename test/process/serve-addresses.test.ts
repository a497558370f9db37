// serve given addresses it cannot read (percent-escapes that are not UTF-8: a link made by a Latin-1 system, `%ZZ`
// in a path): the person is told which part of the address, in their language, the log gets no stack, serve stays up.
import { describe, expect, it } from 'vitest';
import net from 'node:net';
import path from 'node:path';
import { serveForTests } from '../helpers/process.js';
import { addUser, Browser } from '../helpers/web.js';
import { findUser, openDb, setUserLanguage } from '../../src/store/index.js';

const served = serveForTests('serve-addresses', async (dir) => {
  const file = path.join(dir, 'lakivahti.sqlite');
  const db = openDb(file);
  await addUser(db, 'lukija@example.fi', 'reader');
  await addUser(db, 'lasare@example.fi', 'reader');
  setUserLanguage(db, findUser(db, 'lasare@example.fi')!.id, 'sv');
  db.close();
  return { args: ['--db', file] };
});

const text = (html: string) => html.replace(/<[^>]*>/g, ' ').replace(/&quot;/g, '"').replace(/&#x3D;/g, '=').replace(/\s+/g, ' ');

describe('serve and addresses it cannot read', () => {
  it.each([
    // A search link made in Latin-1 (pelastuslaki with ä as one byte): it searched for "pelastusl\uFFFDki" and found nothing.
    ['/items?goal=services&q=pelastusl%E4ki', 'q=pelastusl%E4ki'],
    ['/items?org=Sis%E4ministeri%F6', 'org=Sis%E4ministeri%F6'],
    ['/board?jatko=%FF', 'jatko=%FF'],
    // In the path: the router could not decode it ("Pyyntöä ei voitu käsitellä", and a stack in the log).
    ['/items/%E0%A4%A', '/items/%E0%A4%A'],
    ['/matters/%ZZ', '/matters/%ZZ'],
    ['/%C0%AF', '/%C0%AF'],
  ])('%s: 400 naming %s', async (address, part) => {
    const fi = new Browser(served.base);
    expect((await fi.signIn('lukija@example.fi')).status).toBe(303);
    const { res, html } = await fi.get(address);
    expect(res.status).toBe(400);
    expect(text(html)).toContain(`Sivun osoitteen kohdan "${part}" prosenttikoodaus ei tuota kelvollisia UTF-8-merkkejä, joten kohtaa ei voi lukea.`);
    const sv = new Browser(served.base);
    await sv.signIn('lasare@example.fi');
    expect(text((await sv.get(address)).html)).toContain(`Procentkodningen i delen "${part}" av sidans adress ger inga giltiga UTF-8-tecken, så delen kan inte läsas.`);
  });

  it('the unsubscribe link, read before signing in, says the same; a lone % in a search is still a search', async () => {
    const { res, html } = await new Browser(served.base).get('/unsubscribe/1.%FF');
    expect(res.status).toBe(400);
    expect(text(html)).toContain('Sivun osoitteen kohdan "/unsubscribe/1.%FF" prosenttikoodaus ei tuota');
    const fi = new Browser(served.base);
    await fi.signIn('lukija@example.fi');
    const search = await fi.get('/items?q=100%');
    expect(search.res.status).toBe(200);
    // UTF-8 escapes are read as before.
    expect((await fi.get('/items?q=pelastusl%C3%A4ki')).res.status).toBe(200);
  });

  // An id with a control character in it (a NUL, a terminal's escape, a right-to-left override) was echoed as it came
  // into the page and the feed's plain-text answer; every value a message quotes now shows them as escapes.
  it.each([
    ['/items/%00', 'Asiakirjaa numero \\u0000 ei ole tallennettu.'],
    ['/matters/%1B%5B31m', 'Asiakokonaisuutta numero \\u001b[31m ei ole.'],
    ['/items/1%E2%80%AEtxt', 'Asiakirjaa numero 1\\u202etxt ei ole tallennettu.'],
    ['/feeds/matters/%00%7F.atom', '\\u0000\\u007f'],
  ])('%s: the id is quoted with its control characters escaped', async (address, said) => {
    const fi = new Browser(served.base);
    await fi.signIn('lukija@example.fi');
    const { res, html } = await fi.get(address);
    expect(res.status).toBe(404);
    expect(html).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u);
    expect(text(html)).toContain(said);
  });

  // A request line or headers past node's limit (16 KiB) never reach express: node answered a bare 431 with no body.
  it('an address of 20 KiB gets the error page (431) with the pages\' headers, logged once as a failed request', async () => {
    const before = served.child.err().split('\n').filter((l) => l.includes('"request_failed"')).length;
    const url = `/items?q=${'pelastus'.repeat(2560)}`;
    const answer = await new Promise<string>((resolve, reject) => {
      const { hostname, port } = new URL(served.base);
      const socket = net.connect(Number(port), hostname, () => socket.write(`GET ${url} HTTP/1.1\r\nHost: ${hostname}\r\n\r\n`));
      const chunks: Buffer[] = [];
      socket.on('data', (c: Buffer) => chunks.push(c));
      socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      socket.on('error', reject);
    });
    const [head, body = ''] = answer.split('\r\n\r\n');
    const headers = head.split('\r\n');
    expect(headers[0]).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expect(headers).toContain('Content-Type: text/html; charset=utf-8');
    expect(headers).toContain(`Content-Length: ${Buffer.byteLength(body)}`);
    expect(headers).toContain('Connection: close');
    expect(headers.some((h) => h.startsWith('Content-Security-Policy: default-src \'self\''))).toBe(true);
    expect(body).toMatch(/^<!doctype html>\n<html lang="fi">/);
    expect(text(body)).toContain('Virhe Sivun osoite tai pyynnön otsakkeet ovat liian pitkät (yli 16 KiB).');
    // Logged as a page's failure is, once, with the start of the address only.
    let failed: string[] = [];
    for (let i = 0; i < 100 && failed.length <= before; i++) {
      failed = served.child.err().split('\n').filter((l) => l.includes('"request_failed"'));
      if (failed.length <= before) await new Promise((r) => setTimeout(r, 50));
    }
    expect(failed).toHaveLength(before + 1);
    const line = JSON.parse(failed[before]) as Record<string, unknown>;
    expect([line.method, line.status]).toEqual(['GET', 431]);
    expect(String(line.path)).toMatch(/^\/items\?q=pelastuspelastus.*…$/);
    expect(String(line.path).length).toBeLessThanOrEqual(200);
    expect((await fetch(`${served.base}/healthz`)).status).toBe(200);
  });

  it('stays up, and logs these as refusals without a stack', async () => {
    expect((await fetch(`${served.base}/healthz`)).status).toBe(200);
    const log = served.child.err() + served.child.out();
    expect(log).not.toContain('URIError');
    expect(log).not.toContain('node_modules');
  });
});
