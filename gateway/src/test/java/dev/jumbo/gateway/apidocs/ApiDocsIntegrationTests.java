package dev.jumbo.gateway.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jumbo.gateway.support.GatewayIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAPI document at {@code /api-docs} covers the contract, read from API.md itself. */
class ApiDocsIntegrationTests extends GatewayIntegrationTest {

    private static final Pattern OPERATION = Pattern.compile("`(GET|POST|PATCH|DELETE|PUT) (/[^`?\\s]*)");
    private static final Pattern STATUS = Pattern.compile("`(\\d{3})");
    private static final Set<String> PUBLIC_OPERATIONS = Set.of("post /api/v1/auth/signup", "post /api/v1/auth/login",
            "post /api/v1/auth/refresh", "post /api/v1/auth/logout", "get /api/v1/auth/jwks", "get /health");
    private final ObjectMapper json = JsonMapper.builder().build();

    @Test
    void shouldDocumentEveryOperationAndStatusOfApiMdWhenServingApiDocs() throws IOException {
        JsonNode document = apiDocs("/api-docs");
        List<DocumentedOperation> contract = contractOperations();
        assertThat(contract).as("operations read from API.md").hasSizeGreaterThanOrEqualTo(25);

        for (DocumentedOperation operation : contract) {
            JsonNode documented = document.path("paths").path(operation.path()).path(operation.method());
            assertThat(documented.isObject()).as("%s %s in /api-docs", operation.method(), operation.path()).isTrue();
            Set<String> statuses = new TreeSet<>(documented.path("responses").propertyNames());
            assertThat(statuses).as("statuses of %s %s", operation.method(), operation.path())
                    .containsAll(operation.statuses());
            if (!PUBLIC_OPERATIONS.contains(operation.method() + " " + operation.path())) {
                assertThat(statuses).as("%s %s needs a token", operation.method(), operation.path()).contains("401");
            }
            if (operation.path().startsWith("/api/v1/")) {
                assertThat(statuses).as("%s %s is rate limited", operation.method(), operation.path()).contains("429");
                assertThat(statuses).as("no 403 ever").doesNotContain("403");
            }
        }
    }

    @Test
    void shouldDocumentNothingBeyondApiMdWhenServingApiDocs() throws IOException {
        Set<String> contract = new TreeSet<>();
        contractOperations().forEach(operation -> contract.add(operation.method() + " " + operation.path()));
        Set<String> documented = new TreeSet<>();
        JsonNode paths = apiDocs("/api-docs").path("paths");
        for (String path : paths.propertyNames()) {
            for (String method : paths.path(path).propertyNames()) {
                documented.add(method + " " + path);
            }
        }

        assertThat(documented).isEqualTo(contract);
    }

    @Test
    void shouldServeSameDocumentWhenAskedForTheFile() throws IOException {
        assertThat(apiDocs("/api-docs/openapi.json").path("paths").propertyNames())
                .containsExactlyInAnyOrderElementsOf(apiDocs("/api-docs").path("paths").propertyNames());
    }

    @Test
    void shouldServeSwaggerUiPointingAtApiDocsWhenUiIsOpened() {
        String location = client.get().uri("/swagger-ui.html").exchange()
                .expectStatus().is3xxRedirection()
                .returnResult(Void.class).getResponseHeaders().getFirst(HttpHeaders.LOCATION);
        assertThat(location).contains("/swagger-ui/index.html");

        client.get().uri(location).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
        client.get().uri("/api-docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.url").isEqualTo("/api-docs");
    }

    private JsonNode apiDocs(String path) throws IOException {
        byte[] body = client.get().uri(path).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().returnResult().getResponseBodyContent();
        JsonNode document = json.readTree(body);
        assertThat(document.path("openapi").asString()).startsWith("3.");
        return document;
    }

    /** Every {@code METHOD /path} of API.md's tables and its health section, with the statuses named beside it. */
    static List<DocumentedOperation> contractOperations() throws IOException {
        List<DocumentedOperation> operations = new ArrayList<>();
        for (String line : Files.readAllLines(apiMd())) {
            Matcher operation = OPERATION.matcher(line);
            if (!line.startsWith("|") && !line.startsWith("`GET /health`") || !operation.find()) {
                continue;
            }
            Set<String> statuses = new TreeSet<>();
            Matcher status = STATUS.matcher(line.substring(operation.end()));
            while (status.find()) {
                statuses.add(status.group(1));
            }
            operations.add(new DocumentedOperation(operation.group(1).toLowerCase(Locale.ROOT), operation.group(2),
                    statuses));
        }
        return operations;
    }

    private static Path apiMd() {
        for (Path candidate : List.of(Path.of("../../shared/API.md"), Path.of("../shared/API.md"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("API.md not found beside the repository (../shared/API.md)");
    }

    record DocumentedOperation(String method, String path, Set<String> statuses) {
    }
}
