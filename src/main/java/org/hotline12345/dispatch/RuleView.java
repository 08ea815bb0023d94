package org.hotline12345.dispatch;

import java.time.LocalDate;
import java.util.List;

/**
 * One version of a responsibility rule (确责清单): which department leads, and which assist, for a category in an
 * area (the whole city, a district, or a street of a district), in force from one date to another.
 *
 * @param id the version's identity, which a work order records
 * @param ruleId the rule's identity across its versions
 * @param district {@code null} for a city-wide rule
 * @param street {@code null} for a rule of the whole district (or city)
 * @param effectiveTo exclusive; {@code null} while in force with no end
 * @param withdrawn replaced before it took effect; never in force
 */
public record RuleView(long id, long ruleId, int version, String categoryCode, String district, String street,
        String leadDepartmentCode, List<String> assistingDepartmentCodes, HandlingLevel level, LocalDate effectiveFrom,
        LocalDate effectiveTo, boolean withdrawn, String note) {

    public RuleView {
        assistingDepartmentCodes = List.copyOf(assistingDepartmentCodes);
    }

    public boolean inForceOn(LocalDate day) {
        return !withdrawn && !effectiveFrom.isAfter(day) && (effectiveTo == null || effectiveTo.isAfter(day));
    }

    /** 2 for a street rule, 1 for a district rule, 0 for a city-wide one. */
    public int areaSpecificity() {
        return street != null ? 2 : district != null ? 1 : 0;
    }

    /** Whether the rule covers a place in this district and street (either may be unknown). */
    public boolean covers(String placeDistrict, String placeStreet) {
        if (district == null) {
            return true;
        }
        if (!district.equals(placeDistrict)) {
            return false;
        }
        return street == null || street.equals(placeStreet);
    }

    /** Readable key, e.g. {@code 010301 @ 城东区/东门街道}. */
    public String key() {
        return categoryCode + " @ " + (district == null ? "全市" : district + (street == null ? "" : "/" + street));
    }
}
