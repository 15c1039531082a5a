package org.adabet.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TaskFailureTest {

    @Test
    void theErrorClassIsTheExceptionNameTheErrorTextStartsWith() {
        TaskFailure f =
                TaskFailure.of(
                        "retrain",
                        "k",
                        Failures.describe(
                                new IllegalStateException("boom", new java.io.IOException("disk"))),
                        "Other");
        assertEquals("IllegalStateException", f.errorClass());
        assertEquals("IllegalStateException: boom (caused by IOException: disk)", f.message());
    }

    @Test
    void aFailureThatIsNoExceptionGetsTheGivenClass() {
        TaskFailure f =
                TaskFailure.of(
                        "selection",
                        "k",
                        "nothing to train: budget 1K fits no layer",
                        "EmptySelection");
        assertEquals("EmptySelection", f.errorClass());
        assertEquals("nothing to train: budget 1K fits no layer", f.message());
    }
}
