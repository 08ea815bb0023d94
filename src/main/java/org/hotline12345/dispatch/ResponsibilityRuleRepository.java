package org.hotline12345.dispatch;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class ResponsibilityRuleRepository implements PanacheRepository<ResponsibilityRule> {

    /** The latest version of a rule, locked: versions of one rule are written one at a time. */
    public Optional<ResponsibilityRule> latestForUpdate(long ruleId) {
        return find("ruleId = ?1 order by version desc", ruleId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public List<ResponsibilityRule> versions(long ruleId) {
        return list("ruleId = ?1 order by version desc", ruleId);
    }

    /** A version of another rule for the same category and area whose period overlaps {@code from}..{@code to}. */
    public Optional<ResponsibilityRule> overlapping(long categoryId, String district, String street, LocalDate from,
            LocalDate to, long exceptRuleId) {
        String sameKey = "categoryId = :category and coalesce(district, '') = :district"
                + " and coalesce(street, '') = :street and withdrawn = false and ruleId <> :rule"
                + " and (effectiveTo is null or effectiveTo > :from)";
        Parameters parameters = Parameters.with("category", categoryId)
                .and("district", district == null ? "" : district)
                .and("street", street == null ? "" : street).and("rule", exceptRuleId).and("from", from);
        if (to == null) {
            return find(sameKey, parameters).firstResultOptional();
        }
        return find(sameKey + " and effectiveFrom < :to", parameters.and("to", to)).firstResultOptional();
    }

    /** The latest version of the rule for this category and area, if there is one. */
    public Optional<ResponsibilityRule> latestForKey(long categoryId, String district, String street) {
        return find("categoryId = ?1 and coalesce(district, '') = ?2 and coalesce(street, '') = ?3"
                + " order by ruleId desc, version desc", categoryId, district == null ? "" : district,
                street == null ? "" : street).firstResultOptional();
    }

    public long nextRuleId() {
        return ((Number) getEntityManager().createNativeQuery("select nextval('responsibility_rule_number_seq')")
                .getSingleResult()).longValue();
    }
}
