// Values between Prisma's query engine and better-sqlite3, as @prisma/adapter-better-sqlite3
// 6.19.3 converts them, so that a file written through that adapter reads identically here:
// - arguments: booleans as 0/1, DateTime as ISO-8601 text with "+00:00" (what Herald's files
//   hold: the DATETIME columns of prisma/sqlite/migrations are text), int/float/decimal/bigint
//   given as strings parsed, bytes as Buffers;
// - columns: typed by their declared type (DATETIME → DateTime, INTEGER → Int32, …); an
//   expression's column (no declared type) by its first non-null value; integers read as
//   bigint and handed over as strings, blobs as byte arrays, numeric dates as ISO text.
import { ColumnTypeEnum, type ArgType, type ColumnType } from "@prisma/driver-adapter-utils";

const DECLARED: Record<string, ColumnType> = {
  DECIMAL: ColumnTypeEnum.Numeric,
  FLOAT: ColumnTypeEnum.Float,
  DOUBLE: ColumnTypeEnum.Double,
  "DOUBLE PRECISION": ColumnTypeEnum.Double,
  NUMERIC: ColumnTypeEnum.Double,
  REAL: ColumnTypeEnum.Double,
  TINYINT: ColumnTypeEnum.Int32,
  SMALLINT: ColumnTypeEnum.Int32,
  MEDIUMINT: ColumnTypeEnum.Int32,
  INT: ColumnTypeEnum.Int32,
  INTEGER: ColumnTypeEnum.Int32,
  SERIAL: ColumnTypeEnum.Int32,
  INT2: ColumnTypeEnum.Int32,
  BIGINT: ColumnTypeEnum.Int64,
  "UNSIGNED BIG INT": ColumnTypeEnum.Int64,
  INT8: ColumnTypeEnum.Int64,
  DATETIME: ColumnTypeEnum.DateTime,
  TIMESTAMP: ColumnTypeEnum.DateTime,
  TIME: ColumnTypeEnum.Time,
  DATE: ColumnTypeEnum.Date,
  TEXT: ColumnTypeEnum.Text,
  CLOB: ColumnTypeEnum.Text,
  CHARACTER: ColumnTypeEnum.Text,
  VARCHAR: ColumnTypeEnum.Text,
  "VARYING CHARACTER": ColumnTypeEnum.Text,
  NCHAR: ColumnTypeEnum.Text,
  "NATIVE CHARACTER": ColumnTypeEnum.Text,
  NVARCHAR: ColumnTypeEnum.Text,
  BLOB: ColumnTypeEnum.Bytes,
  BOOLEAN: ColumnTypeEnum.Boolean,
  JSONB: ColumnTypeEnum.Json,
};

function inferred(value: unknown): ColumnType {
  switch (typeof value) {
    case "string":
      return ColumnTypeEnum.Text;
    case "bigint":
      return ColumnTypeEnum.Int64;
    case "boolean":
      return ColumnTypeEnum.Boolean;
    case "number":
      return ColumnTypeEnum.UnknownNumber;
    case "object":
      if (value instanceof ArrayBuffer || value instanceof Uint8Array) return ColumnTypeEnum.Bytes;
  }
  throw new Error(`unexpected value of type ${typeof value}: ${typeof value === "object" ? JSON.stringify(value) : String(value)}`);
}

/** The column types of a result: declared where the column has a known type, else from the values (Int32 when all are null). */
export function columnTypes(declared: (string | null)[], rows: unknown[][]): ColumnType[] {
  return declared.map((type, index) => {
    const known = type ? DECLARED[type.toUpperCase()] : undefined;
    if (known !== undefined) return known;
    for (const row of rows) if (row[index] !== null) return inferred(row[index]);
    return ColumnTypeEnum.Int32;
  });
}

export function mapRow(row: unknown[], types: ColumnType[]): unknown[] {
  return row.map((value, i) => {
    if (value instanceof ArrayBuffer || value instanceof Uint8Array) return Array.from(new Uint8Array(value as ArrayBuffer));
    const type = types[i];
    const integer = type === ColumnTypeEnum.Int32 || type === ColumnTypeEnum.Int64;
    if (typeof value === "number" && integer && !Number.isInteger(value)) return Math.trunc(value);
    if ((typeof value === "number" || typeof value === "bigint") && type === ColumnTypeEnum.DateTime) return new Date(Number(value)).toISOString();
    if (typeof value === "bigint") return value.toString();
    return value;
  });
}

/** A DateTime as Herald's SQLite files store it (the official adapter's default "iso8601" format). */
export const isoTimestamp = (d: Date) => d.toISOString().replace("Z", "+00:00");

export function mapArg(arg: unknown, type: ArgType | undefined): unknown {
  if (arg === null || arg === undefined) return null;
  const scalar = type?.scalarType;
  if (typeof arg === "string") {
    if (scalar === "int") return Number.parseInt(arg);
    if (scalar === "float" || scalar === "decimal") return Number.parseFloat(arg);
    if (scalar === "bigint") return BigInt(arg);
    if (scalar === "datetime") return isoTimestamp(new Date(arg));
    if (scalar === "bytes") return Buffer.from(arg, "base64");
  }
  if (typeof arg === "boolean") return arg ? 1 : 0;
  if (arg instanceof Date) return isoTimestamp(arg);
  if (Array.isArray(arg) && scalar === "bytes") return Buffer.from(arg as number[]);
  return arg;
}
