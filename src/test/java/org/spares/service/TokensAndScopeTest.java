package org.spares.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.spares.domain.Caller;
import org.spares.domain.DomainException;
import org.spares.domain.Role;
import org.spares.service.Tokens;


class TokensAndScopeTest {
    @Test
    void tokensAreLongRandomAndStoredAsSha256() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            tokens.add(Tokens.newToken());
        }
        assertThat(tokens).hasSize(1000);
        String token = tokens.iterator().next();
        assertThat(token.length()).isGreaterThanOrEqualTo(3 + 43); // 256 bits in base64url
        assertThat(Tokens.hash(token)).hasSize(64).isEqualTo(Tokens.hash(token)).doesNotContain(token);
        assertThat(Tokens.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void depotScopeFollowsRoleAndList() {
        Caller finance = new Caller(1, "f", Role.FINANCE, Set.of());
        Caller manager = new Caller(2, "m", Role.MANAGER, Set.of("NYC"));
        Caller unscopedManager = new Caller(3, "m", Role.MANAGER, Set.of());
        assertThat(finance.canSee("ANY")).isTrue();
        assertThat(finance.depotFilter()).isNull();
        assertThat(manager.canSee("NYC")).isTrue();
        assertThat(manager.canSee("BOS")).isFalse();
        assertThat(unscopedManager.canSee("NYC")).isFalse();
        assertThatThrownBy(() -> manager.requireDepot("BOS")).isInstanceOf(DomainException.class);
        assertThat(new Caller(4, "a", Role.ADMIN, Set.of()).hasRole(Role.TECHNICIAN)).isTrue();
        assertThat(manager.hasRole(Role.TECHNICIAN)).isFalse();
    }
}
