import { z } from '@hono/zod-openapi';
import { storedFileFields } from '../../files/store.js';
import { isoDate } from '../../http/input.js';
import { AttachmentView } from '../../kernel/attachments.js';
import { periodIssue } from './contracts.js';
import { studySessionForms, studyVisitStatuses } from './schema-study.js';

/** The zod side of study visits and learning sessions (跳出黔江看黔江). */
export const StudyVisitStatus = z.enum(studyVisitStatuses).openapi('ReformStudyVisitStatus');
export const StudySessionForm = z.enum(studySessionForms).openapi('ReformStudySessionForm');

const inOrder = (p: { startDate?: string | undefined; endDate?: string | undefined }) =>
  !p.startDate || !p.endDate || p.startDate <= p.endDate;
const place = z.string().trim().min(2).max(40);
const time = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time such as 09:30')
  .openapi({ example: '09:30' });

export const StudyMemberInput = z
  .object({
    /** The member's account, where they have one; the name is kept either way. */
    userId: z.uuid().optional(),
    name: z.string().trim().min(2).max(40),
    unitId: z.uuid(),
  })
  .strict()
  .openapi('ReformStudyMemberInput');

const visitFields = {
  title: z.string().trim().min(4).max(100),
  unitId: z.uuid(),
  destinations: z.array(place).min(1).max(20),
  topics: z.array(z.string().trim().min(2).max(60)).max(20).default([]),
  startDate: isoDate(),
  endDate: isoDate(),
  members: z.array(StudyMemberInput).max(100).default([]),
};
export const StudyVisitInput = z
  .object(visitFields)
  .strict()
  .refine(inOrder, periodIssue)
  .openapi('ReformStudyVisitInput');
export type StudyVisitInput = z.infer<typeof StudyVisitInput>;
export const StudyVisitPatch = z
  .object({
    ...visitFields,
    topics: z.array(z.string().trim().min(2).max(60)).max(20),
    members: z.array(StudyMemberInput).max(100),
  })
  .partial()
  .strict()
  .refine(inOrder, periodIssue)
  .openapi('ReformStudyVisitPatch');
export type StudyVisitPatch = z.infer<typeof StudyVisitPatch>;

export const StudyPracticeInput = z
  .object({
    title: z.string().trim().min(2).max(100),
    description: z.string().trim().max(2000).default(''),
    /** One of the visit's destinations. */
    sourcePlace: place,
    projectIds: z.array(z.uuid()).max(20).default([]),
  })
  .strict()
  .openapi('ReformStudyPracticeInput');

/** What the organising unit records of a done visit, sent whole: practices, insights, the report's summary. */
export const StudyLearningInput = z
  .object({
    practices: z.array(StudyPracticeInput).max(50),
    insights: z.array(z.string().trim().min(4).max(1000)).max(30),
    reportSummary: z.string().trim().max(4000).default(''),
  })
  .strict()
  .openapi('ReformStudyLearningInput');
export type StudyLearningInput = z.infer<typeof StudyLearningInput>;

export const StudyLinkInput = z
  .object({ projectIds: z.array(z.uuid()).max(20) })
  .strict()
  .openapi('ReformStudyLinkInput');
export type StudyLinkInput = z.infer<typeof StudyLinkInput>;

const ProjectRef = z.object({ id: z.uuid(), code: z.string(), name: z.string() }).openapi('ReformProjectRef');

export const StudyPractice = z
  .object({
    id: z.uuid(),
    title: z.string(),
    description: z.string(),
    sourcePlace: z.string(),
    projects: z.array(ProjectRef),
  })
  .openapi('ReformStudyPractice');

const visitHead = {
  id: z.uuid(),
  title: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  destinations: z.array(z.string()),
  topics: z.array(z.string()),
  startDate: z.string(),
  endDate: z.string(),
  status: StudyVisitStatus,
};

export const StudyVisitSummary = z
  .object({
    ...visitHead,
    memberCount: z.number().int(),
    practiceCount: z.number().int(),
    insightCount: z.number().int(),
    hasReport: z.boolean(),
  })
  .openapi('ReformStudyVisitSummary');
export type StudyVisitSummary = z.infer<typeof StudyVisitSummary>;

export const StudyVisitList = z
  .object({
    items: z.array(StudyVisitSummary),
    actions: z.object({ create: z.boolean() }).openapi('ReformStudyVisitListActions'),
  })
  .openapi('ReformStudyVisitList');

export const StudyVisit = z
  .object({
    ...visitHead,
    members: z.array(
      z.object({ userId: z.uuid().nullable(), name: z.string(), unitId: z.uuid(), unitName: z.string() }),
    ),
    practices: z.array(StudyPractice),
    insights: z.array(z.object({ id: z.uuid(), text: z.string() })),
    reportSummary: z.string(),
    // Inline rather than the named Attachment: a nullable reference is not typed as one in the client.
    reportFile: z.object(storedFileFields).nullable(),
    reportedAt: z.string().nullable(),
    actions: z
      .object({
        edit: z.boolean(),
        complete: z.boolean(),
        record: z.boolean(),
        report: z.boolean(),
        link: z.boolean(),
      })
      .openapi('ReformStudyVisitActions'),
  })
  .openapi('ReformStudyVisit');
