"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { z } from "zod";
import { UploadSettingsContext, type UploadSettings } from "./uploads/upload-settings";

// zod compiles its object parsers with `Function` when it can, and probes for that on first use:
// under the Content-Security-Policy (no 'unsafe-eval') the probe is a reported violation. The
// browser parses small forms; the interpreted parsers are plenty.
z.config({ jitless: true });

export function Providers({ children, uploadSettings }: { children: ReactNode; uploadSettings: UploadSettings }) {
  const [client] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 5_000, retry: 1 } } }));
  return (
    <QueryClientProvider client={client}>
      <UploadSettingsContext value={uploadSettings}>{children}</UploadSettingsContext>
    </QueryClientProvider>
  );
}
