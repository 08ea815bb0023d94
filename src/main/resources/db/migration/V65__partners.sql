-- Interconnection (the partner package): the systems that submit and follow work orders (the provincial platform,
-- mailboxes, message boards, 110, departments' systems), their credentials, the work orders they share with the
-- hotline, and the transactional outbox of the events they must hear of.

create table partner (
    id                 bigserial primary key,
    code               varchar(32)  not null unique,
    name               varchar(100) not null,
    kind               varchar(32)  not null
        check (kind in ('PROVINCIAL_PLATFORM', 'MAILBOX', 'MESSAGE_BOARD', 'POLICE_110', 'DEPARTMENT_SYSTEM')),
    -- the request types (诉求类型) it may submit, comma-separated RequestType names
    request_types      varchar(300) not null,
    callback_url       varchar(500),
    trusted            boolean      not null default false,
    paused             boolean      not null default false,
    -- the last position of its change feed; taken under the row's lock, so positions follow the commit order
    feed_position      bigint       not null default 0,
    requests_received  bigint       not null default 0,
    requests_refused   bigint       not null default 0,
    events_delivered   bigint       not null default 0,
    created_at         timestamptz  not null,
    last_request_at    timestamptz
);

-- An API key (kept as its SHA-256) and the HMAC secret that goes with it (kept encrypted: HMAC needs it back).
-- A rotation adds a pair and lets the older ones run until expires_at, so that both work during the overlap.
create table partner_credential (
    id               bigserial primary key,
    partner_id       bigint       not null references partner (id),
    api_key_hash     varchar(64)  not null unique,
    api_key_prefix   varchar(12)  not null,
    secret_encrypted varchar(200) not null,
    created_at       timestamptz  not null,
    expires_at       timestamptz
);
create index partner_credential_partner on partner_credential (partner_id, created_at desc);

-- A work order shared with a partner: one it submitted (its external id), or one the hotline handed to it
-- (转外地, 警单; external id = the work-order number). (partner, external id) makes a partner's retries idempotent.
create table partner_work_order (
    partner_id  bigint      not null references partner (id),
    external_id varchar(64) not null,
    number      varchar(32) not null,
    direction   varchar(16) not null check (direction in ('SUBMITTED', 'HANDED_OVER')),
    body_hash   varchar(64) not null,
    -- unknown district or category kept as the partner wrote them, for the agent
    flags       varchar(500),
    created_at  timestamptz not null,
    primary key (partner_id, external_id)
);
create index partner_work_order_number on partner_work_order (number);

-- The outbox: written in the transaction of the change it reports. state: PENDING (to push) → DELIVERED, or DEAD
-- after the last attempt (an administrator may replay it); FEED for partners without a callback URL (they poll).
create table partner_event (
    id                bigserial primary key,
    event_id          uuid        not null unique,
    partner_id        bigint      not null references partner (id),
    position          bigint      not null,
    work_order_number varchar(32) not null,
    type              varchar(32) not null,
    payload           text        not null,
    state             varchar(16) not null check (state in ('PENDING', 'DELIVERED', 'DEAD', 'FEED')),
    attempts          integer     not null default 0,
    next_attempt_at   timestamptz not null,
    claimed_until     timestamptz,
    last_error        varchar(500),
    created_at        timestamptz not null,
    delivered_at      timestamptz,
    unique (partner_id, position)
);
create index partner_event_due on partner_event (next_attempt_at) where state = 'PENDING';
create index partner_event_order on partner_event (partner_id, work_order_number, position) where state = 'PENDING';

-- what a partner told the hotline about a work order handed to it (受理, result), once per its feedback id
create table partner_feedback (
    partner_id  bigint      not null references partner (id),
    feedback_id varchar(64) not null,
    number      varchar(32) not null,
    kind        varchar(16) not null,
    text        varchar(2000) not null,
    received_at timestamptz not null,
    primary key (partner_id, feedback_id)
);

-- the intake's list shows which partner a request came from and what the agent must check
alter table online_request add column source_detail varchar(500);
