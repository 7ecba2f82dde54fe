-- Search tokens are now cut from the masked text, so that a phone or ID number typed into a
-- suggestion cannot be looked up. Suggestions stored before keep such a number as one whole
-- jieba word: drop those words (the generated column "terms" follows).
UPDATE "idea_suggestions"
SET "tokens" = array_to_string(ARRAY(
  SELECT u.t
  FROM unnest(string_to_array("tokens", ' ')) WITH ORDINALITY AS u(t, i)
  WHERE u.t !~ '^(86)?1[0-9]{10}$' AND u.t !~ '^[0-9]{17}[0-9x]$'
  ORDER BY u.i
), ' ')
WHERE "tokens" ~ '(^| )((86)?1[0-9]{10}|[0-9]{17}[0-9x])( |$)';
