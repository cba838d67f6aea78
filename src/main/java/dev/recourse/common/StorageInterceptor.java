package dev.recourse.common;

/**
 * Marks a Spring bean as a HAPI interceptor on the storage layer (HAPI's global interceptor service),
 * for hooks that must see every write, including the entries of batches and transactions. The bean
 * itself carries HAPI's {@code @Interceptor} and {@code @Hook} annotations.
 */
public interface StorageInterceptor {}
