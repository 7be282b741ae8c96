// A real SMTP receiver (the smtp-server package) on 127.0.0.1, STARTTLS disabled, AUTH
// disabled unless a user is given (then AUTH PLAIN/LOGIN is required, over the plain connection). It keeps every message it accepted and can refuse chosen recipients with
// an SMTP reply code (550 "no such mailbox", 451 "try again later").
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

export interface SmtpDouble {
  url: string;
  received: ReceivedMail[];
  /** Refuse RCPT TO for this address with the given reply until cleared. */
  reject(address: string, responseCode: number, message: string): void;
  clear(): void;
  close(): Promise<void>;
}

export async function startSmtpDouble(opts: { auth?: { user: string; pass: string } } = {}): Promise<SmtpDouble> {
  const received: ReceivedMail[] = [];
  const rejections = new Map<string, { responseCode: number; message: string }>();
  const auth = opts.auth;
  const server = new SMTPServer({
    authOptional: !auth,
    disabledCommands: auth ? ["STARTTLS"] : ["AUTH", "STARTTLS"],
    allowInsecureAuth: Boolean(auth),
    onAuth(login, _session, callback) {
      if (auth && login.username === auth.user && login.password === auth.pass) return callback(null, { user: login.username });
      callback(Object.assign(new Error("Invalid username or password"), { responseCode: 535 }));
    },
    logger: false,
    onRcptTo(address, _session, callback) {
      const rejection = rejections.get(address.address.toLowerCase());
      if (!rejection) return callback();
      callback(Object.assign(new Error(rejection.message), { responseCode: rejection.responseCode }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        received.push({ from, to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString("utf8") });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    reject: (address, responseCode, message) => void rejections.set(address.toLowerCase(), { responseCode, message }),
    clear: () => rejections.clear(),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
