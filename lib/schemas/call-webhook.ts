// The call platform's webhook body (Retell-compatible). Unknown fields pass through.
import { z } from "zod";

export const CALL_EVENTS = ["call_started", "call_ended", "call_analyzed"] as const;
export type CallEventName = (typeof CALL_EVENTS)[number];

const record = z.record(z.string(), z.unknown());

export const callSchema = z
  .object({
    call_id: z.string().min(1).max(200),
    agent_id: z.string().max(200).optional(),
    call_type: z.string().optional(),
    direction: z.enum(["inbound", "outbound"]).optional(),
    from_number: z.string().max(40).optional(),
    to_number: z.string().max(40).optional(),
    call_status: z.string().max(50).optional(),
    start_timestamp: z.number().optional(),
    end_timestamp: z.number().optional(),
    duration_ms: z.number().optional(),
    disconnection_reason: z.string().max(100).optional(),
    transcript: z.string().max(500_000).optional(),
    metadata: record.optional(),
    call_analysis: z
      .object({ custom_analysis_data: record.optional(), call_summary: z.string().optional(), in_voicemail: z.boolean().optional() })
      .passthrough()
      .optional(),
    collected_dynamic_variables: record.optional(),
    retell_llm_dynamic_variables: record.optional(),
  })
  .passthrough();

export const callWebhookSchema = z.object({ event: z.string().min(1).max(100), call: callSchema }).passthrough();
export type CallWebhook = z.infer<typeof callWebhookSchema>;
export type CallPayload = z.infer<typeof callSchema>;
