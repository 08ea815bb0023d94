package org.hotline12345.workorder;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.hotline12345.common.Page;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
public class WorkOrderRepository implements PanacheRepository<WorkOrder> {

    public Optional<WorkOrder> findByNumber(String number) {
        return find("number", number).firstResultOptional();
    }

    /** Loads and row-locks the work order, so that concurrent changes to it run one after another. */
    public Optional<WorkOrder> lockByNumber(String number) {
        return find("number", number).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public Page<WorkOrder> search(WorkOrderSearch search, Instant now, ZoneId zone, int page, int size) {
        WorkOrderSearch.Query query = search.toQuery(now, zone);
        Parameters parameters = new Parameters();
        query.parameters().forEach(parameters::and);
        PanacheQuery<WorkOrder> found = find("from WorkOrder w" + query.where() + " order by " + query.orderBy(),
                parameters).page(page, size);
        List<WorkOrder> items = found.list();
        // a short page that is not past the end tells the total without counting
        long total = items.size() < size && (page == 0 || !items.isEmpty())
                ? (long) page * size + items.size()
                : count("from WorkOrder w" + query.where(), parameters);
        return new Page<>(items, page, size, total);
    }
}
