-- Online requests (the intake package): what citizens submit on the portal waits here, under the work-order number
-- reserved for it, until an agent registers it (受理) or refuses it (不予受理, with the reason the citizen receives).
create table online_request (
    id                     bigserial primary key,
    number                 varchar(32) not null unique,
    source                 varchar(16) not null,
    state                  varchar(16) not null,
    request_type           varchar(32) not null,
    title                  varchar(200) not null,
    content                varchar(10000) not null,
    district               varchar(50),
    street                 varchar(50),
    address                varchar(200),
    enterprise_name        varchar(100),
    enterprise_credit_code varchar(18),
    citizen_name           varchar(50) not null,
    phone                  varchar(32) not null,
    confidential           boolean not null,
    client_address         varchar(64),
    content_hash           varchar(64) not null,
    submitted_at           timestamptz not null,
    receipt_sms_id         bigint,
    decided_at             timestamptz,
    decided_by             varchar(100),
    refusal_kind           varchar(32),
    refusal_reason         varchar(500)
);
create index online_request_pending on online_request (submitted_at) where state = 'PENDING';
create index online_request_phone on online_request (phone_key(phone), submitted_at desc);
create index online_request_client on online_request (client_address, submitted_at desc);
create index online_request_submitted on online_request (submitted_at);
