"use client";

// Subject (email only) and body of one template, with the variables it may use one click away.
import { useRef } from "react";
import { KNOWN_VARIABLES } from "@/lib/templates/defaults";
import type { TemplateText } from "@/components/api/types";
import { Field, INPUT, describedBy } from "@/components/ui/field";

export function TemplateEditor({
  templateKey,
  template,
  customVariables,
  onChange,
  bodyError,
  subjectError,
}: {
  templateKey: string;
  template: TemplateText;
  customVariables: string[];
  onChange: (t: TemplateText) => void;
  bodyError?: string;
  subjectError?: string;
}) {
  const body = useRef<HTMLTextAreaElement>(null);
  const email = templateKey.endsWith(".email");

  /** Puts {{name}} where the cursor is (or at the end) and keeps typing there. */
  const insert = (name: string) => {
    const el = body.current;
    const token = `{{${name}}}`;
    const at = el ? el.selectionStart : template.body.length;
    const end = el ? el.selectionEnd : at;
    onChange({ ...template, body: template.body.slice(0, at) + token + template.body.slice(end) });
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(at + token.length, at + token.length);
    });
  };

  return (
    <div className="space-y-3">
      {email && (
        <Field id="template-subject" label="Subject" error={subjectError}>
          <input {...describedBy("template-subject", subjectError)} value={template.subject ?? ""} onChange={(e) => onChange({ ...template, subject: e.target.value })} className={INPUT} />
        </Field>
      )}
      <Field id="template-body" label="Message" error={bodyError} hint="Write {{variableName}} where a value goes.">
        <textarea
          ref={body}
          {...describedBy("template-body", bodyError)}
          rows={email ? 9 : 5}
          value={template.body}
          onChange={(e) => onChange({ ...template, body: e.target.value })}
          className={`${INPUT} font-mono leading-relaxed`}
        />
      </Field>
      <div>
        <p className="mb-1 text-xs font-medium text-slate-500 dark:text-slate-400">Insert a variable</p>
        <div className="flex flex-wrap gap-1.5">
          {[...KNOWN_VARIABLES, ...customVariables].map((v) => (
            <button
              key={v}
              type="button"
              onClick={() => insert(v)}
              className="rounded-full bg-slate-100 px-2 py-0.5 font-mono text-xs text-slate-700 ring-1 ring-inset ring-slate-200 hover:bg-indigo-50 hover:text-indigo-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-700 dark:hover:bg-indigo-950 dark:hover:text-indigo-200"
            >
              {`{{${v}}}`}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
