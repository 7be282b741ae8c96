import type { Metadata } from "next";
import { PublicCard } from "@/components/auth/public-card";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Record<string, string | string[] | undefined>;

/** Only a path on this site: `//evil.example` or `https://...` would make the login an open redirect. */
function safeNext(value: string | string[] | undefined): string {
  const next = Array.isArray(value) ? value[0] : value;
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || next.startsWith("/login")) {
    return "/messages";
  }
  return next;
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { next } = await searchParams;
  return (
    <PublicCard title="Sign in to the console" description="Use your email and password, or the owner's admin password of this Herald install.">
      <LoginForm next={safeNext(next)} />
    </PublicCard>
  );
}
