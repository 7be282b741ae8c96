import { ROLE_BADGE_CLASSES, ROLE_DESCRIPTIONS, roleLabel } from "./role-labels";

// A console role as a coloured pill; data-role keeps the code, the tooltip says what it may do.
export function RoleBadge({ role }: { role: string }) {
  const colours = (ROLE_BADGE_CLASSES as Record<string, string | undefined>)[role] ?? ROLE_BADGE_CLASSES.viewer;
  return (
    <span
      data-testid="role-badge"
      data-role={role}
      title={(ROLE_DESCRIPTIONS as Record<string, string | undefined>)[role]}
      className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${colours}`}
    >
      {roleLabel(role)}
    </span>
  );
}
