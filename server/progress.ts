// Progress lines for long work (fetching Neo4j, seeding): a transient line is redrawn in place on a terminal
// and thinned out in logs, so CI output stays readable.
import type { Progress } from "./local-neo4j/jars.ts";

export function consoleProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  let lastTransient = 0;
  let transientShown = false;
  return (message, options) => {
    if (options?.transient) {
      if (stream.isTTY) {
        stream.write(`\r\x1b[2K${message.slice(0, (stream.columns || 100) - 1)}`);
        transientShown = true;
      } else if (Date.now() - lastTransient > 2000) {
        stream.write(`${message}\n`);
        lastTransient = Date.now();
      }
      return;
    }
    if (transientShown) stream.write("\r\x1b[2K");
    transientShown = false;
    stream.write(`${message}\n`);
  };
}
