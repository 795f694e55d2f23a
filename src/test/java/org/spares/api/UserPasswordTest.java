package org.spares.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.spares.config.SparesConfiguration;
import org.spares.domain.Role;
import org.spares.service.UserService;
import org.spares.service.UserService.CreatedUser;
import org.spares.service.UserService.NewUser;
import org.spares.support.ApiClient;
import org.spares.support.ApiClient.Reply;
import org.spares.support.TestApp;
import org.spares.support.TestServices;

/** POST /api/v1/users/{id}/password over real HTTP, and the stored answer of a replay. */
@ExtendWith(DropwizardExtensionsSupport.class)
class UserPasswordTest {
    private static final TestApp APP = TestApp.create();
    @RegisterExtension
    static final DropwizardAppExtension<SparesConfiguration> EXTENSION = APP.extension();

    private static final String FIRST = "first password 1";
    private static final String SECOND = "second password 2";

    private static UserService users() {
        return TestServices.services(TestServices.transactions(APP.jdbi()), Clock.systemUTC()).users();
    }

    private static CreatedUser user(String name, Role role) {
        return users().createByOperator(new NewUser(name, role, List.of()));
    }

    private static String path(long id) {
        return "/api/v1/users/" + id + "/password";
    }

    @Test
    void selfChangeNeedsTheRightOldPassword() {
        CreatedUser finance = user("fiona", Role.FINANCE);
        users().setPasswordByOperator(finance.id(), FIRST);
        ApiClient client = APP.client(finance.token());

        Reply wrong = client.post(path(finance.id()), Map.of("password", SECOND, "oldPassword", "not the one!"));
        assertThat(wrong.status()).as(wrong.toString()).isEqualTo(403);
        Reply missing = client.post(path(finance.id()), Map.of("password", SECOND));
        assertThat(missing.status()).as(missing.toString()).isEqualTo(403);
        assertThat(users().verify("fiona", SECOND)).isEmpty();

        Reply right = client.post(path(finance.id()), Map.of("password", SECOND, "oldPassword", FIRST));
        assertThat(right.status()).as(right.toString()).isEqualTo(204);
        assertThat(users().verify("fiona", SECOND)).map(found -> found.id()).contains(finance.id());
        assertThat(users().verify("fiona", FIRST)).isEmpty();
        assertThat(users().verify("nobody-of-that-name", SECOND)).isEmpty();
    }

    @Test
    void adminSetsAnothersWithoutTheOldOneAndRevokedUsersNeverVerify() {
        CreatedUser finance = user("frank", Role.FINANCE);
        ApiClient admin = APP.admin();

        Reply set = admin.post(path(finance.id()), Map.of("password", FIRST));
        assertThat(set.status()).as(set.toString()).isEqualTo(204);
        assertThat(users().verify("frank", FIRST)).isPresent();

        assertThat(admin.delete("/api/v1/users/" + finance.id()).status()).isEqualTo(204);
        assertThat(users().verify("frank", FIRST)).isEmpty();
    }

    @Test
    void technicianChangingSomeoneElseIsForbidden() {
        CreatedUser finance = user("faye", Role.FINANCE);
        assertThat(APP.admin().post("/api/v1/depots", Map.of("code", "NYC", "name", "New York",
                "targetTurnaroundHours", 48, "meanRepairHours", 8)).status()).isEqualTo(201);
        ApiClient technician = APP.client(APP.token(Role.TECHNICIAN, "NYC"));

        Reply refused = technician.post(path(finance.id()), Map.of("password", FIRST, "oldPassword", FIRST));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
    }

    @Test
    void tooShortIs400NamingPasswordAndUnknownIdIs404() {
        ApiClient admin = APP.admin();
        Reply tooShort = admin.post(path(1), Map.of("password", "short"));
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.error()).isEqualTo("VALIDATION_FAILED");
        assertThat(tooShort.body()).contains("password").doesNotContain("short\"");

        Reply unknown = admin.post(path(999_999), Map.of("password", FIRST));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
    }

    @Test
    void replayAnswersTheSameAndStoresNoSecret() {
        CreatedUser finance = user("fred", Role.FINANCE);
        ApiClient admin = APP.admin();
        String key = "password-replay-1";

        Reply first = admin.post(path(finance.id()), Map.of("password", FIRST), key);
        Reply replay = admin.post(path(finance.id()), Map.of("password", FIRST), key);
        assertThat(first.status()).as(first.toString()).isEqualTo(204);
        assertThat(replay.status()).isEqualTo(204);
        assertThat(replay.body()).isEqualTo(first.body());

        Map<String, Object> row = APP.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT request_hash, response_body, response_location FROM idempotency_keys"
                        + " WHERE idempotency_key = :key").bind("key", key).mapToMap().one());
        assertThat(row.toString()).doesNotContain(FIRST).doesNotContain("password\"");
        assertThat(String.valueOf(row.get("response_body"))).isEqualTo("null");
    }
}
