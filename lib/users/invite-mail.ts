// The invite email: sent through SMTP_URL when it is set (EMAIL_FROM as sender), else not at
// all — the owner copies the link from the Users page. A failed send is reported, not thrown:
// the invite exists and its link works either way.
import { createTransport } from "nodemailer";
import { getConfig } from "../config";
import { logFor } from "../log";
import type { InviteView } from "./invites";

const ROLE_WORDS: Record<string, string> = {
  owner: "an owner (everything, including the team)",
  admin: "an admin (every client and setting)",
  agent: "an agent (send, retry and answer customers)",
  viewer: "a viewer (look, not change)",
};

export async function emailInvite(invite: InviteView, url: string): Promise<boolean> {
  const { SMTP_URL, EMAIL_FROM } = getConfig();
  if (!SMTP_URL) return false;
  const scope = invite.clientName ? ` for ${invite.clientName}` : "";
  const text = [
    `Hello${invite.name ? ` ${invite.name}` : ""},`,
    "",
    `${invite.invitedBy} invited you to Herald as ${ROLE_WORDS[invite.role] ?? invite.role}${scope}.`,
    `Choose your password here: ${url}`,
    "",
    `The link works once, until ${invite.expiresAt.toUTCString()}.`,
  ].join("\n");
  try {
    const transport = createTransport(SMTP_URL);
    await transport.sendMail({ from: EMAIL_FROM ?? "herald@localhost", to: invite.email, subject: "You are invited to Herald", text });
    transport.close();
    return true;
  } catch (err) {
    logFor("users").warn({ err, invite: invite.id }, `invite email to ${invite.email} not sent: ${err instanceof Error ? err.message : String(err)}`);
    return false;
  }
}
