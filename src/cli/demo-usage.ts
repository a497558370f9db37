// `lakivahti demo --help`'s text, apart from the command's module, which loads the web server and the mirrors:
// main.ts prints it without them (test/process/cli-help.test.ts).
export const usage = `usage: lakivahti demo [--port N] [--host HOST] [--db PATH] [--feeds DIR]

Run the app against local mirrors of every source's recorded snapshot, in db/demo.sqlite (or --db).
The demo starts from an empty database each time, so it only ever resets a database it created
itself; any other file is refused and left untouched. SIGTERM, SIGHUP or Ctrl-C stops it as it stops serve,
also during its first crawl.
`;
