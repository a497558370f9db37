// Extra certificate authorities for TLS, read when the first TLS connection is made rather than at every start.
//
// Node parses every certificate named by NODE_EXTRA_CA_CERTS before any JavaScript runs: 60-70 ms of each start on a
// machine where it names the system's whole bundle, though most commands open no TLS connection at all (a crawl of
// http sources, `sources`, `items`). The launcher `bin/lakivahti` (what `npx lakivahti` runs) therefore hands the file
// over as LAKIVAHTI_EXTRA_CA_CERTS, and the two places that open TLS connections (https sources, SMTP) trust it from
// here: node's bundled roots plus the file's certificates, as node itself would. Started as `node bin/lakivahti.js`,
// node has read NODE_EXTRA_CA_CERTS itself and this adds nothing.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type tls from 'node:tls';
import { note } from './stderr-line.js';

export const EXTRA_CA_ENV = 'LAKIVAHTI_EXTRA_CA_CERTS';

let loaded: { file: string; ca: string[] | undefined } | null = null;

/**
 * The certificate authorities to trust when LAKIVAHTI_EXTRA_CA_CERTS names a file (node's roots and the file's PEM
 * certificates), or undefined for node's defaults. A file that cannot be read or holds no certificate is said once on
 * stderr (as `lakivahti COMMAND: …`), naming the variable, the file and the reason, and the defaults are used: what node does with
 * NODE_EXTRA_CA_CERTS.
 */
export function extraCa(env: NodeJS.ProcessEnv = process.env): string[] | undefined {
  const file = env[EXTRA_CA_ENV];
  if (!file) return undefined;
  if (loaded?.file === file) return loaded.ca;
  let ca: string[] | undefined;
  try {
    const pem = fs.readFileSync(file, 'utf8');
    if (!/-----BEGIN CERTIFICATE-----/.test(pem)) throw new Error('no PEM certificate in it');
    // node:tls on demand: importing this file (the fetcher, the mailer) must not load TLS.
    const { rootCertificates } = createRequire(import.meta.url)('node:tls') as typeof tls;
    ca = [...rootCertificates, pem];
  } catch (err) {
    note(`ignoring extra certificates from ${file} (${EXTRA_CA_ENV}, handed over from NODE_EXTRA_CA_CERTS): ${(err as Error).message}`);
  }
  loaded = { file, ca };
  return ca;
}
