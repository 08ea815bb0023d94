package org.hotline12345.scorecard;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.hotline12345.calendar.WorkingCalendar;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.department.DepartmentKind;
import org.hotline12345.security.Actor;

/**
 * The administrators' scoring versions: a new version applies from this month or a later one, never an earlier one,
 * so the months already scored keep their version.
 */
@ApplicationScoped
public class ScoringVersions {

    /**
     * @param validFrom the first month it applies to, {@code 2024-01}
     * @param weights points per indicator, 0–100; an indicator left out weighs 0
     * @param groups the group name per department kind; a kind left out or blank is not ranked
     */
    public record VersionRequest(@NotBlank String validFrom, @NotNull Map<Indicator, @Min(0) @Max(100) Integer> weights,
            @NotNull Map<DepartmentKind, String> groups, @NotNull @Min(0) @Max(50) Integer redCount,
            @NotNull @Min(0) @Max(50) Integer blackCount) {
    }

    @Inject
    ScorecardStore store;

    @Inject
    WorkingCalendar calendar;

    @Inject
    Clock clock;

    public List<ScoringVersion> list() {
        return store.versions();
    }

    public ScoringVersion save(VersionRequest request, Actor actor) {
        ScorecardPolicy.require(ScorecardPolicy.mayEditScoring(actor), "设置考核权重");
        YearMonth from;
        try {
            from = YearMonth.parse(request.validFrom().strip());
        } catch (DateTimeParseException e) {
            throw InvalidFieldException.malformed("validFrom", "yearMonth", "生效月份须为年月，如 2024-01");
        }
        if (from.isBefore(YearMonth.from(clock.instant().atZone(calendar.zone())))) {
            throw InvalidFieldException.unacceptable("validFrom", "notPast", "生效月份不能早于本月：已考核的月份保留原版本");
        }
        Map<Indicator, Integer> weights = new EnumMap<>(Indicator.class);
        for (Indicator indicator : Indicator.values()) {
            Integer points = request.weights().get(indicator);
            weights.put(indicator, points == null ? 0 : points);
        }
        if (weights.values().stream().mapToInt(Integer::intValue).sum() == 0) {
            throw InvalidFieldException.unacceptable("weights", "positiveTotal", "至少一项指标的权重大于 0");
        }
        Map<DepartmentKind, String> groups = new EnumMap<>(DepartmentKind.class);
        request.groups().forEach((kind, group) -> {
            if (group != null && !group.isBlank()) {
                if (group.strip().length() > 50) {
                    throw InvalidFieldException.unacceptable("groups", "maxLength", "对比组名称最长 50 字");
                }
                groups.put(kind, group.strip());
            }
        });
        ScoringVersion version = new ScoringVersion(0, from, weights, groups, request.redCount(),
                request.blackCount(), actor.username());
        long id = store.saveVersion(version, clock.instant());
        return new ScoringVersion(id, from, weights, groups, request.redCount(), request.blackCount(),
                actor.username());
    }
}
