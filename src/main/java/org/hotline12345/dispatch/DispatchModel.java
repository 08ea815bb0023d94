package org.hotline12345.dispatch;

import java.time.Instant;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** One trained version of a model, kept with its evaluation; the newest version of a kind is the one in use. */
@Entity
@Immutable
@Table(name = "dispatch_model")
public class DispatchModel {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "dispatch_model_seq")
    @SequenceGenerator(name = "dispatch_model_seq", sequenceName = "dispatch_model_seq", allocationSize = 50)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ModelKind kind;

    @Column(nullable = false)
    private int version;

    @Column(name = "trained_at", nullable = false)
    private Instant trainedAt;

    @Column(name = "trained_on", nullable = false)
    private int trainedOn;

    /** {@link ModelEvaluation} as JSON. */
    @Column(nullable = false)
    private String evaluation;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] model;

    protected DispatchModel() {
    }

    DispatchModel(ModelKind kind, int version, Instant trainedAt, int trainedOn, String evaluation, byte[] model) {
        this.kind = kind;
        this.version = version;
        this.trainedAt = trainedAt;
        this.trainedOn = trainedOn;
        this.evaluation = evaluation;
        this.model = model;
    }

    public ModelKind getKind() {
        return kind;
    }

    public int getVersion() {
        return version;
    }

    public Instant getTrainedAt() {
        return trainedAt;
    }

    public int getTrainedOn() {
        return trainedOn;
    }

    public String getEvaluation() {
        return evaluation;
    }

    public byte[] getModel() {
        return model;
    }
}
