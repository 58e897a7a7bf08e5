// Imported first by main.ts, before any schema is built: zod probes `new Function` when it builds an object
// schema, to compile fast parsers. The page's Content-Security-Policy refuses eval (script-src 'self'), so the
// probe would report a policy violation on every load; jitless mode skips it and parses without eval.
import { z } from "zod";

z.config({ jitless: true });
