// API keys are resolved without a database read per request: the client a key names is kept
// briefly (resolvePrincipal → lib/clients/client-cache.ts); rotating the key ends the old one
// at once, and a wrong key is looked up every time (never cached as "nobody").
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { resolvePrincipal } from "../../lib/auth/principal";
import { rotateClientKey } from "../../lib/clients/clients";
import { DIALECTS, createTestDatabase, type TestDatabase } from "../helpers/databases";
import { makeClient } from "../helpers/fixtures";

/** Counts the Prisma client's Client lookups while `body` runs. */
async function clientReadsDuring(t: TestDatabase, body: () => Promise<void>): Promise<number> {
  const model = t.db.client as unknown as Record<string, (...a: unknown[]) => unknown>;
  const saved = { findUnique: model.findUnique!, findFirst: model.findFirst! };
  let reads = 0;
  model.findUnique = (...a) => ((reads += 1), saved.findUnique.apply(t.db.client, a));
  model.findFirst = (...a) => ((reads += 1), saved.findFirst.apply(t.db.client, a));
  try {
    await body();
  } finally {
    Object.assign(model, saved);
  }
  return reads;
}

for (const dialect of DIALECTS) {
  describe(`API key principals on ${dialect}`, () => {
    let t: TestDatabase;
    before(async () => (t = await createTestDatabase(dialect)));
    after(async () => t.destroy());

    test("a key read once answers the next requests from the cache; rotation ends the old key at once", async () => {
      const { client, apiKey } = await makeClient(t.db, { name: "Cached Key Dental" });
      const auth = (key: string) => resolvePrincipal(t.db, { authorization: `Bearer ${key}` });
      assert.deepEqual(await auth(apiKey), { kind: "client", clientId: client.id });
      const reads = await clientReadsDuring(t, async () => {
        for (let i = 0; i < 50; i++) assert.deepEqual(await auth(apiKey), { kind: "client", clientId: client.id });
      });
      assert.equal(reads, 0, "50 requests with a known key read the database 0 times");

      const rotated = await rotateClientKey(t.db, client.id);
      assert.equal(await auth(apiKey), null, "the old key stops working at once");
      assert.deepEqual(await auth(rotated.apiKey), { kind: "client", clientId: client.id });
    });

    test("a wrong key is refused every time and looked up every time", async () => {
      const reads = await clientReadsDuring(t, async () => {
        for (let i = 0; i < 3; i++) assert.equal(await resolvePrincipal(t.db, { authorization: "Bearer hk_not_a_key" }), null);
      });
      assert.equal(reads, 3);
    });
  });
}
