-- The business-environment desk (营商环境专席): enterprises, the desk's classification of their requests, the ledger
-- (台账) with its notes, verification and sign-off (销号), and referrals to discipline inspection (纪检监察移送).

alter table app_user drop constraint app_user_role_check;
alter table app_user add constraint app_user_role_check
    check (role in ('AGENT', 'DEPARTMENT_STAFF', 'DESK', 'DESK_LEAD', 'SUPERVISOR', 'ADMIN', 'KNOWLEDGE_EDITOR'));

-- a work order raised by or about an enterprise (涉企诉求): chosen in the IVR, marked by an agent, or naming one
alter table work_order add column enterprise_request boolean not null default false;

create sequence enterprise_seq start with 1 increment by 50;

-- One record per unified social credit code, linked to all the enterprise's requests.
create table enterprise (
    id             bigint       primary key,
    credit_code    varchar(18)  not null unique,
    name           varchar(100) not null,
    contact_name   varchar(50),
    contact_phone  varchar(30),
    industry       varchar(50),
    size           varchar(10)  check (size in ('MICRO', 'SMALL', 'MEDIUM', 'LARGE')),
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null
);

-- The four environments the desk sorts requests into, and the kinds of issue under each; editable, never deleted.
create table desk_environment (
    code      varchar(20)  primary key,
    name      varchar(50)  not null unique,
    position  smallint     not null,
    active    boolean      not null default true
);

create table desk_issue_kind (
    code              varchar(30)  primary key,
    environment_code  varchar(20)  not null references desk_environment (code),
    name              varchar(50)  not null,
    active            boolean      not null default true,
    unique (environment_code, name)
);

insert into desk_environment (code, name, position) values
    ('GOVERNMENT', '政务环境', 1), ('MARKET', '市场环境', 2), ('RULE_OF_LAW', '法治环境', 3), ('SOCIAL', '人文社会环境', 4);

insert into desk_issue_kind (code, environment_code, name) values
    ('APPROVAL_EFFICIENCY', 'GOVERNMENT', '审批效率'),
    ('POLICY_IMPLEMENTATION', 'GOVERNMENT', '政策落实'),
    ('SERVICE_ATTITUDE', 'GOVERNMENT', '服务态度与作风'),
    ('ARREARS', 'MARKET', '拖欠账款'),
    ('ENTERPRISE_FEES', 'MARKET', '涉企收费'),
    ('FAIR_COMPETITION', 'MARKET', '公平竞争'),
    ('FINANCING', 'MARKET', '融资服务'),
    ('ENFORCEMENT_INSPECTION', 'RULE_OF_LAW', '执法检查'),
    ('RIGHTS_PROTECTION', 'RULE_OF_LAW', '权益保护'),
    ('CONTRACT_PERFORMANCE', 'RULE_OF_LAW', '政府守信履约'),
    ('TALENT_SERVICES', 'SOCIAL', '人才服务'),
    ('SUPPORTING_SERVICES', 'SOCIAL', '配套服务'),
    ('OTHER', 'SOCIAL', '其他');

create sequence ledger_entry_seq start with 1 increment by 50;

-- 台账: one entry per enterprise request.
create table ledger_entry (
    id                       bigint       primary key,
    version                  integer      not null,
    work_order_id            bigint       not null unique references work_order (id),
    enterprise_id            bigint       references enterprise (id),
    issue_kind_code          varchar(30)  references desk_issue_kind (code),
    owner_username           varchar(40),
    status                   varchar(20)  not null
        check (status in ('OPEN', 'VERIFIED', 'SIGN_OFF_REQUESTED', 'SIGNED_OFF')),
    -- the desk's own deadline, where it is stricter than the work order's reply deadline
    desk_deadline            timestamptz,
    verified_by              varchar(40),
    verified_at              timestamptz,
    verification_method      varchar(20)  check (verification_method in ('PHONE', 'VISIT', 'ONLINE', 'LETTER')),
    enterprise_view          varchar(30)  check (enterprise_view in ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED')),
    enterprise_comment       text,
    sign_off_requested_by    varchar(40),
    sign_off_requested_at    timestamptz,
    signed_off_by            varchar(40),
    signed_off_at            timestamptz,
    created_at               timestamptz  not null,
    check ((status = 'SIGNED_OFF') = (signed_off_at is not null))
);

create index ledger_entry_enterprise on ledger_entry (enterprise_id);
create index ledger_entry_created on ledger_entry (created_at);

create sequence ledger_note_seq start with 1 increment by 50;

-- Everything that happened to an entry, in order; append-only.
create table ledger_note (
    id            bigint       primary key,
    entry_id      bigint       not null references ledger_entry (id),
    kind          varchar(30)  not null,
    author        varchar(40)  not null,
    author_name   varchar(50)  not null,
    author_role   varchar(30)  not null,
    written_at    timestamptz  not null,
    text          text
);

create index ledger_note_entry on ledger_note (entry_id, written_at);

create sequence desk_referral_seq start with 1 increment by 50;

-- Proposals to refer a case to discipline inspection; once decided, a proposal is final.
create table desk_referral (
    id                bigint       primary key,
    entry_id          bigint       not null references ledger_entry (id),
    proposed_by       varchar(40)  not null,
    proposed_at       timestamptz  not null,
    reasons           text         not null,
    evidence          text         not null,
    status            varchar(10)  not null check (status in ('PROPOSED', 'APPROVED', 'REJECTED')),
    decided_by        varchar(40),
    decided_at        timestamptz,
    decision_comment  text,
    check ((status = 'PROPOSED') = (decided_at is null))
);

create function desk_record_is_permanent() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception '% is permanent: delete refused', tg_table_name;
    end if;
    if tg_table_name = 'ledger_note' then
        raise exception 'ledger_note is append-only: update refused';
    end if;
    if old.status <> 'PROPOSED' then
        raise exception 'desk_referral % was decided and is final', old.id;
    end if;
    return new;
end;
$$;

create trigger ledger_note_append_only before update or delete on ledger_note
    for each row execute function desk_record_is_permanent();
create trigger desk_referral_permanent before update or delete on desk_referral
    for each row execute function desk_record_is_permanent();
