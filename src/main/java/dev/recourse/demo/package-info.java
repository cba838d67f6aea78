/**
 * Demo data: third-party example patients and PAS exchanges loaded at start-up on the embedded default,
 * so a newcomer has something to look at. Loading is idempotent and safe with several instances.
 */
package dev.recourse.demo;
