package dev.recourse.packet;

/**
 * Why a case cannot be sent yet.
 *
 * @param element FHIRPath of what is missing or wrong (e.g. {@code DocumentReference.authenticator})
 * @param message what is wrong and what to do; never patient data
 */
record PacketProblem(String element, String message) {
}
