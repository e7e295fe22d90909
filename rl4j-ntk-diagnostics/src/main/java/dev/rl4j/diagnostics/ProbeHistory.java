package dev.rl4j.diagnostics;

import java.util.ArrayDeque;
import java.util.List;

/** The most recent probe records, oldest first, at most {@code capacity} (0 keeps none). */
final class ProbeHistory {

    private final int capacity;
    private final ArrayDeque<ProbeRecord> records = new ArrayDeque<>();

    ProbeHistory(int capacity) {
        this.capacity = capacity;
    }

    void add(ProbeRecord record) {
        if (capacity > 0) {
            if (records.size() == capacity) {
                records.removeFirst();
            }
            records.addLast(record);
        }
    }

    /** A copy, oldest first. */
    List<ProbeRecord> records() {
        return List.copyOf(records);
    }
}
