package org.adabet.plot;

/** File-name-safe forms of pair and method names ({@code convnet_s/corrupted}). */
public final class FileNames {
    private FileNames() {}

    /** Every character outside {@code [A-Za-z0-9._-]} becomes {@code _}. */
    public static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
