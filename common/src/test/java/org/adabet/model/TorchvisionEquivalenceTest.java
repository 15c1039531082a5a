package org.adabet.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adabet.weights.StateDictReader;
import org.junit.jupiter.api.Test;

/**
 * Our networks against torchvision 0.14.1 itself: fixtures made by {@code
 * src/test/resources/torchvision/make_fixtures.py} (a seeded, randomly initialised torchvision
 * model's state_dict, an input batch and torchvision's eval-mode logits) must give the same logits
 * within 1e-4 after loading the state_dict by name.
 */
class TorchvisionEquivalenceTest {
    static final double TOLERANCE = 1e-4;

    /** The fixture's state dict, input and logits. */
    record Fixture(NetworkParameters stateDict, float[] input, int count, float[] logits) {}

    static Fixture fixture(String name) {
        try {
            Path file =
                    Path.of(
                            TorchvisionEquivalenceTest.class
                                    .getResource("/torchvision/" + name + ".npz")
                                    .toURI());
            Map<String, NetworkParameters.Tensor> all =
                    new LinkedHashMap<>(StateDictReader.read(file).tensors());
            NetworkParameters.Tensor input = all.remove("__input__");
            NetworkParameters.Tensor logits = all.remove("__logits__");
            return new Fixture(
                    new NetworkParameters(all),
                    input.values(),
                    (int) input.shape()[0],
                    logits.values());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Max |ours - torchvision| over the fixture's logits. */
    static double maxDifference(Architecture arch, String fixtureName) {
        Fixture f = fixture(fixtureName);
        try (Network net = Networks.load(arch, f.stateDict(), false, 0)) {
            List<float[]> acts = net.activations(f.input(), f.count());
            float[] ours = acts.get(acts.size() - 1);
            assertEquals(f.logits().length, ours.length);
            double max = 0;
            for (int i = 0; i < ours.length; i++) {
                max = Math.max(max, Math.abs(ours[i] - f.logits()[i]));
            }
            return max;
        }
    }

    @Test
    void resnet18GivesTorchvisionsLogits() {
        double diff =
                maxDifference(Architectures.build(Architectures.RESNET18, 1, 64, 10), "resnet18");
        assertTrue(diff <= TOLERANCE, "max |logit difference| " + diff);
    }

    @Test
    void mobilenetV2GivesTorchvisionsLogits() {
        double diff =
                maxDifference(
                        Architectures.build(Architectures.MOBILENET_V2, 1, 64, 10), "mobilenet_v2");
        assertTrue(diff <= TOLERANCE, "max |logit difference| " + diff);
    }

    @Test
    void smallVisionTransformerGivesTorchvisionsLogits() {
        Architecture vit = VisionTransformers.build("vit_small", 32, 8, 2, 2, 64, 128, 10);
        double diff = maxDifference(vit, "vit_small");
        assertTrue(diff <= TOLERANCE, "max |logit difference| " + diff);
    }

    @Test
    void aStateDictThatDoesNotFitIsRejectedListingMissingUnexpectedAndMismatchedTensors() {
        Map<String, NetworkParameters.Tensor> tensors =
                new LinkedHashMap<>(fixture("resnet18").stateDict().tensors());
        tensors.remove("layer1.0.bn1.running_var");
        tensors.put("extra.weight", new NetworkParameters.Tensor(new long[] {1}, new float[] {0}));
        NetworkParameters broken = new NetworkParameters(tensors);
        Architecture thousand = Architectures.build(Architectures.RESNET18, 1, 64, 1000);
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> Networks.load(thousand, broken, false, 0));
        assertTrue(
                e.getMessage().contains("1 missing (layer1.0.bn1.running_var [64])"),
                e.getMessage());
        assertTrue(e.getMessage().contains("1 unexpected (extra.weight [1])"), e.getMessage());
        assertTrue(
                e.getMessage().contains("fc.weight: expected [1000, 512], given [10, 512]"),
                e.getMessage());
    }

    @Test
    void aPretrainedStateDictLoadsUnderANewHead() {
        Fixture f = fixture("resnet18");
        try (Network net =
                Networks.load(
                        Architectures.build(Architectures.RESNET18, 1, 64, 3),
                        f.stateDict(),
                        true,
                        4)) {
            assertEquals(f.count(), net.predict(f.input(), f.count()).length);
            assertEquals(3, net.layers().get(net.layers().size() - 1).channels());
            assertEquals(
                    f.stateDict().tensors().get("layer4.1.bn2.running_mean").values()[7],
                    net.parameters().tensors().get("layer4.1.bn2.running_mean").values()[7]);
        }
    }
}
