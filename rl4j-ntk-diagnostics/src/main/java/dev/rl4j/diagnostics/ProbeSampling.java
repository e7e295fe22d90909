package dev.rl4j.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Uniform sampling without replacement with a caller-owned generator (never the training RNG). */
final class ProbeSampling {

    private ProbeSampling() {
    }

    /** Up to n distinct elements of a random-access list, by a partial Fisher-Yates shuffle of indices. */
    static <T> List<T> choose(List<T> items, int n, Random random) {
        int size = items.size();
        int k = Math.min(n, size);
        int[] idx = new int[size];
        for (int i = 0; i < size; i++) {
            idx[i] = i;
        }
        List<T> out = new ArrayList<>(k);
        for (int i = 0; i < k; i++) {
            int j = i + random.nextInt(size - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
            out.add(items.get(idx[i]));
        }
        return out;
    }
}
