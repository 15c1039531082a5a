package org.adabet.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.adabet.config.SweepConfig;
import org.adabet.memory.MemoryEstimate;
import org.adabet.model.LayerInfo;
import org.adabet.model.TrainableSpec;
import org.adabet.pretrain.PretrainedModel;
import org.adabet.selection.SelectionCost;

/**
 * Runs retraining tasks the way a two-core executor does (two threads, {@link SweepTasks#retrain},
 * the JVM's network pool and prefix cache) and prints the process's resident memory after every
 * {@value #EVERY} tasks, one line each: {@code rss_kib <tasks done> <KiB>}. Run in its own JVM by
 * {@link RetrainMemoryGrowthTest}, with a fixed, pre-touched heap, so that growth is native memory
 * (tensors, libtorch, allocator), not the heap filling up.
 *
 * <p>The tasks cycle through every candidate layer alone (as the oracle trains), the head only,
 * every layer, a channel-masked middle layer and BatchNorm re-estimation, on {@code convnet_s} and
 * {@code resnet8}, on an old-head and a new-head target, three seeds.
 */
public final class RetrainMemoryProbe {
    static final int EVERY = 50;

    private RetrainMemoryProbe() {}

    public static void main(String[] args) throws Exception {
        int total = Integer.parseInt(args[0]);
        SweepConfig config =
                TinySweep.config(
                        "[convnet_s, resnet8]", "retrain.epochs=2", "retrain.batch-size=8");
        Map<String, PretrainedModel> models =
                Map.of(
                        "convnet_s", SweepTasks.pretrain(config, "convnet_s"),
                        "resnet8", SweepTasks.pretrain(config, "resnet8"));
        List<RetrainTask> kinds = new ArrayList<>();
        for (String arch : List.of("convnet_s", "resnet8")) {
            for (String target : List.of("corrupted", "new_classes")) {
                for (long seed = 0; seed < 3; seed++) {
                    kinds.addAll(tasks(config, new Pair(arch, target), seed));
                }
            }
        }
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try {
            for (int done = 0; done < total; done += EVERY) {
                List<Future<RetrainOutcome>> batch = new ArrayList<>();
                for (int i = done; i < done + EVERY; i++) {
                    RetrainTask t = kinds.get(i % kinds.size());
                    batch.add(
                            executor.submit(
                                    () ->
                                            SweepTasks.retrain(
                                                    config,
                                                    models.get(t.pair().architecture()),
                                                    t)));
                }
                for (Future<RetrainOutcome> f : batch) {
                    RetrainOutcome o = f.get();
                    if (!o.succeeded()) {
                        throw new IllegalStateException(o.task().key() + ": " + o.error());
                    }
                }
                System.out.println("rss_kib " + (done + EVERY) + " " + residentKib());
            }
        } finally {
            executor.shutdownNow();
        }
    }

    private static List<RetrainTask> tasks(SweepConfig config, Pair pair, long seed) {
        List<LayerInfo> layers = SweepTasks.layers(config, pair);
        List<RetrainTask> out = new ArrayList<>();
        for (LayerInfo l : layers) {
            out.add(task(pair, "oracle", seed, TrainableSpec.layers(List.of(l.name())), l));
        }
        LayerInfo head = layers.get(layers.size() - 1);
        out.add(task(pair, "last_layer", seed, TrainableSpec.layers(List.of(head.name())), head));
        out.add(
                task(
                        pair,
                        "full",
                        seed,
                        TrainableSpec.layers(layers.stream().map(LayerInfo::name).toList()),
                        head));
        LayerInfo middle =
                layers.stream()
                        .filter(l -> l.type().equals("conv") && l.index() > 0)
                        .findFirst()
                        .orElseThrow();
        boolean[] mask = new boolean[middle.channels()];
        for (int c = 0; c < mask.length; c += 2) {
            mask[c] = true;
        }
        out.add(
                task(
                        pair,
                        "adabet_channel",
                        seed,
                        new TrainableSpec(
                                Set.of(middle.name()), Set.of(), Map.of(middle.name(), mask)),
                        middle));
        out.add(task(pair, "bn_stats", seed, TrainableSpec.layers(List.of()), head));
        return out;
    }

    private static RetrainTask task(
            Pair pair, String method, long seed, TrainableSpec spec, LayerInfo layer) {
        return new RetrainTask(
                pair,
                method,
                null,
                seed,
                spec,
                List.of(layer.name()),
                SelectionCost.NOTHING,
                0,
                0,
                new MemoryEstimate(0, 0, 0, 0, 0),
                0,
                0);
    }

    /** VmRSS of this process, from /proc (Linux). */
    static long residentKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS line in /proc/self/status");
    }
}
