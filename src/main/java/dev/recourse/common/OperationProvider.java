package dev.recourse.common;

/**
 * Marks a Spring bean as a HAPI provider of Recourse operations. The RestfulServer registers every bean
 * of this type; the bean itself carries HAPI's {@code @Operation} methods.
 */
public interface OperationProvider {}
