package org.hotline12345.workorder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.common.ConflictException;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.ResourceNotFoundException;
import org.hotline12345.security.Actor;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Files attached to a work order: the lead department's evidence while it handles it, or the hotline's. A file is
 * checked before it is kept (size, and a type recognised by its first bytes and its name), kept by the
 * {@link AttachmentStore} (in PostgreSQL by default), and served only to those who may see the work order.
 */
@ApplicationScoped
public class AttachmentService {

    /** As the file_name column holds it. */
    static final int MAX_NAME_LENGTH = 200;

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

    /** A file to send: what it is and its bytes, which the caller closes (a response closes them once written). */
    public record StoredFile(AttachmentView view, InputStream content) {
    }

    @Inject
    AttachmentConfig config;

    @Inject
    AttachmentStore store;

    @Inject
    WorkOrderRepository workOrders;

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
        AttachmentType type = check(fileName, upload);
        long workOrderId = QuarkusTransaction.requiringNew().call(() -> mayAttach(number, actor).getId());
        Instant now = clock.instant();
        AttachmentStore.Prepared prepared = store.prepare(upload, now);
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                mayAttach(number, actor);
                Attachment attachment = new Attachment(workOrderId, name, type, size, prepared.sha256(),
                        prepared.key(), actor, now);
                entityManager.persist(attachment);
                entityManager.flush();
                store.keep(prepared, attachment.getId(), upload);
                return view(attachment);
            });
        } catch (RuntimeException e) {
            store.discard(prepared);
            throw e;
        }
    }

    /**
     * Checks a file against the attachment rules (not empty, the size limit, a recognised type whose content is what
     * its name says), for a file kept until its work order exists (a partner's request waiting in 待受理).
     *
     * @throws InvalidFieldException naming {@code file} and the rule it breaks
     */
    public AttachmentType check(String fileName, Path upload) {
        String name = displayName(fileName);
        long size = size(upload);
        if (size == 0) {
            throw InvalidFieldException.malformed("file", "NotEmpty", "文件是空的");
        }
        if (size > config.maxSize()) {
            throw InvalidFieldException.unacceptable("file", "maxSize",
                    "文件有 " + size + " 字节，最多可上传 " + config.maxSize() + " 字节");
        }
        AttachmentType type = AttachmentType.recognise(name, head(upload)).orElseThrow(() -> InvalidFieldException
                .unacceptable("file", "type", "“" + name + "”不是 PDF、PNG、JPEG、DOCX 或 XLSX 文件"));
        AttachmentContent.problem(type, name, upload).ifPresent(problem -> {
            throw InvalidFieldException.unacceptable("file", "content", problem);
        });
        return type;
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
                throw new ResourceNotFoundException("附件", id);
            }
            InputStream content = store.open(attachment)
                    .orElseThrow(() -> new ResourceNotFoundException("附件文件", id));
            return new StoredFile(view(attachment), content);
        });
    }

    /** Who may attach, and when, is {@link WorkOrderPolicy}'s rule; here also how many files a work order takes. */
    private WorkOrder mayAttach(String number, Actor actor) {
        WorkOrder order = find(number);
        WorkOrderPolicy.requireAttach(order, actor);
        long count = entityManager.createQuery("select count(a) from Attachment a where a.workOrderId = ?1",
                Long.class).setParameter(1, order.getId()).getSingleResult();
        if (count >= config.maxPerWorkOrder()) {
            throw new ConflictException("工单 " + number + " 已有 " + count + " 个附件，已达上限");
        }
        return order;
    }

    private WorkOrder visible(String number, Actor actor) {
        WorkOrder order = find(number);
        WorkOrderPolicy.requireVisible(order, actor);
        return order;
    }

    private WorkOrder find(String number) {
        return workOrders.findByNumber(number).orElseThrow(() -> new ResourceNotFoundException("工单", number));
    }

    private AttachmentView view(Attachment attachment) {
        return new AttachmentView(attachment.getId(), attachment.getFileName(), attachment.getContentType(),
                attachment.getSizeBytes(), attachment.getSha256(), attachment.getUploadedBy(),
                attachment.getUploadedByName() == null ? attachment.getUploadedBy() : attachment.getUploadedByName(),
                attachment.getUploadedAt().atZone(calendar.zone()).toOffsetDateTime());
    }

    /**
     * The last part of the name, without control characters (a browser on Windows may send a whole path); at most
     * {@value #MAX_NAME_LENGTH} characters.
     */
    static String displayName(String fileName) {
        String name = fileName == null ? "" : fileName.replaceAll("[\\p{Cntrl}]", "").strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        if (name.isBlank()) {
            throw InvalidFieldException.malformed("file", "NotBlank", "文件没有名称");
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH) {
            throw InvalidFieldException.malformed("name", "Size", "文件名不能超过 " + MAX_NAME_LENGTH + " 个字符");
        }
        return name;
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
}
