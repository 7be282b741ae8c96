"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { z } from "zod";
import { ApiError } from "@/components/api/api-client";

// The console's CSP allows no eval (lib/http/security-headers.ts). zod would probe for it with
// `new Function` to compile its parsers, which the browser reports as a violation every page.
z.config({ jitless: true });

// One QueryClient per browser tab (useState keeps it across re-renders; a server render gets its own).
function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        // A 4xx will not fix itself by asking again; a network blip or a 5xx might.
        retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
      },
    },
  });
}

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(createQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
