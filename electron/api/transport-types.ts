// What every call answers with, and what the app says about itself.
export type Transport = 'electron' | 'browser';

export interface VersionInfo {
  app: string;
  node: string;
  electron: string | null;
  platform: string;
  transport: Transport;
}

export type ApiErrorCode = 'unknown-method' | 'invalid-input' | 'not-connected' | 'not-found' | 'internal' | 'transport';

/** An error as it crosses the boundary: a code the UI can branch on and a message it can show. */
export interface ApiError {
  code: ApiErrorCode;
  message: string;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };
