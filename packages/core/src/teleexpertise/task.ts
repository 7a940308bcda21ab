/**
 * The life of a tele-expertise request, as the status of a FHIR R4 Task. One table says which action
 * may move a request from which status to which: the server applies it under the request's row lock,
 * the web shows only the buttons it allows, and the tests walk it.
 *
 * - requested: waiting in the service queue (nobody available and under capacity yet).
 * - received: handed to an expert who has not accepted yet (declines or is skipped after a delay).
 * - accepted: the expert took it. in-progress: back from on-hold, or the expert started writing.
 * - on-hold: the expert asked the requester for more information; the deadline clock pauses.
 * - completed: answered. rejected: every expert of the service declined it. cancelled: by the requester.
 */
export const TASK_STATUSES = [
  'requested',
  'received',
  'accepted',
  'in-progress',
  'on-hold',
  'completed',
  'rejected',
  'cancelled',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const FINAL_TASK_STATUSES: readonly TaskStatus[] = ['completed', 'rejected', 'cancelled'];
/** Statuses that count against the assignee's capacity. */
export const OPEN_ASSIGNED_STATUSES: readonly TaskStatus[] = [
  'received',
  'accepted',
  'in-progress',
  'on-hold',
];

export const TASK_ACTIONS = [
  'assign',
  'accept',
  'start',
  'decline',
  'skip',
  'ask',
  'provide',
  'answer',
  'cancel',
  'reject',
] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

/** Who may take an action: the assigned expert, the requester, or the platform itself (jobs). */
export type TaskActor = 'assignee' | 'requester' | 'system';

interface Transition {
  from: readonly TaskStatus[];
  to: TaskStatus;
  by: TaskActor;
}

/**
 * decline and skip put the request back in the queue (`requested`): the server assigns it again at
 * once when someone else is eligible, and turns it `rejected` when every expert has declined.
 */
export const TASK_TRANSITIONS: Readonly<Record<TaskAction, Transition>> = {
  assign: { from: ['requested'], to: 'received', by: 'system' },
  accept: { from: ['received'], to: 'accepted', by: 'assignee' },
  start: { from: ['accepted'], to: 'in-progress', by: 'assignee' },
  decline: { from: ['received', 'accepted'], to: 'requested', by: 'assignee' },
  skip: { from: ['received'], to: 'requested', by: 'system' },
  ask: { from: ['accepted', 'in-progress'], to: 'on-hold', by: 'assignee' },
  provide: { from: ['on-hold'], to: 'in-progress', by: 'requester' },
  answer: { from: ['accepted', 'in-progress'], to: 'completed', by: 'assignee' },
  cancel: {
    from: ['requested', 'received', 'accepted', 'in-progress', 'on-hold'],
    to: 'cancelled',
    by: 'requester',
  },
  reject: { from: ['requested'], to: 'rejected', by: 'system' },
};

export class TaskTransitionError extends Error {
  readonly code = 'TE_TRANSITION_NOT_ALLOWED';
  constructor(
    readonly status: TaskStatus,
    readonly action: TaskAction,
  ) {
    super(`A request that is ${status} cannot be ${action === 'ask' ? 'put on hold' : `given "${action}"`}.`);
  }
}

export function canApply(status: TaskStatus, action: TaskAction): boolean {
  return TASK_TRANSITIONS[action].from.includes(status);
}

/** The status after `action`, or a TaskTransitionError (code TE_TRANSITION_NOT_ALLOWED). */
export function applyTaskAction(status: TaskStatus, action: TaskAction): TaskStatus {
  if (!canApply(status, action)) throw new TaskTransitionError(status, action);
  return TASK_TRANSITIONS[action].to;
}

/** The actions `actor` may take on a request in `status` (the buttons a screen shows). */
export function allowedActions(status: TaskStatus, actor: TaskActor): TaskAction[] {
  return TASK_ACTIONS.filter((action) => TASK_TRANSITIONS[action].by === actor && canApply(status, action));
}

export function isFinal(status: TaskStatus): boolean {
  return FINAL_TASK_STATUSES.includes(status);
}
