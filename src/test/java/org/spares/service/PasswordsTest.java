package org.spares.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.spares.domain.DomainException;

class PasswordsTest {
    @Test
    void hashVerifiesOnlyTheRightPasswordAndDiffersPerCall() {
        String password = "correct horse battery";
        String first = Passwords.hash(password);
        String second = Passwords.hash(password);

        assertThat(first).isNotEqualTo(second).doesNotContain(password).startsWith("$2a$12$");
        assertThat(Passwords.matches(password, first)).isTrue();
        assertThat(Passwords.matches(password, second)).isTrue();
        assertThat(Passwords.matches("correct horse battery!", first)).isFalse();
        assertThat(Passwords.matches(password, null)).isFalse();
        assertThat(Passwords.matches(null, first)).isFalse();
    }

    @Test
    void lengthIsTwelveToOneHundredTwentyEight() {
        Passwords.requireAcceptable("a".repeat(12), "password");
        Passwords.requireAcceptable("a".repeat(128), "password");
        assertThatThrownBy(() -> Passwords.requireAcceptable("a".repeat(11), "password"))
                .isInstanceOf(DomainException.class).hasMessageContaining("password");
        assertThatThrownBy(() -> Passwords.requireAcceptable("a".repeat(129), "password"))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> Passwords.requireAcceptable(null, "password"))
                .isInstanceOf(DomainException.class);
    }
}
