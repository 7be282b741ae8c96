import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and server-only packages stay outside Next's bundles.
  serverExternalPackages: ["better-sqlite3", "pg", "socket.io", "@prisma/adapter-better-sqlite3", "@prisma/adapter-pg", "@prisma/driver-adapter-utils"],
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: false },
};

export default nextConfig;
