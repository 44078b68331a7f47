// Programmatic use of the converter (the command line is ./cli).
export { CredentialPlan, convertWorkflow, contactsArrayExpression, templateToJs } from './convert';
export { fixDownstreamExpressions } from './expressions';
export { convertFiles, readCredentials, readInputs } from './files';
export { CREDENTIAL_TYPE, LEGACY_ACTIONS, LEGACY_CREDENTIAL_TYPE, LEGACY_NODE_TYPE, NODE_TYPE, tokenToCredential } from './legacy';
export { MAPPERS, mapParameters, OUR_NAMES } from './mappings';
export { migrateN8n, N8nPublicApi } from './n8nApi';
export { renderReport } from './report';
export type * from './types';
