// The same kind of custom server as Herald's server.ts (node:http, Next's request handler,
// production mode) serving only the trivial route handler in app/api/messages.
import { createServer } from "node:http";
import next from "next";

const port = Number(process.env.PORT ?? 3300);
const dir = import.meta.dirname;
const httpServer = createServer();
const app = next({ dev: false, dir, hostname: "127.0.0.1", port, httpServer });
const handle = app.getRequestHandler();
await app.prepare();
httpServer.on("request", (req, res) => void handle(req, res));
httpServer.listen(port, "127.0.0.1", () => console.log(`trivial server on ${port}`));
process.on("SIGTERM", () => httpServer.close(() => process.exit(0)));
