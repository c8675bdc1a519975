package app.spotter.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.spotter.server.support.ApiClient.Response;
import app.spotter.server.support.ServerTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenApiDocumentTest extends ServerTest {

    private OpenAPI parse() {
        Response r = api.get("/openapi.json", null);
        assertEquals(200, r.status());
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(r.raw());
        assertTrue(result.getMessages() == null || result.getMessages().isEmpty(),
                "the OpenAPI parser reported: " + result.getMessages());
        assertNotNull(result.getOpenAPI(), "no document parsed");
        return result.getOpenAPI();
    }

    @Test
    void theDocumentIsValidOpenApi3ForARealParser() {
        OpenAPI doc = parse();
        assertTrue(doc.getOpenapi().startsWith("3."), doc.getOpenapi());
        assertNotNull(doc.getComponents().getSecuritySchemes().get("bearerAuth"));
        assertNotNull(doc.getComponents().getSchemas().get("ApiError"));
    }

    @Test
    void everyServedRouteIsDescribed() {
        OpenAPI doc = parse();
        List<Endpoint> endpoints = server.app().routes().endpoints();
        assertTrue(endpoints.size() > 5);
        for (Endpoint e : endpoints) {
            PathItem item = doc.getPaths().get(e.path());
            assertNotNull(item, "missing path " + e.path());
            Operation op = item.readOperationsMap().get(PathItem.HttpMethod.valueOf(e.method().name()));
            assertNotNull(op, "missing operation " + e);
            assertNotNull(op.getResponses().get("400"), "no error response for " + e);
        }
    }

    @Test
    void declaredBodiesBecomeSchemasWithTheirFields() {
        OpenAPI doc = parse();
        var login = doc.getPaths().get("/api/v1/auth/login").getPost();
        String ref = login.getRequestBody().getContent().get("application/json").getSchema().get$ref();
        assertEquals("#/components/schemas/AuthLoginRequest", ref);
        var schema = doc.getComponents().getSchemas().get("AuthLoginRequest");
        assertTrue(schema.getProperties().containsKey("email"));
        assertTrue(schema.getProperties().containsKey("password"));
    }
}
