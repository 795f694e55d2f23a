package org.spares.forecast;

/**
 * The four demand patterns of Syntetos, Boylan and Croston (2005), told apart by the average demand interval (ADI)
 * and the squared coefficient of variation of the non-zero sizes (CV²), plus the case with nothing to classify.
 */
public enum DemandClass {
    /** ADI < 1.32 and CV² < 0.49: demand in most buckets, of similar size. */
    SMOOTH,
    /** ADI < 1.32 and CV² >= 0.49: demand in most buckets, of very different sizes. */
    ERRATIC,
    /** ADI >= 1.32 and CV² < 0.49: many empty buckets, sizes alike. */
    INTERMITTENT,
    /** ADI >= 1.32 and CV² >= 0.49: many empty buckets and sizes that vary. */
    LUMPY,
    /** No bucket with demand. */
    NO_DEMAND;

    /** The cut-offs the 2005 paper derives by comparing the mean squared errors of Croston and SBA. */
    static final double ADI_CUT_OFF = 1.32;
    static final double CV2_CUT_OFF = 0.49;

    static DemandClass of(double adi, double cv2) {
        if (adi < ADI_CUT_OFF) {
            return cv2 < CV2_CUT_OFF ? SMOOTH : ERRATIC;
        }
        return cv2 < CV2_CUT_OFF ? INTERMITTENT : LUMPY;
    }
}
