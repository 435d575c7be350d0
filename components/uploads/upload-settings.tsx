"use client";

import { createContext, useContext } from "react";

/** What the server's settings tell the browser's upload engine; the root layout provides it. */
export interface UploadSettings {
  /** MULTIPART_THRESHOLD_BYTES: a file up to it goes in one PUT, so it is hashed whole before its slot is made. */
  singlePutMaxBytes: number;
}

export const UploadSettingsContext = createContext<UploadSettings | null>(null);

export const useUploadSettings = () => useContext(UploadSettingsContext);
