// The benchmark's baseline: a bare Express 5 app that answers each URL with a constant JSON body (the real
// server's answer for it, captured beforehand), so only Express and HTTP remain. Started by bench/api.ts as
// its own process: `tsx bench/bareServer.ts <bodies.json>` with PORT set; prints "bare ready".
import { readFileSync } from "node:fs";
import express from "express";

const [file] = process.argv.slice(2);
if (!file) throw new Error("usage: tsx bench/bareServer.ts <bodies.json>");
const bodies = new Map(Object.entries(JSON.parse(readFileSync(file, "utf8")) as Record<string, string>));
const app = express();
app.get("/{*rest}", (req, res) => {
  const body = bodies.get(req.originalUrl);
  if (body === undefined) {
    res.status(404).json({ error: "not captured" });
    return;
  }
  res.type("application/json").send(body);
});
const server = app.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("bare ready"));
process.on("SIGINT", () => server.close(() => process.exit(0)));
