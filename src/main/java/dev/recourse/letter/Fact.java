package dev.recourse.letter;

import java.util.Objects;

/**
 * One thing the letter states, or the admission that it is not known yet. A letter goes to a payer over a
 * physician's signature: a missing member id or denial date must show as a gap the specialist fills, never as a
 * blank (easy to overlook) nor as a plausible guess — so every field that can be missing is a Fact, and the
 * templates print an unknown one as a marked placeholder.
 *
 * @param <T> the value's type (text, a date, a number)
 */
public sealed interface Fact<T> permits Fact.Known, Fact.Unknown {

	/** A value the gatherer established. */
	record Known<T>(T value) implements Fact<T> {
		public Known {
			Objects.requireNonNull(value, "a known fact has a value; use Fact.unknown()");
			if (value instanceof String text && text.isBlank()) {
				throw new IllegalArgumentException("a known fact is not blank; use Fact.unknown()");
			}
		}
	}

	/** Not established: printed as a placeholder for the specialist. */
	record Unknown<T>() implements Fact<T> {
		@Override
		public T value() {
			throw new IllegalStateException("an unknown fact has no value");
		}
	}

	static <T> Fact<T> of(T value) {
		return new Known<>(value);
	}

	static <T> Fact<T> unknown() {
		return new Unknown<>();
	}

	/** The value when there is one, else unknown; blank text counts as unknown (an empty FHIR string says nothing). */
	static <T> Fact<T> ofNullable(T value) {
		if (value == null || value instanceof String text && text.isBlank()) {
			return unknown();
		}
		return of(value);
	}

	/** Whether the value is known (the templates ask this before printing it). */
	default boolean known() {
		return this instanceof Known;
	}

	/** The value; only for a known fact (an unknown one throws). */
	T value();
}
