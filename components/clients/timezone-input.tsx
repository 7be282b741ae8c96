"use client";

// A text input that suggests IANA zones as you type (the browser's own list); the schema decides
// whether what was typed is a zone.
import { useId, useMemo, type InputHTMLAttributes } from "react";
import { INPUT } from "@/components/ui/field";

let zones: string[] | undefined;

export function listTimeZones(): string[] {
  if (!zones) {
    let all: string[] = [];
    try {
      all = Intl.supportedValuesOf("timeZone");
    } catch {
      // Older browsers: typing a zone still works, it is just not suggested.
    }
    zones = all.includes("UTC") ? all : ["UTC", ...all];
  }
  return zones;
}

export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

export function TimezoneInput(props: Omit<InputHTMLAttributes<HTMLInputElement>, "list" | "type">) {
  const listId = useId();
  const options = useMemo(() => listTimeZones(), []);
  return (
    <>
      <input {...props} type="text" list={listId} autoComplete="off" spellCheck={false} placeholder="e.g. America/New_York" className={INPUT} />
      <datalist id={listId}>
        {options.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
    </>
  );
}
