// The transcript as a conversation: the call platform writes "Agent: …\nUser: …"; each turn
// becomes a bubble. Text without speaker labels is shown as it came.

const SPEAKER = /(?:^|\s)(Agent|User|Customer|Caller|Assistant|Bot):\s/g;

interface Turn {
  speaker: string;
  text: string;
}

export function splitTranscript(transcript: string): Turn[] | null {
  const marks = [...transcript.matchAll(SPEAKER)];
  if (marks.length === 0) return null;
  const turns: Turn[] = [];
  const lead = transcript.slice(0, marks[0]!.index).trim();
  if (lead) turns.push({ speaker: "", text: lead });
  marks.forEach((m, i) => {
    const start = m.index + m[0].length;
    const end = i + 1 < marks.length ? marks[i + 1]!.index : transcript.length;
    const text = transcript.slice(start, end).trim();
    if (text) turns.push({ speaker: m[1]!, text });
  });
  return turns;
}

const isAgent = (speaker: string) => speaker === "Agent" || speaker === "Assistant" || speaker === "Bot";

/** The label shown over a turn: the platform's "User" / "Customer" is the caller (or their name). */
function speakerLabel(speaker: string, customerName?: string | null): string {
  if (isAgent(speaker)) return "Agent";
  return customerName ? `${customerName} (caller)` : "Caller";
}

export function CallTranscript({ transcript, customerName }: { transcript: string | null; customerName?: string | null }) {
  if (!transcript?.trim()) {
    return <p className="text-sm text-slate-500 dark:text-slate-400">No transcript yet. It arrives with the end of the call.</p>;
  }
  const turns = splitTranscript(transcript);
  return (
    <div
      data-testid="call-transcript"
      tabIndex={0}
      role="region"
      aria-label="Transcript"
      className="max-h-[32rem] overflow-y-auto rounded-md bg-slate-50 p-3 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 dark:bg-slate-950/60"
    >
      {turns ? (
        <ol className="space-y-2">
          {turns.map((t, i) => (
            <li key={i} className={`flex flex-col ${isAgent(t.speaker) || !t.speaker ? "items-start" : "items-end"}`}>
              {t.speaker && <span data-testid="transcript-speaker" className="mb-0.5 px-1 text-[11px] font-medium text-slate-500 dark:text-slate-400">{speakerLabel(t.speaker, customerName)}</span>}
              <p
                className={`max-w-[85%] whitespace-pre-wrap break-words rounded-lg px-3 py-2 text-sm leading-relaxed ${
                  isAgent(t.speaker) || !t.speaker
                    ? "bg-white text-slate-800 ring-1 ring-inset ring-slate-200 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-700"
                    : "bg-indigo-600 text-white dark:bg-indigo-500"
                }`}
              >
                {t.text}
              </p>
            </li>
          ))}
        </ol>
      ) : (
        <p className="whitespace-pre-wrap break-words text-sm leading-relaxed">{transcript}</p>
      )}
    </div>
  );
}
