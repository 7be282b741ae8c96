// Starts Herald for the Playwright run: a fresh SQLite database, known secrets,
// the production build made by `npm run test:e2e`, then server.ts.
import { E2E_PORT, dbFileFor, freshDatabase, heraldEnv, spawnHerald } from "./herald-process";

const url = await freshDatabase(dbFileFor(`e2e-${E2E_PORT}`));
const child = spawnHerald(heraldEnv(E2E_PORT, url));
const forward = (signal: NodeJS.Signals) => child.kill(signal);
process.on("SIGTERM", forward);
process.on("SIGINT", forward);
child.on("exit", (code) => process.exit(code ?? 0));
