package org.spares.domain;





/** A status enum that states, once, which statuses each of its values may become. */
public interface Lifecycle<S extends Enum<S> & Lifecycle<S>> {
    boolean canBecome(S next);
}
