"use client";

// A user's role and client, changed in their row: PATCH /api/users/:id. A refusal about a
// field (a client for an admin) sits under it; one about the team (the last owner, yourself)
// above the button.
import { useState } from "react";
import { SECONDARY_BUTTON } from "@/components/ui/field";
import { problemsOf } from "@/components/ui/field-errors";
import { FormError } from "@/components/ui/form-error";
import { RoleClientFields, type RoleClient } from "./role-client-fields";
import type { ApiUser } from "./types";
import { patchUser, useUsersMutation } from "./use-users";

export function UserAccessEditor({ user }: { user: ApiUser }) {
  // null: as the server has it, so a fresh list shows through until the owner changes something.
  const [draft, setDraft] = useState<RoleClient | null>(null);
  const [saved, setSaved] = useState(false);
  const value = draft ?? { role: user.role, clientId: user.clientId ?? "" };
  const save = useUsersMutation(
    (v: RoleClient) => patchUser(user.id, { role: v.role, clientId: v.clientId || null }),
    () => {
      setDraft(null);
      setSaved(true);
    },
  );
  const changed = value.role !== user.role || (value.clientId || null) !== user.clientId;
  const problems = save.error ? problemsOf(save.error, ["role", "clientId"]) : {};

  return (
    <form
      aria-label={`Role and client of ${user.email}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(value);
      }}
      className="flex flex-wrap items-start gap-2"
    >
      <div className="grid min-w-0 flex-1 basis-56 grid-cols-2 gap-2">
        <RoleClientFields
          compact
          idPrefix={`user-${user.id}`}
          labelSuffix={` for ${user.email}`}
          value={value}
          onChange={(v) => {
            setDraft(v);
            setSaved(false);
            save.reset();
          }}
          errors={problems}
          testIds={{ role: "user-role-select", client: "user-client-select" }}
        />
      </div>
      <button type="submit" data-testid="user-save" disabled={!changed || save.isPending} className={`${SECONDARY_BUTTON} py-1`}>
        {save.isPending ? "Saving…" : "Save"}
      </button>
      <span aria-live="polite" className="self-center text-xs text-green-700 dark:text-green-300">
        {saved && !changed ? "Saved." : ""}
      </span>
      <FormError message={problems.form} className="w-full py-1 text-xs" />
    </form>
  );
}
