// What the users routes accept: one place for the rules a person's email, name, role and
// password follow, so the invite, accept, reset and change forms all refuse the same things.
import { z } from "zod";
import { ROLES } from "../auth/permissions";

/** Long enough that a guesser pays for it (NIST SP 800-63B asks 8; a console that can resend every message asks more). */
export const MIN_PASSWORD = 12;

export const emailField = z.string().trim().toLowerCase().max(320).email("enter an email address such as ana@example.com");
export const nameField = z.string().trim().min(1, "enter a name").max(100, "at most 100 characters");
export const passwordField = z.string().min(MIN_PASSWORD, `at least ${MIN_PASSWORD} characters`).max(200, "at most 200 characters");
export const roleField = z.enum(ROLES, { message: `one of ${ROLES.join(", ")}` });
const clientField = z.string().trim().min(1).max(100).nullable();

/** An owner or admin sees every client; a client is for an agent or a viewer (the portal). */
function clientFitsRole(value: { role?: string; clientId?: string | null }, ctx: z.RefinementCtx) {
  if (value.clientId && (value.role === "owner" || value.role === "admin")) {
    ctx.addIssue({ code: "custom", path: ["clientId"], message: `an ${value.role} sees every client; only an agent or a viewer belongs to one` });
  }
}

export const inviteSchema = z.object({ email: emailField, name: nameField.optional().or(z.literal("").transform(() => undefined)), role: roleField, clientId: clientField.optional() }).strict().superRefine(clientFitsRole);
export const acceptSchema = z.object({ token: z.string().min(1, "the invite link has no token").max(200), name: nameField, password: passwordField }).strict();
export const userPatchSchema = z
  .object({ name: nameField.optional(), role: roleField.optional(), clientId: clientField.optional(), active: z.boolean().optional() })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "name at least one of name, role, clientId, active" });
export const resetPasswordSchema = z.object({ password: passwordField }).strict();
export const changePasswordSchema = z.object({ currentPassword: z.string().min(1, "enter your current password").max(200), newPassword: passwordField }).strict();

export type InviteInput = z.infer<typeof inviteSchema>;
export type UserPatch = z.infer<typeof userPatchSchema>;
