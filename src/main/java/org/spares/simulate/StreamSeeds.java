package org.spares.simulate;

/**
 * The seed of the random stream of one (replication, position): a hash of the run's seed and both indices, so every
 * stream is the same whichever thread draws it and in whatever order. Hashing matters: SplittableRandom streams
 * seeded s and s + k * 0x9E3779B97F4A7C15 are the same stream shifted by k draws, so seeds made by adding indices
 * could overlap; hashed seeds collide that way with negligible probability.
 */
final class StreamSeeds {
    private StreamSeeds() {
    }

    static long of(long seed, int replication, int position) {
        return mix(mix(mix(seed) + replication) + position);
    }

    /** The 64-bit finaliser of SplitMix64 (Stafford's variant 13): every input bit reaches every output bit. */
    private static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
