package org.hotline12345.hotspot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hotline12345.area.AreaDirectory;
import org.hotline12345.area.DistrictView;
import org.hotline12345.calendar.CalendarConfig;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.hotspot.HotspotViews.HotspotView;
import org.hotline12345.security.Actor;
import org.hotline12345.workorder.RequestCounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * 区域分布: the requests of a period and the open hotspots per district or street, for the map the supervisors look at
 * rather than read, with the city's boundaries as GeoJSON. Every area of the city is listed, those without a request
 * too; areas the boundaries do not draw are named, so that a city's own file can be checked against its areas.
 */
@ApplicationScoped
public class AreaMap {

    /** The longest period shown at once. */
    static final int MAX_DAYS = 366;

    /** How the map is divided. */
    public enum Level {
        DISTRICT, STREET
    }

    /** One area: a district, or a street with its district. */
    public record Area(String district, String street, long requests, long openHotspots) {

        public String name() {
            return street != null ? street : district;
        }
    }

    /**
     * @param unplaced requests registered without a district (not on the map)
     * @param undrawn areas of the city the boundaries do not draw
     */
    public record View(LocalDate from, LocalDate to, Level level, List<Area> areas, long requests, long unplaced,
            List<String> undrawn) {
    }

    @Inject
    RequestCounts counts;

    @Inject
    HotspotService hotspots;

    @Inject
    AreaDirectory areas;

    @Inject
    CalendarConfig calendar;

    @Inject
    HotspotConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** Today in the city, where the default period ends. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), calendar.zone());
    }

    public View view(LocalDate from, LocalDate to, Level level, Actor actor) {
        if (to.isBefore(from)) {
            throw InvalidFieldException.malformed("to", "NotBeforeFrom", "不能早于起始日期");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw InvalidFieldException.malformed("to", "MaxPeriod", "一次最多显示 " + MAX_DAYS + " 天");
        }
        ZoneId zone = calendar.zone();
        Map<List<String>, Long> requests = new HashMap<>();
        long total = 0;
        long unplaced = 0;
        for (RequestCounts.PlaceCount place : counts.byPlace(from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant())) {
            total += place.count();
            if (place.district() == null) {
                unplaced += place.count();
                continue;
            }
            requests.merge(key(level, place.district(), place.street()), place.count(), Long::sum);
        }
        Map<List<String>, Long> open = new HashMap<>();
        for (HotspotView hotspot : hotspots.list(HotspotStatus.OPEN, actor)) {
            if (hotspot.district() != null && (level == Level.DISTRICT || hotspot.street() != null)) {
                open.merge(key(level, hotspot.district(), hotspot.street()), 1L, Long::sum);
            }
        }
        List<Area> shown = new ArrayList<>();
        for (DistrictView district : areas.all()) {
            if (level == Level.DISTRICT) {
                List<String> key = key(level, district.name(), null);
                shown.add(new Area(district.name(), null, requests.getOrDefault(key, 0L), open.getOrDefault(key, 0L)));
            } else {
                for (String street : district.streets()) {
                    List<String> key = key(level, district.name(), street);
                    shown.add(new Area(district.name(), street, requests.getOrDefault(key, 0L),
                            open.getOrDefault(key, 0L)));
                }
            }
        }
        Set<String> drawn = drawn(level);
        List<String> undrawn = shown.stream().filter(area -> !drawn.contains(drawnName(area)))
                .map(area -> area.street() == null ? area.district() : area.district() + area.street()).toList();
        return new View(from, to, level, shown, total, unplaced, undrawn);
    }

    /** The boundaries as GeoJSON: the configured file, or the demo city's. */
    public String boundaries() {
        try {
            if (config.mapFile().isPresent()) {
                return Files.readString(Path.of(config.mapFile().get()), StandardCharsets.UTF_8);
            }
            try (InputStream demo = AreaMap.class.getResourceAsStream("/geo/demo-city.geojson")) {
                return new String(Objects.requireNonNull(demo, "geo/demo-city.geojson").readAllBytes(),
                        StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the map's boundaries", e);
        }
    }

    /** The names the boundaries draw at the level: districts by name, streets by district and name. */
    private Set<String> drawn(Level level) {
        Set<String> names = new HashSet<>();
        try {
            for (JsonNode feature : json.readTree(boundaries()).path("features")) {
                JsonNode properties = feature.path("properties");
                if (properties.path("level").asText().equalsIgnoreCase(level.name())) {
                    names.add(properties.path("district").asText("") + "/" + properties.path("name").asText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The map's boundaries are not GeoJSON", e);
        }
        return names;
    }

    private static String drawnName(Area area) {
        return area.street() == null ? "/" + area.district() : area.district() + "/" + area.street();
    }

    private static List<String> key(Level level, String district, String street) {
        return level == Level.DISTRICT ? List.of(district) : Arrays.asList(district, street);
    }
}
