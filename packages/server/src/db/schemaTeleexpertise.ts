import type { TaskStatus } from '@liaison/core/teleexpertise/task';
import type { TimelineKind } from '@liaison/core/api/teleexpertise';

/** Tables of tele-expertise (migration 014). Booleans are 0/1 integers, times ISO text, as elsewhere. */
export interface TeFormTable {
  url: string;
  version: string;
  title: string;
  questionnaire: string;
  built_in: number;
  imported_by: string | null;
  imported_at: string;
}

export interface TeServiceTable {
  id: string;
  organisation_id: string;
  mailbox_id: string;
  name: string;
  specialty: string;
  sla_hours: number;
  accept_timeout_hours: number;
  active: number;
  created_at: string;
}

export interface TeServiceFormTable {
  service_id: string;
  form_url: string;
  form_version: string;
}

export interface TeExpertTable {
  service_id: string;
  user_id: string;
  added_at: string;
  last_assigned_at: string | null;
}

export interface TeAvailabilityTable {
  user_id: string;
  capacity: number;
  updated_at: string;
}

export interface TeSlotTable {
  user_id: string;
  weekday: number;
  start: string;
  end: string;
}

export interface TeAbsenceTable {
  id: string;
  user_id: string;
  starts_at: string;
  ends_at: string;
  label: string | null;
}

export interface TeRequestTable {
  id: string;
  service_id: string;
  form_url: string;
  form_version: string;
  requester_user_id: string;
  requester_mailbox_id: string;
  follows_request_id: string | null;
  status: TaskStatus;
  assignee_user_id: string | null;
  assigned_at: string | null;
  first_accepted_at: string | null;
  answered_at: string | null;
  sla_ms: number;
  due_at: string;
  paused_at: string | null;
  reminded_at: string | null;
  answer_message_id: string | null;
  fingerprint: string;
  size: number;
  created_at: string;
  updated_at: string;
  last_seq: number;
  envelope: Uint8Array;
  answer_envelope: Uint8Array | null;
}

export interface TeDeclineTable {
  request_id: string;
  user_id: string;
  kind: 'declined' | 'skipped';
  at: string;
}

export interface TeEventTable {
  request_id: string;
  seq: number;
  at: string;
  kind: TimelineKind;
  actor_user_id: string | null;
  status: TaskStatus;
  expert_user_id: string | null;
  envelope: Uint8Array | null;
}

export interface TeleexpertiseTables {
  te_forms: TeFormTable;
  te_services: TeServiceTable;
  te_service_forms: TeServiceFormTable;
  te_experts: TeExpertTable;
  te_availability: TeAvailabilityTable;
  te_slots: TeSlotTable;
  te_absences: TeAbsenceTable;
  te_requests: TeRequestTable;
  te_declines: TeDeclineTable;
  te_events: TeEventTable;
}
