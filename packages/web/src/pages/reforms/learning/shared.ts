import type { TFunction } from 'i18next';
import type { components } from '../../../api/schema';

type S = components['schemas'];
export type StudyVisit = S['ReformStudyVisit'];
export type StudyVisitSummary = S['ReformStudyVisitSummary'];
export type StudySession = S['ReformStudySession'];
export type StudySessionSummary = S['ReformStudySessionSummary'];
export type PublicLearning = S['PublicReformLearning'];
export type StudyVisitStatus = S['ReformStudyVisitStatus'];

export const visitStatusColor: Record<StudyVisitStatus, string> = {
  planned: 'default',
  done: 'processing',
  reported: 'success',
};

/** One name a line, blank lines dropped: the forms' lists of places and topics. */
export const lines = (text: string | undefined) =>
  (text ?? '')
    .split(/\n/)
    .map((s) => s.trim())
    .filter(Boolean);

/** A file as a multipart form, in the shape the generated client passes through. */
export const fileBody = (file: File) => {
  const form = new FormData();
  form.set('file', file);
  return {
    body: form as unknown as { file?: string },
    bodySerializer: (body: unknown) => body as FormData,
  };
};

/**
 * What a visit brought back, each count in the reader's words: "3 members · 1 practice · …" in
 * English (it read "Members 3 · practices 1"), a visit without its report as having none yet.
 */
export function yieldCounts(
  t: TFunction,
  n: { members?: number; practices: number; insights: number; reports: number },
): Record<string, string> {
  return {
    ...(n.members === undefined ? {} : { members: t('reforms.learning.memberCount', { count: n.members }) }),
    practices: t('reforms.learning.practiceCount', { count: n.practices }),
    insights: t('reforms.learning.insightCount', { count: n.insights }),
    reports: t('reforms.learning.reportCount', { count: n.reports }),
  };
}
