package org.hotline12345.workorder;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Where attachments' bytes live: in PostgreSQL ({@code hotline.attachments.store=database}, the default), so that every
 * instance on the database serves every file, or in a directory ({@code filesystem}: one instance, or several sharing
 * that directory). A file is always read from where it was kept, so changing the setting loses nothing.
 */
@ApplicationScoped
class AttachmentStore {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy/MM").withZone(ZoneOffset.UTC);

    /** An upload hashed and given its key; with the filesystem store, already written under that key. */
    record Prepared(String key, String sha256, Path file) {
    }

    @Inject
    AttachmentConfig config;

    @Inject
    EntityManager entityManager;

    /** Before the transaction that records the attachment: hashes the upload and, on disk, keeps it. */
    Prepared prepare(Path upload, Instant now) {
        String key = MONTH.format(now) + "/" + UUID.randomUUID();
        if (config.store() == AttachmentConfig.Store.DATABASE) {
            try (InputStream in = Files.newInputStream(upload)) {
                return new Prepared(key, copyHashing(in, OutputStream.nullOutputStream()), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path target = config.directory().resolve(key);
        return new Prepared(key, writeFile(upload, target), target);
    }

    /** Inside the transaction that records the attachment: in the database, its bytes go in with it. */
    void keep(Prepared prepared, long attachmentId, Path upload) {
        if (prepared.file() != null) {
            return;
        }
        try {
            entityManager.createNativeQuery(
                    "insert into work_order_attachment_content (attachment_id, content) values (?1, ?2)")
                    .setParameter(1, attachmentId).setParameter(2, Files.readAllBytes(upload)).executeUpdate();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** After the transaction failed: a file written to disk is removed again. */
    void discard(Prepared prepared) {
        if (prepared.file() != null) {
            try {
                Files.deleteIfExists(prepared.file());
            } catch (IOException e) {
                // a stray file under a random name harms nobody; the database never points at it
            }
        }
    }

    /** The attachment's bytes, inside a transaction; empty where they are missing. */
    Optional<InputStream> open(Attachment attachment) {
        List<?> content = entityManager
                .createNativeQuery("select content from work_order_attachment_content where attachment_id = ?1")
                .setParameter(1, attachment.getId()).getResultList();
        if (!content.isEmpty()) {
            return Optional.of(new ByteArrayInputStream((byte[]) content.get(0)));
        }
        Path path = config.directory().resolve(attachment.getStorageKey());
        try {
            return Files.isRegularFile(path) ? Optional.of(Files.newInputStream(path)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the upload next to its final place, then moves it there, returning its SHA-256. */
    private static String writeFile(Path upload, Path target) {
        try {
            Files.createDirectories(target.getParent());
            Path partial = target.resolveSibling(target.getFileName() + ".part");
            String sha256;
            try (InputStream in = Files.newInputStream(upload); OutputStream out = Files.newOutputStream(partial)) {
                sha256 = copyHashing(in, out);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return sha256;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String copyHashing(InputStream in, OutputStream out) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            in.transferTo(new DigestOutputStream(out, digest));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
