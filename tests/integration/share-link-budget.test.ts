import { beforeAll, describe, expect, it, vi } from "vitest";
import { POST as downloadForm, GET as downloadLink } from "@/app/s/[token]/download/route";
import { db } from "@/lib/db";
import { createShareLink } from "@/lib/links/create-share-link";
import { createUploadSlot } from "@/lib/uploads/create-upload-slot";
import { meta, newUser } from "../support/domain-helpers";

// A budget this small shows every request that draws on it: showing the password form again
// after a refusal must not cost the link a second request.
vi.hoisted(() => {
  process.env.LINK_ACCESS_PER_LINK_PER_MINUTE = "4";
});

let alice: string;
let fileId: string;
let ipCounter = 0;
// A fresh client address per request, so that only the link's own budget can run out.
const freshIp = () => `198.51.100.${++ipCounter}`;

beforeAll(async () => {
  alice = await newUser("Alice");
  // Finished by hand: these requests never reach the bytes, so no object store is needed.
  const slot = await createUploadSlot(alice, { name: "plan.txt", type: "text/plain", size: 10 }, meta);
  await db.upload.update({ where: { id: slot.upload.id }, data: { status: "COMPLETE", completedAt: new Date() } });
  fileId = slot.upload.id;
});

async function passwordLink(): Promise<string> {
  const { url } = await createShareLink(alice, fileId, { expiresInSeconds: 3600, password: "right one" }, meta);
  return new URL(url).pathname.replace(/^.*\//, "");
}

// What a browser sends: errors come back as pages.
const browser = () => ({ "x-forwarded-for": freshIp(), accept: "text/html,application/xhtml+xml" });

function post(token: string, password: string) {
  const req = new Request(`http://127.0.0.1:3100/s/${token}/download`, {
    method: "POST",
    headers: { ...browser(), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ password }).toString(),
  });
  return downloadForm(req, { params: Promise.resolve({ token }) });
}

function get(token: string) {
  const req = new Request(`http://127.0.0.1:3100/s/${token}/download`, { headers: browser() });
  return downloadLink(req, { params: Promise.resolve({ token }) });
}

describe("a share link's request budget", () => {
  it("is drawn once per wrong password, the form shown again included", async () => {
    const token = await passwordLink();
    for (let i = 0; i < 4; i++) {
      const wrong = await post(token, `guess ${i}`);
      expect(wrong.status, `guess ${i}`).toBe(403);
      expect(await wrong.text()).toContain('role="alert">That password is not right.</p>');
    }
    const limited = await post(token, "right one");
    expect(limited.status).toBe(429);
    expect(await limited.text()).toContain("Too many attempts");
  });

  it("is drawn once per request without a password, the form shown again included", async () => {
    const token = await passwordLink();
    const answers = [await get(token), await post(token, ""), await get(token), await post(token, "")];
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(await answer.text()).toContain('role="alert">This link is protected by a password.</p>');
    }
    expect((await get(token)).status).toBe(429);
  });
});
