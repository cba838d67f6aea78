package dev.recourse.denial;

/**
 * Whether the denied request was for care not yet given (prior authorization) or payment for care given.
 * Several decision clocks differ by it (ERISA 30 vs 60 days, Medicare Advantage 30 vs 60 days).
 */
public enum ServiceTiming {
    PRE_SERVICE("pre-service"),
    POST_SERVICE("post-service");

    private final String code;

    ServiceTiming(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static ServiceTiming fromCode(String code) {
        for (ServiceTiming timing : values()) {
            if (timing.code.equals(code)) {
                return timing;
            }
        }
        throw new IllegalArgumentException("unknown service timing '" + code + "'");
    }
}
