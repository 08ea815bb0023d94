-- Open311 GeoReport v2 (the partner package): the categories an administrator opens to it as services, and the
-- requests that came in through it (service_request_id = the work-order number reserved for the request; the token
-- is what the client may look the id up by).
create table open311_service (
    category_code varchar(20)  primary key,
    description   varchar(500) not null,
    group_name    varchar(100),
    keywords      varchar(200),
    opened_at     timestamptz  not null
);

create table open311_request (
    token           varchar(64)  primary key,
    number          varchar(32)  not null unique,
    partner_id      bigint       not null references partner (id),
    service_code    varchar(20)  not null,
    address         varchar(200),
    lat             double precision,
    lon             double precision,
    media_url       varchar(500),
    requested_at    timestamptz  not null
);
create index open311_request_requested on open311_request (requested_at);
