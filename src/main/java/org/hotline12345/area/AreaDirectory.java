package org.hotline12345.area;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.RefreshingValue;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The city's districts and streets (行政区划) in memory: every desktop page offers them and they change rarely.
 * Reloaded after a change made here and, for changes made by other instances, at most a minute later.
 */
@ApplicationScoped
public class AreaDirectory {

    @Inject
    EntityManager entityManager;

    private final RefreshingValue<List<DistrictView>> districts = new RefreshingValue<>(Duration.ofSeconds(60),
            this::load);

    /** Every district with its streets, in their order. */
    public List<DistrictView> all() {
        return districts.get();
    }

    /**
     * Replaces the whole list; work orders keep the names they were registered with.
     *
     * @throws InvalidFieldException 422 when a district or a district's street appears twice
     */
    @Transactional
    public List<DistrictView> replace(List<DistrictView> list) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            DistrictView district = list.get(i);
            if (!names.add(district.name().strip())) {
                throw InvalidFieldException.unacceptable("[" + i + "].name", "distinct",
                        "区县 " + district.name() + " 重复");
            }
            Set<String> streets = new HashSet<>();
            for (int j = 0; j < district.streets().size(); j++) {
                if (!streets.add(district.streets().get(j).strip())) {
                    throw InvalidFieldException.unacceptable("[" + i + "].streets[" + j + "]", "distinct",
                            district.name() + " 的街道 " + district.streets().get(j) + " 重复");
                }
            }
        }
        entityManager.createNativeQuery("delete from district").executeUpdate();
        for (int i = 0; i < list.size(); i++) {
            DistrictView district = list.get(i);
            entityManager.createNativeQuery("insert into district (name, position) values (?1, ?2)")
                    .setParameter(1, district.name().strip()).setParameter(2, i).executeUpdate();
            for (int j = 0; j < district.streets().size(); j++) {
                entityManager
                        .createNativeQuery("insert into street (district_name, name, position) values (?1, ?2, ?3)")
                        .setParameter(1, district.name().strip()).setParameter(2, district.streets().get(j).strip())
                        .setParameter(3, j).executeUpdate();
            }
        }
        districts.invalidate();
        return list;
    }

    private List<DistrictView> load() {
        List<Object[]> rows = QuarkusTransaction.joiningExisting().call(() -> entityManager.createNativeQuery(
                "select d.name, s.name from district d left join street s on s.district_name = d.name"
                        + " order by d.position, d.name, s.position, s.name",
                Object[].class).getResultList());
        Map<String, List<String>> streets = new LinkedHashMap<>();
        for (Object[] row : rows) {
            List<String> of = streets.computeIfAbsent((String) row[0], name -> new ArrayList<>());
            if (row[1] != null) {
                of.add((String) row[1]);
            }
        }
        return streets.entrySet().stream().map(e -> new DistrictView(e.getKey(), List.copyOf(e.getValue())))
                .toList();
    }
}
