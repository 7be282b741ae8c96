"use client";

// The role select and the client select, as the invite form and a user's row both use them:
// the client is only for an agent or a viewer ("All clients" = null); choosing owner or
// admin clears it, as the server would refuse one.
import { useClients } from "@/components/api/use-clients";
import { INPUT_BASE, describedBy } from "@/components/ui/field";
import { FieldError } from "@/components/ui/field-errors";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, roleHasClient } from "@/components/auth/role-labels";
import { ROLES, type Role } from "@/lib/auth/permissions";

export interface RoleClient {
  role: Role;
  /** "" = all clients. */
  clientId: string;
}

interface Props {
  /** Prefix of the inputs' ids (`${idPrefix}-role`, `${idPrefix}-client`). */
  idPrefix: string;
  value: RoleClient;
  onChange: (value: RoleClient) => void;
  errors: { role?: string; clientId?: string };
  testIds: { role: string; client: string };
  /** Visible labels and the role's description (the invite form); a row keeps its labels for screen readers. */
  compact?: boolean;
  /** Words after the label, e.g. the person's email in a row: "Role for ana@example.com". */
  labelSuffix?: string;
}

export function RoleClientFields({ idPrefix, value, onChange, errors, testIds, compact = false, labelSuffix = "" }: Props) {
  const { clients, isPending } = useClients();
  const roleId = `${idPrefix}-role`;
  const clientId = `${idPrefix}-client`;
  const label = compact ? "sr-only" : "mb-1 block text-sm font-medium text-slate-700 dark:text-slate-200";
  const hasClient = roleHasClient(value.role);
  const setRole = (role: Role) => onChange({ role, clientId: roleHasClient(role) ? value.clientId : "" });

  return (
    <>
      <div className={compact ? "min-w-0" : ""}>
        <label htmlFor={roleId} className={label}>
          Role{labelSuffix}
        </label>
        <select {...describedBy(roleId, errors.role)} data-testid={testIds.role} value={value.role} onChange={(e) => setRole(e.target.value as Role)} className={`${INPUT_BASE} w-full ${compact ? "py-1" : ""}`}>
          {ROLES.map((r) => (
            <option key={r} value={r} title={ROLE_DESCRIPTIONS[r]}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
        {errors.role ? (
          <FieldError id={`${roleId}-error`} message={errors.role} />
        ) : (
          !compact && (
            <p id={`${roleId}-hint`} data-testid="role-description" className="mt-1 text-xs text-slate-500 dark:text-slate-400">
              {ROLE_DESCRIPTIONS[value.role]}
            </p>
          )
        )}
      </div>
      <div className={compact ? "min-w-0" : ""}>
        <label htmlFor={clientId} className={label}>
          Client{labelSuffix}
        </label>
        <select
          {...describedBy(clientId, errors.clientId)}
          data-testid={testIds.client}
          value={hasClient ? value.clientId : ""}
          disabled={!hasClient}
          onChange={(e) => onChange({ ...value, clientId: e.target.value })}
          className={`${INPUT_BASE} w-full disabled:cursor-not-allowed disabled:opacity-60 ${compact ? "py-1" : ""}`}
        >
          <option value="">All clients</option>
          {/* The current client stays choosable while the list loads (or if it is gone from it). */}
          {value.clientId && !clients.some((c) => c.id === value.clientId) && <option value={value.clientId}>{isPending ? "Loading…" : value.clientId}</option>}
          {clients.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        {errors.clientId ? (
          <FieldError id={`${clientId}-error`} message={errors.clientId} />
        ) : (
          !compact && (
            <p id={`${clientId}-hint`} className="mt-1 text-xs text-slate-500 dark:text-slate-400">
              {hasClient ? "An agent or viewer can be kept to one client's messages." : "An owner or admin always sees every client."}
            </p>
          )
        )}
      </div>
    </>
  );
}
