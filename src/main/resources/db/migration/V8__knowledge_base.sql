-- The knowledge base (知识库): articles agents search during calls, their version history, agents' feedback, and
-- the queue that carries changes to the search index after commit. Articles are archived, never deleted.

alter table app_user drop constraint app_user_role_check;
alter table app_user add constraint app_user_role_check
    check (role in ('AGENT', 'DEPARTMENT_STAFF', 'DESK', 'SUPERVISOR', 'ADMIN', 'KNOWLEDGE_EDITOR'));

create sequence knowledge_article_seq start with 1 increment by 50;

create table knowledge_article (
    id              bigint       primary key,
    slug            varchar(100) not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    version         integer      not null,
    title           varchar(200) not null,
    questions       text[]       not null,
    answer          text         not null,
    category_id     bigint       not null references category (id),
    department_id   bigint       not null references department (id),
    source_name     varchar(200) not null,
    source_number   varchar(100),
    effective_from  date         not null,
    expires_on      date,
    tags            text[]       not null,
    status          varchar(20)  not null check (status in ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
    view_count      bigint       not null default 0,
    -- SHA-256 of the knowledge-base/ file last imported into the article; a re-import skips unchanged files
    imported_hash   varchar(64),
    created_at      timestamptz  not null,
    created_by      varchar(40)  not null,
    updated_at      timestamptz  not null,
    updated_by      varchar(40)  not null,
    check (expires_on is null or expires_on > effective_from)
);

create index knowledge_article_category on knowledge_article (category_id);
create index knowledge_article_updated on knowledge_article (updated_at);

-- Every saved version of an article in full, so that old versions stay readable; append-only.
create table knowledge_article_version (
    article_id      bigint       not null references knowledge_article (id),
    version         integer      not null,
    content         text         not null,
    changed_fields  text[]       not null,
    changed_by      varchar(40)  not null,
    changed_by_role varchar(30)  not null,
    changed_at      timestamptz  not null,
    note            varchar(500),
    primary key (article_id, version)
);

create function knowledge_article_version_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'knowledge_article_version is append-only: % refused', tg_op;
end;
$$;

create trigger knowledge_article_version_append_only
    before update or delete on knowledge_article_version
    for each row execute function knowledge_article_version_is_append_only();

-- One rating per user and article: a user who rates again replaces their rating.
create sequence knowledge_feedback_seq start with 1 increment by 50;

create table knowledge_feedback (
    id          bigint        primary key,
    article_id  bigint        not null references knowledge_article (id),
    user_id     bigint        not null references app_user (id),
    helpful     boolean       not null,
    comment     varchar(1000),
    created_at  timestamptz   not null,
    updated_at  timestamptz   not null,
    unique (article_id, user_id)
);

-- Articles whose index entry must be written: filled in the transaction that changes the article, emptied once
-- the search backend has the change, so that a backend that is down misses nothing.
create table knowledge_index_queue (
    article_id  bigint      primary key references knowledge_article (id),
    queued_at   timestamptz not null
);
