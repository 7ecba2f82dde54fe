import { pick, type Random } from '@qianxing/core/random';
import { dueAfter } from '../../../kernel/deadlines.js';
import type {
  businessAnswers,
  businessAppeals,
  businessExtensions,
  businessRatings,
  businessRectifications,
  businessRequestEvents,
  businessRequests,
  RequestEventKind,
} from '../schema.js';
import {
  type DemoRequestText,
  demoComment,
  demoRectifyResult,
  demoReply,
  demoRequestText,
} from './demo-request-texts.js';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];

/** Every row of the demo's requests, ready to insert. */
export interface DemoRequestRows {
  requests: Array<Insert<typeof businessRequests>>;
  events: Array<Insert<typeof businessRequestEvents>>;
  answers: Array<Insert<typeof businessAnswers>>;
  ratings: Array<Insert<typeof businessRatings>>;
  rectifications: Array<Insert<typeof businessRectifications>>;
  extensions: Array<Insert<typeof businessExtensions>>;
  appeals: Array<Insert<typeof businessAppeals>>;
  /** Each request's text and department, for training the routing suggestion. */
  texts: Array<{ id: string; text: DemoRequestText }>;
}

export interface DemoWorld {
  firms: Array<{ id: string; town: string }>;
  departments: Map<string, string>;
  categories: Map<string, { answerWorkdays: number; rectifyWorkdays: number }>;
  today: string;
}

/** 5 非常满意 45 %, 4 满意 35 %, 3 一般 10 %, 2 不满意 7 %, 1 非常不满意 3 %. */
function score(random: Random): number {
  const x = random();
  return x < 0.45 ? 5 : x < 0.8 ? 4 : x < 0.9 ? 3 : x < 0.97 ? 2 : 1;
}

