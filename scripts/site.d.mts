// The types of scripts/site.mjs, for the end-to-end tests in TypeScript: the shape of what
// `site facts` prints (src/site/facts.rs, src/site/document.rs), not its values.

/** A service of the policy in force, by the names the policy's canonical text gives them. */
export type PublishedService = {
  id: string;
  name: string;
  purpose: string;
  'privacy-policy': string;
  'frame-origin': string;
};

/** The policy in force, as the build publishes it (`PublishedPolicy`). */
export type PublishedPolicy = {
  version: string;
  inForceFrom: string;
  versionIs: string;
  canonical: string;
  services: PublishedService[];
  choiceLifetimeMs: number;
  choiceLifetime: string;
  banner: string;
  settings: string;
  storageKey: string;
  recordSchema: number;
  recordFields: [string, string][];
};

/** What `site facts` prints (`SiteFacts`). */
export type SiteFacts = {
  page: string;
  cookies: string;
  notFound: string;
  publishedPolicy: string;
  documents: [string, string][];
  redirects: [string, string][];
  securityHeaders: [string, string][];
  hashed: string[];
  cacheHashed: string;
  cacheOther: string;
  compressed: string[];
  hostFiles: string[];
  receiptPath: string;
  receiptShape: string;
  receiptMaxBytes: number;
  receiptsPerMinute: number;
  receiptBurst: number;
  policy: PublishedPolicy;
};

export function site(...args: string[]): string;
export const FACTS: SiteFacts;
export function nginxConf(settings: { listen: string[]; root: string; receiptLog: string; receiptSocket: string }): string;
export function compress(dir: string): void;
