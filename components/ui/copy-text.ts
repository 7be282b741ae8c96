// Copy to the clipboard, for the one-time secrets and links the console hands out.

/** Falls back to selecting `fallback` and execCommand("copy") where the clipboard API is missing (plain http on a LAN address). */
export async function copyText(text: string, fallback: HTMLInputElement | HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    if (!fallback) return false;
    fallback.select();
    return document.execCommand("copy");
  }
}
