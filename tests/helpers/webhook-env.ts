// The secrets and public URL the webhook tests sign with, put in the environment (and the
// config re-read) when a test imports this: Twilio's auth token, the call platform's key.
import { resetConfig } from "../../lib/config";

export const AUTH = "twilio-test-auth-token";
export const PUBLIC_URL = "https://herald.example.com";
export const RETELL = "test-retell-key";
export const FORM = "application/x-www-form-urlencoded";

process.env.TWILIO_AUTH_TOKEN = AUTH;
process.env.PUBLIC_URL = PUBLIC_URL;
process.env.RETELL_API_KEY = RETELL;
resetConfig();
