import type {
  AnswerRequest,
  Availability,
  AvailabilityView,
  BillingData,
  CreateTeleexpertiseRequest,
  RequestListQuery,
  TeleexpertiseRequestDetail,
  TeleexpertiseRequestSummary,
} from '@liaison/core/api/teleexpertise';
import type { Deps } from '../deps.ts';
import { assignQueued } from './assignment.ts';
import { readAvailability, replaceAvailability } from './availabilityService.ts';
import { billingData } from './billingData.ts';
import { createRequest } from './createRequest.ts';
import { remindNearDeadline, skipUnaccepted } from './deadlines.ts';
import { listRequests, requestDetail } from './requestViews.ts';
import * as transitions from './transitions.ts';

/** Actions of a caller on a request, by route name. */
export type RequestAction = 'accept' | 'start' | 'decline' | 'cancel';

/**
 * Tele-expertise requests: creation, assignment by availability and round-robin, the FHIR Task
 * transitions with their audited timeline, deadline reminders and acceptance skips.
 */
export class TeleexpertiseRequestService {
  constructor(private readonly deps: Deps) {}

  /** Run every minute by the scheduler: skips, reminders, and assignment of queued requests. */
  async tick(): Promise<void> {
    await skipUnaccepted(this.deps);
    await remindNearDeadline(this.deps);
    await this.assignQueued();
  }

  /** Hands queued requests of a service (or of all) to experts who can take them now. */
  assignQueued(serviceId?: string): Promise<void> {
    return assignQueued(this.deps, serviceId);
  }

  async create(
    userId: string,
    input: CreateTeleexpertiseRequest,
  ): Promise<{ created: boolean; request: TeleexpertiseRequestDetail }> {
    const { created, requestId } = await createRequest(this.deps, userId, input);
    return { created, request: await this.get(userId, requestId) };
  }

  get(userId: string, requestId: string): Promise<TeleexpertiseRequestDetail> {
    return requestDetail(this.deps.db.read, userId, requestId);
  }

  list(userId: string, query: RequestListQuery): Promise<TeleexpertiseRequestSummary[]> {
    return listRequests(this.deps.db.read, userId, query);
  }

  async act(userId: string, requestId: string, action: RequestAction): Promise<TeleexpertiseRequestDetail> {
    await transitions[action](this.deps, userId, requestId);
    return this.get(userId, requestId);
  }

  async ask(userId: string, requestId: string, envelope: string): Promise<TeleexpertiseRequestDetail> {
    await transitions.ask(this.deps, userId, requestId, envelope);
    return this.get(userId, requestId);
  }

  async provide(userId: string, requestId: string, envelope: string): Promise<TeleexpertiseRequestDetail> {
    await transitions.provide(this.deps, userId, requestId, envelope);
    return this.get(userId, requestId);
  }

  async answer(userId: string, requestId: string, input: AnswerRequest): Promise<TeleexpertiseRequestDetail> {
    await transitions.answer(this.deps, userId, requestId, input);
    return this.get(userId, requestId);
  }

  availability(userId: string): Promise<AvailabilityView> {
    return readAvailability(this.deps.db.read, userId, this.deps.clock.now());
  }

  setAvailability(userId: string, input: Availability): Promise<AvailabilityView> {
    return replaceAvailability(this.deps, userId, input);
  }

  billing(userId: string, month: string): Promise<BillingData> {
    return billingData(this.deps.db.read, userId, month);
  }
}
