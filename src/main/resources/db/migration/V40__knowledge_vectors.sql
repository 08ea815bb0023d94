-- Semantic search (issue 21): the sentence-encoder vectors of each article's passages (heading, then the answer in
-- bounded passages), kept with the version and the model they were computed from, so that an index rebuild (another
-- backend, another instance, a new schema) reads them instead of encoding every article again. A vector of an older
-- version or another model is computed again when the article is next indexed.
create table knowledge_article_vectors (
    article_id  bigint      primary key references knowledge_article (id),
    version     integer     not null,
    model       varchar(60) not null,
    passages    integer     not null check (passages >= 0),
    -- the passages' unit vectors one after another, each `dimensions` float32 in little-endian order
    dimensions  integer     not null,
    vectors     bytea       not null,
    encoded_at  timestamptz not null
);
