"use client";

// The line under every keyset-paginated list: how many rows are shown, whether a
// refresh is running, and "Load more" while the server has a next page.
interface PagedList {
  isFetching: boolean;
  isFetchingNextPage: boolean;
  hasNextPage: boolean;
  fetchNextPage: () => unknown;
}

export function ListFooter({ shown, list }: { shown: number; list: PagedList }) {
  return (
    <div className="flex items-center justify-between text-sm text-slate-500 dark:text-slate-400">
      <span>
        {shown} shown{list.isFetching && !list.isFetchingNextPage ? " · refreshing…" : ""}
      </span>
      {list.hasNextPage && (
        <button
          type="button"
          onClick={() => void list.fetchNextPage()}
          disabled={list.isFetchingNextPage}
          className="rounded-md bg-white px-3 py-1.5 font-medium text-slate-700 shadow-sm ring-1 ring-inset ring-slate-300 hover:bg-slate-50 disabled:opacity-50 dark:bg-slate-900 dark:text-slate-200 dark:ring-slate-700 dark:hover:bg-slate-800"
        >
          {list.isFetchingNextPage ? "Loading…" : "Load more"}
        </button>
      )}
    </div>
  );
}
