package org.adabet.model;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.adabet.platform.CpuInfo;
import org.adabet.tda.Barcode;
import org.adabet.tda.EuclideanDistances;
import org.adabet.tda.LowerDistanceMatrix;
import org.adabet.tda.PointCloud;
import org.adabet.tda.VietorisRips;

/**
 * What {@link CrossCpuReproducibilityTest} runs in each child JVM (native and emulated CPUs):
 * prints the bits of everything a sweep computes from numbers (libtorch's trajectory, the
 * persistence kernel's distances, a barcode), one {@code name=value} line each, and the deviation
 * from the stored reference, which may differ between CPUs.
 */
public final class ReproducibilityProbe {
    private ReproducibilityProbe() {}

    /**
     * Lines whose values must agree wherever the mode is on; {@code cpu} and {@code deviation} may
     * differ.
     */
    static final String[] COMPARED = {"trajectory", "distances", "barcode"};

    public static void main(String[] args) throws Exception {
        ConvnetSTrajectory trajectory = ConvnetSTrajectory.compute();
        PointCloud cloud = cloud(48, 1000, 5);
        LowerDistanceMatrix distances = EuclideanDistances.of(cloud);
        float[] lower = new float[48 * 47 / 2];
        int k = 0;
        for (int i = 1; i < 48; i++) {
            for (int j = 0; j < i; j++) {
                lower[k++] = distances.distance(i, j);
            }
        }
        Barcode barcode = VietorisRips.barcode(cloud, 1);
        CpuInfo cpu = CpuInfo.current();
        System.out.println(
                "cpu="
                        + cpu.model()
                        + " / UseAVX "
                        + cpu.jvmAvx()
                        + " / libtorch "
                        + cpu.atenLevel()
                        + " / "
                        + EuclideanDistances.vectorLanes()
                        + " lanes");
        System.out.println("trajectory=" + trajectory.checksums());
        System.out.println("distances=" + Integer.toHexString(Arrays.hashCode(lower)));
        System.out.println("barcode=" + Integer.toHexString(barcode.intervals().hashCode()));
        System.out.println("deviation=" + ConvnetSReferenceTest.largestDeviation(trajectory));
    }

    private static PointCloud cloud(int n, int dim, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[][] rows = new float[n][dim];
        for (float[] row : rows) {
            for (int c = 0; c < dim; c++) {
                row[c] = (float) rng.nextGaussian();
            }
        }
        return PointCloud.ofRows(rows);
    }
}
