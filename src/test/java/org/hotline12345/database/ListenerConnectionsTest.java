package org.hotline12345.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.hotline12345.cluster.ClusterEvents;
import org.hotline12345.support.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The LISTEN connections behind a pooler in transaction mode: with {@code hotline.database.listener.jdbc-url} the
 * listener holds its own session on that URL and still receives what the service publishes through the pool.
 */
@QuarkusTest
class ListenerConnectionsTest extends DatabaseTest {

    private static final String NAME = "hotline-listener-test";

    @Inject
    ListenerConnections configured;

    @Inject
    DataSource dataSource;

    @Inject
    ClusterEvents events;

    @Test
    void withoutADirectUrlTheListenersUseTheDatasource() throws Exception {
        try (Connection connection = configured.open()) {
            assertThat(connection.getAutoCommit()).isTrue();
            assertThat(applicationName(connection)).isNotEqualTo(NAME);
        }
    }

    @Test
    void aListenerOnTheDirectUrlReceivesWhatIsPublishedThroughThePool() throws Exception {
        ListenerConnections direct = new ListenerConnections();
        direct.dataSource = dataSource;
        direct.username = ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.username", String.class);
        direct.password = ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.password", String.class);
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        direct.config = () -> Optional.of(url + (url.contains("?") ? "&" : "?") + "ApplicationName=" + NAME);

        try (Connection listener = direct.open(); Statement statement = listener.createStatement()) {
            assertThat(applicationName(listener)).isEqualTo(NAME);
            statement.execute("listen drill_direct");
            events.publish("drill_direct", "通知 1");

            PGNotification[] received = listener.unwrap(PGConnection.class).getNotifications(10_000);
            assertThat(received).isNotNull().singleElement().satisfies(notification -> {
                assertThat(notification.getName()).isEqualTo("drill_direct");
                assertThat(notification.getParameter()).isEqualTo("通知 1");
            });
            // the listening session is the direct one, not a pooled connection
            try (Connection pooled = dataSource.getConnection();
                    PreparedStatement sessions = pooled.prepareStatement(
                            "select count(*) from pg_stat_activity where application_name = ? and pid <> pg_backend_pid()")) {
                sessions.setString(1, NAME);
                try (ResultSet rows = sessions.executeQuery()) {
                    rows.next();
                    assertThat(rows.getInt(1)).isEqualTo(1);
                }
                assertThat(applicationName(pooled)).isNotEqualTo(NAME);
            }
        }
    }

    private static String applicationName(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select current_setting('application_name')")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
