package org.hotline12345.observability;

import jakarta.annotation.Priority;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;

/**
 * Traces are exported only where an OTLP endpoint is configured: unless {@code quarkus.otel.sdk.disabled} is set
 * explicitly, the OpenTelemetry SDK is off while neither {@code quarkus.otel.exporter.otlp.endpoint} nor
 * {@code quarkus.otel.exporter.otlp.traces.endpoint} is set, so that a service without a collector neither tries to
 * reach localhost:4317 nor logs that it cannot.
 */
@Priority(Priorities.APPLICATION)
public class TracingSwitch implements ConfigSourceInterceptor {

    static final String DISABLED = "quarkus.otel.sdk.disabled";
    static final String[] ENDPOINTS = {"quarkus.otel.exporter.otlp.endpoint",
            "quarkus.otel.exporter.otlp.traces.endpoint"};

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (!DISABLED.equals(name) || setByOperator(value)) {
            return value;
        }
        boolean endpoint = false;
        for (String key : ENDPOINTS) {
            ConfigValue configured = context.proceed(key);
            endpoint |= setByOperator(configured) && !configured.getValue().isBlank();
        }
        String disabled = Boolean.toString(!endpoint);
        return value == null
                ? ConfigValue.builder().withName(name).withValue(disabled).withConfigSourceName("TracingSwitch")
                        .build()
                : value.withValue(disabled);
    }

    /**
     * Set in a real source (application.properties, environment, system properties), not one of the defaults, whose
     * ordinals are below zero.
     */
    private static boolean setByOperator(ConfigValue value) {
        return value != null && value.getValue() != null && value.getConfigSourceOrdinal() > 0;
    }
}
