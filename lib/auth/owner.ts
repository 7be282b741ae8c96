// The first owner: created at the first start from ADMIN_EMAIL and ADMIN_PASSWORD (generated
// and printed when unset), so `npm start` needs nothing set. While the owner has not set a
// password of their own in the console, their password is ADMIN_PASSWORD's: a restart with
// another ADMIN_PASSWORD takes it and ends the owner's sessions (the way back in for someone
// who lost it). Once they change it in the console, ADMIN_PASSWORD no longer applies.
import type { Db } from "../db/client";
import { getConfig } from "../config";
import { newId } from "../ids";
import { logFor } from "../log";
import { hashPassword, verifyPassword } from "./password";
import { revokeUserSessions } from "./sessions";

export interface OwnerRow {
  id: string;
  email: string;
  passwordHash: string;
}

/** The first owner (the oldest): whom a bare {password} login signs in. */
export async function firstOwner(db: Db): Promise<OwnerRow | null> {
  return db.user.findFirst({ where: { role: "owner" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, email: true, passwordHash: true } });
}

const settled = new WeakMap<Db, Promise<void>>();

/** Creates the first owner, or brings an env-managed owner's password up to ADMIN_PASSWORD; once per database and process. */
export function ensureOwner(db: Db): Promise<void> {
  let done = settled.get(db);
  if (!done) {
    done = syncOwner(db).catch((err) => {
      settled.delete(db); // tried again at the next login
      throw err;
    });
    settled.set(db, done);
  }
  return done;
}

async function syncOwner(db: Db): Promise<void> {
  const { ADMIN_EMAIL, ADMIN_PASSWORD } = getConfig();
  if (!ADMIN_PASSWORD) throw new Error("ADMIN_PASSWORD must be set (server.ts fills it in at start)");
  const owner = await db.user.findFirst({ where: { role: "owner" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  if (!owner) {
    const email = ADMIN_EMAIL.toLowerCase();
    const taken = await db.user.findUnique({ where: { email } });
    const passwordHash = await hashPassword(ADMIN_PASSWORD);
    if (taken) {
      // Every owner was removed: the ADMIN_EMAIL user becomes the owner again.
      await db.user.update({ where: { id: taken.id }, data: { role: "owner", clientId: null, deactivatedAt: null, passwordHash, passwordSource: "env" } });
    } else {
      await db.user.create({ data: { id: newId("usr"), email, name: "Owner", role: "owner", passwordHash, passwordSource: "env" } }).catch(async (err) => {
        if (!(await firstOwner(db))) throw err; // another replica created it first
      });
    }
    logFor("auth").info({ email }, "created the first owner");
    return;
  }
  if (owner.passwordSource === "env" && !(await verifyPassword(ADMIN_PASSWORD, owner.passwordHash))) {
    await db.user.update({ where: { id: owner.id }, data: { passwordHash: await hashPassword(ADMIN_PASSWORD) } });
    const ended = await revokeUserSessions(db, owner.id);
    logFor("auth").info({ email: owner.email, ended }, "ADMIN_PASSWORD changed: the owner's password follows it and their sessions ended");
  }
}
