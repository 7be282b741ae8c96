import type { Metadata } from "next";
import { AccountView } from "@/components/account/account-view";

export const metadata: Metadata = { title: "Your account" };

// GET /account: the signed-in person's password and sessions.
export default function AccountPage() {
  return <AccountView />;
}
