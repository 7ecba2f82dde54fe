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
