package org.hotline12345.businessdesk;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The desk's repositories. */
final class DeskRepositories {

    private DeskRepositories() {
    }

    @ApplicationScoped
    static class Enterprises implements PanacheRepository<EnterpriseProfile> {
        Optional<EnterpriseProfile> byCreditCode(String code) {
            return find("creditCode", code).firstResultOptional();
        }
    }

    @ApplicationScoped
    static class Environments implements PanacheRepositoryBase<DeskEnvironment, String> {
        List<DeskEnvironment> inOrder() {
            return list("order by position");
        }
    }

    @ApplicationScoped
    static class IssueKinds implements PanacheRepositoryBase<IssueKind, String> {
        List<IssueKind> inOrder() {
            return list("order by environment.position, code");
        }
    }

    @ApplicationScoped
    static class Entries implements PanacheRepository<LedgerEntry> {
        Optional<LedgerEntry> byWorkOrderId(long workOrderId) {
            return find("workOrderId", workOrderId).firstResultOptional();
        }

        List<LedgerEntry> byEnterprise(long enterpriseId) {
            return list("enterprise.id = ?1 order by createdAt desc", enterpriseId);
        }
    }

    @ApplicationScoped
    static class Notes implements PanacheRepository<LedgerNote> {
        List<LedgerNote> of(long entryId) {
            return list("entryId = ?1 order by writtenAt, id", entryId);
        }
    }

    @ApplicationScoped
    static class Referrals implements PanacheRepository<Referral> {
        List<Referral> of(long entryId) {
            return list("entryId = ?1 order by proposedAt", entryId);
        }
    }
}
