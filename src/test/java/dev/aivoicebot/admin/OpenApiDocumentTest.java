package dev.aivoicebot.admin;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;

import dev.aivoicebot.ManagementInterface;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes the calls API and its bearer key; it is on the management port only. */
@QuarkusTest
@TestProfile(ArchiveTestProfile.class)
class OpenApiDocumentTest {

    @Test
    void theDocumentListsBothEndpointsWithTheBearerScheme() {
        ManagementInterface.given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/calls"))
                .body("paths", hasKey("/api/calls/{callSid}"))
                .body("paths.'/api/calls'.get.parameters.name", hasItem("endReason"))
                .body("paths.'/api/calls'.get.responses", hasKey("400"))
                .body("paths.'/api/calls/{callSid}'.get.responses", hasKey("404"))
                .body("components.securitySchemes.adminKey.type", equalTo("http"))
                .body("components.securitySchemes.adminKey.scheme", equalTo("bearer"))
                .body("paths.'/api/calls'.get.security[0]", hasKey("adminKey"));
    }

    @Test
    void thePublicPortDoesNotServeIt() {
        RestAssured.given().get("/q/openapi").then().statusCode(404);
    }
}
