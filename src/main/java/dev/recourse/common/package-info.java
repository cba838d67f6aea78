/**
 * What every feature shares at the HTTP edge: the {@code recourse-error} codes and the domain exception
 * that carries them, the one interceptor that turns failures into OperationOutcomes, request ids in logs,
 * request limits, and the marker interfaces by which features contribute providers and interceptors.
 */
package dev.recourse.common;
