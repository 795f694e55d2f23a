package org.spares.domain;






/** What a user may do; see docs/REFERENCE.md "Users and tokens". ADMIN passes every role check. */
public enum Role {
    ADMIN,
    MANAGER,
    TECHNICIAN,
    FINANCE;

    /** ADMIN and FINANCE with no depots listed see every depot. */
    public boolean allDepotsWhenUnscoped() {
        return this == ADMIN || this == FINANCE;
    }
}
