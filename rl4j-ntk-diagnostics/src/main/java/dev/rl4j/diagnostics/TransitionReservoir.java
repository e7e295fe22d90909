package dev.rl4j.diagnostics;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Bounded uniform sample of every transition offered (reservoir sampling, Algorithm R), drawing only from its own
 * generator. Memory is O(capacity) however long the run.
 */
final class TransitionReservoir {

    private final Transition[] slots;
    private final Random random;
    private long seen;

    TransitionReservoir(int capacity, Random random) {
        this.slots = new Transition[capacity];
        this.random = random;
    }

    void offer(Transition t) {
        seen++;
        if (seen <= slots.length) {
            slots[(int) (seen - 1)] = t;
        } else {
            long j = (long) (random.nextDouble() * seen);
            if (j < slots.length) {
                slots[(int) j] = t;
            }
        }
    }

    int size() {
        return (int) Math.min(seen, slots.length);
    }

    long seen() {
        return seen;
    }

    /** Up to n distinct stored transitions, chosen uniformly with this reservoir's generator. */
    List<Transition> sample(int n) {
        int size = size();
        List<Transition> all = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            all.add(slots[i]);
        }
        return ProbeSampling.choose(all, n, random);
    }
}
