package dev.jumbo.gateway.apidocs;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Makes {@code /api-docs} (and the Swagger UI at {@code /swagger-ui.html}) show the public API of API.md:
 * the hand-written {@code static/api-docs/openapi.json} replaces what springdoc would generate from the
 * gateway's own few controllers. The document is also served as it is at {@code /api-docs/openapi.json}.
 */
@Component
public class PublicApiDocument implements OpenApiCustomizer {

    static final String LOCATION = "static/api-docs/openapi.json";

    private final OpenAPI document;

    public PublicApiDocument() {
        try (InputStream in = new ClassPathResource(LOCATION).getInputStream()) {
            this.document = Json.mapper().readValue(in, OpenAPI.class);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read the OpenAPI document " + LOCATION, e);
        }
    }

    @Override
    public void customise(OpenAPI openApi) {
        openApi.setOpenapi(document.getOpenapi());
        openApi.setInfo(document.getInfo());
        openApi.setServers(document.getServers());
        openApi.setTags(document.getTags());
        openApi.setSecurity(document.getSecurity());
        openApi.setPaths(document.getPaths());
        openApi.setComponents(document.getComponents());
    }
}
