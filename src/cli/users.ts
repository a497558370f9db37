// `lakivahti users add EMAIL --role ROLE | password EMAIL | list [--json] | disable EMAIL | enable EMAIL`: the web workbench's
// accounts.
import { disableUser, enableUser, findUser, insertUser, listUsers, ROLES, setUserPassword, type Role } from '../store/index.js';
import { hashPassword, passwordProblem } from '../web/auth/password.js';
import { notUtf8At } from '../bytes.js';
import { closeContext, openContext } from '../app/context.js';
import { fiDateTime } from '../app/format.js';
import { countAccountSubscriptions } from '../store/subscriptions.js';
import { canonicalAddress, notAnAddress } from '../parse/address.js';
import { word } from '../present/words-web.js';
import { Interrupted, parseCommand, Refused, UsageError, writeLine } from './args.js';

export const usage = `usage: lakivahti users add EMAIL --role admin|reviewer|reader [--db PATH]
       lakivahti users password EMAIL [--db PATH]
       lakivahti users list [--json] [--db PATH]
       lakivahti users disable EMAIL [--db PATH]
       lakivahti users enable EMAIL [--db PATH]

Accounts of the web workbench; there are no default accounts. add and password ask for the
password (twice, not shown) on a terminal, and otherwise read it from the first line of standard
input:
  echo "$PASSWORD" | lakivahti users add lakimies@example.fi --role reviewer
A password has 12 to 256 characters and is not one of the common passwords attackers try first.
password sets a new password for the account (an administrator's reset) and ends its sessions.
Roles: admin (administrator), reviewer (legal reviewer: reviews, board, merges and splits),
reader (department reader: reads only). disable ends the account's sessions and revokes its feed
tokens; its history stays, and its subscriptions are kept but send nothing. enable lets a disabled
account sign in again and its kept subscriptions send again (its feed addresses stay revoked).
list reads the database without changing it.
`;

/**
 * Read a password: from a terminal without echo, else the first line of standard input. Bytes that are not UTF-8 (a
 * Latin-1 file or terminal) are refused: read as U+FFFD they would make a password no sign-in form can type.
 */
async function readPassword(prompt: string, input: NodeJS.ReadStream = process.stdin): Promise<string> {
  if (!input.isTTY) {
    // Bytes first, decoded once: a pipe may split a character between two reads.
    const chunks: Buffer[] = [];
    let length = 0;
    for await (const chunk of input as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      length += chunk.length;
      if (chunk.includes(0x0a) || length > 4096) break;
    }
    const all = Buffer.concat(chunks);
    const end = all.indexOf(0x0a);
    const line = all.subarray(0, end < 0 ? all.length : end > 0 && all[end - 1] === 0x0d ? end - 1 : end);
    const bad = notUtf8At(line);
    if (bad >= 0)
      throw new UsageError(`password not accepted: standard input is not UTF-8 (byte 0x${line[bad].toString(16)} at byte ${bad + 1} of the line); write the password in UTF-8 (iconv -f latin1 -t utf-8, or a UTF-8 terminal)`);
    return line.toString('utf8');
  }
  // Echo off before the prompt shows, so nothing typed after it is ever shown.
  input.setRawMode(true);
  process.stderr.write(prompt);
  input.resume();
  input.setEncoding('utf8');
  try {
    return await new Promise<string>((resolve, reject) => {
      let typed = '';
      const onData = (s: string) => {
        for (const ch of s) {
          if (ch === '\r' || ch === '\n') return (input.off('data', onData), process.stderr.write('\n'), resolve(typed));
          if (ch === '\u0003') return (input.off('data', onData), process.stderr.write('\n'), reject(new Interrupted()));
          if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
          else if (ch >= ' ') typed += ch;
        }
      };
      input.on('data', onData);
    });
  } finally {
    input.setRawMode(false);
    input.pause();
  }
}

