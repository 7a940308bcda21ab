import { describe, expect, it } from 'vitest';
import {
  FINAL_TASK_STATUSES,
  OPEN_ASSIGNED_STATUSES,
  TASK_ACTIONS,
  TASK_STATUSES,
  TASK_TRANSITIONS,
  TaskTransitionError,
  allowedActions,
  applyTaskAction,
  canApply,
  isFinal,
  type TaskAction,
  type TaskStatus,
} from '../../src/teleexpertise/task.ts';

/**
 * The request life cycle, walked exhaustively: every (status, action) pair is either the one move the
 * table allows or a TE_TRANSITION_NOT_ALLOWED refusal, so a screen never offers a button the server
 * would refuse, and nothing moves a finished request.
 */

/** The expected outcome, written out by hand (not derived from the table it checks). */
const EXPECTED: Record<TaskStatus, Partial<Record<TaskAction, TaskStatus>>> = {
  requested: { assign: 'received', cancel: 'cancelled', reject: 'rejected' },
  received: { accept: 'accepted', decline: 'requested', skip: 'requested', cancel: 'cancelled' },
  accepted: {
    start: 'in-progress',
    decline: 'requested',
    ask: 'on-hold',
    answer: 'completed',
    cancel: 'cancelled',
  },
  'in-progress': { ask: 'on-hold', answer: 'completed', cancel: 'cancelled' },
  'on-hold': { provide: 'in-progress', cancel: 'cancelled' },
  completed: {},
  rejected: {},
  cancelled: {},
};

describe('the tele-expertise Task state machine', () => {
  for (const status of TASK_STATUSES) {
    for (const action of TASK_ACTIONS) {
      const to = EXPECTED[status][action];
      it(`${status} + ${action} → ${to ?? 'refused'}`, () => {
        expect(canApply(status, action)).toBe(to !== undefined);
        if (to !== undefined) {
          expect(applyTaskAction(status, action)).toBe(to);
          expect(TASK_TRANSITIONS[action].to).toBe(to);
        } else {
          let thrown: unknown;
          try {
            applyTaskAction(status, action);
          } catch (err) {
            thrown = err;
          }
          expect(thrown).toBeInstanceOf(TaskTransitionError);
          expect(thrown).toMatchObject({ code: 'TE_TRANSITION_NOT_ALLOWED', status, action });
        }
      });
    }
  }

  it('final statuses accept no action from anyone', () => {
    expect([...FINAL_TASK_STATUSES].sort()).toEqual(['cancelled', 'completed', 'rejected']);
    for (const status of FINAL_TASK_STATUSES) {
      expect(isFinal(status)).toBe(true);
      expect(TASK_ACTIONS.filter((a) => canApply(status, a))).toEqual([]);
      for (const actor of ['assignee', 'requester', 'system'] as const) {
        expect(allowedActions(status, actor)).toEqual([]);
      }
    }
    for (const status of TASK_STATUSES.filter((s) => !FINAL_TASK_STATUSES.includes(s))) {
      expect(isFinal(status)).toBe(false);
    }
  });

  it('gives each actor only their own buttons', () => {
    const table = Object.fromEntries(
      TASK_STATUSES.map((s) => [
        s,
        {
          assignee: allowedActions(s, 'assignee'),
          requester: allowedActions(s, 'requester'),
          system: allowedActions(s, 'system'),
        },
      ]),
    );
    expect(table).toEqual({
      requested: { assignee: [], requester: ['cancel'], system: ['assign', 'reject'] },
      received: { assignee: ['accept', 'decline'], requester: ['cancel'], system: ['skip'] },
      accepted: { assignee: ['start', 'decline', 'ask', 'answer'], requester: ['cancel'], system: [] },
      'in-progress': { assignee: ['ask', 'answer'], requester: ['cancel'], system: [] },
      'on-hold': { assignee: [], requester: ['provide', 'cancel'], system: [] },
      completed: { assignee: [], requester: [], system: [] },
      rejected: { assignee: [], requester: [], system: [] },
      cancelled: { assignee: [], requester: [], system: [] },
    });
  });

  it('counts exactly the assigned, unfinished statuses against capacity', () => {
    expect([...OPEN_ASSIGNED_STATUSES].sort()).toEqual(['accepted', 'in-progress', 'on-hold', 'received']);
  });

  it('says in words why a move is refused', () => {
    expect(() => applyTaskAction('on-hold', 'ask')).toThrow(
      'A request that is on-hold cannot be put on hold.',
    );
    expect(() => applyTaskAction('completed', 'answer')).toThrow(
      'A request that is completed cannot be given "answer".',
    );
  });
});
