package org.spares.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a closed loop: N client threads, each sending its next call as soon as the last one answered, for a fixed
 * time. Every call's latency is kept (bounded per thread), so percentiles are exact, not bucketed.
 */
final class LoadPhase {
    /** One client's work; a new one per thread, closed at the end. */
    interface Client extends AutoCloseable {
        /** One call; true when it did what was asked (201), false for an answer counted as an error. */
        boolean call() throws Exception;

        @Override
        void close();
    }

    /** Makes the client of thread {@code index}. */
    interface ClientFactory {
        Client create(int index) throws Exception;
    }

    /** What one phase measured. */
    record Result(int clients, long successes, long errors, double seconds, long[] sortedNanos, String firstError) {
        double throughput() {
            return successes / seconds;
        }

        double percentileMillis(double percentile) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(percentile / 100.0 * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, rank)] / 1e6;
        }
    }

    /** No thread records more than this, so memory stays bounded whatever the speed. */
    private static final int MAX_CALLS_PER_THREAD = 2_000_000;

    private LoadPhase() {
    }

    static Result run(int clients, long millis, ClientFactory factory) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch start = new CountDownLatch(1);
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        long[] errors = new long[clients];
        AtomicReference<String> firstError = new AtomicReference<>();
        long[] window = new long[2];
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            int index = i;
            Thread thread = new Thread(() -> {
                long[] mine = new long[1024];
                int count = 0;
                try (Client client = factory.create(index)) {
                    ready.countDown();
                    start.await();
                    long deadline = window[1];
                    while (count < MAX_CALLS_PER_THREAD) {
                        long began = System.nanoTime();
                        if (began >= deadline) {
                            break;
                        }
                        boolean ok;
                        try {
                            ok = client.call();
                        } catch (Exception failure) {
                            ok = false;
                            firstError.compareAndSet(null, failure.toString());
                        }
                        long took = System.nanoTime() - began;
                        if (ok) {
                            if (count == mine.length) {
                                mine = Arrays.copyOf(mine, mine.length * 2);
                            }
                            mine[count++] = took;
                        } else {
                            errors[index]++;
                        }
                    }
                } catch (Exception failure) {
                    firstError.compareAndSet(null, "client setup: " + failure);
                    ready.countDown();
                }
                latencies[index] = mine;
                counts[index] = count;
            }, "load-" + i);
            threads.add(thread);
            thread.start();
        }
        ready.await();
        window[0] = System.nanoTime();
        window[1] = window[0] + millis * 1_000_000L;
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - window[0]) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int i = 0; i < clients; i++) {
            System.arraycopy(latencies[i], 0, all, at, counts[i]);
            at += counts[i];
        }
        Arrays.sort(all);
        return new Result(clients, total, Arrays.stream(errors).sum(), seconds, all, firstError.get());
    }
}