/** Whether an account has this address as stored (one stored before the address rule may not be one it takes now). */
async function storedAccount(values: { db?: string; feeds?: string }, email: string): Promise<boolean> {
  const ctx = openContext(values, { access: 'read' });
  try {
    return findUser(ctx.db, email) !== undefined;
  } finally {
    await closeContext(ctx);
  }
}

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(args, { role: { type: 'string' }, json: { type: 'boolean' } }, true);
  const [sub, email, ...extra] = positionals;
  if (sub === 'list') {
    if (email !== undefined) throw new UsageError(`list takes no arguments, not "${email}"`);
    const ctx = openContext(values, { access: 'read' });
    try {
      for (const u of listUsers(ctx.db)) {
        const line = values.json ? JSON.stringify(u)
          : `${u.email}  ${word('fi', `role.${u.role}`)}  luotu ${fiDateTime(u.createdAt)}${u.disabledAt ? `  POISTETTU KÄYTÖSTÄ ${fiDateTime(u.disabledAt)}` : ''}`;
        if (!(await writeLine(line))) break;
      }
      return 0;
    } finally {
      await closeContext(ctx);
    }
  }
  if (sub !== 'add' && sub !== 'disable' && sub !== 'enable' && sub !== 'password')
    throw new UsageError(sub ? `unknown subcommand "${sub}" (add, password, list, disable, enable)` : 'give a subcommand: add, password, list, disable or enable');
  if (!email) throw new UsageError(`${sub} needs the account's e-mail address`);
  if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
  // An account stored before the address rule keeps its address: it can still be disabled, enabled or reset.
  const notEmail = notAnAddress(email);
  if (notEmail !== null && (sub === 'add' || !(await storedAccount(values, email)))) throw new UsageError(notEmail);
  if (sub === 'disable') {
    const ctx = openContext(values, { access: 'change' });
    try {
      // Disabling twice changes nothing: say since when, not that it happened now.
      const since = findUser(ctx.db, email)?.disabledAt;
      if (!disableUser(ctx.db, email, new Date().toISOString())) throw new Refused(`no account for ${email}`, 1);
      // Its subscriptions are kept but send nothing while it is disabled (they read as paused): say how many.
      const kept = countAccountSubscriptions(ctx.db, findUser(ctx.db, email)!.id);
      const subs = kept === 0 ? '' : kept === 1 ? '; sen tilaus on keskeytetty' : `; sen ${kept} tilausta on keskeytetty`;
      process.stdout.write(since
        ? `tunnus ${email} on ollut poissa käytöstä ${fiDateTime(since)} alkaen; sillä ei ole istuntoja eikä voimassa olevia syötetunnisteita${subs}\n`
        : `tunnus ${email} poistettu käytöstä; sen istunnot päätettiin ja syötetunnisteet peruttiin${subs}\n`);
      return 0;
    } finally {
      await closeContext(ctx);
    }
  }
  if (sub === 'enable') {
    const ctx = openContext(values, { access: 'change' });
    try {
      const was = enableUser(ctx.db, email);
      if (was === false) throw new Refused(`no account for ${email}`, 1);
      if (was === null) {
        process.stdout.write(`tunnus ${email} on jo käytössä; mitään ei muutettu\n`);
        return 0;
      }
      const kept = countAccountSubscriptions(ctx.db, findUser(ctx.db, email)!.id, { sending: true });
      const subs = kept === 0 ? '' : kept === 1 ? '; sen tilaus lähettää taas' : `; sen ${kept} tilausta lähettävät taas`;
      process.stdout.write(`tunnus ${email} otettu taas käyttöön (poissa käytöstä ${fiDateTime(was)} alkaen); sillä voi kirjautua${subs}; syötetunnisteet pysyvät peruttuina\n`);
      return 0;
    } finally {
      await closeContext(ctx);
    }
  }
  const role = values.role as Role | undefined;
  if (sub === 'password' && role !== undefined) throw new UsageError('password takes no --role');
  if (sub === 'add' && (!role || !ROLES.includes(role))) throw new UsageError(`--role must be one of ${ROLES.join(', ')}${role ? `, not "${role}"` : ''}`);
  // Checked before the password is asked for, so nobody types one in vain.
  const reader = openContext(values, { access: sub === 'add' ? 'write' : 'change' });
  let disabled = false;
  try {
    const account = findUser(reader.db, email);
    const exists = account !== undefined;
    disabled = account?.disabledAt != null;
    if (sub === 'add' && exists) throw new Refused(`an account for ${email} already exists`, 1);
    if (sub === 'password' && !exists) throw new Refused(`no account for ${email}`, 1);
  } finally {
    await closeContext(reader);
  }
  const password = await readPassword(sub === 'add' ? 'Salasana: ' : 'Uusi salasana: ');
  // Standard input closed or empty (cron, `< /dev/null`): no password was given, rather than one of no characters.
  if (!process.stdin.isTTY && password === '')
    throw new UsageError(`no password on standard input: pipe it in (echo "$PASSWORD" | lakivahti users ${sub} ${email}${sub === 'add' ? ` --role ${role}` : ''}), or run the command on a terminal to be asked`);
  // A terminal that sends Latin-1: its bytes arrive as U+FFFD (the prompt reads UTF-8).
  if (process.stdin.isTTY && password.includes('\uFFFD'))
    throw new UsageError('password not accepted: the terminal sent characters that are not UTF-8; set its character encoding to UTF-8, or pipe the password in');
  const problem = passwordProblem(password, email);
  if (problem) throw new UsageError(`password not accepted: ${problem.en}`);
  if (process.stdin.isTTY && (await readPassword('Salasana uudelleen: ')) !== password) throw new UsageError('the passwords did not match');
  const passwordHash = await hashPassword(password);
  const ctx = openContext(values);
  try {
    if (sub === 'password') {
      if (!setUserPassword(ctx.db, email, passwordHash)) throw new Refused(`no account for ${email}`, 1);
      // A reset does not enable a disabled account: say so, lest the administrator take it for re-enabled.
      process.stdout.write(`tunnuksen ${email} salasana vaihdettu; sen istunnot päätettiin${disabled ? '; tunnus on yhä poistettu käytöstä eikä sillä voi kirjautua' : ''}\n`);
      return 0;
    }
    insertUser(ctx.db, { email, role: role!, passwordHash, now: new Date().toISOString() });
    process.stdout.write(`tunnus ${canonicalAddress(email) ?? email} luotu (${word('fi', `role.${role}`)})\n`);
    return 0;
  } finally {
    await closeContext(ctx);
  }
}
