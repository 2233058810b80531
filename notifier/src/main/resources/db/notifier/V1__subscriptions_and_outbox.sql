-- notifier: subscriptions, the changes they were matched against, and the delivery outbox.

CREATE TABLE notifier_subscription (
    id                 text PRIMARY KEY,
    channel            text        NOT NULL,
    target             text        NOT NULL,
    filters            text        NOT NULL,           -- JSON of Filters
    mode               text        NOT NULL,           -- immediate | daily
    digest_time        text,                           -- HH:mm, null = policywatch.notifier.digest.time
    digest_zone        text,                           -- zone id, null = policywatch.notifier.digest.zone
    status             text        NOT NULL,           -- pending_confirmation | active | unsubscribed | suppressed | broken
    status_reason      text,
    manage_token_hash  text        NOT NULL,           -- SHA-256 of the manage token
    created_at         timestamptz NOT NULL,
    confirmed_at       timestamptz,
    updated_at         timestamptz NOT NULL
);
CREATE INDEX notifier_subscription_status ON notifier_subscription (status);

-- each alertable change once, as received (JSON of DocumentChange)
CREATE TABLE notifier_change (
    change_id    text PRIMARY KEY,
    body         text        NOT NULL,
    received_at  timestamptz NOT NULL
);

CREATE TABLE notifier_delivery (
    id               bigserial PRIMARY KEY,
    subscription_id  text        NOT NULL REFERENCES notifier_subscription (id) ON DELETE CASCADE,
    kind             text        NOT NULL,           -- alert | confirmation
    change_id        text        REFERENCES notifier_change (change_id),
    batch_key        text,                           -- digest batch (daily mode): sent together
    status           text        NOT NULL,           -- pending | sending | sent | dead | cancelled
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    lease_until      timestamptz,
    last_error       text,
    created_at       timestamptz NOT NULL,
    sent_at          timestamptz,
    CONSTRAINT notifier_delivery_once UNIQUE (subscription_id, change_id)
);
CREATE INDEX notifier_delivery_due ON notifier_delivery (next_attempt_at) WHERE status IN ('pending', 'sending');
CREATE INDEX notifier_delivery_subscription ON notifier_delivery (subscription_id, status);

-- generated secrets (the link-signing key when policywatch.notifier.signing-key is not set)
CREATE TABLE notifier_secret (
    name   text PRIMARY KEY,
    value  text NOT NULL
);
