package org.adabet.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Pretrained networks kept between the tasks of one JVM (a Spark executor), so that a task resets a
 * built network to its pretrained state instead of building one: building allocates and initialises
 * every tensor and walks a probe image through the module tree, which costs more than a whole warm
 * head-only retraining run.
 *
 * <p>A borrowed network is exactly what {@link Networks#load} would build for the same arguments
 * (same tensors, every layer frozen, no momentum); {@link Network#close} gives it back. Idle
 * networks are kept per (architecture, weights, new head) up to {@code maxIdle} networks and {@code
 * maxIdleBytes} bytes of tensor values in all ({@link #shared()}: one per core and 256 MiB), the
 * least recently returned closed first; a network larger than the byte bound is closed when given
 * back, as without a pool. The decoded weights of the {@value #WEIGHTS_KEPT} most recently used
 * models are kept too (on the heap, each only if within the byte bound), so a reset copies floats
 * instead of decoding bytes.
 */
public final class NetworkPool {
    static final int WEIGHTS_KEPT = 4;

    private static final NetworkPool SHARED =
            new NetworkPool(Runtime.getRuntime().availableProcessors(), 256L << 20);

    private record Key(Architecture architecture, String weights, boolean newHead) {}

    private final int maxIdle;
    private final long maxIdleBytes;
    private final LinkedHashMap<Key, Deque<DjlNetwork>> idle = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<DjlNetwork, Key> lent = new java.util.IdentityHashMap<>();
    private final LinkedHashMap<String, NetworkParameters> weights =
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, NetworkParameters> e) {
                    return size() > WEIGHTS_KEPT;
                }
            };
    private long idleBytes;
    private int idleCount;
    private long built;
    private long reused;

    /**
     * @param maxIdle the most networks kept idle; 0 keeps none (every borrow builds)
     * @param maxIdleBytes the most bytes of tensor values kept idle
     */
    public NetworkPool(int maxIdle, long maxIdleBytes) {
        if (maxIdle < 0 || maxIdleBytes < 0) {
            throw new IllegalArgumentException(
                    "network pool bounds must be >= 0, were " + maxIdle + " and " + maxIdleBytes);
        }
        this.maxIdle = maxIdle;
        this.maxIdleBytes = maxIdleBytes;
    }

    /** The pool of this JVM: one idle network per core, 256 MiB of tensors at most. */
    public static NetworkPool shared() {
        return SHARED;
    }

    /**
     * A network with the weights {@code weightsKey} names, as {@link Networks#load(Architecture,
     * NetworkParameters, boolean, long)} builds it; closing it gives it back.
     *
     * @param weightsKey identifies {@code decode}'s parameters (a pretrained model's key)
     * @param decode the parameters, called when they are not kept already
     */
    public Network borrow(
            Architecture architecture,
            String weightsKey,
            Supplier<NetworkParameters> decode,
            boolean newHead,
            long headSeed) {
        Key key = new Key(architecture, weightsKey, newHead);
        NetworkParameters source = weights(weightsKey, decode);
        Set<String> fresh = newHead ? Set.of(architecture.headName()) : Set.of();
        DjlNetwork net = take(key);
        if (net != null) {
            try {
                net.reset(source, fresh, headSeed, "pretrained model " + weightsKey);
                synchronized (this) {
                    reused++;
                }
            } catch (RuntimeException e) {
                // A network left in a state reset cannot undo is dropped, not lent.
                net.release();
                net = null;
            }
        }
        if (net == null) {
            net = (DjlNetwork) Networks.load(architecture, source, newHead, headSeed);
            synchronized (this) {
                built++;
            }
        }
        synchronized (this) {
            lent.put(net, key);
        }
        net.lentBy(this);
        return net;
    }

    private synchronized NetworkParameters weights(
            String weightsKey, Supplier<NetworkParameters> decode) {
        NetworkParameters kept = weights.get(weightsKey);
        if (kept != null) {
            return kept;
        }
        NetworkParameters decoded = decode.get();
        long bytes =
                4 * decoded.tensors().values().stream().mapToLong(t -> t.values().length).sum();
        // Weights too large to keep a network of idle are not kept either.
        if (bytes <= maxIdleBytes) {
            weights.put(weightsKey, decoded);
        }
        return decoded;
    }

    private synchronized DjlNetwork take(Key key) {
        Deque<DjlNetwork> q = idle.get(key);
        if (q == null || q.isEmpty()) {
            return null;
        }
        DjlNetwork net = q.pop();
        idleCount--;
        idleBytes -= net.parameterBytes();
        return net;
    }

    /** Called by a lent network's close. */
    void giveBack(DjlNetwork net) {
        Key key;
        synchronized (this) {
            key = lent.remove(net);
        }
        long bytes = net.parameterBytes();
        if (key == null || bytes > maxIdleBytes || maxIdle == 0) {
            net.release();
            return;
        }
        java.util.List<DjlNetwork> evicted = new java.util.ArrayList<>();
        synchronized (this) {
            idle.computeIfAbsent(key, k -> new ArrayDeque<>()).push(net);
            idleCount++;
            idleBytes += bytes;
            Iterator<Deque<DjlNetwork>> oldest = idle.values().iterator();
            while ((idleCount > maxIdle || idleBytes > maxIdleBytes) && oldest.hasNext()) {
                Deque<DjlNetwork> q = oldest.next();
                while (!q.isEmpty() && (idleCount > maxIdle || idleBytes > maxIdleBytes)) {
                    DjlNetwork old = q.removeLast();
                    idleCount--;
                    idleBytes -= old.parameterBytes();
                    evicted.add(old);
                }
                if (q.isEmpty()) {
                    oldest.remove();
                }
            }
        }
        evicted.forEach(DjlNetwork::release);
    }

    /** Networks built and reused by borrows so far, and the idle ones now. */
    public synchronized String describe() {
        return "networks built "
                + built
                + ", reused "
                + reused
                + ", idle "
                + idleCount
                + " ("
                + idleBytes
                + " bytes)";
    }

    /** How many borrows built a network (the rest reused one). */
    public synchronized long built() {
        return built;
    }

    /** How many borrows reused an idle network. */
    public synchronized long reused() {
        return reused;
    }
}
