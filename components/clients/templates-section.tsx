"use client";

// Per kind and channel: Herald's default or the client's own text, a live preview, and a save
// that the server checks (a variable it does not know is refused, and said so at the field).
import { useState } from "react";
import { FOLLOW_UP_KINDS, findTemplate } from "@/lib/templates/defaults";
import type { ApiClient, TemplateText } from "@/components/api/types";
import { splitList } from "./split-list";
import { errorsUnder, type FieldErrors } from "@/components/ui/field-errors";
import { Field, INPUT, SECONDARY_BUTTON, describedBy } from "@/components/ui/field";
import { SectionCard } from "./section-card";
import { TemplateEditor } from "./template-editor";
import { TemplatePicker } from "./template-picker";
import { TemplatePreview } from "./template-preview";
import { useSaveClient } from "./use-save-client";

const PREFIX = "settings.templates.";

/** The template key a server error is about: "settings.templates.confirmation.email.subject" → "confirmation.email". */
function keyOfError(path: string): string | null {
  if (!path.startsWith(PREFIX)) return null;
  const [kind, channel] = path.slice(PREFIX.length).split(".");
  return kind && channel ? `${kind}.${channel}` : null;
}

export function erroredKeys(errors: FieldErrors): Set<string> {
  return new Set(Object.keys(errors).flatMap((p) => keyOfError(p) ?? []));
}

export function TemplatesSection({ client }: { client: ApiClient }) {
  const [overrides, setOverrides] = useState<Record<string, TemplateText>>(() => client.settings.templates ?? {});
  const [customVars, setCustomVars] = useState(() => (client.settings.customVariables ?? []).join(", "));
  const [selected, setSelected] = useState({ kind: FOLLOW_UP_KINDS[0] as string, channel: "sms" });
  const { save, state } = useSaveClient(client.id);

  const key = `${selected.kind}.${selected.channel}`;
  const fallback = findTemplate(selected.kind, selected.channel);
  const template = overrides[key] ?? fallback ?? { body: "" };
  const custom = key in overrides;
  const variables = splitList(customVars);
  const bodyError = [state.errors[PREFIX + key], state.errors[`${PREFIX}${key}.body`]].filter(Boolean).join("; ") || undefined;
  const customVarsError = errorsUnder(state.errors, "settings.customVariables")[0];

  const submit = async () => {
    // The server is the judge of variables here: it knows the saved custom variables too.
    const saved = await save({ settings: { templates: overrides, customVariables: variables } }, { validateInBrowser: false });
    if (saved) return setOverrides(saved.settings.templates ?? {});
  };
  // After a refusal, open the first template it names, so the message is in view.
  const firstBad = [...erroredKeys(state.errors)][0];
  const [shownError, setShownError] = useState<string | undefined>();
  if (!firstBad && shownError) setShownError(undefined);
  if (firstBad && firstBad !== shownError) {
    setShownError(firstBad);
    const [kind, channel] = firstBad.split(".");
    if (kind && channel && firstBad !== key) setSelected({ kind, channel });
  }

  return (
    <SectionCard
      id="templates"
      title="Templates"
      description="What each follow-up says. Unchanged ones use Herald's defaults; appointment times are written in the client's timezone and locale."
      state={state}
      onSubmit={() => void submit()}
      saveLabel="Save templates"
    >
      <TemplatePicker selected={selected} onSelect={setSelected} overrides={overrides} errored={erroredKeys(state.errors)} />
      <div className="mt-4 grid gap-4 lg:grid-cols-2">
        <div>
          <div className="mb-3 flex flex-wrap items-center justify-between gap-2 text-sm">
            <span data-testid="template-source" className="text-slate-500 dark:text-slate-400">
              <span className="font-mono text-slate-700 dark:text-slate-200">{key}</span> ·{" "}
              {custom ? "the client's own text" : fallback ? "Herald's default" : "no default template for this channel"}
            </span>
            {custom && (
              <button
                type="button"
                onClick={() => setOverrides(({ [key]: _, ...rest }) => rest)}
                className={`${SECONDARY_BUTTON} py-1 text-xs`}
              >
                {fallback ? "Reset to default" : "Remove"}
              </button>
            )}
          </div>
          <TemplateEditor
            key={key}
            templateKey={key}
            template={template}
            customVariables={variables}
            onChange={(t) => setOverrides((o) => ({ ...o, [key]: t }))}
            bodyError={bodyError}
            subjectError={state.errors[`${PREFIX}${key}.subject`]}
          />
        </div>
        <TemplatePreview clientId={client.id} kind={selected.kind} channel={selected.channel} template={template} customVariables={variables} />
      </div>
      <Field
        id="custom-variables"
        className="mt-4 max-w-xl"
        label="Custom variables"
        error={customVarsError}
        hint="Comma-separated names from the call's custom analysis data (e.g. petName) that templates may use."
      >
        <input {...describedBy("custom-variables", customVarsError)} value={customVars} onChange={(e) => setCustomVars(e.target.value)} className={`${INPUT} font-mono`} />
      </Field>
    </SectionCard>
  );
}
