package org.loopbound.sim;

import java.nio.charset.StandardCharsets;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * One independent random stream per replicate, a pure function of (seed, replicate): whichever thread runs replicate
 * j, and in whatever order, it sees the same numbers, which is what makes every output independent of the thread
 * count. The streams are XoRoShiRo128++ generators whose 128-bit state is derived by SplitMix64 mixing.
 */
public final class ReplicateStreams {

    /** 2^64 / φ, the SplitMix64 increment (Steele, Lea, Flood, "Fast splittable pseudorandom number generators"). */
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private ReplicateStreams() {
    }

    /*@ public normal_behavior
      @ ensures (* \result is the SplitMix64 finalizer of z, a bijection of the 64-bit words *);
      @*/
    /** The SplitMix64 output function (variant 13 of Stafford's mixers): a bijection with strong avalanche. */
    public static long mix(long z) {
        long x = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
        return x ^ (x >>> 31);
    }

    /**
     * The seed of one cell of a parameter sweep: {@code seed} with the UTF-8 bytes of the cell's canonical key folded
     * in by SplitMix64 mixing (length first, so no key is a prefix-collision of another). Replicate j of the cell then
     * uses {@code forReplicate(cellSeed(seed, key), j)}: a cell's randomness depends on (seed, key, replicate) only,
     * never on the engine, machine, thread or order that computes it.
     */
    public static long cellSeed(long seed, String key) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        long h = mix(seed ^ GOLDEN_GAMMA) + bytes.length * GOLDEN_GAMMA;
        for (byte b : bytes) {
            h = mix(h + (b & 0xFFL) + GOLDEN_GAMMA);
        }
        return mix(h);
    }

    /*@ public normal_behavior
      @ requires replicate >= 0;
      @ ensures (* equal (seed, replicate) give generators producing identical sequences *);
      @*/
    /**
     * The generator of replicate {@code replicate} under {@code seed}. For a fixed seed, distinct replicates get
     * distinct states (the first state word is a bijective image of {@code replicate}), so no two replicates of a run
     * share a stream.
     */
    public static UniformRandomProvider forReplicate(long seed, long replicate) {
        long h = mix(seed ^ GOLDEN_GAMMA);
        long s0 = mix(h + replicate * GOLDEN_GAMMA);
        long s1 = mix(s0 + GOLDEN_GAMMA) ^ mix(seed + (replicate << 1 | 1));
        return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {s0, s1});
    }
}
