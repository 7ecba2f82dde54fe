import { AppError, forbidden } from '../errors.js';

/** One step: the states it may start from and the state it leads to. */
export interface Transition<S extends string> {
  from: readonly S[];
  to: S;
}

/**
 * A workflow as data: its states and named transitions. Plans and quarterly reports use one
 * today; requests, rectifications, appeals, visits and reform reports declare theirs the same way.
 * The write of a transition is conditional on the state it read (`update … where status in
 * from`), so of two racing reviewers only one wins and the other is told the record changed.
 */
export interface Workflow<S extends string, T extends string> {
  name: string;
  /** The key pages word its states by (`errors.states.<entity>.<state>`), as its own page names them. */
  entity: string;
  states: readonly S[];
  transitions: Readonly<Record<T, Transition<S>>>;
}

export function defineWorkflow<S extends string, T extends string>(w: Workflow<S, T>): Workflow<S, T> {
  for (const [step, t] of Object.entries(w.transitions) as Array<[string, Transition<S>]>)
    for (const s of [...t.from, t.to])
      if (!w.states.includes(s)) throw new Error(`${w.name}.${step}: unknown state ${s}`);
  return w;
}

/** The states from which `step` may be taken. */
export const sourcesOf = <S extends string, T extends string>(w: Workflow<S, T>, step: T): S[] => [
  ...w.transitions[step].from,
];

/** The state `step` leads to. */
export const targetOf = <S extends string, T extends string>(w: Workflow<S, T>, step: T): S =>
  w.transitions[step].to;

/**
 * Refuses a step the actor may take from no state (FORBIDDEN) before one the record is in the
 * wrong state for (INVALID_STATE, `invalid_transition`), so the answer never reveals a state to
 * whoever may not act. The refusal names the state the record is in and those the step needs
 * (`current`, `wanted`: states joined by commas), which the page words by name.
 */
export function checkTransition<S extends string, T extends string>(
  w: Workflow<S, T>,
  step: T,
  current: S,
  mayIn: (state: S) => boolean,
): void {
  const from = sourcesOf(w, step);
  if (!from.some(mayIn)) throw forbidden();
  if (!from.includes(current))
    throw wrongState(w, current, from, `the ${w.name} is ${current}, and ${step} needs ${from.join(' or ')}`);
}

/**
 * A record in a state other than those a request needs (INVALID_STATE, `invalid_transition`):
 * `current` and `wanted` (states joined by commas) with the record's `entity`, which the page words.
 */
export function wrongState(
  w: { name: string; entity: string },
  current: string,
  wanted: readonly string[],
  message = `the ${w.name} is ${current}, and this needs ${wanted.join(' or ')}`,
): AppError {
  return new AppError('INVALID_STATE', `the ${w.name} is ${current}`, [
    {
      path: 'status',
      message,
      code: 'invalid_transition',
      params: { current, wanted: wanted.join(','), entity: w.entity },
    },
  ]);
}

/**
 * After the conditional write: none of its rows matched, so someone else moved the record first
 * (`moved_meanwhile`: the page asks to reload it and see where it stands).
 */
export function assertMoved(w: { name: string }, changedRows: readonly unknown[]): void {
  if (changedRows.length === 0) throw movedMeanwhile(w);
}

/** The refusal of `assertMoved`, for a write that finds the record moved its own way. */
export const movedMeanwhile = (w: { name: string }): AppError =>
  new AppError('INVALID_STATE', `the ${w.name} changed meanwhile`, [
    { path: 'status', message: `the ${w.name} changed meanwhile`, code: 'moved_meanwhile' },
  ]);

/** The actions a caller may take now: the steps that start from `current` and that they may take. */
export function availableSteps<S extends string, T extends string>(
  w: Workflow<S, T>,
  current: S,
  may: (step: T) => boolean,
): T[] {
  return (Object.keys(w.transitions) as T[]).filter((t) => w.transitions[t].from.includes(current) && may(t));
}
