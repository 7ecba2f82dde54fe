import { describe, expect, it } from 'vitest';
import { principal } from '../../test-support/principal.js';
import { canIdea, type IdeaAction, ideasPolicy, mayEver } from './policy.js';

const root = '/r/';
const street = '/r/s/';
const town = '/r/t/';
const office = principal(['admin', root]);
const streetAdmin = principal(['admin', street]);
const organiser = principal(['organiser', street]);
const screener = principal(['screener', root]);
const expert = principal(['expert', root]);
const dept = principal(['department_staff', town]);
const citizen = principal(['citizen', root]);
const firm = principal(['enterprise', root]);

// role × action × the resource's unit → allowed
const table: Array<[string, ReturnType<typeof principal> | null, IdeaAction, string, boolean]> = [
  ['anonymous reads no staff view', null, 'suggestion.staffRead', street, false],
  ['citizen reads no staff view', citizen, 'suggestion.staffRead', street, false],
  ['organiser reads own street', organiser, 'suggestion.staffRead', street, true],
  ['organiser not another town', organiser, 'suggestion.staffRead', town, false],
  ['screener screens anywhere', screener, 'suggestion.screen', town, true],
  ['organiser screens own street', organiser, 'suggestion.screen', street, true],
  ['expert does not screen', expert, 'suggestion.screen', street, false],
  ['organiser imports own street', organiser, 'suggestion.import', street, true],
  ['screener does not import', screener, 'suggestion.import', street, false],
  ['organiser enters written suggestions', organiser, 'suggestion.submitWritten', street, true],
  ['organiser manages own events', organiser, 'event.manage', street, true],
  ['organiser not events of another town', organiser, 'event.manage', town, false],
  ['organiser reads an event of another town', organiser, 'event.read', town, true],
  ['office reads every event', office, 'event.read', street, true],
  ['screener reads no event page', screener, 'event.read', street, false],
  ['department staff read no event page', dept, 'event.read', town, false],
  ['citizen reads no event page', citizen, 'event.read', root, false],
  ['expert scores', expert, 'review.score', root, true],
  ['office does not score', office, 'review.score', root, false],
  ['office manages reviews', office, 'review.manage', root, true],
  ['screener does not manage reviews', screener, 'review.manage', root, false],
  ['organiser shortlists own street', organiser, 'review.shortlist', street, true],
  ['organiser does not shortlist another town', organiser, 'review.shortlist', town, false],
  ['office shortlists anywhere', office, 'review.shortlist', town, true],
  ['screener does not shortlist', screener, 'review.shortlist', street, false],
  ['expert does not shortlist', expert, 'review.shortlist', street, false],
  ['office manages lists', office, 'list.manage', root, true],
  // The review, the lists and adoption are district-wide: a street's admin takes none of them,
  // not even for its own street's suggestions.
  ['a street admin does not manage lists', streetAdmin, 'list.manage', street, false],
  ['a street admin does not manage reviews', streetAdmin, 'review.manage', street, false],
  ['a street admin does not adopt', streetAdmin, 'action.manage', street, false],
  ['the office adopts', office, 'action.manage', town, true],
  ['a street admin screens its street', streetAdmin, 'suggestion.screen', street, true],
  ['a street admin shortlists its street', streetAdmin, 'review.shortlist', street, true],
  ['department staff report progress on own actions', dept, 'action.progress', town, true],
  ['department staff not on another unit', dept, 'action.progress', street, false],
  ['department staff do not manage actions', dept, 'action.manage', town, false],
  ['district office sets up campaigns', office, 'campaign.manage', root, true],
  ['a street admin does not', streetAdmin, 'campaign.manage', street, false],
  ['citizen reads their own suggestions', citizen, 'mine.read', root, true],
  ['a firm reads its own suggestions', firm, 'mine.read', root, true],
  ['staff have no citizen list', screener, 'mine.read', root, false],
  ['citizen follows a suggestion', citizen, 'suggestion.follow', street, true],
  ['a firm follows a suggestion', firm, 'suggestion.follow', street, true],
  ['the office does not follow', office, 'suggestion.follow', street, false],
  ['citizen attaches an anonymous suggestion', citizen, 'suggestion.claim', root, true],
  ['a firm attaches one', firm, 'suggestion.claim', root, true],
  ['an organiser does not', organiser, 'suggestion.claim', street, false],
  ['an expert does not', expert, 'suggestion.claim', root, false],
];

describe('ideas policy', () => {
  it.each(table)('%s', (_name, p, action, unitPath, allowed) => {
    expect(canIdea(p, action, unitPath)).toBe(allowed);
  });

  it('has a rule for every action and denies the anonymous every one', () => {
    for (const action of ideasPolicy.actions) expect(canIdea(null, action, root)).toBe(false);
  });

  it('says whether a role may ever take an action, for early refusals', () => {
    expect(mayEver(organiser, 'suggestion.screen')).toBe(true);
    expect(mayEver(expert, 'suggestion.screen')).toBe(false);
    expect(mayEver(null, 'review.score')).toBe(false);
    expect(mayEver(streetAdmin, 'list.manage')).toBe(false);
    expect(mayEver(streetAdmin, 'review.manage')).toBe(false);
    expect(mayEver(streetAdmin, 'action.manage')).toBe(false);
  });
});
