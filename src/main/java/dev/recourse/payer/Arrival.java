package dev.recourse.payer;

/**
 * A submission as it arrives.
 *
 * @param submission which one: its sender and Bundle identifier, and so its ids
 * @param client who sent it (the OAuth client id)
 * @param digest what it says ({@link Submission#digest})
 */
record Arrival(Submission submission, String client, String digest) {
}
