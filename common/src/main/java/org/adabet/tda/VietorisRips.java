package org.adabet.tda;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Vietoris–Rips persistent homology over Z/2 in dimensions 0..2, the algorithm of Bauer, U. (2021).
 * Ripser: efficient computation of Vietoris–Rips persistence barcodes. Journal of Applied and
 * Computational Topology 5, 391–423.
 *
 * <p>H0 comes from Kruskal's algorithm with union-find over the edges in filtration order. Each
 * higher dimension is computed as persistent <em>cohomology</em>: the coboundary matrix is reduced
 * with clearing (simplices that were pivots one dimension down are skipped), simplices are longs in
 * the combinatorial number system whose coboundaries are enumerated implicitly, and zero-length
 * apparent and emergent pairs are recognised without reduction. By default the filtration is cut at
 * the enclosing radius, past which the complex is a cone and nothing of dimension >= 1 survives;
 * the barcode is the same as without a threshold.
 *
 * <p>Filtration values are the float32 distances themselves, so births, deaths and which intervals
 * have zero length agree exactly with Ripser run on the same matrix. Single-threaded; returns
 * values and never prints.
 */
public final class VietorisRips {

    private VietorisRips() {}

    /**
     * Barcode of the Rips filtration of {@code distances}, dimensions 0..{@code
     * options.maxDimension()}.
     */
    public static Barcode barcode(DistanceMatrix distances, RipsOptions options) {
        Filtration f = Filtration.of(distances, options);
        List<PersistenceInterval> out = new ArrayList<>();
        ApparentPairs apparent = new ApparentPairs(f);
        long[] columns = dimensionZero(f, apparent, out);
        int columnCount = columns.length;
        long[] simplices = f.edges;
        int simplexCount = f.edges.length;
        CohomologyReducer reducer = new CohomologyReducer(f, apparent);
        for (int k = 1; k <= options.maxDimension(); k++) {
            PivotMap pivots = reducer.reduce(k, columns, columnCount, out);
            if (k == options.maxDimension()) {
                break;
            }
            NextDimension next =
                    assemble(
                            f,
                            apparent,
                            simplices,
                            simplexCount,
                            k,
                            pivots,
                            k + 1 < options.maxDimension());
            columns = next.columns;
            columnCount = next.columnCount;
            simplices = next.simplices;
            simplexCount = next.simplexCount;
        }
        return new Barcode(options.maxDimension(), out);
    }

    /** Barcode of a point cloud under Euclidean distance (Gram-matrix distances), no threshold. */
    public static Barcode barcode(PointCloud cloud, int maxDimension) {
        RipsOptions options = RipsOptions.upToDimension(maxDimension);
        return barcode(EuclideanDistances.of(cloud), options);
    }

    /** {@code min_i max_j d(i, j)}, the default threshold. */
    public static float enclosingRadius(DistanceMatrix distances) {
        return Filtration.enclosingRadius(distances);
    }

    /**
     * Kruskal: an edge joining two components kills the younger (all are born at 0) and gives a
     * finite H0 interval, zero-length ones included; the others are the dimension-1 columns, less
     * those in a zero apparent pair.
     *
     * @return the dimension-1 columns in ascending filtration order
     */
    private static long[] dimensionZero(
            Filtration f, ApparentPairs apparent, List<PersistenceInterval> out) {
        UnionFind components = new UnionFind(f.n);
        int[] ij = new int[2];
        long[] columns = new long[f.edges.length];
        int count = 0;
        boolean needColumns = f.maxDimension >= 1;
        for (long e : f.edges) {
            f.binomials.vertices(f.indexOf(e), 1, f.n - 1, ij);
            int a = components.find(ij[0]);
            int b = components.find(ij[1]);
            if (a != b) {
                components.union(a, b);
                out.add(new PersistenceInterval(0, 0f, f.value(f.rankOf(e))));
            } else if (needColumns && apparent.zeroApparentCofacet(e, 1) == ApparentPairs.NONE) {
                columns[count++] = e;
            }
        }
        for (int v = 0; v < f.n; v++) {
            if (components.find(v) == v) {
                out.add(new PersistenceInterval(0, 0f, Float.POSITIVE_INFINITY));
            }
        }
        return Arrays.copyOf(columns, count);
    }

    private record NextDimension(
            long[] columns, int columnCount, long[] simplices, int simplexCount) {}

    /**
     * Lists the (k+1)-simplices within the threshold, each once (grown from the facet without its
     * largest vertex), and keeps as columns those not cleared: not a pivot of dimension k and not
     * in a zero apparent pair.
     */
    private static NextDimension assemble(
            Filtration f,
            ApparentPairs apparent,
            long[] simplices,
            int simplexCount,
            int k,
            PivotMap pivots,
            boolean keepSimplices) {
        CoboundaryEnumerator cofacets = new CoboundaryEnumerator(f);
        long[] next = new long[keepSimplices ? Math.max(16, simplexCount) : 0];
        int nextCount = 0;
        long[] columns = new long[Math.max(16, simplexCount)];
        int columnCount = 0;
        for (int s = 0; s < simplexCount; s++) {
            cofacets.reset(simplices[s], k);
            while (cofacets.advance(false)) {
                long c = cofacets.key();
                if (keepSimplices) {
                    if (nextCount == next.length) {
                        next = Arrays.copyOf(next, nextCount * 2);
                    }
                    next[nextCount++] = c;
                }
                if (!pivots.contains(f.indexOf(c)) && !apparent.inZeroApparentPair(c, k + 1)) {
                    if (columnCount == columns.length) {
                        columns = Arrays.copyOf(columns, columnCount * 2);
                    }
                    columns[columnCount++] = c;
                }
            }
        }
        Arrays.sort(columns, 0, columnCount);
        return new NextDimension(columns, columnCount, next, nextCount);
    }
}
