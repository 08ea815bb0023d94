-- The citizens' portal (the portal package): one-time SMS codes that prove a phone number, and the 提取码 of each
-- online request with the failed tries against it. Codes are kept only as hashes.
create table portal_code (
    id             bigserial primary key,
    phone          varchar(32) not null,
    purpose        varchar(16) not null,
    code_hash      varchar(64) not null,
    client_address varchar(64),
    created_at     timestamptz not null,
    expires_at     timestamptz not null,
    attempts       integer not null default 0,
    used_at        timestamptz
);
create index portal_code_phone on portal_code (phone_key(phone), created_at desc);
create index portal_code_client on portal_code (client_address, created_at desc);

create table portal_access (
    number               varchar(32) primary key,
    phone                varchar(32) not null,
    extraction_code_hash varchar(64) not null,
    failed_attempts      integer not null default 0,
    locked_until         timestamptz
);
