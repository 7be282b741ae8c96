// A zod issue in words an operator reads ("must not be empty", "at most 160 characters"),
// for the API's 400 details and the console's forms alike. zod's own defaults ("Too small:
// expected string to have >=1 characters") are for developers; a message a schema wrote
// itself (a refinement, a `{ error }` option) is already meant for people and is kept.
import type { core } from "zod";

type Issue = core.$ZodIssue;

const TYPE_WORDS: Record<string, string> = { string: "text", number: "a number", boolean: "true or false", array: "a list", object: "an object" };

/** zod writes these; anything else was written by a schema and is shown as it is. */
const ZOD_DEFAULT = /^(Too (small|big)|Invalid (input|option|string|value|element|key|union)|Unrecognized key)/;

function sizeText(issue: Issue & { origin?: string; minimum?: unknown; maximum?: unknown; inclusive?: boolean }): string | null {
  const small = issue.code === "too_small";
  const bound = Number(small ? issue.minimum : issue.maximum);
  if (issue.origin === "string") {
    if (small && bound <= 1) return "must not be empty";
    return small ? `needs at least ${bound} characters` : `must be at most ${bound} characters`;
  }
  if (issue.origin === "array" || issue.origin === "set") {
    if (small && bound <= 1) return "needs at least one item";
    return small ? `needs at least ${bound} items` : `may have at most ${bound} items`;
  }
  if (issue.origin === "number" || issue.origin === "int" || issue.origin === "bigint") {
    const strict = issue.inclusive === false;
    return small ? `must be ${strict ? "more than" : "at least"} ${bound}` : `must be ${strict ? "less than" : "at most"} ${bound}`;
  }
  return null;
}

export function issueText(issue: Issue): string {
  if (!ZOD_DEFAULT.test(issue.message)) return issue.message;
  switch (issue.code) {
    case "too_small":
    case "too_big":
      return sizeText(issue) ?? issue.message;
    case "invalid_type":
      return issue.input === undefined ? "is required" : `must be ${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    case "invalid_value":
      return `must be one of: ${issue.values.map(String).join(", ")}`;
    case "invalid_format":
      return issue.format === "regex" ? "is not in the expected form" : `must be a valid ${issue.format === "datetime" ? "date and time (ISO-8601)" : issue.format}`;
    case "unrecognized_keys":
      return `unknown field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}`;
    default:
      return issue.message;
  }
}
