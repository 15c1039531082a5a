package org.adabet.retrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PrefixCacheTest {
    private static PrefixCache.Key key(String split) {
        return new PrefixCache.Key("w", "cut", split);
    }

    @Test
    void leastRecentlyUsedEntriesGoFirstAndTheBoundHolds() {
        PrefixCache cache = new PrefixCache(3 * 400); // three entries of 100 floats
        for (String s : new String[] {"a", "b", "c"}) {
            cache.get(key(s), () -> new float[100]);
        }
        cache.get(key("a"), () -> new float[100]); // a is now the most recent
        cache.get(key("d"), () -> new float[100]); // evicts b
        assertEquals(1, cache.evictions());
        assertEquals(1200, cache.bytes());
        long misses = cache.misses();
        cache.get(key("a"), () -> new float[100]);
        cache.get(key("c"), () -> new float[100]);
        assertEquals(misses, cache.misses(), "a and c stayed");
        cache.get(key("b"), () -> new float[100]);
        assertEquals(misses + 1, cache.misses(), "b was evicted and is computed again");
        assertEquals(1200, cache.bytes());
    }

    @Test
    void anEntryLargerThanTheBoundIsComputedEveryTimeAndNeverStored() {
        PrefixCache cache = new PrefixCache(100);
        float[] first = cache.get(key("big"), () -> new float[26]);
        float[] second = cache.get(key("big"), () -> new float[26]);
        assertEquals(2, cache.misses());
        assertEquals(0, cache.bytes());
        assertNotSame(first, second);
        float[] small = cache.get(key("small"), () -> new float[25]);
        assertSame(small, cache.get(key("small"), () -> new float[25]));
    }

    @Test
    void concurrentRequestsForOneMissingEntryComputeItOnce() throws Exception {
        PrefixCache cache = new PrefixCache(1 << 20);
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger computations = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<float[]> first =
                    pool.submit(
                            () ->
                                    cache.get(
                                            key("x"),
                                            () -> {
                                                computations.incrementAndGet();
                                                started.countDown();
                                                await(release);
                                                return new float[] {1f};
                                            }));
            started.await(10, TimeUnit.SECONDS);
            Future<float[]> second =
                    pool.submit(
                            () ->
                                    cache.get(
                                            key("x"),
                                            () -> {
                                                computations.incrementAndGet();
                                                return new float[] {2f};
                                            }));
            Thread.sleep(100); // let the second request find the first one's computation
            release.countDown();
            assertSame(first.get(10, TimeUnit.SECONDS), second.get(10, TimeUnit.SECONDS));
            assertEquals(1, computations.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aNegativeBoundIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new PrefixCache(-1));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
