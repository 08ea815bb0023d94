package org.hotline12345.user;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.hotline12345.common.RefreshingValue;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * People as the pages name them: a user's display name for the username a record keeps ({@code inject:names.of(…)} in
 * a template). Read from the users table again every minute, so that a renamed user reads right everywhere soon after.
 */
@Named("names")
@ApplicationScoped
public class UserNames {

    @Inject
    AppUserRepository users;

    private final RefreshingValue<Map<String, String>> names = new RefreshingValue<>(Duration.ofMinutes(1),
            () -> QuarkusTransaction.requiringNew().call(() -> users.listAll().stream()
                    .collect(Collectors.toUnmodifiableMap(AppUser::getUsername, AppUser::getDisplayName))));

    /** Every user's display name by username. */
    public Map<String, String> all() {
        return names.get();
    }

    /** The display name of {@code username}; the username itself for one unknown here, {@code null} for none. */
    public String of(String username) {
        return username == null ? null : names.get().getOrDefault(username, username);
    }
}
