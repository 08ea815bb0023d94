-- A partner's attachments to a request still waiting in 待受理 are kept here until the request becomes a work order,
-- then attached to it under the attachment rules (checked already on upload); once per (partner, external id, digest).
create table partner_attachment (
    id          bigserial primary key,
    partner_id  bigint       not null references partner (id),
    external_id varchar(64)  not null,
    sha256      varchar(64)  not null,
    file_name   varchar(200) not null,
    content     bytea,
    attached    boolean      not null default false,
    received_at timestamptz  not null,
    unique (partner_id, external_id, sha256)
);
