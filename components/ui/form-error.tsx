// A form's refusal that belongs to no one field (a 409 conflict, a 404, the network): one line
// above the form's buttons. Field errors sit under their fields instead (field-errors.tsx).
export function FormError({ message, className = "" }: { message: string | null | undefined; className?: string }) {
  if (!message) return null;
  return (
    <p role="alert" data-testid="form-error" className={`rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200 ${className}`}>
      {message}
    </p>
  );
}
