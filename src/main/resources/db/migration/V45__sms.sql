-- SMS to citizens (the sms package): the administrators' templates, the durable outbound queue, each message's
-- parts with the id the SMSC gave them, and the delivery receipts the SMSC reports for those ids.

create table sms_template (
    kind       varchar(32) primary key,
    body       varchar(500) not null,
    updated_by varchar(100),
    updated_at timestamptz
);

insert into sms_template (kind, body) values
    ('VERIFICATION_CODE', '【12345热线】您的验证码是{code}，{minutes}分钟内有效。如非本人操作，请忽略本短信。'),
    ('RECEIPT', '【12345热线】您的诉求已收到，工单编号{number}，提取码{extractionCode}。凭编号和提取码可在 {link} 查询办理进度。'),
    ('REFUSED', '【12345热线】您提交的诉求（编号{number}）不予受理，原因：{reason}。如有疑问请拨打12345。'),
    ('DISPATCHED', '【12345热线】您的诉求（编号{number}）已受理，已转交{department}办理，请留意答复。'),
    ('REPLIED', '【12345热线】您的诉求（编号{number}）已有答复，请凭编号和提取码在 {link} 查看。'),
    ('CLOSED', '【12345热线】您的诉求（编号{number}）已办结，感谢您对12345热线的支持。'),
    ('RATING_INVITATION', '【12345热线】请对诉求（编号{number}）的办理情况作出评价： {link}');

-- state: QUEUED → SENDING (claimed by one instance until claimed_until) → SENT → DELIVERED or UNDELIVERED by the
-- receipts; FAILED after the last attempt. A secret message (a code) has its body cleared once sent.
create table sms_message (
    id                bigserial primary key,
    kind              varchar(32) not null,
    recipient         varchar(32) not null,
    body              varchar(1000) not null,
    urgent            boolean not null,
    parts             integer not null,
    work_order_number varchar(32),
    state             varchar(16) not null,
    attempts          integer not null default 0,
    queued_at         timestamptz not null,
    next_attempt_at   timestamptz not null,
    claimed_until     timestamptz,
    sent_at           timestamptz,
    delivered_at      timestamptz,
    last_error        varchar(500)
);
create index sms_message_due on sms_message (next_attempt_at) where state in ('QUEUED', 'SENDING');
create index sms_message_queued on sms_message (queued_at desc);

create table sms_part (
    message_id      bigint not null references sms_message (id),
    seq             integer not null,
    smsc_message_id varchar(65) not null,
    primary key (message_id, seq)
);
create index sms_part_smsc_message on sms_part (smsc_message_id);

-- a receipt may arrive before the submit's outcome is stored: kept by the SMSC's id and joined to the parts later
create table sms_receipt (
    smsc_message_id varchar(65) primary key,
    state           varchar(16) not null,
    error           varchar(16),
    received_at     timestamptz not null
);
