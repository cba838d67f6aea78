package dev.recourse.ehr.fake;

import java.time.Instant;

/**
 * One request the fake EHR answered.
 *
 * @param method the HTTP method
 * @param pathAndQuery the path with its query string, e.g. {@code /fhir/Observation?patient=85}
 * @param resourceType the resource type it was about (a page of a search counts for the search's type), or null
 * @param operation the operation it invoked, e.g. {@code $everything}, or null
 * @param status the HTTP status answered
 * @param time when it arrived
 */
public record RequestRecord(
		String method, String pathAndQuery, String resourceType, String operation, int status, Instant time) {
}
