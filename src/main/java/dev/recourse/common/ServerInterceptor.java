package dev.recourse.common;

/**
 * Marks a Spring bean as a HAPI interceptor for the FHIR endpoint. The RestfulServer registers every
 * bean of this type; the bean itself carries HAPI's {@code @Interceptor} and {@code @Hook} annotations.
 */
public interface ServerInterceptor {}
