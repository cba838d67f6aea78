package dev.recourse.assistance;

/** A programme as it stands for one case: offered or withheld, and why, in words a specialist can read. */
record ProgramOffer(AssistanceProgram program, boolean offered, String reason) {}
