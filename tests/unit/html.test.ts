import { describe, expect, it } from "vitest";
import { html } from "@/lib/html";

describe("html template", () => {
  it("escapes text and attribute values, keeps nested templates, drops empty values", () => {
    const name = `"><img src=x onerror=alert(1)> & 'x'`;
    const out = html`<a title="${name}">${name}</a>${html`<b>${1}</b>`}${null}${false}${undefined}${[html`<i>`, "<"]}`;
    expect(out.value).toBe(
      '<a title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &#39;x&#39;">&quot;&gt;&lt;img src=x onerror=alert(1)&gt; &amp; &#39;x&#39;</a><b>1</b><i>&lt;',
    );
  });
});
