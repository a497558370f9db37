// `lakivahti digest --help`'s text, apart from the command's module, which loads the mailer and the digest:
// main.ts prints it without them (test/process/cli-help.test.ts).
export const usage = `usage: lakivahti digest --preview [--to EMAIL] [--out DIR [--force]] [--db PATH]
       lakivahti digest --send [--approve] [--db PATH]

--preview prints what would be sent now to every subscriber (or to --to EMAIL), text and HTML,
without sending or writing anything; with --out, one .html and one .txt file per recipient instead
(files of those names already in DIR are kept and the preview refused, unless --force).
--send records and sends, over SMTP_URL, what is new for every subscription since its last digest;
run again, it sends nothing new. The network digest goes out once its draft is approved (in the
web view, or now with --approve). Failed messages are retried with backoff by later runs; a
permanent refusal pauses the subscription. A database another process holds locked is waited for 5 s
(a message already sent, 60 s to record it), then the run stops. Exit status: 0 when everything due
was sent (or nothing was due), 1 when a message failed, SMTP_URL is not set (then nothing is recorded)
or the database stayed locked, 2 on a usage error, and 2 when a file --out would write is there
already. Ctrl-C, SIGTERM or SIGHUP stops --send once the message in flight is answered and recorded,
or, while the messages due are being recorded, once they are, before any is sent (exit 130 / 143 /
129; the next run sends the rest); a second signal ends at once.
`;
