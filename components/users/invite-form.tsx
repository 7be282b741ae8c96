"use client";

// "Invite someone": an email, an optional name, a role and (for an agent or a viewer) a
// client, checked in the browser with the route's own schema; POST /api/users/invite answers
// with the link, which replaces the form until the owner is done with it.
import { useState, type FormEvent } from "react";
import { fetchJson } from "@/components/api/api-client";
import { Field, INPUT, PRIMARY_BUTTON, describedBy } from "@/components/ui/field";
import { detailsOf, errorsByField, problemsOf, type FieldErrors } from "@/components/ui/field-errors";
import { FormError } from "@/components/ui/form-error";
import { inviteSchema } from "@/lib/users/schemas";
import { InviteLink } from "./invite-link";
import { RoleClientFields, type RoleClient } from "./role-client-fields";
import type { InviteAnswer } from "./types";
import { useUsersMutation } from "./use-users";

const FIELDS = ["email", "name", "role", "clientId"];
const START: RoleClient = { role: "agent", clientId: "" };

export function InviteForm() {
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [access, setAccess] = useState<RoleClient>(START);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [answer, setAnswer] = useState<InviteAnswer | null>(null);
  const invite = useUsersMutation(
    (input: unknown) => fetchJson<InviteAnswer>("/api/users/invite", { method: "POST", json: input }),
    (a) => {
      setAnswer(a);
      setEmail("");
      setName("");
      setAccess(START);
    },
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = inviteSchema.safeParse({ email, name: name.trim(), role: access.role, clientId: access.clientId || null });
    if (!parsed.success) return setErrors(errorsByField(detailsOf(parsed.error)));
    setErrors({});
    invite.mutate(parsed.data, { onError: (err) => setErrors(problemsOf(err, FIELDS)) });
  };

  return (
    <section aria-labelledby="invite-title" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <h2 id="invite-title" className="text-base font-semibold">
        Invite someone
      </h2>
      <p className="mb-4 text-sm text-slate-500 dark:text-slate-400">They get a link to choose their own password. It works once and expires.</p>
      {answer ? (
        <InviteLink answer={answer} onDone={() => setAnswer(null)} />
      ) : (
        <form data-testid="invite-form" onSubmit={submit} noValidate className="space-y-4">
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id="invite-email" label="Email" error={errors.email}>
              <input {...describedBy("invite-email", errors.email)} data-testid="invite-email" type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} className={INPUT} />
            </Field>
            <Field id="invite-name" label="Name (optional)" error={errors.name} hint="They can change it when they accept.">
              <input {...describedBy("invite-name", errors.name)} data-testid="invite-name" autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} className={INPUT} />
            </Field>
            <RoleClientFields idPrefix="invite" value={access} onChange={setAccess} errors={errors} testIds={{ role: "invite-role", client: "invite-client" }} />
          </div>
          {/* A refusal about no one field (a 409: someone already has that email) goes above the button. */}
          <FormError message={errors.form} />
          <div className="flex justify-end">
            <button type="submit" data-testid="invite-submit" disabled={invite.isPending} className={PRIMARY_BUTTON}>
              {invite.isPending ? "Inviting…" : "Send invite"}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
