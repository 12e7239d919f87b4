// Signs in through the form, as a browser does, for benchmarks of pages: { cookie, csrf }.
export async function signIn(base, username, password) {
  const form = await fetch(`${base}/login`);
  const loginCsrf = /faultline_login_csrf=([^;]+)/.exec(form.headers.get("set-cookie"))[1];
  const token = /name="csrf-token" value="([^"]+)"/.exec(await form.text())[1];
  const answer = await fetch(`${base}/login`, {
    method: "POST", redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: `faultline_login_csrf=${loginCsrf}` },
    body: new URLSearchParams({ username, password, next: "/", "csrf-token": token }),
  });
  const cookie = /faultline_session=([^;]+)/.exec(answer.headers.get("set-cookie"))?.[1];
  if (!cookie) throw new Error(`sign-in of ${username} answered ${answer.status}`);
  const page = await (await fetch(`${base}/`, { headers: { Cookie: `faultline_session=${cookie}` } })).text();
  return { cookie, csrf: /name="csrf-token" value="([^"]+)"/.exec(page)[1] };
}