export type StudyVisit = z.infer<typeof StudyVisit>;

export const StudyProjectPractices = z
  .object({
    items: z.array(
      z.object({
        id: z.uuid(),
        title: z.string(),
        sourcePlace: z.string(),
        visitId: z.uuid(),
        visitTitle: z.string(),
        visitEndDate: z.string(),
      }),
    ),
  })
  .openapi('ReformStudyProjectPractices');
export type StudyProjectPractices = z.infer<typeof StudyProjectPractices>;

/** A completed visit in public: the delegation as units and a count, never a person's name. */
export const PublicStudyVisit = z
  .object({
    id: z.uuid(),
    title: z.string(),
    unitName: z.string(),
    destinations: z.array(z.string()),
    topics: z.array(z.string()),
    startDate: z.string(),
    endDate: z.string(),
    delegation: z.object({ count: z.number().int(), units: z.array(z.string()) }),
    practices: z.array(StudyPractice.omit({ id: true }).openapi('PublicReformStudyPractice')),
    insights: z.array(z.string()),
    reportSummary: z.string(),
    counts: z.object({ practices: z.number().int(), insights: z.number().int(), reports: z.number().int() }),
  })
  .openapi('PublicReformStudyVisit');
export type PublicStudyVisit = z.infer<typeof PublicStudyVisit>;

export const PublicLearning = z
  .object({
    visits: z.array(PublicStudyVisit),
    sessions: z.array(
      z.object({
        title: z.string(),
        form: StudySessionForm,
        date: z.string(),
        topic: z.string(),
        attendance: z.number().int(),
      }),
    ),
  })
  .openapi('PublicReformLearning');
export type PublicLearning = z.infer<typeof PublicLearning>;

const timesInOrder = (s: { startTime?: string | undefined; endTime?: string | undefined }) =>
  !s.startTime || !s.endTime || s.startTime < s.endTime;
const timeIssue = {
  message: 'endTime is not after startTime',
  path: ['endTime'],
  params: { reason: 'time_order' },
};
const sessionFields = {
  title: z.string().trim().min(4).max(100),
  unitId: z.uuid(),
  form: StudySessionForm,
  date: isoDate(),
  startTime: time,
  endTime: time,
  place: z.string().trim().max(100).default(''),
  teacher: z.string().trim().min(2).max(60),
  topic: z.string().trim().max(1000).default(''),
};
export const StudySessionInput = z
  .object(sessionFields)
  .strict()
  .refine(timesInOrder, timeIssue)
  .openapi('ReformStudySessionInput');
export type StudySessionInput = z.infer<typeof StudySessionInput>;
export const StudySessionPatch = z
  .object({ ...sessionFields, place: z.string().trim().max(100), topic: z.string().trim().max(1000) })
  .partial()
  .strict()
  .refine(timesInOrder, timeIssue)
  .openapi('ReformStudySessionPatch');
export type StudySessionPatch = z.infer<typeof StudySessionPatch>;

export const StudyAttendanceInput = z
  .object({ userIds: z.array(z.uuid()).max(2000) })
  .strict()
  .openapi('ReformStudyAttendanceInput');
export const StudyAttendInput = z
  .object({ attended: z.boolean() })
  .strict()
  .openapi('ReformStudyAttendInput');

const sessionHead = {
  id: z.uuid(),
  title: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  form: StudySessionForm,
  date: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  place: z.string(),
  teacher: z.string(),
  topic: z.string(),
  attendeeCount: z.number().int(),
  /** Whether the caller attended. */
  attended: z.boolean(),
};
export const StudySessionSummary = z.object(sessionHead).openapi('ReformStudySessionSummary');
export type StudySessionSummary = z.infer<typeof StudySessionSummary>;
export const StudySessionList = z
  .object({
    items: z.array(StudySessionSummary),
    actions: z.object({ create: z.boolean() }).openapi('ReformStudySessionListActions'),
  })
  .openapi('ReformStudySessionList');

export const StudySession = z
  .object({
    ...sessionHead,
    attendees: z.array(z.object({ userId: z.uuid(), name: z.string() })),
    materials: z.array(AttachmentView),
    actions: z
      .object({ edit: z.boolean(), organise: z.boolean(), attend: z.boolean() })
      .openapi('ReformStudySessionActions'),
  })
  .openapi('ReformStudySession');
export type StudySession = z.infer<typeof StudySession>;

export const StudyCadres = z
  .object({ items: z.array(z.object({ id: z.uuid(), name: z.string() })) })
  .openapi('ReformStudyCadres');
