-- Issue 18: the signing secret of a subscription (DingTalk and Feishu robots' "SEC…" secrets, a
-- Standard Webhooks whsec_ secret), never shown back by the API; and the language its alerts are
-- written in (zh-CN or en; the default is taken from the subscriber's Accept-Language when subscribing).
ALTER TABLE notifier_subscription ADD COLUMN secret text;
ALTER TABLE notifier_subscription ADD COLUMN locale text NOT NULL DEFAULT 'en';
