"use client";

// The live preview: the draft template rendered by the server (POST /api/templates/preview) with
// sample data, asked again 350 ms after the typing stops; the last good preview stays meanwhile.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { TemplateText } from "@/components/api/types";
import { fetchJson } from "@/components/api/api-client";

export interface Preview {
  subject: string | null;
  body: string;
}

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function useTemplatePreview(input: { clientId: string; kind: string; channel: string; template: TemplateText; customVariables: string[] }) {
  const current = JSON.stringify({
    clientId: input.clientId,
    kind: input.kind,
    channel: input.channel,
    template: { body: input.template.body, ...(input.channel === "email" && input.template.subject ? { subject: input.template.subject } : {}) },
    // Custom variables have no sample value on the server; show their names instead.
    variables: Object.fromEntries(input.customVariables.map((v) => [v, `[${v}]`])),
  });
  const request = useDebounced(current, 350);
  const hasBody = input.template.body.trim() !== "";
  const query = useQuery({
    queryKey: ["template-preview", request],
    queryFn: () => fetchJson<Preview>("/api/templates/preview", { method: "POST", json: JSON.parse(request) }),
    enabled: hasBody,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    retry: false,
  });
  return { ...query, hasBody, updating: current !== request || query.isFetching };
}
