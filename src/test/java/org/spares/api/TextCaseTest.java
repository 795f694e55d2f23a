package org.spares.api;

import static org.assertj.core.api.Assertions.assertThat;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spares.config.SparesConfiguration;
import org.spares.domain.Lifecycle;
import org.spares.domain.Role;
import org.spares.support.ApiClient;
import org.spares.support.ApiClient.Reply;
import org.spares.support.Fixtures;
import org.spares.support.TestApp;


/**
 * One rule for text (docs/REFERENCE.md "Text and case"), the same on H2 and on MySQL/MariaDB (this class runs on whichever
 * database the tests are pointed at): filters and search ignore case, accents count, and skus are unique whatever
 * their case.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TextCaseTest {
    private static final TestApp APP = TestApp.create();
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();

    private ApiClient admin;

    @BeforeAll
    void setUp() {
        admin = APP.admin();
        Fixtures.depot(admin, "NYC");
        part("VS-1", "Valve seal", "Seals");
        part("CF-2", "Café filter", "Filters");
        part("mo-3", "Motor", "motors");
        Fixtures.receive(APP.client(APP.token(Role.MANAGER, "NYC")), "NYC", "VS-1", 3, 10.0);
    }

    @Test
    void partSearchAndCategoryIgnoreCase() {
        assertThat(skus("/api/v1/parts?q=valve")).containsExactly("VS-1");
        assertThat(skus("/api/v1/parts?q=VALVE")).containsExactly("VS-1");
        assertThat(skus("/api/v1/parts?q=vs-")).containsExactly("VS-1");
        assertThat(skus("/api/v1/parts?q=MO-3")).containsExactly("mo-3");
        assertThat(skus("/api/v1/parts?category=seals")).containsExactly("VS-1");
        assertThat(skus("/api/v1/parts?category=MOTORS")).containsExactly("mo-3");
    }

    @Test
    void accentsCount() {
        assertThat(skus("/api/v1/parts?q=CAF%C3%89")).containsExactly("CF-2");
        assertThat(skus("/api/v1/parts?q=cafe")).isEmpty();
    }

    @Test
    void skusAreOneWhateverTheirCase() {
        assertThat(admin.get("/api/v1/parts/vs-1").json().get("sku").asText()).isEqualTo("VS-1");
        Reply duplicate = admin.post("/api/v1/parts", Map.of("sku", "vs-1", "name", "Other", "category", "c",
                "unitCost", 1, "leadTimeDays", 1));
        assertThat(duplicate.status()).as(duplicate.body()).isEqualTo(409);
        assertThat(duplicate.error()).isEqualTo("CONFLICT");
        Reply twice = admin.send("POST", "/api/v1/parts/import", """
                sku,name,category,unitCost,holdingRate,leadTimeDays
                NEW-9,New,c,1,,1
                new-9,New again,c,1,,1
                """, Map.of("Content-Type", "text/csv"));
        assertThat(twice.status()).as(twice.body()).isEqualTo(422);
        assertThat(twice.body()).contains("duplicate of line 2");
    }

    @Test
    void stockMovementAndStatusFiltersIgnoreCase() {
        JsonNode stock = admin.get("/api/v1/stock?depot=nyc&sku=vs-1").json().get("items");
        assertThat(stock).hasSize(1);
        assertThat(stock.get(0).get("sku").asText()).isEqualTo("VS-1");
        assertThat(admin.get("/api/v1/movements?depot=nyc&sku=Vs-1&type=receipt").json().get("items")).hasSize(1);
        ApiClient manager = APP.client(APP.token(Role.MANAGER, "NYC"));
        assertThat(manager.get("/api/v1/movements?depot=nyc").status()).as("a code in any case is the depot")
                .isEqualTo(200);
        Reply held = manager.get("/api/v1/reservations?depot=Nyc&status=held");
        assertThat(held.status()).as(held.body()).isEqualTo(200);
    }

    private void part(String sku, String name, String category) {
        Reply reply = admin.post("/api/v1/parts", Map.of("sku", sku, "name", name, "category", category,
                "unitCost", 10, "leadTimeDays", 5));
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    }

    private List<String> skus(String path) {
        Reply reply = admin.get(path);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<String> skus = new ArrayList<>();
        reply.json().get("items").forEach(item -> skus.add(item.get("sku").asText()));
        return skus;
    }
}
