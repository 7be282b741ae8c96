import type { Metadata } from "next";
import { OverviewTiles } from "./overview-tiles";

export const metadata: Metadata = { title: "Overview" };

export default function OverviewPage() {
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold tracking-tight">Overview</h1>
        <p className="text-sm text-slate-500 dark:text-slate-400">The queue right now, updated live.</p>
      </div>
      <OverviewTiles />
    </div>
  );
}
