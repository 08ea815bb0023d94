package org.hotline12345.security;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hotline12345.common.ConflictException;
import org.hotline12345.common.InvalidFieldException;
import org.hotline12345.common.ResourceNotFoundException;
import org.hotline12345.department.DepartmentDirectory;
import org.hotline12345.department.DepartmentView;
import org.hotline12345.user.AppUser;
import org.hotline12345.user.AppUserRepository;
import org.hotline12345.user.Role;

import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class UserService {

    @Inject
    AppUserRepository users;

    @Inject
    PasswordHasher hasher;

    @Inject
    SecurityConfig config;

    @Inject
    DepartmentDirectory departments;

    @Inject
    AccountEvents events;

    @Inject
    LoginThrottle throttle;

    @Inject
    Clock clock;

    @Transactional
    public UserView create(UserRequests.Create request) {
        if (users.findByUsername(request.username()).isPresent()) {
            throw new ConflictException("用户名 " + request.username() + " 已被使用");
        }
        requireStrong(request.password(), "password");
        Long departmentId = departmentFor(request.role(), request.departmentCode());
        AppUser user = new AppUser(request.username(), hasher.hash(request.password().toCharArray()),
                request.displayName().strip(), request.role(), departmentId, clock.instant());
        users.persist(user);
        return view(user);
    }

    @Transactional
    public UserView update(String username, UserRequests.Update request) {
        AppUser user = require(username);
        if (user.update(request.displayName().strip(), request.role(),
                departmentFor(request.role(), request.departmentCode()), request.active())) {
            events.changed(username);
        }
        return view(user);
    }

    @Transactional
    public void setPassword(String username, String password) {
        AppUser user = require(username);
        requireStrong(password, "password");
        user.changePassword(hasher.hash(password.toCharArray()));
        throttle.unlock(username);
        events.changed(username);
    }

    /**
     * Changes the actor's own password, which ends every session of theirs, and returns the new credential version,
     * with
     * which the page the change was made on carries on.
     */
    @Transactional
    public long changeOwnPassword(Actor actor, UserRequests.ChangeOwnPassword request) {
        AppUser user = require(actor.username());
        if (!hasher.verify(request.currentPassword().toCharArray(), user.getPasswordHash())) {
            throw InvalidFieldException.unacceptable("currentPassword", "matches", "当前密码不正确");
        }
        requireStrong(request.newPassword(), "newPassword");
        user.changePassword(hasher.hash(request.newPassword().toCharArray()));
        events.changed(actor.username());
        return user.getCredentialVersion();
    }

    /** 退出: ends every session of the user, on every instance; a copy of the cookie no longer signs anyone in. */
    @Transactional
    public void endSessions(String username) {
        require(username).endSessions();
        events.changed(username);
    }

    @Transactional
    public List<UserView> list() {
        return users.listAll(Sort.by("username")).stream().map(this::view).toList();
    }

    @Transactional
    public UserView get(String username) {
        return view(require(username));
    }

    private Long departmentFor(Role role, String departmentCode) {
        boolean hasCode = departmentCode != null && !departmentCode.isBlank();
        if (role == Role.DEPARTMENT_STAFF) {
            if (!hasCode) {
                throw InvalidFieldException.unacceptable("departmentCode", "required",
                        "承办单位人员须选择所属单位");
            }
            return departments.requireActive(departmentCode, "departmentCode").id();
        }
        if (hasCode) {
            throw InvalidFieldException.unacceptable("departmentCode", "absent",
                    "只有承办单位人员可以选择所属单位");
        }
        return null;
    }

    private void requireStrong(String password, String field) {
        if (password.length() < config.minimumPasswordLength()) {
            throw InvalidFieldException.unacceptable(field, "length",
                    "密码至少 " + config.minimumPasswordLength() + " 位");
        }
    }

    private AppUser require(String username) {
        return users.findByUsername(username).orElseThrow(() -> new ResourceNotFoundException("用户", username));
    }

    private UserView view(AppUser user) {
        DepartmentView department = user.getDepartmentId() == null
                ? null
                : departments.byId(user.getDepartmentId()).orElse(null);
        return new UserView(user.getUsername(), user.getDisplayName(), user.getRole(), department, user.isActive(),
                user.getCreatedAt());
    }
}