const days = (from: string, n: number) => {
  const d = new Date(`${from}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const between = (random: Random, lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));

/** One request's story, written step by step with increasing times on the days it happened. */
class Story {
  private last = 0;
  constructor(
    private readonly rows: DemoRequestRows,
    private readonly random: Random,
    readonly id: string,
  ) {}

  at(date: string): Date {
    const t = Date.parse(`${date}T09:00:00+08:00`) + between(this.random, 0, 8 * 60) * 60_000;
    this.last = Math.max(t, this.last + 60_000);
    return new Date(this.last);
  }

  event(kind: RequestEventKind, date: string, extra: Partial<Insert<typeof businessRequestEvents>> = {}) {
    this.rows.events.push({ requestId: this.id, kind, createdAt: this.at(date), ...extra });
  }
}

/**
 * The demo's requests over the last twelve months: raised by the demo firms, routed by the office
 * (now and then to another department than the matter's own), answered mostly in time, rated
 * mostly well; bad ratings rectified with a return visit and rated again, a few appealed.
 */
export function demoRequests(random: Random, world: DemoWorld, count: number): DemoRequestRows {
  const rows: DemoRequestRows = {
    requests: [],
    events: [],
    answers: [],
    ratings: [],
    rectifications: [],
    extensions: [],
    appeals: [],
    texts: [],
  };
  const start = days(world.today, -365);
  const raisedOn = Array.from({ length: count }, () => dueAfter(days(start, between(random, -1, 363)), 1))
    .filter((d) => d <= world.today)
    .sort();
  for (const on of raisedOn) {
    const firm = pick(random, world.firms);
    const text = demoRequestText(random, firm.town);
    const departmentId = world.departments.get(text.routedTo);
    if (!departmentId) continue;
    const id = crypto.randomUUID();
    rows.texts.push({ id, text });
    const story = new Story(rows, random, id);
    story.event('raised', on, { data: { categoryCode: text.category, on } });
    const request: Insert<typeof businessRequests> = {
      id,
      firmId: firm.id,
      categoryCode: text.category,
      title: text.title,
      body: text.body,
      status: 'submitted',
      isDemo: true,
      createdAt: story.at(on),
    };
    rows.requests.push(request);
    const routedOn = random() < 0.6 ? on : dueAfter(on, 1);
    if (routedOn > world.today) continue;
    playRouted(rows, random, world, story, request, { departmentId, routedOn });
  }
  return rows;
}

function playRouted(
  rows: DemoRequestRows,
  random: Random,
  world: DemoWorld,
  story: Story,
  request: Insert<typeof businessRequests>,
  { departmentId, routedOn }: { departmentId: string; routedOn: string },
) {
  const category = world.categories.get(request.categoryCode)!;
  let due = dueAfter(routedOn, category.answerWorkdays);
  Object.assign(request, { status: 'routed', departmentId, dueOn: due });
  story.event('routed', routedOn, { departmentId, data: { dueOn: due } });
  const askedOn = dueAfter(routedOn, 2);
  if (random() < 0.05 && askedOn <= world.today) {
    const workdays = between(random, 2, 5);
    const approve = random() < 0.8;
    const next = approve ? dueAfter(due, workdays) : null;
    const extensionId = crypto.randomUUID();
    const reason = '需会同相关部门现场核实，申请延期答复';
    rows.extensions.push({
      id: extensionId,
      requestId: story.id,
      departmentId,
      workdays,
      reason,
      status: approve ? 'approved' : 'refused',
      dueBefore: due,
      dueAfter: next,
      decisionNote: approve ? '同意延期' : '事项简单，请按期答复',
      createdAt: story.at(askedOn),
      decidedAt: story.at(askedOn),
    });
    story.event('extension_requested', askedOn, {
      departmentId,
      note: reason,
      data: { extensionId, workdays },
    });
    story.event(approve ? 'extension_approved' : 'extension_refused', askedOn, {
      departmentId,
      data: { extensionId, dueBefore: due, dueAfter: next },
    });
    if (next) due = next;
    request.dueOn = due;
  }
  const late = random() < 0.12;
  const answeredOn = late
    ? dueAfter(due, between(random, 1, 4))
    : dueAfter(routedOn, between(random, 1, category.answerWorkdays));
  if (answeredOn > world.today) return;
  const answerId = crypto.randomUUID();
  const onTime = answeredOn <= due;
  rows.answers.push({
    id: answerId,
    requestId: story.id,
    departmentId,
    body: demoReply(random),
    onTime,
    createdAt: story.at(answeredOn),
  });
  story.event('answered', answeredOn, { departmentId, data: { answerId, onTime } });
  request.status = 'answered';
  rate(rows, random, world, story, request, { answerId, departmentId, on: answeredOn, again: false });
}

function rate(
  rows: DemoRequestRows,
  random: Random,
  world: DemoWorld,
  story: Story,
  request: Insert<typeof businessRequests>,
  a: { answerId: string; departmentId: string; on: string; again: boolean },
) {
  const ratedOn = dueAfter(a.on, between(random, 1, 2));
  if (ratedOn > world.today || random() < 0.08) return;
  const s = a.again ? Math.max(3, score(random)) : score(random);
  const ratingId = crypto.randomUUID();
  const comment = demoComment(random, s);
  rows.ratings.push({
    id: ratingId,
    answerId: a.answerId,
    requestId: story.id,
    score: s,
    comment,
    createdAt: story.at(ratedOn),
  });
  story.event('rated', ratedOn, {
    departmentId: a.departmentId,
    note: comment,
    data: { ratingId, score: s },
  });
  if (s > 2) {
    request.status = 'closed';
    return;
  }
  const category = world.categories.get(request.categoryCode)!;
  const dueOn = dueAfter(ratedOn, category.rectifyWorkdays);
  const rect: Insert<typeof businessRectifications> = {
    id: crypto.randomUUID(),
    requestId: story.id,
    ratingId,
    departmentId: a.departmentId,
    dueOn,
    status: 'open',
    createdAt: story.at(ratedOn),
  };
  rows.rectifications.push(rect);
  story.event('rectification_opened', ratedOn, { departmentId: a.departmentId, data: { ratingId, dueOn } });
  Object.assign(request, { status: 'rectifying', dueOn });
  if (random() < 0.2 && appeal(rows, random, world, story, request, { ...a, ratingId, ratedOn, rect }))
    return;
  const visitedOn = dueAfter(ratedOn, between(random, 2, 6));
  if (visitedOn > world.today) return;
  const visitNote = '上门回访，听取企业意见，核实问题症结';
  Object.assign(rect, { visitedOn, visitNote });
  story.event('return_visit', visitedOn, {
    departmentId: a.departmentId,
    note: visitNote,
    data: { visitedOn },
  });
  const doneOn = dueAfter(visitedOn, between(random, 2, 6));
  if (doneOn > world.today) return;
  const answerId = crypto.randomUUID();
  rows.answers.push({
    id: answerId,
    requestId: story.id,
    departmentId: a.departmentId,
    kind: 'rectification',
    body: demoRectifyResult(random),
    onTime: doneOn <= dueOn,
    createdAt: story.at(doneOn),
  });
  Object.assign(rect, { status: 'done', resultAnswerId: answerId });
  story.event('rectified', doneOn, { departmentId: a.departmentId, data: { answerId } });
  request.status = 'answered';
  rate(rows, random, world, story, request, {
    answerId,
    departmentId: a.departmentId,
    on: doneOn,
    again: true,
  });
}

/** A department's appeal of a bad rating; true when the office upheld it (the rectification is withdrawn). */
function appeal(
  rows: DemoRequestRows,
  random: Random,
  world: DemoWorld,
  story: Story,
  request: Insert<typeof businessRequests>,
  a: { departmentId: string; ratingId: string; ratedOn: string; rect: Insert<typeof businessRectifications> },
): boolean {
  const on = dueAfter(a.ratedOn, 1);
  if (on > world.today) return false;
  const decidedOn = dueAfter(on, 2);
  const decided = decidedOn <= world.today;
  const upheld = decided && random() < 0.4;
  const appealId = crypto.randomUUID();
  const reason = '企业所提事项不属本部门职责，且已多次解释说明，认为属恶意差评';
  rows.appeals.push({
    id: appealId,
    ratingId: a.ratingId,
    requestId: story.id,
    departmentId: a.departmentId,
    reason,
    status: decided ? (upheld ? 'upheld' : 'dismissed') : 'pending',
    decisionNote: decided
      ? upheld
        ? '经核实，评价与办理情况不符，申诉成立'
        : '经核实，办理确有不足，申诉不成立'
      : null,
    createdAt: story.at(on),
    decidedAt: decided ? story.at(decidedOn) : null,
  });
  story.event('appeal_raised', on, { departmentId: a.departmentId, note: reason, data: { appealId } });
  if (!decided) return false;
  story.event(upheld ? 'appeal_upheld' : 'appeal_dismissed', decidedOn, {
    departmentId: a.departmentId,
    data: { appealId },
  });
  if (upheld) {
    a.rect.status = 'withdrawn';
    request.status = 'closed';
  }
  return upheld;
}
