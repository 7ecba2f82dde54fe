import { Flex } from 'antd';
import { AntdScope } from '../../components/AntdScope';
import { SuggestionReforms } from '../reforms/SuggestionReforms';
import { CommentsSection } from './CommentsSection';
import { FollowButton } from './FollowButton';
import { SupportButton } from './SupportButton';
import type { PublicSuggestion } from './shared';

/*
 * The parts of a suggestion's page that are built with antd (support with its phone dialog,
 * follow, the reforms it became, the comments and their form), in a module of their own that the
 * page loads once its text is on screen (DetailPage.tsx).
 */

/** 支持这条 and 关注. */
export function DetailActions({ suggestion: s }: { suggestion: PublicSuggestion }) {
  return (
    <AntdScope>
      <Flex gap={8} wrap align="center">
        <SupportButton key={s.id} id={s.id} supports={s.supports} explain />
        <FollowButton key={`follow-${s.id}`} id={s.id} />
      </Flex>
    </AntdScope>
  );
}

/** What an adopted suggestion became, and the comments. */
export function DetailSections({ suggestion: s }: { suggestion: PublicSuggestion }) {
  return (
    <AntdScope>
      <>
        {s.status === 'adopted' && <SuggestionReforms key={`reforms-${s.id}`} suggestionId={s.id} />}
        <CommentsSection key={s.id} suggestionId={s.id} status={s.status} />
      </>
    </AntdScope>
  );
}
