"use client";

// A table row that opens its detail on click or Enter, but not when the click was on a
// control inside it or ended a text selection.
import { useState, type KeyboardEvent, type MouseEvent } from "react";

const INTERACTIVE = "button, a, input, select, textarea, label";

export function useExpandableRow() {
  const [expanded, setExpanded] = useState(false);
  const onClick = (e: MouseEvent<HTMLTableRowElement>) => {
    if ((e.target as HTMLElement).closest(INTERACTIVE) || window.getSelection()?.toString()) return;
    setExpanded((x) => !x);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTableRowElement>) => {
    if (e.key === "Enter" && e.target === e.currentTarget) {
      e.preventDefault();
      setExpanded((x) => !x);
    }
  };
  return { expanded, setExpanded, onClick, onKeyDown };
}
