/** Just enough of a browser's cookie jar to sign in to next-auth over plain fetch. */
export class CookieJar {
  private cookies = new Map<string, string>();

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set("cookie", [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "));
    const response = await fetch(url, { ...init, headers, redirect: "manual" });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const eq = pair.indexOf("=");
      this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1));
    }
    return response;
  }

  /** next-auth credentials sign-in: CSRF token first, then the callback with the form. */
  async signIn(baseUrl: string, email: string, password: string): Promise<void> {
    const { csrfToken } = await (await this.fetch(`${baseUrl}/api/auth/csrf`)).json();
    const response = await this.fetch(`${baseUrl}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    });
    if (response.status >= 400) throw new Error(`sign-in failed: ${response.status}`);
  }
}
