"use client";

import { useState } from "react";
import { leavingForLogin } from "@/components/api/api-client";

export function LogoutButton() {
  const [busy, setBusy] = useState(false);

  const logout = async () => {
    setBusy(true);
    leavingForLogin();
    try {
      // JSON like every console mutation (the server refuses cookie requests without it: lib/http/csrf.ts).
      await fetch("/api/auth/logout", { method: "POST", credentials: "same-origin", headers: { "Content-Type": "application/json" }, body: "{}" });
    } finally {
      // A full navigation drops the socket and every cached query along with the session.
      window.location.assign("/login");
    }
  };

  return (
    <button
      type="button"
      onClick={() => void logout()}
      disabled={busy}
      className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-600 ring-1 ring-inset ring-slate-300 hover:bg-slate-100 disabled:opacity-50 dark:text-slate-300 dark:ring-slate-700 dark:hover:bg-slate-800"
    >
      {busy ? "Signing out…" : "Log out"}
    </button>
  );
}
