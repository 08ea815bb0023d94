-- Attachment bytes in PostgreSQL, so that every instance on the database serves every file (hotline.attachments.store
-- = database, the default). A file kept on disk (before this, or with store = filesystem) has no row here and is read
-- from the attachments directory under its storage_key.
create table work_order_attachment_content (
    attachment_id bigint primary key references work_order_attachment (id),
    content       bytea  not null
);
