package org.spares.domain;






/** Where a policy change came from. */
public enum PolicySource {
    MANUAL,
    OPTIMIZATION
}
