-- 共建共享 (issue 21): department staff propose new articles and revisions of their own department's articles; an
-- editor publishes a proposal or sends it back with a comment. A proposal holds the whole proposed content (as an
-- article version does) and the article version it was made from; the article itself changes only when published.
create table knowledge_proposal (
    id               bigint        generated always as identity primary key,
    -- null: a new article
    article_id       bigint        references knowledge_article (id),
    base_version     integer,
    department_id    bigint        not null references department (id),
    content          text          not null,
    note             varchar(500),
    status           varchar(20)   not null check (status in ('SUBMITTED', 'RETURNED', 'PUBLISHED')),
    proposed_by      varchar(40)   not null,
    proposed_by_id   bigint        not null references app_user (id),
    proposed_at      timestamptz   not null,
    reviewed_by      varchar(40),
    reviewed_at      timestamptz,
    review_comment   varchar(1000),
    published_slug   varchar(100),
    check ((article_id is null) = (base_version is null))
);

create index knowledge_proposal_status on knowledge_proposal (status, proposed_at);
create index knowledge_proposal_department on knowledge_proposal (department_id, proposed_at);

-- 知识缺口: what readers searched for, with what was found; a search is used once the reader opens one of its hits.
-- Searches no one used show editors what the knowledge base lacks.
create table knowledge_search (
    id               bigint        generated always as identity primary key,
    user_id          bigint        not null references app_user (id),
    text             varchar(10000) not null,
    hit_ids          bigint[]      not null,
    searched_at      timestamptz   not null,
    used_article_id  bigint        references knowledge_article (id)
);

create index knowledge_search_recent on knowledge_search (searched_at);
create index knowledge_search_user on knowledge_search (user_id, searched_at);
