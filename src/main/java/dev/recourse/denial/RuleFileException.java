package dev.recourse.denial;

/** A rule file that is missing or has a broken row; the message names the file and the row. */
public class RuleFileException extends IllegalStateException {

    public RuleFileException(String message) {
        super(message);
    }

    public RuleFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
