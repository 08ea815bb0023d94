package org.hotline12345.dispatch;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class DispatchModelRepository implements PanacheRepository<DispatchModel> {

    public Optional<DispatchModel> newest(ModelKind kind) {
        return find("kind = ?1 order by version desc", kind).firstResultOptional();
    }

    public int newestVersion(ModelKind kind) {
        Integer version = getEntityManager()
                .createQuery("select max(m.version) from DispatchModel m where m.kind = ?1", Integer.class)
                .setParameter(1, kind).getSingleResult();
        return version == null ? 0 : version;
    }
}
