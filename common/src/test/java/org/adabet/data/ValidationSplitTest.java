package org.adabet.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValidationSplitTest {
    /**
     * 3 classes of 10, 5 and 1 images, interleaved; each image's single pixel holds its index, so
     * the parts say which images they took.
     */
    private static ImageSet train() {
        int[] counts = {10, 5, 1};
        int n = 16;
        int[] labels = new int[n];
        float[] pixels = new float[n];
        int[] left = counts.clone();
        int i = 0;
        while (i < n) {
            for (int c = 0; c < 3 && i < n; c++) {
                if (left[c]-- > 0) {
                    labels[i] = c;
                    pixels[i] = i;
                    i++;
                }
            }
        }
        return new ImageSet("t", 1, 1, 1, pixels, labels, 3);
    }

    private static Set<Integer> ids(ImageSet s) {
        Set<Integer> out = new HashSet<>();
        for (float p : s.pixels()) {
            out.add((int) p);
        }
        return out;
    }

    @Test
    void partsAreDisjointAndCoverTheTrainingSplit() {
        ValidationSplit.Parts p = ValidationSplit.split(train(), 0.2, 7);
        Set<Integer> fit = ids(p.fit());
        Set<Integer> validation = ids(p.validation());
        assertEquals(16, fit.size() + validation.size());
        Set<Integer> both = new HashSet<>(fit);
        both.retainAll(validation);
        assertTrue(both.isEmpty(), "overlap " + both);
        Set<Integer> all = new HashSet<>(fit);
        all.addAll(validation);
        assertEquals(16, all.size());
    }

    @Test
    void everyClassGivesItsRoundedShareAndKeepsOneForTraining() {
        // round(10 * 0.2) = 2, round(5 * 0.2) = 1, a class of one gives nothing.
        ValidationSplit.Parts p = ValidationSplit.split(train(), 0.2, 7);
        int[] held = new int[3];
        for (int l : p.validation().labels()) {
            held[l]++;
        }
        assertArrayEquals(new int[] {2, 1, 0}, held);
        assertEquals(1, ValidationSplit.heldOut(2, 0.9), "at least one stays for training");
        assertEquals(1, ValidationSplit.heldOut(3, 0.01), "at least one is held out");
        assertEquals(0, ValidationSplit.heldOut(100, 0));
    }

    @Test
    void theSameSeedGivesTheSameSplitAndOthersDiffer() {
        ImageSet t = train();
        assertEquals(
                ids(ValidationSplit.split(t, 0.3, 7).validation()),
                ids(ValidationSplit.split(t, 0.3, 7).validation()));
        Set<Set<Integer>> seen = new HashSet<>();
        for (long seed = 0; seed < 10; seed++) {
            seen.add(ids(ValidationSplit.split(t, 0.3, seed).validation()));
        }
        assertTrue(seen.size() > 1, "ten seeds drew one split");
    }

    @Test
    void bothPartsKeepTheTrainingOrder() {
        ValidationSplit.Parts p = ValidationSplit.split(train(), 0.3, 3);
        for (ImageSet s : new ImageSet[] {p.fit(), p.validation()}) {
            for (int i = 1; i < s.size(); i++) {
                assertTrue(s.pixels()[i - 1] < s.pixels()[i], "order kept in " + s.name());
            }
        }
    }

    @Test
    void aFractionOfZeroHoldsNothingOutAndABadOneNamesItself() {
        assertEquals(0, ValidationSplit.split(train(), 0, 1).validation().size());
        IllegalArgumentException e =
                assertThrows(
                        IllegalArgumentException.class,
                        () -> ValidationSplit.split(train(), 1.5, 1));
        assertTrue(e.getMessage().contains("1.5"), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }
}
