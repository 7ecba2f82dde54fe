/**
 * Chinese stop words: function words, pronouns and the politeness formulas that open or close
 * almost every citizen's message ("您好", "谢谢", "希望", "建议"). They carry no topic, so
 * keyword extraction, clustering and classification drop them. The list is short on purpose:
 * a long list (e.g. the 1,893-word HIT list) also drops words such as "问题" that matter here.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    '的 地 得 了 着 过 和 与 及 以及 或 或者 是 在 于 为 为了 对 对于 把 被 让 给 将 从 向 往 跟 同 ' +
    '而 并 并且 且 还 也 就 都 又 再 才 只 很 太 更 最 非常 比较 已经 一直 一些 一个 一下 这个 那个 ' +
    '这 那 这些 那些 这样 那样 这里 那里 这种 那种 其 其中 之 所 以 因 因为 所以 但 但是 可是 而且 如果 ' +
    '虽然 即使 还是 我 我们 你 你们 您 他 他们 她 她们 它 它们 自己 大家 咱们 本人 ' +
    '吗 呢 吧 啊 呀 哦 嘛 啦 哈 嗯 么 ' +
    '要 能 会 可以 可能 应该 需要 想 有 没 没有 不 不是 ' +
    '您好 你好 谢谢 感谢 请 希望 建议 恳请 请求 强烈 尽快 相关 有关 部门 领导 问题 情况 ' +
    '等 等等 个 些 每 各 该 此 上 下 中 里 内 外 后 前'
  ).split(' '),
);

/** Words that the near-duplicate decision treats as meaning-bearing even though they are short. */
export const NEGATIONS: readonly string[] = ['不', '没', '无', '非', '未', '别', '莫', '勿'];
export const QUESTION_WORDS: readonly string[] = [
  '什么',
  '怎么',
  '怎样',
  '如何',
  '为什么',
  '为何',
  '哪',
  '哪里',
  '哪个',
  '多少',
  '几',
  '谁',
  '何时',
  '什么时候',
  '吗',
  '能否',
  '是否',
];

/** Removes stop words (and one-character tokens that are not Han, letters or digits). */
export function removeStopWords(
  tokens: readonly string[],
  stopWords: ReadonlySet<string> = STOP_WORDS,
): string[] {
  return tokens.filter((t) => t.length > 0 && !stopWords.has(t));
}
