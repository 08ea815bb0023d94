package org.hotline12345.workorder;

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
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.common.ConflictException;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.ResourceNotFoundException;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.security.Actor;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Files attached to a work order: the lead department's evidence while it handles it, or the hotline's. A file is
 * checked before it is kept (size, and a type recognised by its first bytes and its name), stored under a random
 * name, and served only to those who may see the work order.
 */
@ApplicationScoped
public class AttachmentService {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy/MM").withZone(ZoneOffset.UTC);

    /**
     * A file as lists show it.
     *
     * @param uploadedBy the uploader's username
     * @param uploadedByName the uploader's name as people know them (their username for files from before names were
     *        kept)
     */
    public record AttachmentView(long id, String fileName, String contentType, long sizeBytes, String sha256,
            String uploadedBy, String uploadedByName, OffsetDateTime uploadedAt) {

        /** The size as people read it: 12.3 KB, 1.5 MB. */
        public String size() {
            return sizeBytes < 1024 * 1024
                    ? String.format(Locale.ROOT, "%.1f KB", sizeBytes / 1024.0)
                    : String.format(Locale.ROOT, "%.1f MB", sizeBytes / (1024.0 * 1024));
        }
    }

    /** A file to send: what it is and where its bytes are. */
    public record StoredFile(AttachmentView view, Path path) {
    }

    @Inject
    AttachmentConfig config;

    @Inject
    WorkOrderRepository workOrders;

    @Inject
    DepartmentDirectory departments;

    @Inject
    EntityManager entityManager;

    @Inject
    WorkingCalendar calendar;

    @Inject
    Clock clock;

    /**
     * @param fileName the name the user's computer gave it; kept for display only
     * @param upload the uploaded bytes, in a temporary file
     */
    public AttachmentView attach(String number, String fileName, Path upload, Actor actor) {
        String name = displayName(fileName);
        long size = size(upload);
        if (size == 0) {
            throw InvalidFieldException.malformed("file", "NotEmpty", "the file is empty");
        }
        if (size > config.maxSize()) {
            throw InvalidFieldException.unacceptable("file", "maxSize",
                    "is " + size + " bytes; at most " + config.maxSize() + " are accepted");
        }
        AttachmentType type = AttachmentType.recognise(name, head(upload)).orElseThrow(() -> InvalidFieldException
                .unacceptable("file", "type", "'" + name + "' is not a PDF, PNG, JPEG, DOCX or XLSX file"));
        long workOrderId = QuarkusTransaction.requiringNew().call(() -> mayAttach(number, actor).getId());
        Instant now = clock.instant();
        String key = MONTH.format(now) + "/" + UUID.randomUUID();
        Path target = config.directory().resolve(key);
        String sha256 = store(upload, target);
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                mayAttach(number, actor);
                Attachment attachment = new Attachment(workOrderId, name, type, size, sha256, key, actor, now);
                entityManager.persist(attachment);
                entityManager.flush();
                return view(attachment);
            });
        } catch (RuntimeException e) {
            delete(target);
            throw e;
        }
    }

    public List<AttachmentView> list(String number, Actor actor) {
        return QuarkusTransaction.requiringNew().call(() -> {
            WorkOrder order = visible(number, actor);
            return entityManager.createQuery("from Attachment where workOrderId = ?1 order by uploadedAt, id",
                    Attachment.class).setParameter(1, order.getId()).getResultList().stream().map(this::view)
                    .toList();
        });
    }

    public StoredFile open(String number, long id, Actor actor) {
        return QuarkusTransaction.requiringNew().call(() -> {
            WorkOrder order = visible(number, actor);
            Attachment attachment = entityManager.find(Attachment.class, id);
            if (attachment == null || attachment.getWorkOrderId() != order.getId()) {
                throw new ResourceNotFoundException("Attachment", id);
            }
            Path path = config.directory().resolve(attachment.getStorageKey());
            if (!Files.isRegularFile(path)) {
                throw new ResourceNotFoundException("Attachment file", id);
            }
            return new StoredFile(view(attachment), path);
        });
    }

    /** The lead department while it handles the work order; the hotline until it is closed. */
    private WorkOrder mayAttach(String number, Actor actor) {
        WorkOrder order = visible(number, actor);
        if (actor.isDepartmentStaff()) {
            WorkOrderAccess.requireLead(order, actor, departments);
            if (order.getStatus() != WorkOrderStatus.ACCEPTED) {
                throw new ConflictException("Work order " + number + " is " + order.getStatus()
                        + ": a department attaches files while it handles it (ACCEPTED)");
            }
        } else if (order.getStatus() == WorkOrderStatus.CLOSED) {
            throw new ConflictException("Work order " + number + " is CLOSED: nothing more is attached");
        }
        long count = entityManager.createQuery("select count(a) from Attachment a where a.workOrderId = ?1",
                Long.class).setParameter(1, order.getId()).getSingleResult();
        if (count >= config.maxPerWorkOrder()) {
            throw new ConflictException("Work order " + number + " already has " + count + " files, the most allowed");
        }
        return order;
    }

    private WorkOrder visible(String number, Actor actor) {
        WorkOrder order = workOrders.findByNumber(number)
                .orElseThrow(() -> new ResourceNotFoundException("Work order", number));
        WorkOrderAccess.requireVisible(order, actor);
        return order;
    }

    private AttachmentView view(Attachment attachment) {
        return new AttachmentView(attachment.getId(), attachment.getFileName(), attachment.getContentType(),
                attachment.getSizeBytes(), attachment.getSha256(), attachment.getUploadedBy(),
                attachment.getUploadedByName() == null ? attachment.getUploadedBy() : attachment.getUploadedByName(),
                attachment.getUploadedAt().atZone(calendar.zone()).toOffsetDateTime());
    }

    /** The last part of the name, without control characters; a browser on Windows may send a whole path. */
    static String displayName(String fileName) {
        String name = fileName == null ? "" : fileName.replaceAll("[\\p{Cntrl}]", "").strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        if (name.isBlank()) {
            throw InvalidFieldException.malformed("file", "NotBlank", "the file has no name");
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static long size(Path upload) {
        try {
            return Files.size(upload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] head(Path upload) {
        try (InputStream in = Files.newInputStream(upload)) {
            return in.readNBytes(16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the upload next to its final place, then moves it there, returning its SHA-256. */
    private static String store(Path upload, Path target) {
        try {
            Files.createDirectories(target.getParent());
            Path partial = target.resolveSibling(target.getFileName() + ".part");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(upload);
                    OutputStream out = new DigestOutputStream(Files.newOutputStream(partial), digest)) {
                in.transferTo(out);
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stray file under a random name harms nobody; the database never points at it
        }
    }
}
