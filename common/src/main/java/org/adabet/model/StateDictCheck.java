package org.adabet.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How a given state dict differs from the tensors an architecture expects: missing names,
 * unexpected names and shape mismatches, all reported together so one failed load shows every
 * problem at once (as PyTorch's {@code load_state_dict} does).
 *
 * @param missing expected tensors absent from the given ones, as {@code name [shape]}, in expected
 *     order
 * @param unexpected given tensors the architecture has no place for, as {@code name [shape]}, in
 *     given order
 * @param mismatched tensors present in both with different shapes, as {@code name: expected [..],
 *     given [..]}
 */
public record StateDictCheck(
        List<String> missing, List<String> unexpected, List<String> mismatched) {
    /** Names listed per category in {@link #message}; the rest are counted. */
    static final int LISTED = 20;

    public StateDictCheck {
        missing = List.copyOf(missing);
        unexpected = List.copyOf(unexpected);
        mismatched = List.copyOf(mismatched);
    }

    /** Compares tensor names and shapes (values are not looked at). */
    public static StateDictCheck compare(NetworkParameters expected, NetworkParameters given) {
        Map<String, NetworkParameters.Tensor> want = expected.tensors();
        Map<String, NetworkParameters.Tensor> have = given.tensors();
        List<String> missing = new ArrayList<>();
        List<String> mismatched = new ArrayList<>();
        for (Map.Entry<String, NetworkParameters.Tensor> e : want.entrySet()) {
            NetworkParameters.Tensor g = have.get(e.getKey());
            if (g == null) {
                missing.add(e.getKey() + " " + Arrays.toString(e.getValue().shape()));
            } else if (!Arrays.equals(g.shape(), e.getValue().shape())) {
                mismatched.add(
                        e.getKey()
                                + ": expected "
                                + Arrays.toString(e.getValue().shape())
                                + ", given "
                                + Arrays.toString(g.shape()));
            }
        }
        List<String> unexpected = new ArrayList<>();
        for (Map.Entry<String, NetworkParameters.Tensor> e : have.entrySet()) {
            if (!want.containsKey(e.getKey())) {
                unexpected.add(e.getKey() + " " + Arrays.toString(e.getValue().shape()));
            }
        }
        return new StateDictCheck(missing, unexpected, mismatched);
    }

    /** Whether every expected tensor is given, with its shape, and nothing else is. */
    public boolean matches() {
        return missing.isEmpty() && unexpected.isEmpty() && mismatched.isEmpty();
    }

    /**
     * One message for all differences, e.g. {@code state dict resnet50.npz does not fit
     * architecture resnet50: 1 missing (fc.weight [10, 2048]); 1 shape mismatch (conv1.weight:
     * expected [64, 3, 7, 7], given [64, 3, 3, 3])}; empty if {@link #matches()}.
     *
     * @param source names the state dict (usually its file)
     * @param architecture names what it was loaded into
     */
    public String message(String source, String architecture) {
        if (matches()) {
            return "";
        }
        StringBuilder sb =
                new StringBuilder(
                        "state dict "
                                + source
                                + " does not fit architecture "
                                + architecture
                                + ":");
        String sep = " ";
        sep = append(sb, sep, missing, "missing", "missing");
        sep = append(sb, sep, unexpected, "unexpected", "unexpected");
        append(sb, sep, mismatched, "shape mismatch", "shape mismatches");
        return sb.toString();
    }

    /**
     * @throws IllegalArgumentException with {@link #message} unless the state dict {@link
     *     #matches()}
     */
    public void requireMatch(String source, String architecture) {
        if (!matches()) {
            throw new IllegalArgumentException(message(source, architecture));
        }
    }

    private static String append(
            StringBuilder sb, String sep, List<String> items, String one, String many) {
        if (items.isEmpty()) {
            return sep;
        }
        sb.append(sep)
                .append(items.size())
                .append(' ')
                .append(items.size() == 1 ? one : many)
                .append(" (");
        sb.append(String.join(", ", items.subList(0, Math.min(LISTED, items.size()))));
        if (items.size() > LISTED) {
            sb.append(", ... and ").append(items.size() - LISTED).append(" more");
        }
        sb.append(')');
        return "; ";
    }
}
