-- Reminders left unacknowledged on a request that has closed (rated, an appeal upheld, or the
-- rating period over): closed as the closing now closes them, so that the "reminded" count holds
-- only reminders a department still owes an acknowledgement for.
UPDATE "business_supervision" s SET "closed_at" = now(), "closed_reason" = 'requestClosed'
FROM "business_requests" r
WHERE r."id" = s."request_id" AND s."kind" = 'reminder' AND s."acknowledged_at" IS NULL
  AND s."closed_at" IS NULL AND r."status" IN ('closed', 'closed_unrated');
