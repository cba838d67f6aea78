package dev.recourse.bench;

import java.net.http.HttpRequest;
import java.util.function.IntFunction;

/**
 * One load pattern: a request factory (given the request's sequence number), how many requests, and how
 * many at a time. Add a scenario by adding one of these to {@link Scenarios}.
 */
record Scenario(String name, int requests, int concurrency, IntFunction<HttpRequest> request) {}
