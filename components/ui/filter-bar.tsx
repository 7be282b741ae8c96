"use client";

// The console's one filter bar: a search form of labelled selects, date and text fields, a
// search box with its button, and removable chips; every page keeps its filter in its URL
// and hands this bar the values and what to do when one changes.
import Link from "next/link";
import { useState, type FormEvent, type ReactNode } from "react";
import { FILTER_INPUT } from "./client-filter";

export { FILTER_INPUT };

/** The row that holds a page's filters, wrapping on a narrow screen. */
export function FilterBar({ children, className = "" }: { children: ReactNode; className?: string }) {
  return <div className={`flex w-full flex-wrap items-center gap-2 ${className}`}>{children}</div>;
}

export interface SelectProps {
  id: string;
  label: string;
  value: string | undefined;
  options: [string, string][];
  onChange: (value: string | undefined) => void;
  className?: string;
}

export function FilterSelect({ id, label, value, options, onChange, className = "" }: SelectProps) {
  return (
    <>
      <label className="sr-only" htmlFor={id}>
        {label}
      </label>
      <select id={id} value={value ?? ""} onChange={(e) => onChange(e.target.value || undefined)} className={`${FILTER_INPUT} max-w-full ${className}`}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </>
  );
}

/** A day picker (`YYYY-MM-DD`), with a visible short label so two of them can be told apart. */
export function FilterDate({ id, label, value, onChange, min, max }: { id: string; label: string; value?: string; onChange: (day: string | undefined) => void; min?: string; max?: string }) {
  return (
    <label htmlFor={id} className="inline-flex items-center gap-1.5 text-xs text-slate-600 dark:text-slate-300">
      {label}
      <input id={id} type="date" value={value ?? ""} min={min} max={max} onChange={(e) => onChange(e.target.value || undefined)} className={`${FILTER_INPUT} w-36`} />
    </label>
  );
}

/**
 * A text field applied when its form is submitted (Enter or the button), not on every key.
 * Keyed by its value from the URL by the caller, so a navigation resets what was typed.
 */
export function SearchField({ id, label, value, placeholder, onSubmit, button = "Search", className = "" }: { id: string; label: string; value?: string; placeholder: string; onSubmit: (text: string | undefined) => void; button?: string | null; className?: string }) {
  const [text, setText] = useState(value ?? "");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(text.trim() || undefined);
  };
  return (
    <form role="search" onSubmit={submit} className={`flex min-w-0 gap-2 ${className}`}>
      <label className="sr-only" htmlFor={id}>
        {label}
      </label>
      <input id={id} type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder={placeholder} className={`${FILTER_INPUT} min-w-0 flex-1`} />
      {button && (
        <button type="submit" className="rounded-md bg-slate-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700 dark:bg-slate-200 dark:text-slate-900 dark:hover:bg-white">
          {button}
        </button>
      )}
    </form>
  );
}

/** A filter shown as a chip that removes itself: "client Bright Smile ×". */
export function FilterChip({ href, children, title = "Remove this filter" }: { href: string; children: ReactNode; title?: string }) {
  return (
    <Link
      href={href}
      data-testid="filter-chip"
      className="inline-flex max-w-full items-center gap-1 truncate rounded-full bg-indigo-50 px-2.5 py-1 text-xs font-medium text-indigo-800 ring-1 ring-inset ring-indigo-200 hover:bg-indigo-100 dark:bg-indigo-950 dark:text-indigo-200 dark:ring-indigo-800"
      title={title}
    >
      {children} <span aria-hidden>×</span>
      <span className="sr-only">(remove this filter)</span>
    </Link>
  );
}
