package org.adabet.tda;

import java.util.Arrays;

/**
 * A binary min-heap of packed simplex keys: the working coboundary of the column being reduced.
 * Over Z/2 an entry present twice cancels, so {@link #pivot()} discards equal pairs lazily, the way
 * a sparse column sum is kept without ever sorting it.
 */
final class LongMinHeap {

    static final long NONE = -1L;

    private long[] heap = new long[64];
    private int size;

    void clear() {
        size = 0;
    }

    boolean isEmpty() {
        return size == 0;
    }

    void push(long key) {
        if (size == heap.length) {
            heap = Arrays.copyOf(heap, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            long p = heap[parent];
            if (p <= key) {
                break;
            }
            heap[i] = p;
            i = parent;
        }
        heap[i] = key;
    }

    /**
     * Adds many keys: one push each when they are few against the heap, else appended and the heap
     * rebuilt bottom-up in linear time (a whole coboundary is often as large as the heap).
     */
    void addAll(long[] keys, int count) {
        if (count * 4 < size) {
            for (int i = 0; i < count; i++) {
                push(keys[i]);
            }
        } else {
            pushAll(keys, count);
        }
    }

    /** Adds many keys at once and restores the heap bottom-up. */
    void pushAll(long[] keys, int count) {
        if (size + count > heap.length) {
            heap = Arrays.copyOf(heap, Math.max(heap.length * 2, size + count));
        }
        System.arraycopy(keys, 0, heap, size, count);
        size += count;
        for (int i = (size >>> 1) - 1; i >= 0; i--) {
            siftDown(i);
        }
    }

    long pop() {
        long top = heap[0];
        heap[0] = heap[--size];
        if (size > 0) {
            siftDown(0);
        }
        return top;
    }

    /**
     * The smallest key with odd multiplicity, left in the heap; {@link #NONE} if the column is
     * zero.
     */
    long pivot() {
        while (size > 0) {
            long top = pop();
            if (size > 0 && heap[0] == top) {
                pop();
            } else {
                push(top);
                return top;
            }
        }
        return NONE;
    }

    private void siftDown(int i) {
        long key = heap[i];
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            long c = heap[child];
            int right = child + 1;
            if (right < size && heap[right] < c) {
                child = right;
                c = heap[right];
            }
            if (key <= c) {
                break;
            }
            heap[i] = c;
            i = child;
        }
        heap[i] = key;
    }
}
