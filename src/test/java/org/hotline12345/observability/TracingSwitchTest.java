package org.hotline12345.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Traces are exported exactly where an OTLP endpoint is configured, unless the operator says otherwise. */
class TracingSwitchTest {

    @Test
    void offWithoutAnEndpoint() {
        assertThat(disabled(Map.of())).isTrue();
    }

    @Test
    void onWithAnEndpointForAllSignalsOrForTraces() {
        assertThat(disabled(Map.of("quarkus.otel.exporter.otlp.endpoint", "http://collector:4317"))).isFalse();
        assertThat(disabled(Map.of("quarkus.otel.exporter.otlp.traces.endpoint", "http://collector:4317"))).isFalse();
    }

    @Test
    void anEndpointOnlyAmongTheDefaultsIsNoEndpoint() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withInterceptors(new TracingSwitch())
                .withDefaultValue("quarkus.otel.exporter.otlp.endpoint", "http://localhost:4317")
                .withDefaultValue("quarkus.otel.sdk.disabled", "false").build();
        assertThat(config.getValue("quarkus.otel.sdk.disabled", Boolean.class)).isTrue();
    }

    @Test
    void theOperatorsExplicitChoiceWins() {
        assertThat(disabled(Map.of("quarkus.otel.sdk.disabled", "false"))).isFalse();
        assertThat(disabled(Map.of("quarkus.otel.sdk.disabled", "true", "quarkus.otel.exporter.otlp.endpoint",
                "http://collector:4317"))).isTrue();
    }

    private static boolean disabled(Map<String, String> environment) {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withInterceptors(new TracingSwitch())
                .withSources(new PropertiesConfigSource(environment, "environment", 300))
                .withDefaultValue("quarkus.otel.sdk.disabled", "false").build();
        return config.getValue("quarkus.otel.sdk.disabled", Boolean.class);
    }
}
