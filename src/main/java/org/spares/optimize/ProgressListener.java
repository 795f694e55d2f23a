package org.spares.optimize;






/** Receives the share of the work done (0..1) and a short phase name; called from the solving thread. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (fraction, phase) -> {
    };

    void progress(double fraction, String phase);
}
