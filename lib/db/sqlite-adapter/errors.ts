// better-sqlite3's errors as the driver-adapter errors Prisma's engine turns into its codes
// (UniqueConstraintViolation → P2002, NullConstraintViolation → P2011, ForeignKey → P2003,
// TableDoesNotExist → P2021, ColumnNotFound → P2022, SocketTimeout for SQLITE_BUSY). The
// same kinds and the same message parsing as @prisma/adapter-better-sqlite3 6.19.3; an
// error it does not know is thrown as it came, as that adapter does.
import { DriverAdapterError } from "@prisma/driver-adapter-utils";

type MappedError = ConstructorParameters<typeof DriverAdapterError>[0];

const fieldsOf = (message: string) =>
  message
    .split("constraint failed: ")
    .at(1)
    ?.split(", ")
    .map((field) => field.split(".").pop()!);

function kindOf(code: string, message: string): MappedError | undefined {
  switch (code) {
    case "SQLITE_BUSY":
      return { kind: "SocketTimeout" };
    case "SQLITE_CONSTRAINT_UNIQUE":
    case "SQLITE_CONSTRAINT_PRIMARYKEY": {
      const fields = fieldsOf(message);
      return { kind: "UniqueConstraintViolation", constraint: fields ? { fields } : undefined };
    }
    case "SQLITE_CONSTRAINT_NOTNULL": {
      const fields = fieldsOf(message);
      return { kind: "NullConstraintViolation", constraint: fields ? { fields } : undefined };
    }
    case "SQLITE_CONSTRAINT_FOREIGNKEY":
    case "SQLITE_CONSTRAINT_TRIGGER":
      return { kind: "ForeignKeyConstraintViolation", constraint: { foreignKey: {} } };
  }
  if (message.startsWith("no such table")) return { kind: "TableDoesNotExist", table: message.split(": ").at(1) };
  if (message.startsWith("no such column")) return { kind: "ColumnNotFound", column: message.split(": ").at(1) };
  if (message.includes("has no column named ")) return { kind: "ColumnNotFound", column: message.split("has no column named ").at(1) };
  return undefined;
}

/** Throws the driver's error as Prisma's engine expects it. */
export function rethrow(error: unknown): never {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code !== "string" || typeof message !== "string") throw error;
  const mapped = kindOf(code, message);
  if (!mapped) throw error;
  throw new DriverAdapterError({ originalCode: code, originalMessage: message, ...mapped } as MappedError);
}
