export { AuditLog } from './auditLog.ts';
export { canonicalJson } from './canonical.ts';
export { GENESIS_HASH } from './chain.ts';
export {
  AuditIntegrityError,
  type AuditEntry,
  type AuditEventInput,
  type AuditProblem,
  type AuditProblemKind,
  type AuditVerification,
} from './types.ts';
