/**
 * The transport: every HTTP call of the nodes goes through apiRequest (authentication, URL, pacing, retries, error
 * mapping); listings through paging.ts, file uploads through upload.ts.
 */

export type { RequestSubject } from './errors';
export { DOCUMENTED_RATE_LIMITS, LONGEST_WINDOW_SECONDS, resetPacing, setRateLimits } from './pacing';
export type { Query, QueryValue, WtsRequest } from './request';
export { buildPath, buildQuery, normalizeBaseUrl } from './request';
export type { PageOptions } from './paging';
export { apiRequestAllItems, apiRequestPage } from './paging';
export type { WtsFileType } from './upload';
export { uploadFile } from './upload';
export type { RequestContext } from './api';
export { apiRequest, checkBeforeSend, CREDENTIAL_NAME, maxRateLimitWaitMs } from './api';
export type { FieldInfo, FieldResolver } from './contract';
export { describeFields, spellOut } from './contract';
