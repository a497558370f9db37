// `lakivahti serve --help`'s text, apart from the command's module, which loads the web server and the scheduler:
// main.ts prints it without them (test/process/cli-help.test.ts).
export const usage = `usage: lakivahti serve [--port N] [--host HOST] [--no-schedule] [--db PATH] [--feeds DIR]

Run the scheduler and the web view. Listens on 127.0.0.1 unless --host (or HOST) says otherwise,
port 3000 unless --port (or PORT). SIGTERM, SIGHUP (a closed terminal) or Ctrl-C stops it within 5 s
(runs still in flight after a short grace are aborted and recorded as interrupted); answers in flight
(a download, a form waiting for the database) get up to 10 s more, and a second signal cuts them. SIGUSR2 runs the
digest's immediate tick now (approved drafts, immediate subscriptions, due retries) rather than at its time.
`;
