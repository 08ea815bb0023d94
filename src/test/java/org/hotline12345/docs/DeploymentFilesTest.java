package org.hotline12345.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The deployment files, validated offline: docker/city/compose.yaml through Debian's docker-compose
 * ({@code docker-compose config}) and the Kubernetes manifests of deploy/k8s parsed for the fields a city needs; in
 * both,
 * every {@code HOTLINE_*} variable set must be a configuration key of the service.
 */
class DeploymentFilesTest {

    private static final Path COMPOSE = Path.of("docker/city/compose.yaml");
    private static final Path MANIFESTS = Path.of("deploy/k8s");
    private static final Path PROPERTIES = Path.of("src/main/resources/application.properties");
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String SESSION_KEY = "compose-test-session-key-0123456789abcdef";

    private static List<Pattern> variables;

    @BeforeAll
    static void configurationKeys() throws IOException {
        variables = new ArrayList<>();
        for (String key : ConfigurationReferenceTest.keyNames()) {
            StringBuilder regex = new StringBuilder();
            Matcher chosen = Pattern.compile("<[^>]+>").matcher(key);
            int at = 0;
            while (chosen.find()) {
                regex.append(Pattern.quote(variable(key.substring(at, chosen.start())))).append("[A-Z0-9_]+");
                at = chosen.end();
            }
            regex.append(Pattern.quote(variable(key.substring(at))));
            variables.add(Pattern.compile(regex.toString()));
        }
        assertThat(variables).as("the configuration keys").hasSizeGreaterThan(50);
        // and the variables application.properties reads itself, e.g. ${HOTLINE_SESSION_KEY:}
        Matcher read = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]")
                .matcher(Files.readString(PROPERTIES, StandardCharsets.UTF_8));
        while (read.find()) {
            variables.add(Pattern.compile(Pattern.quote(read.group(1))));
        }
    }

    @Test
    void theCityComposeFileIsValidAndSetsOnlyRealKeys() throws Exception {
        String compose = dockerCompose();
        Run valid = run(List.of(compose, "-f", COMPOSE.toString(), "config"), requiredVariables());
        assertThat(valid.exitCode()).as(valid.output()).isZero();
        JsonNode services = YAML.readTree(valid.output()).path("services");
        assertThat(names(services)).contains("postgres", "elasticsearch", "asterisk", "hotline-1", "hotline-2",
                "nginx", "prometheus", "grafana");
        assertThat(services.path("postgres").path("image").asText()).startsWith("postgres:17");

        for (String instance : List.of("hotline-1", "hotline-2")) {
            JsonNode environment = services.path(instance).path("environment");
            assertThat(environment.path("HOTLINE_SESSION_KEY").asText()).as(instance).isEqualTo(SESSION_KEY);
            assertThat(volumes(services.path(instance))).as(instance).contains("attachments:/attachments");
            assertThat(environment.path("HOTLINE_ATTACHMENTS_DIRECTORY").asText()).isEqualTo("/attachments");
        }
        List<String> unknown = new ArrayList<>();
        for (String service : names(services)) {
            services.path(service).path("environment").fieldNames().forEachRemaining(name -> {
                if (name.startsWith("HOTLINE_") && !isConfigurationVariable(name)) {
                    unknown.add(service + ": " + name);
                }
            });
        }
        assertThat(unknown).as("HOTLINE_* variables that no configuration key reads").isEmpty();

        assertThat(volumes(services.path("nginx")))
                .anyMatch(volume -> volume.endsWith("/nginx.conf:/etc/nginx/conf.d/default.conf"));
        String nginx = Files.readString(COMPOSE.resolveSibling("nginx.conf"), StandardCharsets.UTF_8);
        assertThat(nginx).contains("server hotline-1:8080").contains("server hotline-2:8080")
                .contains("proxy_set_header Upgrade $http_upgrade")
                .contains("proxy_set_header Connection $connection_upgrade");
        JsonNode prometheus = YAML.readTree(COMPOSE.resolveSibling("prometheus.yml").toFile());
        assertThat(prometheus.at("/scrape_configs/0/metrics_path").asText()).isEqualTo("/q/metrics");
        assertThat(prometheus.at("/scrape_configs/0/static_configs/0/targets").toString())
                .contains("hotline-1:8080").contains("hotline-2:8080");
        assertThat(volumes(services.path("grafana")))
                .anyMatch(volume -> volume.endsWith("/docker/grafana/dashboards:/var/lib/grafana/dashboards"));

        // the session key is required: without it the file does not even validate
        Map<String, String> withoutKey = requiredVariables();
        withoutKey.remove("HOTLINE_SESSION_KEY");
        Run refused = run(List.of(compose, "-f", COMPOSE.toString(), "config"), withoutKey);
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("HOTLINE_SESSION_KEY");
    }

    @Test
    void theKubernetesManifestsHaveWhatACityNeedsAndSetOnlyRealKeys() throws IOException {
        Map<String, JsonNode> resources = new HashMap<>();
        try (Stream<Path> files = Files.list(MANIFESTS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                ObjectReader reader = YAML.readerFor(JsonNode.class);
                try (var documents = reader.readValues(new YAMLFactory().createParser(file.toFile()))) {
                    while (documents.hasNext()) {
                        JsonNode resource = (JsonNode) documents.next();
                        assertThat(resource.path("apiVersion").asText()).as(file + " apiVersion").isNotBlank();
                        resources.put(resource.path("kind").asText() + "/" + resource.at("/metadata/name").asText(),
                                resource);
                    }
                }
            }
        }
        assertThat(resources).containsKeys("Deployment/hotline", "Service/hotline", "PodDisruptionBudget/hotline",
                "Secret/hotline-session", "Cluster/hotline-db", "Pooler/hotline-db-pooler-rw",
                "Elasticsearch/hotline-es");

        JsonNode deployment = resources.get("Deployment/hotline");
        assertThat(deployment.at("/spec/replicas").asInt()).isGreaterThanOrEqualTo(2);
        JsonNode labels = deployment.at("/spec/template/metadata/labels");
        assertThat(deployment.at("/spec/selector/matchLabels")).isEqualTo(labels);
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/q/health/ready");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/q/health/live");
        assertThat(container.at("/resources/requests/cpu").asText()).isNotBlank();
        assertThat(container.at("/resources/requests/memory").asText()).isNotBlank();
        assertThat(container.at("/resources/limits/memory").asText()).isNotBlank();
        Map<String, JsonNode> environment = new HashMap<>();
        container.path("env").forEach(variable -> environment.put(variable.path("name").asText(), variable));
        for (String secret : List.of("HOTLINE_SESSION_KEY", "QUARKUS_DATASOURCE_USERNAME",
                "QUARKUS_DATASOURCE_PASSWORD")) {
            assertThat(environment.get(secret)).as(secret).isNotNull();
            assertThat(environment.get(secret).at("/valueFrom/secretKeyRef/name").asText())
                    .as(secret + " from a Secret")
                    .isNotBlank();
            assertThat(environment.get(secret).has("value")).as(secret + " never written in the manifest").isFalse();
        }
        assertThat(environment.get("HOTLINE_DATABASE_LISTENER_JDBC_URL").path("value").asText())
                .as("the listeners bypass the pooler").contains("hotline-db-rw").doesNotContain("pooler");
        assertThat(environment.get("QUARKUS_DATASOURCE_JDBC_URL").path("value").asText())
                .contains("hotline-db-pooler-rw");
        assertThat(environment.keySet().stream().filter(name -> name.startsWith("HOTLINE_"))
                .filter(name -> !isConfigurationVariable(name)).toList())
                .as("HOTLINE_* variables that no configuration key reads").isEmpty();

        assertThat(resources.get("Service/hotline").at("/spec/selector")).isEqualTo(labels);
        JsonNode budget = resources.get("PodDisruptionBudget/hotline");
        assertThat(budget.at("/spec/selector/matchLabels")).isEqualTo(labels);
        assertThat(budget.at("/spec/maxUnavailable").isMissingNode() && budget.at("/spec/minAvailable").isMissingNode())
                .as("a budget").isFalse();
        assertThat(resources.get("Secret/hotline-session").at("/stringData/session-key").isMissingNode()).isFalse();

        JsonNode cluster = resources.get("Cluster/hotline-db");
        assertThat(cluster.path("apiVersion").asText()).isEqualTo("postgresql.cnpg.io/v1");
        assertThat(cluster.at("/spec/instances").asInt()).as("a primary and standbys").isGreaterThanOrEqualTo(2);
        assertThat(cluster.at("/spec/imageName").asText()).contains(":17");
        assertThat(cluster.at("/spec/backup/barmanObjectStore/destinationPath").asText()).isNotBlank();
        JsonNode pooler = resources.get("Pooler/hotline-db-pooler-rw");
        assertThat(pooler.at("/spec/cluster/name").asText()).isEqualTo("hotline-db");
        assertThat(pooler.at("/spec/pgbouncer/poolMode").asText()).isEqualTo("transaction");
        JsonNode elasticsearch = resources.get("Elasticsearch/hotline-es");
        assertThat(elasticsearch.path("apiVersion").asText()).isEqualTo("elasticsearch.k8s.elastic.co/v1");
        assertThat(elasticsearch.at("/spec/nodeSets/0/count").asInt()).isGreaterThanOrEqualTo(3);
    }

    private static boolean isConfigurationVariable(String name) {
        return variables.stream().anyMatch(pattern -> pattern.matcher(name).matches());
    }

    /** MicroProfile Config's rule: every character but letters and digits becomes _, upper case. */
    private static String variable(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static Map<String, String> requiredVariables() {
        Map<String, String> required = new HashMap<>();
        required.put("POSTGRES_PASSWORD", "compose-test");
        required.put("HOTLINE_ADMIN_PASSWORD", "compose-test");
        required.put("AMI_PASSWORD", "ComposeTest1");
        required.put("GRAFANA_PASSWORD", "compose-test");
        required.put("HOTLINE_SESSION_KEY", SESSION_KEY);
        return required;
    }

    private static String dockerCompose() {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(directory, "docker-compose");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        if ("true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI needs docker-compose (Debian's package, installed by .ci/run)");
        }
        Assumptions.abort("docker-compose is not installed (apt-get install docker-compose): compose file not checked");
        return null;
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** source:target of each volume, from the short syntax (docker-compose 1) or the long one (Compose 2). */
    private static List<String> volumes(JsonNode service) {
        List<String> volumes = new ArrayList<>();
        for (JsonNode volume : service.path("volumes")) {
            if (volume.isTextual()) {
                String[] parts = volume.asText().split(":");
                volumes.add(parts[0] + ":" + parts[1]);
            } else {
                volumes.add(volume.path("source").asText() + ":" + volume.path("target").asText());
            }
        }
        return volumes;
    }

    record Run(int exitCode, String output) {
    }

    private static Run run(List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("HOTLINE_") || name.endsWith("_PASSWORD"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        return new Run(process.exitValue(), output);
    }
}
