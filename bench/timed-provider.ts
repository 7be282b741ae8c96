// A thin wrapper around a real provider that notes when send() is called, so the
// bench can time enqueue → provider call and count sends per message.
import type { OutgoingMessage, Provider } from "../lib/providers/types";

export function createTimedProvider(inner: Provider, onSend: (message: OutgoingMessage, at: number) => void): Provider {
  return {
    name: inner.name,
    channels: inner.channels,
    reportsDelivery: inner.reportsDelivery,
    send(message) {
      onSend(message, performance.now());
      return inner.send(message);
    },
    onStatus: inner.onStatus ? (sink) => inner.onStatus!(sink) : undefined,
    close: inner.close ? () => inner.close!() : undefined,
  };
}
