package org.hotline12345.department;

import static org.hotline12345.common.TextInput.blankToNull;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotline12345.common.ConflictException;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.ResourceNotFoundException;

@ApplicationScoped
public class DepartmentService {

    @Inject
    DepartmentRepository repository;

    @Inject
    DepartmentDirectory directory;

    @Inject
    Clock clock;

    @Transactional
    public DepartmentView create(DepartmentRequest request) {
        requireNameFree(request.name(), null);
        if (repository.findByCode(request.code()).isPresent()) {
            throw new ConflictException("单位代码 " + request.code() + " 已被使用");
        }
        Department department = new Department(request.code(), request.name().strip(), request.kind(),
                blankToNull(request.district()), parent(request, request.code()), blankToNull(request.phone()),
                clock.instant());
        repository.persist(department);
        directory.invalidate();
        return DepartmentView.of(department);
    }

    @Transactional
    public DepartmentView update(String code, DepartmentRequest request) {
        Department department = repository.findByCode(code)
                .orElseThrow(() -> new ResourceNotFoundException("承办单位", code));
        requireNameFree(request.name(), department.getId());
        department.update(request.name().strip(), request.kind(), blankToNull(request.district()),
                parent(request, code), blankToNull(request.phone()), request.active() == null || request.active());
        directory.invalidate();
        return DepartmentView.of(department);
    }

    /** The parent's code: an existing unit that is neither this one nor below it. */
    private String parent(DepartmentRequest request, String code) {
        String parent = blankToNull(request.parentCode());
        if (parent == null) {
            return null;
        }
        directory.byCode(parent).orElseThrow(() -> InvalidFieldException.unacceptable("parentCode", "exists",
                "没有代码为 " + parent + " 的单位"));
        for (String above = parent; above != null; above = directory.byCode(above).map(DepartmentView::parentCode)
                .orElse(null)) {
            if (above.equals(code)) {
                throw InvalidFieldException.unacceptable("parentCode", "acyclic", "上级单位不能是本单位或其下级单位");
            }
        }
        return parent;
    }

    private void requireNameFree(String name, Long exceptId) {
        boolean taken = repository.findByName(name.strip()).filter(d -> !d.getId().equals(exceptId)).isPresent();
        if (taken) {
            throw new ConflictException("已有名为 " + name + " 的单位");
        }
    }

}
