package org.adabet.retrain;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Frozen-prefix outputs shared by the retraining runs of one JVM (a Spark executor): a
 * least-recently-used map from (weights, cut, split) to the prefix's output for every image of the
 * split.
 *
 * <p>The bound: entries together hold at most {@link #maxBytes()} bytes of floats ({@link
 * #shared()}: an eighth of the JVM's maximum heap). Inserting an entry evicts the least recently
 * used ones until the total fits; an entry larger than the whole bound is never stored, and a run
 * whose splits together exceed it trains uncached (the prefix recomputed every step, as without the
 * cache). Runs keep the arrays they are training from until they finish, so up to one run's
 * features per running task may live on after eviction, beyond the bound.
 *
 * <p>Two tasks asking for the same missing entry at once compute it once: the second waits for the
 * first.
 */
public final class PrefixCache {
    private static final PrefixCache SHARED = new PrefixCache(Runtime.getRuntime().maxMemory() / 8);

    /**
     * What a cached prefix output is a function of.
     *
     * @param weights identifies the network's weights in front of the cut (the pretrained model's
     *     key: a replaced head lies behind every cut)
     * @param cut the architecture and the cut's position in its module tree
     * @param split the split's name, size and a 64-bit hash of its pixels
     */
    public record Key(String weights, String cut, String split) {}

    private final long maxBytes;
    private final LinkedHashMap<Key, float[]> entries = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<Key, CompletableFuture<float[]>> computing = new HashMap<>();
    private long bytes;
    private long hits;
    private long misses;
    private long evictions;

    /**
     * @param maxBytes the bound on the bytes held by entries; 0 stores nothing
     */
    public PrefixCache(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("prefix cache bound must be >= 0, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /** The cache of this JVM, bounded by an eighth of its maximum heap. */
    public static PrefixCache shared() {
        return SHARED;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * The entry of {@code key}, computed by {@code compute} when absent (and stored when it fits).
     */
    public float[] get(Key key, Supplier<float[]> compute) {
        CompletableFuture<float[]> mine = null;
        CompletableFuture<float[]> pending;
        synchronized (this) {
            float[] cached = entries.get(key);
            if (cached != null) {
                hits++;
                return cached;
            }
            pending = computing.get(key);
            if (pending == null) {
                misses++;
                mine = new CompletableFuture<>();
                computing.put(key, mine);
                pending = mine;
            } else {
                hits++;
            }
        }
        if (mine == null) {
            try {
                return pending.join();
            } catch (CompletionException e) {
                return compute.get(); // the other task failed; its failure need not be ours
            }
        }
        try {
            float[] values = compute.get();
            synchronized (this) {
                computing.remove(key);
                put(key, values);
            }
            mine.complete(values);
            return values;
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                computing.remove(key);
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private void put(Key key, float[] values) {
        long size = 4L * values.length;
        if (size > maxBytes) {
            return;
        }
        float[] replaced = entries.put(key, values);
        bytes += size - (replaced == null ? 0 : 4L * replaced.length);
        Iterator<Map.Entry<Key, float[]>> eldest = entries.entrySet().iterator();
        while (bytes > maxBytes) {
            Map.Entry<Key, float[]> e = eldest.next();
            bytes -= 4L * e.getValue().length;
            eldest.remove();
            evictions++;
        }
    }

    /** Bytes held by the entries now. */
    public synchronized long bytes() {
        return bytes;
    }

    /** Lookups answered without computing (a wait on another task's computation included). */
    public synchronized long hits() {
        return hits;
    }

    /** Lookups that computed their entry. */
    public synchronized long misses() {
        return misses;
    }

    /** Entries dropped to stay within the bound. */
    public synchronized long evictions() {
        return evictions;
    }

    /** Drops every entry (the counters stay). */
    public synchronized void clear() {
        entries.clear();
        bytes = 0;
    }
}
