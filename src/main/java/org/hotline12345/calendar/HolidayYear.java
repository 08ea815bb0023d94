package org.hotline12345.calendar;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hotline12345.security.Actor;

/** A year's arrangement an administrator saved, as stored; see {@link AdministeredYear} for it parsed. */
@Entity
@Table(name = "holiday_year")
public class HolidayYear {

    @Id
    private int year;

    @Column(nullable = false)
    private String entries;

    @Column(name = "saved_by", nullable = false)
    private String savedBy;

    @Column(name = "saved_by_name", nullable = false)
    private String savedByName;

    @Column(name = "saved_at", nullable = false)
    private Instant savedAt;

    protected HolidayYear() {
    }

    HolidayYear(int year) {
        this.year = year;
    }

    void save(String text, Actor actor, Instant now) {
        entries = text;
        savedBy = actor.username();
        savedByName = actor.displayName();
        savedAt = now;
    }

    public int getYear() {
        return year;
    }

    public String getEntries() {
        return entries;
    }

    public String getSavedBy() {
        return savedBy;
    }

    public String getSavedByName() {
        return savedByName;
    }

    public Instant getSavedAt() {
        return savedAt;
    }
}
