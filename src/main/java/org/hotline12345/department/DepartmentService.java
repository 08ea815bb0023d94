package org.hotline12345.department;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hotline12345.common.ConflictException;
import org.hotline12345.common.ResourceNotFoundException;

@ApplicationScoped
public class DepartmentService {

    @Inject
    EntityManager entityManager;

    @Inject
    DepartmentDirectory directory;

    @Inject
    Clock clock;

    @Transactional
    public DepartmentView create(DepartmentRequest request) {
        requireNameFree(request.name(), null);
        if (findByCode(request.code()) != null) {
            throw new ConflictException("A department with code " + request.code() + " already exists");
        }
        Department department = new Department(request.code(), request.name().strip(), request.kind(),
                blankToNull(request.district()), clock.instant());
        entityManager.persist(department);
        directory.invalidate();
        return DepartmentView.of(department);
    }

    @Transactional
    public DepartmentView update(String code, DepartmentRequest request) {
        Department department = findByCode(code);
        if (department == null) {
            throw new ResourceNotFoundException("Department", code);
        }
        requireNameFree(request.name(), department.getId());
        department.update(request.name().strip(), request.kind(), blankToNull(request.district()),
                request.active() == null || request.active());
        directory.invalidate();
        return DepartmentView.of(department);
    }

    private void requireNameFree(String name, Long exceptId) {
        boolean taken = entityManager.createQuery("select d.id from Department d where d.name = :name", Long.class)
                .setParameter("name", name.strip()).getResultStream().anyMatch(id -> !id.equals(exceptId));
        if (taken) {
            throw new ConflictException("A department named " + name + " already exists");
        }
    }

    private Department findByCode(String code) {
        return entityManager.createQuery("from Department where code = :code", Department.class)
                .setParameter("code", code).getResultStream().findFirst().orElse(null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
