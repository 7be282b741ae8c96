import { SEVERITY_BADGE_CLASSES } from "./severity-colors";

export function SeverityBadge({ severity }: { severity: string }) {
  return (
    <span
      data-testid="severity-badge"
      data-severity={severity}
      className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${
        SEVERITY_BADGE_CLASSES[severity] ?? SEVERITY_BADGE_CLASSES.info
      }`}
    >
      {severity}
    </span>
  );
}
