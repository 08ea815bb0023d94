package org.hotline12345.workorder;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hotline12345.security.Actor;

/** A file attached to a work order; written once, never changed. */
@Entity
@Immutable
@Table(name = "work_order_attachment")
public class Attachment {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "work_order_attachment_seq")
    @SequenceGenerator(name = "work_order_attachment_seq", sequenceName = "work_order_attachment_seq", allocationSize = 50)
    private Long id;

    @Column(name = "work_order_id", nullable = false)
    private long workOrderId;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Column(name = "content_type", nullable = false)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "sha256", nullable = false)
    private String sha256;

    /** The file's path below the attachments directory. */
    @Column(name = "storage_key", nullable = false)
    private String storageKey;

    @Column(name = "uploaded_by", nullable = false)
    private String uploadedBy;

    /** The uploader's name as people know them; {@code null} for files uploaded before it was kept. */
    @Column(name = "uploaded_by_name")
    private String uploadedByName;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    protected Attachment() {
    }

    Attachment(long workOrderId, String fileName, AttachmentType type, long sizeBytes, String sha256,
            String storageKey, Actor uploadedBy, Instant uploadedAt) {
        this.workOrderId = workOrderId;
        this.fileName = fileName;
        this.contentType = type.contentType();
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.storageKey = storageKey;
        this.uploadedBy = uploadedBy.username();
        this.uploadedByName = uploadedBy.displayName();
        this.uploadedAt = uploadedAt;
    }

    public Long getId() {
        return id;
    }

    public long getWorkOrderId() {
        return workOrderId;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    public String getStorageKey() {
        return storageKey;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public String getUploadedByName() {
        return uploadedByName;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }
}
