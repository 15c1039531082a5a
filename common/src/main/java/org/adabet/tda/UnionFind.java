package org.adabet.tda;

/**
 * Disjoint sets over {@code 0..n-1} with path halving and union by rank: the connected components
 * of the growing 1-skeleton in Kruskal's algorithm for H0. All vertices are born at 0, so which
 * root survives a union does not matter for the barcode.
 */
final class UnionFind {

    private final int[] parent;
    private final byte[] rank;

    UnionFind(int n) {
        parent = new int[n];
        rank = new byte[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
    }

    int find(int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    /** Merges the sets of two distinct roots. */
    void union(int rootA, int rootB) {
        if (rank[rootA] < rank[rootB]) {
            parent[rootA] = rootB;
        } else if (rank[rootA] > rank[rootB]) {
            parent[rootB] = rootA;
        } else {
            parent[rootB] = rootA;
            rank[rootA]++;
        }
    }
}
