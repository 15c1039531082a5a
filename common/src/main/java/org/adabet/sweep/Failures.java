package org.adabet.sweep;

/** How a failed task is described in the result tables. */
final class Failures {
    private Failures() {}

    /** The exception's class and message, with its root cause when different. */
    static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = error.getClass().getSimpleName() + ": " + error.getMessage();
        if (root != error) {
            text +=
                    " (caused by "
                            + root.getClass().getSimpleName()
                            + ": "
                            + root.getMessage()
                            + ")";
        }
        return text;
    }
}
