package org.hotline12345.businessdesk;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hotline12345.security.Actor;

/** One line of a ledger entry's trail: who, with which role, when, what. Append-only. */
@Entity
@Immutable
@Table(name = "ledger_note")
public class LedgerNote {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ledger_note_seq")
    @SequenceGenerator(name = "ledger_note_seq", sequenceName = "ledger_note_seq", allocationSize = 50)
    private Long id;

    @Column(name = "entry_id", nullable = false)
    private long entryId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NoteKind kind;

    @Column(nullable = false)
    private String author;

    @Column(name = "author_name", nullable = false)
    private String authorName;

    @Column(name = "author_role", nullable = false)
    private String authorRole;

    @Column(name = "written_at", nullable = false)
    private Instant writtenAt;

    private String text;

    protected LedgerNote() {
    }

    /** @param author {@code null} for the service itself */
    LedgerNote(long entryId, NoteKind kind, Actor author, Instant at, String text) {
        this.entryId = entryId;
        this.kind = kind;
        this.author = author == null ? "system" : author.username();
        this.authorName = author == null ? "系统" : author.displayName();
        this.authorRole = author == null ? "SYSTEM" : author.role().name();
        this.writtenAt = at;
        this.text = text;
    }

    public long getEntryId() {
        return entryId;
    }

    public NoteKind getKind() {
        return kind;
    }

    public String getAuthor() {
        return author;
    }

    public String getAuthorName() {
        return authorName;
    }

    public String getAuthorRole() {
        return authorRole;
    }

    public Instant getWrittenAt() {
        return writtenAt;
    }

    public String getText() {
        return text;
    }
}
