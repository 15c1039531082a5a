package org.adabet.sweep;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One failed task or selection of a sweep stage, as the {@code failures} table lists it.
 *
 * @param stage the stage that failed it, e.g. {@code retrain}
 * @param taskKey the task's key in that stage (see {@link TaskKeys})
 * @param errorClass the exception's simple class name, or a stage-given name for failures that are
 *     not exceptions (a selection that fits nothing)
 * @param message the whole error text, as the stage's own table records it
 */
public record TaskFailure(String stage, String taskKey, String errorClass, String message) {
    /** The form {@link Failures#describe} writes: {@code SimpleName: message ...}. */
    private static final Pattern EXCEPTION =
            Pattern.compile("^([A-Za-z_$][\\w$]*(?:Exception|Error|Throwable)): ");

    /**
     * @param error the error text of a failed outcome
     * @param otherwise the class to name when the text does not start with an exception's name
     */
    public static TaskFailure of(String stage, String taskKey, String error, String otherwise) {
        Matcher m = EXCEPTION.matcher(error);
        return new TaskFailure(stage, taskKey, m.find() ? m.group(1) : otherwise, error);
    }
}
