// For bench/probe.sh: signs in as admin, adds a technician, signs them in; prints the technician's session cookie.
import { signIn } from "./page-session.mjs";

const base = process.env.FAULTLINE_URL;
const admin = await signIn(base, "admin", process.env.FAULTLINE_ADMIN_PASSWORD);
const name = `probe-tech-${Date.now().toString(36)}`;
const password = `probe-pw-${Date.now()}-0123456789`;
const r = await fetch(`${base}/api/v1/admin/users`, { method: "POST", headers: { "Content-Type": "application/json",
  Cookie: `faultline_session=${admin.cookie}`, "X-CSRF-Token": admin.csrf },
body: JSON.stringify({ username: name, role: "technician", password }) });
if (r.status !== 201) throw new Error(`adding the technician answered ${r.status}`);
console.log((await signIn(base, name, password)).cookie);
