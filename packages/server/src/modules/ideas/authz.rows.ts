import type { AuthzRows } from '../../test-support/authz.js';

/** 大讨论’s rows of the authorisation matrix. The matrix (`modules/authz.int.test.ts`) runs each as every role. */
export const authzRows: AuthzRows = {
  // Ideas (建言献策). Public routes take anyone; staff routes their roles.
  'ideasPublic.campaign': { who: 'public', call: () => ['GET', '/api/v1/public/campaign'] },
  'ideasPublic.submit': { who: 'public', call: () => ['POST', '/api/v1/public/suggestions', {}] },
  'ideasPublic.similar': {
    who: 'public',
    call: () => ['POST', '/api/v1/public/suggestions/similar', { text: '高铁站公交' }],
  },
  'ideasPublic.recent': { who: 'public', call: () => ['GET', '/api/v1/public/suggestions/recent?limit=3'] },
  'ideasPublic.list': { who: 'public', call: () => ['GET', '/api/v1/public/suggestions'] },
  'ideasPublic.entrySuggestions': {
    who: 'public',
    call: () => ['GET', `/api/v1/public/lists/entries/${crypto.randomUUID()}/suggestions`],
  },
  'ideasPublic.read': {
    who: 'public',
    call: () => ['GET', `/api/v1/public/suggestions/${crypto.randomUUID()}`],
  },
  'ideasPublic.support': {
    who: 'public',
    call: () => ['POST', `/api/v1/public/suggestions/${crypto.randomUUID()}/support`],
  },
  'ideasPublic.comment': {
    who: 'public',
    call: () => ['POST', `/api/v1/public/suggestions/${crypto.randomUUID()}/comments`, { body: '矩阵评论' }],
  },
  'ideasPublic.comments': {
    who: 'public',
    call: () => ['GET', `/api/v1/public/suggestions/${crypto.randomUUID()}/comments`],
  },
  'ideasPublic.answerSurvey': { who: 'public', call: () => ['POST', '/api/v1/public/survey', {}] },
  'ideasPublic.track': { who: 'public', call: () => ['GET', '/api/v1/public/track/ZZZZZZZZZZ'] },
  'ideasPublic.stats': { who: 'public', call: () => ['GET', '/api/v1/public/stats'] },
  'ideasPublic.lists': { who: 'public', call: () => ['GET', '/api/v1/public/lists'] },
  'ideasPublic.actions': { who: 'public', call: () => ['GET', '/api/v1/public/actions'] },
  'suggestion.queue': {
    who: ['admin', 'organiser', 'screener'],
    call: () => ['GET', '/api/v1/ideas/suggestions'],
  },
  'suggestion.export': {
    who: ['admin', 'organiser', 'screener'],
    call: () => ['GET', '/api/v1/ideas/suggestions/export?status=submitted'],
  },
  'suggestion.staffRead': {
    who: ['admin', 'organiser', 'screener'],
    call: () => ['GET', `/api/v1/ideas/suggestions/${crypto.randomUUID()}`],
  },
  'suggestion.submitWritten': {
    who: ['admin', 'organiser'],
    call: (i) => [
      'POST',
      '/api/v1/ideas/suggestions',
      {
        title: '矩阵测试建议',
        body: '这是一条用于权限矩阵测试的建议内容。',
        townId: i.root,
        authorKind: 'resident',
        channel: 'written',
      },
    ],
  },
  'suggestion.screen': {
    who: ['admin', 'organiser', 'screener'],
    call: () => ['POST', `/api/v1/ideas/suggestions/${crypto.randomUUID()}/screen`, { decision: 'accept' }],
  },
  'suggestion.screenBulk': {
    who: ['admin', 'organiser', 'screener'],
    call: () => ['POST', '/api/v1/ideas/screening/bulk', { ids: [crypto.randomUUID()], decision: 'accept' }],
  },
  'suggestion.importTemplate': {
    who: ['admin', 'organiser'],
    call: () => ['GET', '/api/v1/ideas/import/template'],
  },
  'suggestion.import': {
    who: ['admin', 'organiser'],
    call: () => ['POST', '/api/v1/ideas/import', 'not a workbook'],
  },
  'event.list': { who: ['admin', 'organiser'], call: () => ['GET', '/api/v1/ideas/events'] },
  'event.read': {
    who: ['admin', 'organiser'],
    call: () => ['GET', `/api/v1/ideas/events/${crypto.randomUUID()}`],
  },
  'event.suggestions': {
    who: ['admin', 'organiser'],
    call: () => ['GET', `/api/v1/ideas/events/${crypto.randomUUID()}/suggestions?page=1`],
  },
  'event.create': {
    who: ['admin'],
    call: (i) => [
      'POST',
      '/api/v1/ideas/events',
      { kind: 'forum', title: '矩阵', heldOn: '2020-05-01', organiserUnitId: i.root },
    ],
  },
  'event.update': {
    who: ['admin', 'organiser'],
    call: () => ['PATCH', `/api/v1/ideas/events/${crypto.randomUUID()}`, { title: '改名' }],
  },
  'campaign.list': { who: ['admin'], call: () => ['GET', '/api/v1/ideas/campaigns'] },
  'campaign.create': {
    who: ['admin'],
    streetAdmin: false,
    call: () => [
      'POST',
      '/api/v1/ideas/campaigns',
      {
        code: `m-${Math.random().toString(36).slice(2, 8)}`,
        theme: '矩阵',
        startsOn: '2027-01-01',
        endsOn: '2027-02-01',
        focusAreas: [{ name: '两高地', description: '' }],
        domains: [{ code: 'a', name: '甲', description: '' }],
        channels: ['online'],
        authorKinds: ['resident'],
        rubric: [{ code: 'value', name: '价值性', weight: 1 }],
        rejectReasons: ['off_topic'],
        listSizes: { golden_idea: 10, good_idea: 10, hard_problem: 10 },
      },
    ],
  },
  'campaign.update': {
    who: ['admin'],
    call: () => ['PATCH', `/api/v1/ideas/campaigns/${crypto.randomUUID()}`, { theme: '改名' }],
  },
  'campaign.extend': {
    who: ['admin'],
    call: () => ['POST', `/api/v1/ideas/campaigns/${crypto.randomUUID()}/extend`, { endsOn: '2099-12-31' }],
  },
  'campaign.makeCurrent': {
    who: ['admin'],
    call: () => ['POST', `/api/v1/ideas/campaigns/${crypto.randomUUID()}/make-current`],
  },
  'attachment.add': {
    who: ['admin', 'organiser'],
    call: () => ['POST', `/api/v1/ideas/suggestions/${crypto.randomUUID()}/attachments`],
  },
  'attachment.read': {
    who: ['admin', 'organiser', 'screener'],
    call: () => ['GET', `/api/v1/ideas/attachments/${crypto.randomUUID()}`],
  },
  'attachment.remove': {
    who: ['admin', 'organiser', 'screener'],
    call: () => ['DELETE', `/api/v1/ideas/attachments/${crypto.randomUUID()}`],
  },
  'ideaStats.read': { who: ['admin', 'organiser', 'screener'], call: () => ['GET', '/api/v1/ideas/stats'] },
  'ideaStats.export': {
    who: ['admin', 'organiser', 'screener'],
    call: () => ['GET', '/api/v1/ideas/stats/export'],
  },
  'ideaComments.queue': {
    who: ['admin', 'organiser', 'screener'],
    call: () => ['GET', '/api/v1/ideas/comments'],
  },
  'ideaComments.moderate': {
    who: ['admin', 'organiser', 'screener'],
    call: () => ['POST', `/api/v1/ideas/comments/${crypto.randomUUID()}/moderate`, { decision: 'publish' }],
  },
  'ideaSurvey.results': {
    who: ['admin', 'organiser', 'screener'],
    call: () => ['GET', '/api/v1/ideas/survey/results'],
  },
  'ideaSurvey.export': {
    who: ['admin', 'organiser', 'screener'],
    call: () => ['GET', '/api/v1/ideas/survey/results/export'],
  },
  'review.assign': { who: ['admin'], call: () => ['POST', '/api/v1/ideas/reviews/assign', { k: 3 }] },
  'review.progress': { who: ['admin'], call: () => ['GET', '/api/v1/ideas/reviews/progress'] },
  'review.results': { who: ['admin'], call: () => ['GET', '/api/v1/ideas/reviews/results'] },
  'review.mine': { who: ['expert'], call: () => ['GET', '/api/v1/ideas/reviews/mine'] },
  'review.submit': {
    who: ['expert'],
    call: () => ['PUT', `/api/v1/ideas/reviews/${crypto.randomUUID()}`, { scores: { value: 5 } }],
  },
  'review.declareConflict': {
    who: ['expert'],
    call: () => ['POST', '/api/v1/ideas/reviews/conflicts', { unitId: crypto.randomUUID() }],
  },
  'review.conflicts': { who: ['expert'], call: () => ['GET', '/api/v1/ideas/reviews/conflicts'] },
  'review.withdrawConflict': {
    who: ['expert'],
    call: () => ['DELETE', `/api/v1/ideas/reviews/conflicts/${crypto.randomUUID()}`],
  },
  'selection.actions': { who: ['admin', 'organiser'], call: () => ['GET', '/api/v1/ideas/selection'] },
  'shortlist.read': { who: ['admin', 'organiser'], call: () => ['GET', '/api/v1/ideas/shortlist'] },
  'shortlist.apply': {
    who: ['admin'],
    call: () => ['POST', '/api/v1/ideas/shortlist/apply', { replace: false }],
  },
  'shortlist.edit': {
    who: ['admin', 'organiser'],
    call: () => ['POST', '/api/v1/ideas/shortlist/edit', { add: [crypto.randomUUID()] }],
  },
  'shortlist.export': { who: ['admin', 'organiser'], call: () => ['GET', '/api/v1/ideas/shortlist/export'] },
  'list.list': { who: ['admin'], call: () => ['GET', '/api/v1/ideas/lists'] },
  'list.candidates': { who: ['admin'], call: () => ['GET', '/api/v1/ideas/lists/golden_idea/candidates'] },
  'list.save': { who: ['admin'], call: () => ['PUT', '/api/v1/ideas/lists/golden_idea', { entries: [] }] },
  'list.publish': { who: ['admin'], call: () => ['POST', '/api/v1/ideas/lists/golden_idea/publish'] },
  'list.withdrawEntry': {
    who: ['admin'],
    call: () => [
      'POST',
      `/api/v1/ideas/lists/golden_idea/entries/${crypto.randomUUID()}/withdraw`,
      { reason: '矩阵测试撤销条目' },
    ],
  },
  'action.list': { who: ['admin', 'department_staff'], call: () => ['GET', '/api/v1/ideas/actions'] },
  'action.adopt': {
    who: ['admin'],
    call: () => [
      'POST',
      '/api/v1/ideas/actions',
      { title: '矩阵', ownerUnitId: crypto.randomUUID(), dueOn: '2021-01-01' },
    ],
  },
  'action.progress': {
    who: ['admin', 'department_staff'],
    call: () => [
      'POST',
      `/api/v1/ideas/actions/${crypto.randomUUID()}/progress`,
      { status: 'done', progress: 100 },
    ],
  },
  'inbox.list': { who: 'signedIn', call: () => ['GET', '/api/v1/inbox'] },
  'inbox.read': { who: 'signedIn', call: () => ['POST', `/api/v1/inbox/${crypto.randomUUID()}/read`] },
  'inbox.unread': { who: 'signedIn', call: () => ['GET', '/api/v1/inbox/unread'] },
  'inbox.readAll': {
    who: 'signedIn',
    call: () => ['POST', '/api/v1/inbox/read-all', { upTo: new Date().toISOString() }],
  },
  // 我的建议: a citizen's or a firm's own; staff accounts have none.
  'ideasPublic.supportCode': {
    who: 'public',
    call: () => [
      'POST',
      `/api/v1/public/suggestions/${crypto.randomUUID()}/support-code`,
      { phone: '13800000000' },
    ],
  },
  'ideasMine.suggestions': { who: ['citizen', 'enterprise'], call: () => ['GET', '/api/v1/me/suggestions'] },
  'ideasMine.following': { who: ['citizen', 'enterprise'], call: () => ['GET', '/api/v1/me/following'] },
  'ideasMine.followState': {
    who: ['citizen', 'enterprise'],
    call: () => ['GET', `/api/v1/me/following/${crypto.randomUUID()}`],
  },
  'suggestion.follow': {
    who: ['citizen', 'enterprise'],
    call: () => ['PUT', `/api/v1/me/following/${crypto.randomUUID()}`],
  },
  'suggestion.unfollow': {
    who: ['citizen', 'enterprise'],
    call: () => ['DELETE', `/api/v1/me/following/${crypto.randomUUID()}`],
  },
  'ideasMine.claimCode': {
    who: ['citizen', 'enterprise'],
    call: () => [
      'POST',
      '/api/v1/me/suggestions/claim-code',
      { trackingCode: 'ZZZZZZZZZZ', phone: '13800000000' },
    ],
  },
  'suggestion.claim': {
    who: ['citizen', 'enterprise'],
    call: () => [
      'POST',
      '/api/v1/me/suggestions/claim',
      { trackingCode: 'ZZZZZZZZZZ', phone: '13800000000', code: '000000' },
    ],
  },
};
