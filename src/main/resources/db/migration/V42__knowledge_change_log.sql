-- Several instances on one database (issue 17, item 13): each instance's embedded knowledge index follows the
-- database. Every change of an article appends a row in the transaction that made it, tagged with that transaction's
-- id; an instance reads the rows of the transactions that finished since it last looked (everything from the xmin of
-- the snapshot it last read with), so a transaction that commits late is never skipped, and indexes those articles.
create table knowledge_change (
    seq         bigint      generated always as identity primary key,
    article_id  bigint      not null references knowledge_article (id),
    version     integer     not null,
    tx          xid8        not null default pg_current_xact_id(),
    changed_at  timestamptz not null
);
create index knowledge_change_tx on knowledge_change (tx);
