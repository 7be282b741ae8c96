// `npm run db:migrate`: apply migrations to DATABASE_URL (default: the embedded SQLite file).
import { getConfig } from "../lib/config";
import { migrateDatabase } from "../lib/migrate";

try {
  await migrateDatabase(getConfig().DATABASE_URL);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
