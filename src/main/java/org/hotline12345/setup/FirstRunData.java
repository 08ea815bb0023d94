package org.hotline12345.setup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotline12345.area.AreaDirectory;
import org.hotline12345.area.DistrictView;
import org.hotline12345.category.Category;
import org.hotline12345.category.CategoryDirectory;
import org.hotline12345.category.CategoryRepository;
import org.hotline12345.department.Department;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.DepartmentKind;
import org.hotline12345.department.DepartmentRepository;
import org.hotline12345.dispatch.RuleCsv;
import org.hotline12345.dispatch.RuleService;
import org.hotline12345.security.Actor;
import org.hotline12345.security.PasswordHasher;
import org.hotline12345.user.AppUser;
import org.hotline12345.user.AppUserRepository;
import org.hotline12345.user.Role;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Fills an empty database with what a newcomer needs to try the service: the departments of a mid-size city, a
 * three-level category taxonomy, a responsibility list and one demo user per role (seed/*.csv). Runs only when enabled
 * and only once: a
 * database that has departments is left alone.
 */
@ApplicationScoped
public class FirstRunData {

    private static final Logger LOG = Logger.getLogger(FirstRunData.class);

    @Inject
    FirstRunConfig config;

    @Inject
    DepartmentRepository departmentRepository;

    @Inject
    CategoryRepository categoryRepository;

    @Inject
    AppUserRepository userRepository;

    @Inject
    PasswordHasher hasher;

    @Inject
    DepartmentDirectory departments;

    @Inject
    CategoryDirectory categories;

    @Inject
    RuleService rules;

    @Inject
    AreaDirectory areas;

    @Inject
    Clock clock;

    @Transactional
    void onStart(@Observes StartupEvent event) {
        if (config.enabled()) {
            load();
            loadAreas();
        }
    }

    /**
     * The demo city's districts and streets (seed/areas.csv), into a database that has none; also into one whose
     * first-run data predates them.
     */
    @Transactional
    public void loadAreas() {
        if (!areas.all().isEmpty()) {
            return;
        }
        Map<String, List<String>> streets = new LinkedHashMap<>();
        for (String[] row : rows("seed/areas.csv")) {
            streets.computeIfAbsent(row[0], district -> new ArrayList<>()).add(row[1]);
        }
        areas.replace(streets.entrySet().stream().map(e -> new DistrictView(e.getKey(), e.getValue())).toList());
        LOG.infof("First-run data: %d districts with their streets", streets.size());
    }

    /** Loads the seed data unless departments exist already; returns whether it did. */
    @Transactional
    public boolean load() {
        if (departmentRepository.count() > 0) {
            return false;
        }
        Instant now = clock.instant();
        Map<String, Long> departmentIds = new HashMap<>();
        List<String[]> departmentRows = rows("seed/departments.csv");
        // a street office belongs to its district's government
        Map<String, String> governments = new HashMap<>();
        for (String[] row : departmentRows) {
            if (DepartmentKind.valueOf(row[2]) == DepartmentKind.DISTRICT_GOVERNMENT) {
                governments.put(row[3], row[0]);
            }
        }
        for (String[] row : departmentRows) {
            String district = row.length > 3 && !row[3].isBlank() ? row[3] : null;
            String parent = DepartmentKind.valueOf(row[2]) == DepartmentKind.STREET_OFFICE
                    ? governments.get(district)
                    : null;
            Department department = new Department(row[0], row[1], DepartmentKind.valueOf(row[2]), district, parent,
                    null, now);
            departmentRepository.persist(department);
            departmentIds.put(department.getCode(), department.getId());
        }
        Map<String, Category> byCode = new HashMap<>();
        for (String[] row : rows("seed/categories.csv")) {
            Category category = new Category(row[0], row[1],
                    row.length > 2 && !row[2].isBlank() ? byCode.get(row[2]) : null);
            categoryRepository.persist(category);
            byCode.put(category.getCode(), category);
        }
        List<String[]> users = rows("seed/users.csv");
        for (String[] row : users) {
            Long departmentId = row.length > 3 && !row[3].isBlank() ? departmentIds.get(row[3]) : null;
            String password = hasher.hash(config.demoPassword().toCharArray());
            userRepository.persist(new AppUser(row[0], password, row[1], Role.valueOf(row[2]), departmentId, now));
        }
        departments.invalidate();
        categories.invalidate();
        int ruleCount = loadResponsibilityList();
        LOG.infof("First-run data loaded: %d departments, %d categories, %d responsibility rules, %d demo users"
                + " (password: see README)", departmentIds.size(), byCode.size(), ruleCount, users.size());
        return true;
    }

    /** A responsibility list for the demo city, written through the same checks as an administrator's rules. */
    private int loadResponsibilityList() {
        Actor seed = new Actor(0, "first-run-data", "初始数据", Role.ADMIN, null);
        try (InputStream in = resource("seed/responsibility-rules.csv")) {
            List<RuleCsv.Row> rows = RuleCsv.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            for (RuleCsv.Row row : rows) {
                if (row.problem() != null) {
                    throw new IllegalStateException("seed/responsibility-rules.csv line " + row.line() + ": "
                            + row.problem().getMessage());
                }
                rules.upsert(row.request(), seed);
            }
            return rows.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuleCsv.RowException e) {
            throw new IllegalStateException("seed/responsibility-rules.csv: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = FirstRunData.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the classpath");
        }
        return in;
    }

    /** Data rows of a simple CSV (no quoting: the seed files contain no commas in values). */
    private static List<String[]> rows(String resource) {
        try (InputStream in = resource(resource)) {
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .skip(1)
                    .filter(line -> !line.isBlank())
                    .map(line -> line.split(",", -1))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
